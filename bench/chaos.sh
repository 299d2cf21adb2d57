#!/usr/bin/env bash
# Availability and durability under node loss (README "Running a cluster: chaos").
#
#   bench/chaos.sh [--quick] [--no-build]
#
# Starts a throwaway PostgreSQL and three BeMore nodes on loopback, drives 100 sessions (each follows its session on
# a hub connection and appends a transcript segment every 4 s over REST, retrying the same clientSegmentId on another
# node after a 503 or a refused connection, keeping every acknowledged seq), and kills a random node with SIGKILL
# every 20 s, restarting it 5 s later: 5 minutes (--quick: 60 s, two kills). Clients whose node dies reconnect to a
# live one and catch up by afterSeq. At the end the ledger is checked against the database rows and against what
# each client received; the last line is
#   chaos: acknowledged N, lost 0, duplicated 0, gaps 0, undelivered 0, max unavailable X.X s
# and the exit code is non-zero if anything was lost, duplicated, skipped or undelivered, or if an append failed with
# anything but a 503 or a refused connection. Everything started here is stopped at exit (CHAOS_KEEP=1 keeps the logs).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

seconds=300
build=1
sessions=${CHAOS_SESSIONS:-100}
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) seconds=60 ;;
        --no-build) build= ;;
        *) echo "usage: bench/chaos.sh [--quick] [--no-build]" >&2; exit 2 ;;
    esac
    shift
done
kill_every=20
restart_after=5

work=$(mktemp -d -t bemore-chaos-XXXXXX)
chmod 755 "$work"
node_pids=(0 0 0)
generator_pid=
pg_data=

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

clean_up() {
    [ -n "$generator_pid" ] && kill "$generator_pid" 2>/dev/null || true
    for pid in "${node_pids[@]}"; do
        [ "$pid" != 0 ] && kill -KILL "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate >/dev/null 2>&1 || true
    fi
    if [ -n "${CHAOS_KEEP:-}" ]; then echo "chaos: logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap clean_up EXIT

# shellcheck source=../tools/free-port.sh
source "$repo/tools/free-port.sh"

if [ -n "$build" ]; then
    log "building (Release)"
    dotnet build BeMore.sln -c Release -nologo -clp:ErrorsOnly -v:quiet >&2
fi
load_dll="$repo/bench/BeMore.Bench.Load/bin/Release/net10.0/BeMore.Bench.Load.dll"
silo_dll="$repo/src/Silo/bin/Release/net10.0/BeMore.Silo.dll"

# --- PostgreSQL -------------------------------------------------------------------------------------------------------
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)")
[ -x "$pg_bin/pg_ctl" ] || pg_bin=$(dirname "$(command -v pg_ctl)")
pg_root="$work/pg"
pg_data="$pg_root/data"
mkdir -p "$pg_root"
[ "$(id -u)" = 0 ] && chown postgres "$pg_root"
# Production refuses a connection string without a password: the cluster asks for one (SCRAM).
pg_password=$(head -c 24 /dev/urandom | base64 -w0 | tr -d '/+=')
echo "$pg_password" >"$pg_root/password"
[ "$(id -u)" = 0 ] && chown postgres "$pg_root/password"
as_postgres "$pg_bin/initdb" -D "$pg_data" --auth=scram-sha-256 --pwfile="$pg_root/password" -U postgres >/dev/null
start_postgres_on_free_port "$pg_bin" "$pg_data" "$pg_root" "-c max_connections=300"
psql_as() { as_postgres env PGPASSWORD="$pg_password" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
psql_as -q -c "CREATE DATABASE bemore" >/dev/null

# --- three nodes --------------------------------------------------------------------------------------------------
signing_key=$(head -c 48 /dev/urandom | base64 -w0)
events_key=$(head -c 32 /dev/urandom | base64 -w0)
http_ports=()
silo_ports=()

start_node() { # index
    local i=$1
    mkdir -p "$work/node$i"
    # One load generator is one client: the per-client limits a production node keeps are raised for the run.
    (cd "$work/node$i" && exec env ASPNETCORE_ENVIRONMENT=Production \
        ASPNETCORE_URLS="http://127.0.0.1:${http_ports[$i]}" \
        BeMore__Storage__Profile=Postgres \
        "BeMore__Storage__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=bemore;Username=postgres;Password=$pg_password" \
        "BeMore__Auth__SigningKey=$signing_key" \
        BeMore__Encryption__ActiveKeyId=chaos \
        "BeMore__Encryption__Keys__chaos=$events_key" \
        BeMore__Cluster__AdvertisedHost=127.0.0.1 \
        BeMore__Cluster__SiloPort="${silo_ports[$i]}" \
        BeMore__Auth__AccessTokenLifetime=02:00:00 \
        BeMore__Security__RateLimit__PermitLimit=1000000 \
        BeMore__Security__RateLimit__WritePermitLimit=1000000 \
        BeMore__Security__RateLimit__Window=00:00:01 \
        BeMore__Auth__SignUp__PermitLimit=1000000 \
        BeMore__Hub__MaxConnectionsPerUser=1000 \
        dotnet "$silo_dll") >>"$work/node$i.log" 2>&1 &
    node_pids[$i]=$!
}

wait_ready() { # index seconds
    local deadline=$((SECONDS + $2))
    # Ready only from this node: another process may hold the port this one failed to bind.
    until curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:${http_ports[$1]}/health/ready" && kill -0 "${node_pids[$1]}" 2>/dev/null; do
        kill -0 "${node_pids[$1]}" 2>/dev/null || { log "node $1 exited during start-up"; tail -n 30 "$work/node$1.log" >&2; return 1; }
        [ "$SECONDS" -lt "$deadline" ] || { log "node $1 not ready after $2 s"; return 1; }
        sleep 0.2
    done
}

# A node's first start picks its ports (start_on_free_ports). A restart after a kill keeps them (the load generator
# knows each node by its address).
first_start() { # index
    touch "$work/node$1.log"
    start_on_free_ports "node $1" "$work/node$1.log" node_start "$1"
}

node_start() { # index
    free_port "http_ports[$1]"
    free_port "silo_ports[$1]"
    start_node "$1"
    wait_ready "$1" 120 && return
    kill -KILL "${node_pids[$1]}" 2>/dev/null || true
    wait "${node_pids[$1]}" 2>/dev/null || true
    return 1
}

# The first node installs the schema; the others join once it is there.
first_start 0
first_start 1
first_start 2
log "three nodes ready (http ${http_ports[*]})"
nodes="http://127.0.0.1:${http_ports[0]},http://127.0.0.1:${http_ports[1]},http://127.0.0.1:${http_ports[2]}"

# --- load, kills -----------------------------------------------------------------------------------------------------
mkfifo "$work/generator.out"
dotnet "$load_dll" chaos-run --nodes "$nodes" --sessions "$sessions" --seconds "$seconds" --ledger "$work/ledger.json" \
    >"$work/generator.out" 2>>"$work/generator.log" &
generator_pid=$!
read -r ready <"$work/generator.out" || true
[ "$ready" = READY ] || { log "the load generator did not start"; cat "$work/generator.log" >&2; exit 1; }
log "load running for $seconds s"

# A kill every $kill_every s, at most one node down at a time: a node still restarting when the next kill is due is
# waited for first (on a loaded machine a restart can take longer than the interval). No kill in the last 10 s.
started=$SECONDS
kills=0
next_kill=$((started + kill_every))
while :; do
    for i in 0 1 2; do wait_ready "$i" 120; done
    [ "$SECONDS" -lt "$next_kill" ] && sleep $((next_kill - SECONDS))
    [ "$SECONDS" -lt $((started + seconds - 10)) ] || break
    victim=$((RANDOM % 3))
    kill -KILL "${node_pids[$victim]}"
    wait "${node_pids[$victim]}" 2>/dev/null || true
    kills=$((kills + 1))
    next_kill=$((SECONDS + kill_every))
    log "kill $kills: node $victim (SIGKILL) at $((SECONDS - started)) s"
    sleep "$restart_after"
    start_node "$victim"
done

wait "$generator_pid" || { log "the load generator failed"; tail -n 30 "$work/generator.log" >&2; exit 1; }
generator_pid=

for i in 0 1 2; do
    rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${node_pids[$i]}/status" 2>/dev/null || echo "?")
    echo "chaos: node $i memory ${rss} MB (rss at the end)"
done
echo "chaos: $kills kills; $(cat "$work"/node*.log | grep -c '"@l":"Error"' || true) error lines in the nodes' logs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work"/node*.log | grep '"@l":"Error"' | sed 's/.*"@m":"\([^"]\{0,100\}\).*/\1/' | sort | uniq -c | sort -rn | head -n 5 | sed 's/^/chaos: error x/' || true

psql_as -d bemore -At -c "SELECT session_id, seq, COALESCE(dedup_key::text, '') FROM bemore_session_events" >"$work/rows.txt"
dotnet "$load_dll" chaos-check --ledger "$work/ledger.json" --rows "$work/rows.txt"

#!/usr/bin/env bash
# BeMore's performance, measured against a bare baseline in the same run (README "Performance").
#
#   bench/run.sh [--quick] [--postgres] [--only 1,2,3,4,5,6,7,8,micro] [--no-build]
#
# Builds Release, starts the baseline server (bare echo hub + bare minimal-API endpoint) and BeMore (embedded profile)
# on loopback, pins the servers and the load generator to separate cores, runs each scenario on the baseline and on
# BeMore alternately, and prints `scenario | metric | baseline | BeMore | ratio` with a machine line, then the
# micro-benchmarks. --quick: small N and short runs (under a minute; CI runs it to keep the harness working and asserts
# nothing about speed; CI adds --postgres). --postgres: also runs the storage-bound scenarios (3, 4, 6) and the counselor's (8) against BeMore
# on a throwaway PostgreSQL. --only runs the listed scenarios ("micro": the micro-benchmarks). --no-build reuses the last Release build. BEMORE_SILO_DLL points at another
# build of BeMore.Silo.dll, to compare a change against the same baseline. BENCH_LOAD_ARGS adds options to every load
# generator command (e.g. "--priors 10,2000,5000 --appends 400" for scenario 3); BENCH_WRK_CONNECTIONS sets scenario 4's
# wrk connections; BENCH_WARMUP_SECONDS scenario 4's GET warm-up (default 60). Everything started here is stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

quick=
postgres=
only=1,2,3,4,5,6,7,8,micro
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --postgres) postgres=1 ;;
        --no-build) build= ;;
        --only) only=${2:?--only needs a list such as 1,4}; shift ;;
        *) echo "usage: bench/run.sh [--quick] [--postgres] [--only 1,2,3,4,5,6,7,8,micro] [--no-build]" >&2; exit 2 ;;
    esac
    shift
done
selected() { [[ ",$only," == *",$1,"* ]]; }

work=$(mktemp -d -t bemore-bench-XXXXXX)
chmod 755 "$work"
rows="$work/rows.tsv"
: >"$rows"
started_pids=()
pg_data=

clean_up() {
    for pid in "${started_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${started_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap clean_up EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# Servers on the first core(s), the generator (and wrk) on the rest; one core each on a 2-core machine.
cores=$(nproc)
if [ "$cores" -ge 2 ]; then
    server_cpus="0-$((cores / 2 - 1))"
    generator_cpus="$((cores / 2))-$((cores - 1))"
else
    server_cpus=0
    generator_cpus=0
fi

# shellcheck source=../tools/free-port.sh
source "$repo/tools/free-port.sh"

wait_for() { # url, seconds, pid
    local deadline=$((SECONDS + $2))
    # Ready only from this server: another process may hold the port it failed to bind (and may never answer: --max-time).
    until curl -sf --max-time 5 -o /dev/null "$1" && kill -0 "$3" 2>/dev/null; do
        kill -0 "$3" 2>/dev/null || { log "server $3 exited during start-up"; return 1; }
        [ "$SECONDS" -lt "$deadline" ] || { log "$1 not ready after $2 s"; return 1; }
        sleep 0.2
    done
}

wait_for_log() { # file, lines already in it, pattern (grep), seconds, pid
    local deadline=$((SECONDS + $4))
    until tail -n +"$(($2 + 1))" "$1" | grep -q "$3"; do
        kill -0 "$5" 2>/dev/null || { log "server $5 exited during start-up"; return 1; }
        [ "$SECONDS" -lt "$deadline" ] || { log "\"$3\" not logged after $4 s"; return 1; }
        sleep 0.2
    done
}

if [ -n "$build" ]; then
    log "building (Release)"
    dotnet build BeMore.sln -c Release -nologo -clp:ErrorsOnly -v:quiet >&2
fi
build_seconds=$SECONDS
load_dll="$repo/bench/BeMore.Bench.Load/bin/Release/net10.0/BeMore.Bench.Load.dll"
baseline_dll="$repo/bench/BeMore.Bench.Baseline/bin/Release/net10.0/BeMore.Bench.Baseline.dll"
silo_dll="${BEMORE_SILO_DLL:-$repo/src/Silo/bin/Release/net10.0/BeMore.Silo.dll}"
micro_dll="$repo/bench/BeMore.Bench.Micro/bin/Release/net10.0/BeMore.Bench.Micro.dll"

stop_process() { # pid
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# start_bare PORT_NAME PID_NAME LOG CPUS: the bare server (echo hub, bare REST, fake LLM) on a port of its own, ready
# (start_on_free_ports). The two names must not be bare_start's or the helper's locals (bare_*, start_*).
start_bare() {
    start_on_free_ports "the bare server" "$3" bare_start "$@"
}

bare_start() {
    local bare_port bare_pid
    free_port bare_port
    ASPNETCORE_URLS="http://127.0.0.1:$bare_port" taskset -c "$4" dotnet "$baseline_dll" >>"$3" 2>&1 &
    bare_pid=$!
    started_pids+=("$bare_pid")
    wait_for "http://127.0.0.1:$bare_port/bare/ready" 60 "$bare_pid" || { stop_process "$bare_pid"; return 1; }
    printf -v "$1" '%s' "$bare_port"
    printf -v "$2" '%s' "$bare_pid"
}

# --- baseline -------------------------------------------------------------------------------------------------------
start_bare baseline_port baseline_pid "$work/baseline.log" "$server_cpus"
baseline_url="http://127.0.0.1:$baseline_port"

# --- BeMore ---------------------------------------------------------------------------------------------------------
bemore_port=
silo_port=
bemore_url=
bemore_pid=
# Settings a scenario adds when it (re)starts BeMore.
bemore_extra_env=()

# The limits a production node keeps per client would throttle a load generator that is one client: raised for the run.
bemore_env() {
    local data_dir=$1
    echo ASPNETCORE_ENVIRONMENT=Production
    echo ASPNETCORE_URLS="$bemore_url"
    echo BeMore__Storage__DataDirectory="$data_dir"
    echo BeMore__Cluster__SiloPort="$silo_port"
    echo BeMore__Auth__AccessTokenLifetime=02:00:00
    echo BeMore__Security__RateLimit__PermitLimit=1000000
    echo BeMore__Security__RateLimit__WritePermitLimit=1000000
    echo BeMore__Security__RateLimit__Window=00:00:01
    echo BeMore__Auth__SignUp__PermitLimit=1000000
    echo BeMore__Hub__InvocationsPerSecond=10000
    echo BeMore__Hub__InvocationBurst=10000
    echo BeMore__Hub__MaxConnectionsPerUser=1000
}

start_bemore() { # profile (embedded|postgres)
    local log_file="$work/bemore-$1.log"
    touch "$log_file"
    start_on_free_ports BeMore "$log_file" bemore_start "$1" "$log_file" || return 1
    log "BeMore ($1 profile) ready, pid $bemore_pid"
}

# bemore_start PROFILE LOG: BeMore on ports of its own (each start picks them: the load generator is told the address
# at each run), ready and warmed up.
bemore_start() {
    local data_dir="$work/bemore-$1" settings=() logged
    mkdir -p "$data_dir"
    free_port bemore_port
    free_port silo_port
    bemore_url="http://127.0.0.1:$bemore_port"
    mapfile -t settings < <(bemore_env "$data_dir")
    settings+=("${bemore_extra_env[@]}")
    if [ "$1" = postgres ]; then
        settings+=(BeMore__Storage__Profile=Postgres
            "BeMore__Storage__ConnectionString=$pg_connection"
            "BeMore__Auth__SigningKey=$pg_signing_key"
            BeMore__Encryption__ActiveKeyId=bench
            "BeMore__Encryption__Keys__bench=$pg_events_key"
            BeMore__Cluster__AdvertisedHost=127.0.0.1)
    fi
    logged=$(wc -l <"$2")
    (cd "$data_dir" && exec env "${settings[@]}" taskset -c "$server_cpus" dotnet "$silo_dll") >>"$2" 2>&1 &
    bemore_pid=$!
    started_pids+=("$bemore_pid")
    # Ready answers while the analysis still warms up (the models and the rules' first matches, about 1.7 s): a scenario
    # that starts then measures the node's start-up in its first requests (scenario 8's p99, run alone). Read from this
    # process's first line: an attempt that failed on a taken port may have logged it before it stopped.
    wait_for "$bemore_url/health/ready" 120 "$bemore_pid" &&
        wait_for_log "$2" "$logged" "Analysis models ready\|Analysis warm-up stopped" 120 "$bemore_pid" ||
        { stop_process "$bemore_pid"; return 1; }
}

stop_bemore() {
    stop_process "$bemore_pid"
}

generate() { # command [options...]: result rows to $rows, progress to stderr
    DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 taskset -c "$generator_cpus" dotnet "$load_dll" "$@" \
        --baseline "$baseline_url" --bemore "$bemore_url" --baseline-pid "$baseline_pid" --bemore-pid "$bemore_pid" \
        ${quick:+--quick} ${BENCH_LOAD_ARGS:-} | { grep '^ROW' || true; } | cut -f2- >>"$rows"
}

# --- scenario 4: REST under wrk -------------------------------------------------------------------------------------
wrk_ms() { # wrk latency such as 850.00us, 12.5ms, 1.2s -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

wrk_run() { # label script url -> "requests/s p99_ms non2xx"
    local out
    out=$(taskset -c "$generator_cpus" wrk -t1 -c"$wrk_connections" -d"$wrk_seconds"s --latency -s "$2" "$3")
    local rps p99 bad
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p99=$(wrk_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
    log "wrk $1: ${rps} req/s, p99 ${p99} ms, non-2xx ${bad:-0}"
    echo "$rps $p99 ${bad:-0}"
}

wrk_script() { # method path (a trailing / gets the user's session id) [JSON body]: a wrk script taking turns between users
    local body=nil
    [ -n "${3:-}" ] && body="'$3'"
    echo "local users = {"
    cat "$work/users.lua"
    echo "}"
    echo "local turn = 0"
    echo "request = function()"
    echo "  turn = turn % #users + 1"
    echo "  local path = \"$2\""
    echo "  if path:sub(-1) == \"/\" then path = path .. users[turn][2] end"
    echo "  local headers = { [\"Authorization\"] = \"Bearer \" .. users[turn][1], [\"Content-Type\"] = \"application/json\" }"
    echo "  return wrk.format(\"$1\", path, headers, $body)"
    echo "end"
}

rest_scenario() { # label suffix
    # Each request takes the next user's token (and session), round robin.
    DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 dotnet "$load_dll" rest-prepare --baseline "$baseline_url" --bemore "$bemore_url" ${quick:+--quick} |
        awk '$1 == "BENCH_USER" { printf "  { \"%s\", \"%s\" },\n", $2, $3 }' >"$work/users.lua"
    wrk_script GET /bare/ >"$work/bare-get.lua"
    wrk_script GET /api/session/ >"$work/get.lua"
    wrk_script POST /bare '{"title":"bench"}' >"$work/bare-create.lua"
    wrk_script POST /api/session '{"title":"bench","consent":{"analysis":false,"storeTranscript":true}}' >"$work/create.lua"
    if [ -z "$quick" ]; then
        # With the server's one core saturated, the JIT's background thread gets little of it: code reaches its optimized
        # tier only after about a minute of traffic (a 2 s warm-up measured BeMore's GET at a third of its steady rate).
        # Creates warm up briefly: every one adds to a test user's session index, which later creates then carry.
        wrk_seconds=${BENCH_WARMUP_SECONDS:-60}
        wrk_run "warm-up bare GET" "$work/bare-get.lua" "$baseline_url" >/dev/null
        wrk_run "warm-up BeMore GET" "$work/get.lua" "$bemore_url" >/dev/null
        wrk_seconds=5
        wrk_run "warm-up bare POST" "$work/bare-create.lua" "$baseline_url" >/dev/null
        wrk_run "warm-up BeMore POST" "$work/create.lua" "$bemore_url" >/dev/null
    fi
    wrk_seconds=$wrk_measure_seconds
    local bg bb cg cb
    read -r -a bg <<<"$(wrk_run "bare GET" "$work/bare-get.lua" "$baseline_url")"
    read -r -a bb <<<"$(wrk_run "BeMore session get$1" "$work/get.lua" "$bemore_url")"
    read -r -a cg <<<"$(wrk_run "bare POST" "$work/bare-create.lua" "$baseline_url")"
    read -r -a cb <<<"$(wrk_run "BeMore session create$1" "$work/create.lua" "$bemore_url")"
    printf '4 REST (wrk -c%s)\tsession get throughput%s\t%s/s\t%s/s\t%s\n' "$wrk_connections" "$1" "${bg[0]}" "${bb[0]}" "$(ratio "${bb[0]}" "${bg[0]}")" >>"$rows"
    printf '4 REST (wrk -c%s)\tsession get p99%s\t%s ms\t%s ms\t%s\n' "$wrk_connections" "$1" "${bg[1]}" "${bb[1]}" "$(ratio "${bb[1]}" "${bg[1]}")" >>"$rows"
    printf '4 REST (wrk -c%s)\tsession create throughput%s\t%s/s\t%s/s\t%s\n' "$wrk_connections" "$1" "${cg[0]}" "${cb[0]}" "$(ratio "${cb[0]}" "${cg[0]}")" >>"$rows"
    printf '4 REST (wrk -c%s)\tsession create p99%s\t%s ms\t%s ms\t%s\n' "$wrk_connections" "$1" "${cg[1]}" "${cb[1]}" "$(ratio "${cb[1]}" "${cg[1]}")" >>"$rows"
    printf '4 REST (wrk -c%s)\tnon-2xx answers (get + create)%s\t%s\t%s\t-\n' "$wrk_connections" "$1" "$((bg[2] + cg[2]))" "$((bb[2] + cb[2]))" >>"$rows"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

if [ -n "$quick" ]; then wrk_connections=8; wrk_measure_seconds=2; else wrk_connections=32; wrk_measure_seconds=8; fi
# BENCH_WRK_CONNECTIONS=1 times one request at a time: a request's own path (waits included), not the server's throughput.
wrk_connections=${BENCH_WRK_CONNECTIONS:-$wrk_connections}

# --- scenario 6: cold re-activation (the server restarts between preparing and measuring) ---------------------------
reactivation_scenario() { # profile label
    generate reactivation-prepare --state "$work/reactivation.json"
    stop_bemore
    start_bemore "$1"
    generate reactivation-measure --state "$work/reactivation.json" ${2:+--label "$2"}
}

# --- scenario 8: counselor replies ------------------------------------------------------------------------------------
counselor_scenario() { # profile label
    # The counselor streams from a fake LLM, the baseline's, in a process of its own on the generator's core: the service
    # it stands for runs elsewhere, and on the server's core its own work and collections landed inside BeMore's measured
    # latency. The rest of the run keeps BeMore without an LLM.
    log "scenario 8: counselor replies ($1, BeMore restarted with a fake LLM on the generator's core)"
    local llm_url llm_pid llm_port
    start_bare llm_port llm_pid "$work/llm.log" "$generator_cpus"
    llm_url="http://127.0.0.1:$llm_port"
    stop_bemore
    bemore_extra_env=(BeMore__Llm__Enabled=true "BeMore__Llm__Endpoint=$llm_url/v1" BeMore__Counselor__DailyTokenBudget=1000000000)
    start_bemore "$1"
    generate warmup
    baseline_url=$llm_url generate counselor ${2:+--label "$2"}
    bemore_extra_env=()
    stop_process "$llm_pid"
}

run_scenarios() { # profile label database
    if selected 3; then
        log "scenario 3: event-log append ($1)"
        generate append --database "$3" ${2:+--label "$2"}
    fi
    if selected 4; then
        log "scenario 4: REST under wrk ($1)"
        rest_scenario "$2"
    fi
    if selected 6; then
        log "scenario 6: cold re-activation ($1)"
        reactivation_scenario "$1" "$2"
    fi
}

start_bemore embedded
# First, on both fresh processes: a process whose heap earlier scenarios grew takes new connections without growing.
if selected 5; then
    log "scenario 5: idle joined sessions"
    generate idle
fi
log "warming up both servers"
generate warmup
if selected 1; then
    log "scenario 1: hub round trip"
    generate hub-round-trip
fi
if selected 2; then
    log "scenario 2: streaming sessions"
    generate streaming
fi
if selected 7; then
    log "scenario 7: mixed (streaming + dashboard polling + session reads)"
    generate mixed
fi
run_scenarios embedded "" "sqlite:$work/bemore-embedded/bemore.db"
selected 8 && counselor_scenario embedded ""
stop_bemore

# --- PostgreSQL profile ---------------------------------------------------------------------------------------------
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -n "$postgres" ]; then
    # The server's own folder holds initdb, pg_ctl and psql together (PATH may hold only wrappers of some of them).
    pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)")
    [ -x "$pg_bin/pg_ctl" ] || pg_bin=$(dirname "$(command -v pg_ctl)")
    pg_root="$work/pg"
    pg_data="$pg_root/data"
    mkdir -p "$pg_root"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_root"
    # A real generated password (SCRAM, as a deployment would have): a production node refuses a connection string without one.
    pg_password=$(head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_')
    printf '%s\n' "$pg_password" >"$pg_root/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_root/pwfile"
    as_postgres "$pg_bin/initdb" -D "$pg_data" --auth=scram-sha-256 --pwfile="$pg_root/pwfile" -U postgres >/dev/null
    rm -f "$pg_root/pwfile"
    start_postgres_on_free_port "$pg_bin" "$pg_data" "$pg_root"
    PGPASSWORD=$pg_password as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE bemore" >/dev/null
    pg_connection="Host=127.0.0.1;Port=$pg_port;Database=bemore;Username=postgres;Password=$pg_password"
    pg_signing_key=$(head -c 48 /dev/urandom | base64 -w0)
    pg_events_key=$(head -c 32 /dev/urandom | base64 -w0)
    start_bemore postgres
    generate warmup
    run_scenarios postgres " [pg]" "postgres:$pg_connection"
    # The user's message commits while the model is asked: the profile whose commits take longer shows it.
    selected 8 && counselor_scenario postgres " [pg]"
    stop_bemore
fi

# --- micro-benchmarks -----------------------------------------------------------------------------------------------
if selected micro; then
    log "micro-benchmarks"
    micro_job=short
    [ -n "$quick" ] && micro_job=dry
    taskset -c "$generator_cpus" dotnet "$micro_dll" --filter '*' --job "$micro_job" --inProcess --artifacts "$work/micro" >"$work/micro.log" 2>&1 ||
        { tail -n 40 "$work/micro.log" >&2; exit 1; }
fi

# --- the table ------------------------------------------------------------------------------------------------------
dotnet_runtime=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
echo
echo "Machine: ${cpu:-unknown CPU}, $cores cores (servers on CPU $server_cpus, generator on CPU $generator_cpus), $os, kernel $(uname -r), .NET $dotnet_runtime; $(date -u +%Y-%m-%d)${quick:+ (--quick: small N, short runs)}"
echo
echo "| scenario | metric | baseline | BeMore | ratio |"
echo "|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$rows"
echo
for report in "$work"/micro/results/*-report-github.md; do
    [ -f "$report" ] || continue
    sed -n '/^|/p' "$report"
    echo
done
echo "Took $SECONDS s: build $build_seconds s, measuring $((SECONDS - build_seconds)) s."

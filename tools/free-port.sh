# free_port NAME: sets NAME to a loopback TCP port nothing uses, for the scripts that start servers (bench, chaos, API
# lint). Picked below the kernel's ephemeral range: a port inside it can be taken by an outgoing connection (to
# PostgreSQL, between nodes) before the server binds it, which once stopped a chaos node at start-up ("Address already
# in use"). A port this script already handed out is never handed out again (its server may not listen yet), and a port
# with any socket on it, in any state or on any address, is passed over. A port can still be taken by another process
# between the pick and the bind: the scripts start their servers through start_on_free_ports, which runs a start that
# failed with "Address already in use" (port_taken) again on other ports.
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
port_span=$(( ephemeral_low > 21000 ? ephemeral_low - 20000 : 20000 ))
handed_out_ports=" "
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % port_span))
        [[ "$handed_out_ports" == *" $port "* ]] && continue
        if command -v ss >/dev/null 2>&1; then
            [ -z "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ] || continue
        fi
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        handed_out_ports+="$port "
        printf -v "$1" '%s' "$port"
        return
    done
}

# port_taken < LOG: whether the server that wrote LOG (on stdin) exited because a port it was given was taken.
port_taken() {
    grep -qi "address already in use"
}

# start_on_free_ports WHAT LOG START [ARGS...]: runs START ARGS..., which picks its ports with free_port, starts a server
# logging to LOG (appending) and succeeds once the server is ready; a start that fails stops and reaps the process it
# started, so a retry never leaves one running beside the next. A start that failed because a port was taken
# between the pick and the bind (port_taken on the lines LOG gained during that attempt) is run again, picking other
# ports, at most three times in all; any other failure, or a third, shows the log's tail and fails. The caller's `log`
# reports each retry. START runs in a condition, so errexit is off inside it: it must return its own failure.
start_on_free_ports() {
    local start_what=$1 start_log=$2 start_attempt start_logged
    shift 2
    for start_attempt in 1 2 3; do
        start_logged=0
        [ ! -f "$start_log" ] || start_logged=$(wc -l <"$start_log")
        "$@" && return
        # A process substitution, not a pipe: grep -q stops at its first match, and under pipefail a tail still
        # writing would fail the pipe on SIGPIPE and read as "not taken".
        if [ "$start_attempt" = 3 ] || ! port_taken < <(tail -n +"$((start_logged + 1))" "$start_log" 2>/dev/null); then
            log "$start_what did not start; its log:"
            tail -n 40 "$start_log" >&2 || true
            return 1
        fi
        log "$start_what found a port taken (attempt $start_attempt); trying other ports"
    done
}

# start_postgres_on_free_port PG_BIN DATA ROOT [OPTIONS]: pg_ctl start of a throwaway cluster (through the caller's
# as_postgres) on a port free_port picks into pg_port, its socket and server.log in ROOT (start_on_free_ports).
start_postgres_on_free_port() {
    start_on_free_ports PostgreSQL "$3/server.log" postgres_start "$@"
}

postgres_start() {
    free_port pg_port
    as_postgres "$1/pg_ctl" start -D "$2" -l "$3/server.log" -w \
        -o "-p $pg_port -k $3 -c listen_addresses=127.0.0.1 ${4:-}" >/dev/null
}

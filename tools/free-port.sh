# free_port NAME: sets NAME to a loopback TCP port nothing uses, for the scripts that start servers (bench, chaos, API
# lint). Picked below the kernel's ephemeral range: a port inside it can be taken by an outgoing connection (to
# PostgreSQL, between nodes) before the server binds it, which once stopped a chaos node at start-up ("Address already
# in use"). A port this script already handed out is never handed out again (its server may not listen yet), and a port
# with any socket on it, in any state or on any address, is passed over. A port can still be taken by another process
# between the pick and the bind: the scripts retry a start that failed with "Address already in use" (port_taken), as
# start_postgres_on_free_port does.
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

# start_postgres_on_free_port PG_BIN DATA ROOT [OPTIONS]: pg_ctl start of a throwaway cluster (through the caller's
# as_postgres, logging with its log) on a port free_port picks into pg_port, its socket and server.log in ROOT; tried
# again on another port when the server could not bind the one picked; otherwise, or after three tries, it fails with
# the server's log shown.
start_postgres_on_free_port() {
    local attempt logged
    for attempt in 1 2 3; do
        free_port pg_port
        logged=0
        [ ! -f "$3/server.log" ] || logged=$(wc -l <"$3/server.log")
        as_postgres "$1/pg_ctl" start -D "$2" -l "$3/server.log" -w \
            -o "-p $pg_port -k $3 -c listen_addresses=127.0.0.1 ${4:-}" >/dev/null && return
        log "PostgreSQL did not start on port $pg_port (attempt $attempt); its log:"
        tail -n 20 "$3/server.log" >&2 || true
        tail -n +"$((logged + 1))" "$3/server.log" | port_taken || return 1
    done
    return 1
}

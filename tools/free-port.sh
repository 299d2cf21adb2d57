# free_port NAME: sets NAME to a loopback TCP port nothing uses, for the scripts that start servers (bench, chaos, API
# lint). Picked below the kernel's ephemeral range: a port inside it can be taken by an outgoing connection (to
# PostgreSQL, between nodes) before the server binds it, which once stopped a chaos node at start-up ("Address already
# in use"). A port this script already handed out is never handed out again (its server may not listen yet), and a port
# with any socket on it, in any state or on any address, is passed over. A port can still be taken by another process
# between the pick and the bind: the scripts retry a start that failed with "Address already in use" (port_taken).
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

# free_port: a loopback TCP port nothing listens on, for the scripts that start servers (bench, chaos, API lint).
# Picked below the kernel's ephemeral range: a port inside it can be taken by an outgoing connection (to PostgreSQL,
# between nodes) before the server binds it, which once stopped a chaos node at start-up ("Address already in use").
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
port_span=$(( ephemeral_low > 21000 ? ephemeral_low - 20000 : 20000 ))
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % port_span))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

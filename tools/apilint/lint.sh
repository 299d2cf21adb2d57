#!/usr/bin/env bash
# Lints the API documents as a client receives them: starts the built server on loopback with its docs exposed, fetches
# /openapi/v1.json and /asyncapi/v1.json, and fails on any error or warning of Redocly CLI's recommended rules or any
# finding of the AsyncAPI CLI. The linters come from npm at the versions locked in this folder (npm ci); they are told
# not to send telemetry, so nothing leaves the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
silo_dll="$root/src/Silo/bin/Release/net10.0/BeMore.Silo.dll"
[ -f "$silo_dll" ] || { echo "Build first: $silo_dll is missing" >&2; exit 1; }
[ -x "$here/node_modules/.bin/redocly" ] && [ -x "$here/node_modules/.bin/asyncapi" ] || (cd "$here" && npm ci --no-audit --no-fund)

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true DO_NOT_TRACK=1 NO_UPDATE_NOTIFIER=1
work="$(mktemp -d)"
# shellcheck source=../free-port.sh
source "$root/tools/free-port.sh"
server=
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
log() { echo "$*" >&2; }

# serve_docs: the server on ports of its own (start_on_free_ports), ready once it serves its OpenAPI document.
serve_docs() {
    free_port http_port
    free_port silo_port
    free_port gateway_port
    url="http://127.0.0.1:$http_port"
    (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" BeMore__Api__ExposeDocs=true \
        BeMore__Storage__DataDirectory="$work" BeMore__Cluster__SiloPort="$silo_port" BeMore__Cluster__GatewayPort="$gateway_port" \
        dotnet "$silo_dll") >>"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do
        curl -sf --max-time 5 -o "$work/openapi.json" "$url/openapi/v1.json" && kill -0 "$server" 2>/dev/null && return
        kill -0 "$server" 2>/dev/null || break
        sleep 1
    done
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    return 1
}

start_on_free_ports "The server (docs at /openapi/v1.json)" "$work/server.log" serve_docs || exit 1
curl -sf -o "$work/asyncapi.json" "$url/asyncapi/v1.json"

cd "$here"
./node_modules/.bin/redocly lint "$work/openapi.json" --config redocly.yaml --format=json >"$work/redocly.json" 2>/dev/null || true
node -e '
  const totals = require(process.argv[1]).totals;
  console.log(`redocly lint /openapi/v1.json: ${totals.errors} errors, ${totals.warnings} warnings`);
  process.exit(totals.errors + totals.warnings === 0 ? 0 : 1);
' "$work/redocly.json" || { ./node_modules/.bin/redocly lint "$work/openapi.json" --config redocly.yaml || true; exit 1; }
# The AsyncAPI CLI sends usage metrics unless its config file says no or CI is set: both, with a file of our own.
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >"$work/asyncapi-analytics.json"
CI=true ASYNCAPI_METRICS_CONFIG_PATH="$work/asyncapi-analytics.json" SUPPRESS_NO_CONFIG_WARNING=1 \
    ./node_modules/.bin/asyncapi validate "$work/asyncapi.json" --fail-severity=warn --diagnostics-format=stylish
echo "asyncapi validate /asyncapi/v1.json: passed"

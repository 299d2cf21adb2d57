#!/usr/bin/env bash
# Runs the whole BeMore test suite from a clean checkout: builds in Release, runs every test (the tests start
# their own throwaway PostgreSQL from the installed server binaries and stop it at the end), and ends with one
# line "N passed, N failed[, N skipped]".
# --fast runs only the tests of no category (units and grain-level tests on an in-process test cluster): no web host,
# silo process, PostgreSQL or browser (see tests/BeMore.Tests/Infrastructure/TestCategory.cs).
set -uo pipefail
cd "$(dirname "$0")"

filter=()
case "${1:-}" in
    --fast)
        filter=(--filter "Category!=Host&Category!=Process&Category!=Postgres&Category!=E2E")
        export BEMORE_TESTS_FAST=1 ;;
    "") ;;
    *) echo "usage: $0 [--fast]" >&2; exit 2 ;;
esac

# Everything this run creates (test folders, the throwaway PostgreSQL) lives under one folder of its own, so runs
# never touch each other's servers; it must be traversable by the postgres account that owns the cluster.
run_tmp=$(mktemp -d -t bemore-run-XXXXXX)
chmod 755 "$run_tmp"
export TMPDIR="$run_tmp"
results="$run_tmp/results"

# A test process that dies (or exits before its clean-up finishes) leaves its PostgreSQL behind: stop it, then
# remove the run's folder.
clean_up_run() {
    for root in "$run_tmp"/bemore-pg-*; do
        [ -f "$root/data/postmaster.pid" ] || continue
        pg_ctl=$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
        if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" stop -D "$root/data" -m immediate >/dev/null 2>&1
        else "$pg_ctl" stop -D "$root/data" -m immediate >/dev/null 2>&1; fi
    done
    rm -rf "$run_tmp"
}
trap clean_up_run EXIT

dotnet build BeMore.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

dotnet test BeMore.sln -c Release --no-build -nologo "${filter[@]}" \
    --logger "trx;LogFilePrefix=bemore" --logger "console;verbosity=normal" \
    --results-directory "$results"
test_status=$?

read -r passed failed skipped < <(
    cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' |
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=");
                gsub(/[^0-9]/, "", kv[2]);
                if (kv[1] == "passed") p += kv[2];
                if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += kv[2];
                if (kv[1] == "notExecuted") s += kv[2]; } }
         END { print p + 0, f + 0, s + 0 }')

# The console log of a long run is long; repeat each failure (name, message, first stack lines) just above the
# summary so whoever reads only the tail of a CI log sees what failed.
cat "$results"/*.trx 2>/dev/null | awk 'BEGIN { RS = "<UnitTestResult " }
    NR > 1 && substr($0, 1, index($0, ">")) ~ /outcome="(Failed|Error|Timeout|Aborted)"/ {
        name = $0; sub(/^.*testName="/, "", name); sub(/".*$/, "", name)
        message = ""; if (match($0, /<Message>[^<]*<\/Message>/)) message = substr($0, RSTART + 9, RLENGTH - 19)
        stack = ""; if (match($0, /<StackTrace>[^<]*<\/StackTrace>/)) stack = substr($0, RSTART + 12, RLENGTH - 25)
        split(stack, frames, "\n"); stack = frames[1] "\n" frames[2] "\n" frames[3]
        text = "FAILED " name "\n" message "\n" stack
        gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&quot;/, "\"", text); gsub(/&apos;/, "\x27", text); gsub(/&amp;/, "\\&", text)
        print text "\n" }'

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$test_status"

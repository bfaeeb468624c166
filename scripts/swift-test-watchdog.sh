#!/usr/bin/env bash
# Runs the Swift test suite with a deadline. A run that passes the deadline is stopped and fails, after printing
# the backtrace of every thread of the test process and the processes it started — so a hang in CI ends in
# minutes with the evidence, instead of idling until the job is killed with nothing to show.
#
# usage: scripts/swift-test-watchdog.sh SECONDS swift test --skip-build --parallel
set -u
limit=$1; shift
"$@" &
runner=$!
waited=0
while kill -0 "$runner" 2>/dev/null; do
    if [ "$waited" -ge "$limit" ]; then
        echo "swift-test-watchdog: the tests did not finish within ${limit}s; what every thread was doing:" >&2
        for pid in $(pgrep -f 'WaymarkPackageTests.xctest'); do
            echo "--- process $pid:" >&2
            ps -o pid,ppid,stat,etime,args --ppid "$pid" >&2 || true
            gdb -p "$pid" -batch -ex 'thread apply all bt 30' >&2 2>&1 || echo "(gdb could not attach)" >&2
        done
        pkill -KILL -f 'WaymarkPackageTests.xctest' 2>/dev/null
        kill -KILL "$runner" 2>/dev/null
        # The drivers and browsers the tests started carry WAYMARK_BROWSER_OWNER; end them too.
        for environ in /proc/[0-9]*/environ; do
            if grep -qz '^WAYMARK_BROWSER_OWNER=' "$environ" 2>/dev/null; then
                p=${environ#/proc/}; kill -KILL "${p%/environ}" 2>/dev/null
            fi
        done
        wait "$runner" 2>/dev/null
        exit 1
    fi
    sleep 5
    waited=$((waited + 5))
done
wait "$runner"

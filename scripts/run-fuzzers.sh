#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60), at low priority, PARALLEL at a time (default 1).
#   scripts/run-fuzzers.sh [SECONDS] [TARGET ...]
# Corpora grow in .build-fuzz/corpus/<target>/ (seeded by scripts/fuzz-seeds.py); crashing inputs land in
# .build-fuzz/artifacts/<target>/; each run's log is .build-fuzz/logs/<target>.log and a one-line summary
# (executions, cov, ft, corpus, crashes) is appended to .build-fuzz/summary.txt. Exits 1 when any target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
ALL_TARGETS="native-json native-xml chrome-recorder selenium-ide selenese-html uivision psr-xml psr-mime psr-zip json-parser config lock capture-reader"
TARGETS="${*:-${FUZZ_TARGETS:-$ALL_TARGETS}}"
PARALLEL="${PARALLEL:-1}"
BINARY="${FUZZ_BINARY:-.build-fuzz/${FUZZ_CONFIG:-release}/waymark-fuzz}"
FUZZ="$(pwd)/.build-fuzz"
[ -x "$BINARY" ] || ./scripts/build-fuzzers.sh
# Seeds for the lock reader: the lock of a real build of the samples (any built waymark binary will do).
if [ ! -d "$FUZZ/lock-seeds" ]; then
    mkdir -p "$FUZZ/lock-seeds"
    for candidate in .build/debug/waymark .build/release/waymark; do
        if [ -x "$candidate" ]; then
            "$candidate" build SampleCaptures --out "$FUZZ/lock-seeds/out" >/dev/null 2>&1 || true
            [ -f "$FUZZ/lock-seeds/out/waymark.lock" ] && cp "$FUZZ/lock-seeds/out/waymark.lock" "$FUZZ/lock-seeds/samples.lock"
            break
        fi
    done
fi
python3 scripts/fuzz-seeds.py "$FUZZ/seeds" >/dev/null
mkdir -p "$FUZZ/logs"

max_len() {
    case "$1" in
        psr-mime|psr-zip|capture-reader) echo 65536 ;;
        lock) echo 131072 ;;
        *) echo 16384 ;;
    esac
}

run_one() {
    local target="$1"
    local corpus="$FUZZ/corpus/$target" artifacts="$FUZZ/artifacts/$target/" log="$FUZZ/logs/$target.log"
    mkdir -p "$corpus" "$artifacts"
    [ -d "$FUZZ/seeds/$target" ] && cp -n "$FUZZ/seeds/$target"/* "$corpus"/ 2>/dev/null
    WAYMARK_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" \
        nice -n 19 "$BINARY" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$target")" \
        -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts" \
        >"$log" 2>&1
    local status=$?
    local execs cov ft corp crashes
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
    corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | awk '{print $2}')
    crashes=$(find "$artifacts" -type f | wc -l)
    printf '%s target=%s seconds=%s status=%s execs=%s cov=%s ft=%s corpus=%s artifacts=%s\n' \
        "$(date -u +%FT%TZ)" "$target" "$SECONDS_PER_TARGET" "$status" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
        "${corp:-?}" "$crashes" | tee -a "$FUZZ/summary.txt"
    return $status
}

failed=0
running=0
for target in $TARGETS; do
    run_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$PARALLEL" ]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
done
exit $failed

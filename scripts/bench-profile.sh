#!/usr/bin/env bash
# Profiles one Waymark command on a small synthetic corpus with callgrind and prints the top functions
# (inclusive and self cost), to see where the time goes when a `make bench` target is missed.
#
#   scripts/bench-profile.sh build      # waymark build of 100 × 40 XML captures (default)
#   scripts/bench-profile.sh noop       # the no-op rebuild of the same corpus
#   scripts/bench-profile.sh check      # waymark check after a build
#   scripts/bench-profile.sh import     # waymark import of a 10 MB Steps Recorder .mht
#
# Needs valgrind (apt). Uses the release binaries (make build-release); PROFILE_CAPTURES changes the corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}
captures=${PROFILE_CAPTURES:-100}
dir=${BENCH_DIR:-.build/bench}/profile
waymark=${WAYMARK:-.build/release/waymark}
generator=${WAYMARK_BENCH:-.build/release/waymark-bench}
./scripts/ensure-apt valgrind binutils
rm -rf "$dir" && mkdir -p "$dir"
"$generator" corpus --captures "$captures" --steps 40 --format xml --out "$dir/captures" 2>/dev/null
case "$what" in
  build)  cmd=("$waymark" build "$dir/captures" --out "$dir/out") ;;
  noop)   "$waymark" build "$dir/captures" --out "$dir/out" >/dev/null 2>&1
          cmd=("$waymark" build "$dir/captures" --out "$dir/out") ;;
  check)  "$waymark" build "$dir/captures" --out "$dir/out" >/dev/null 2>&1
          cmd=("$waymark" check "$dir/captures" --out "$dir/out") ;;
  import) "$generator" psr --size-mb 10 --out "$dir/recording.mht" 2>/dev/null
          cmd=("$waymark" import "$dir/recording.mht" --to json) ;;
  *) echo "usage: $0 build|noop|check|import" >&2; exit 2 ;;
esac
# callgrind first. valgrind 3.x cannot read the DWARF 5 debug info of Swift 6 release binaries ("Possibly corrupted
# debuginfo file"), so it runs a copy without debug info (`objcopy --strip-debug`): function names still come from
# the symbol table, and instruction counts are repeatable whatever else the machine does (compare two binaries by
# their totals, not by seconds). Without objcopy, or if valgrind still gives up, perf (sampling) reads it fine.
if command -v objcopy >/dev/null && objcopy --strip-debug "${cmd[0]}" "$dir/waymark-nodebug"; then
  cmd[0]="$dir/waymark-nodebug"
fi
if valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" "${cmd[@]}" >/dev/null 2>"$dir/valgrind.log" \
   && ! grep -q "Giving up" "$dir/valgrind.log"; then
  echo "== instructions: $(grep -E 'refs:' "$dir/valgrind.log" | awk '{print $NF}')"
  echo "== callgrind, inclusive (top 30)"
  callgrind_annotate --inclusive=yes "$dir/callgrind.out" 2>/dev/null | grep -E '^\s*[0-9,]+ ' | head -30 | "${SWIFT:-swift}" demangle --simplified | cut -c1-200
  echo "== callgrind, self (top 30)"
  callgrind_annotate "$dir/callgrind.out" 2>/dev/null | grep -E '^\s*[0-9,]+ ' | head -30 | "${SWIFT:-swift}" demangle --simplified | cut -c1-200
  echo "(full data: $dir/callgrind.out)"
else
  echo "(callgrind failed: $(grep -m1 -E 'corrupted|Giving up|error' "$dir/valgrind.log" || echo see $dir/valgrind.log); using perf)"
  perf record -q -o "$dir/perf.data" -F 999 -g "${cmd[@]}" >/dev/null 2>"$dir/perf.log" || true
  echo "== perf, inclusive (children), top 40"
  perf report -i "$dir/perf.data" --children --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -40 | cut -c1-220
  echo "== perf, self, top 25"
  perf report -i "$dir/perf.data" --no-children --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -25 | cut -c1-220
  echo "(full data: $dir/perf.data; perf report -i $dir/perf.data)"
fi

#!/usr/bin/env bash
# Benchmark (not a test): `waymark check` over N generated captures, against `sha256sum` over the same files.
#
#   scripts/bench-check.sh [N]        (default N=10000; uses the release build, building it if needed)
#   WAYMARK_BIN=path/to/waymark scripts/bench-check.sh 500
#
# It generates N small Waymark JSON captures in a temporary folder, runs `waymark build` once to write the lock,
# then times, in the same run: sha256sum over the capture files; a clean `waymark check` (fast path: every
# source's bytes match the lock, nothing is parsed); and a check after touching every 10th capture (those are
# re-parsed and diffed).
set -euo pipefail
N="${1:-10000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${WAYMARK_BIN:-$ROOT/.build/release/waymark}"   # WAYMARK_BIN=.build/debug/waymark to try it quickly
if [[ ! -x "$BIN" ]]; then
  (cd "$ROOT" && swift build -c release --product waymark)
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/captures"

python3 - "$WORK/captures" "$N" <<'PY'
import json, sys, pathlib
folder, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    capture = {
        "waymark": 1, "id": f"process-{i:05d}", "title": f"Process number {i}", "owner": f"team-{i % 17}@example.com",
        "reviewBy": "2099-12-31",
        "steps": [
            {"action": "navigate", "url": f"https://app.example.com/area/{i}?utm_source=bench"},
            {"action": "click", "target": {"label": "New record", "role": "button", "selectors": ["#new"]}},
            {"action": "type", "target": {"label": "Name", "role": "text field"}, "value": f"Record {i}"},
            {"action": "click", "target": {"label": "Save", "role": "button"}},
        ],
    }
    (folder / f"process-{i:05d}.json").write_text(json.dumps(capture, indent=2, sort_keys=True) + "\n")
PY

cd "$WORK"
echo "== $N captures in $WORK/captures"
echo "== waymark build (once, to write the lock; not part of the comparison)"
/usr/bin/time -f "   %es elapsed, %MKB max RSS" bash -c '"$0" build captures --out out > /dev/null 2>&1' "$BIN"

echo "== sha256sum over the same files"
/usr/bin/time -f "   %es elapsed, %MKB max RSS" bash -c 'find captures -name "*.json" -print0 | xargs -0 sha256sum > /dev/null'

echo "== waymark check (nothing changed: fast path, no parsing)"
/usr/bin/time -f "   %es elapsed, %MKB max RSS" "$BIN" check captures --out out > /dev/null || true

echo "== waymark check (every 10th capture relabelled: re-parsed and diffed)"
python3 - captures "$N" <<'PY'
import sys, pathlib
folder, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
for i in range(0, n, 10):
    p = folder / f"process-{i:05d}.json"
    p.write_text(p.read_text().replace('"Save"', '"Save and close"'))
PY
/usr/bin/time -f "   %es elapsed, %MKB max RSS" "$BIN" check captures --out out --report json > check.json || true
python3 -c 'import json; r = json.load(open("check.json")); print("   " + r["summary"]["text"])'

#!/usr/bin/env bash
# `make demo-replay`: replays a Chrome DevTools Recorder recording against the demo application, builds guides with
# the real screenshots and labels, then replays it against the next release of the application and shows the check
# failing on the two steps that changed. Everything runs on 127.0.0.1; the servers are stopped on every way out.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WAYMARK=$(realpath "${WAYMARK:-./.build/release/waymark}")
OUT=${OUT:-out}
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
SITE=$ROOT/SampleCaptures/demo-site
RECORDED_ORIGIN=https://expenses.contoso.example
# Waymark runs in the demo's project folder: its waymark.yml lists the recording, its owner and its secret.
cd SampleCaptures/replay-demo

server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT INT TERM

# Serves one version of the demo site on a free loopback port; sets $origin. A release folder holds only the pages
# it changed: it is laid over v1.
serve() {
  stop_server
  local root="$SITE/v1"
  if [ "$1" != v1 ]; then
    root="$OUT/.demo-site-$1"
    rm -rf "$root"
    cp -R "$SITE/v1" "$root"
    cp -R "$SITE/$1/." "$root/"
  fi
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
  server_pid=$!
  origin="http://127.0.0.1:$port"
  for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('$origin/index.html', timeout=1)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "demo-replay: the demo site did not start on $origin" >&2
  exit 2
}

# The recording types a password: the value comes from the environment variable waymark.yml names (secrets:),
# never from the recording.
export WAYMARK_DEMO_PASSWORD=${WAYMARK_DEMO_PASSWORD:-demo-password}

echo "== 1. Replay the recording against the application as it is today (v1), refreshing screenshots and labels"
serve v1
"$WAYMARK" replay --map "$RECORDED_ORIGIN=$origin" --out "$OUT/replayed"

echo
echo "== 2. Build guides from the refreshed capture"
"$WAYMARK" build "$OUT/replayed" --out "$OUT/replayed-guides"

echo
echo "== 3. The application changes (v2): the nightly check finds what the guide now gets wrong"
serve v2
status=0
"$WAYMARK" replay --check --timeout 3 --map "$RECORDED_ORIGIN=$origin" --dashboard "$OUT/replayed-guides" || status=$?
stop_server
echo
if [ "$status" -eq 1 ]; then
  echo "The check exited 1, as a nightly CI job would fail: the steps above are the ones to re-record or fix."
else
  echo "demo-replay: expected the check against v2 to exit 1, it exited $status" >&2
  exit 1
fi
echo "Open $OUT/replayed-guides/index.html: the guide with real screenshots, and on the dashboard, when it was last"
echo "verified against the application and which steps broke."

#!/usr/bin/env bash
# Builds the libFuzzer harness (Fuzz/FuzzTargets.swift) into .build-fuzz/: one binary, the target is picked at run
# time by WAYMARK_FUZZ_TARGET. Separate scratch path so the instrumented build never touches the normal .build/.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG="${FUZZ_CONFIG:-release}"
WAYMARK_FUZZ=1 ${SWIFT:-swift} build --scratch-path .build-fuzz -c "$CONFIG" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product waymark-fuzz
echo "$(pwd)/.build-fuzz/$CONFIG/waymark-fuzz"

#!/usr/bin/env bash
# Regenerates the XML twin of every sample capture from its JSON (the JSON files are the ones to edit), and
# rewrites the JSON files in canonical form. The XML twin's id is the JSON id with "-xml" appended, so a build of
# SampleCaptures/ never has two captures with the same id.  Run after `swift build`.
set -euo pipefail
cd "$(dirname "$0")/.."
waymark=${WAYMARK:-.build/debug/waymark}
for json in SampleCaptures/*.json; do
  name=$(basename "$json" .json)
  "$waymark" import "$json" --to json > "$json.tmp" && mv "$json.tmp" "$json"
  "$waymark" import "$json" --to xml \
    | sed "0,/<capture version=\"1\" id=\"$name\">/s//<capture version=\"1\" id=\"$name-xml\">/" \
    > "SampleCaptures/$name.xml"
done

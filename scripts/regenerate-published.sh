#!/usr/bin/env bash
# Usage: scripts/regenerate-published.sh
#
# Remakes every published report under results/reference/ from its raw files (env.json,
# native.json, jmh.json, round-size.json, run.json: never edited) with analysis.jar as built now:
# each run folder's report.md, report.html and charts/, and each comparison folder vs-<run>/ (the
# same run with --baseline <run>). Build first (mvn -DskipTests package). PublishedReportsReproduceTest
# fails until this has been run after a change that moves a published figure or sentence.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/analysis/target/analysis.jar
[ -f "$jar" ] || { echo "regenerate-published: $jar is not built: run mvn -DskipTests package first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A run's raw files only, in a folder of $work named after the run: the analysis runs inside $work
# and is given that name, so a comparison's report names its baseline by the run's name, not by a
# temporary path.
raw_copy() {
  local to="$work/$2"
  mkdir -p "$to"
  for f in env.json native.json jmh.json round-size.json run.json; do
    [ -f "$1/$f" ] && cp "$1/$f" "$to/"
  done
  echo "$2"
}

publish() { # destination, analysis arguments...
  local dest=$1 out="$work/out"
  shift
  rm -rf "$out"
  (cd "$work" && java -jar "$jar" "$@" --out "$out" > console.txt) || { cat "$work/console.txt" >&2; exit 1; }
  rm -rf "$dest/charts"
  cp "$out/report.md" "$out/report.html" "$dest/"
  cp -r "$out/charts" "$dest/"
  echo "regenerate-published: $dest"
}

for run in results/reference/*/; do
  run=${run%/}
  name=$(basename "$run")
  publish "$run" --in "$(raw_copy "$run" "$name")"
  for comparison in "$run"/vs-*/; do
    [ -d "$comparison" ] || continue
    comparison=${comparison%/}
    baseline=results/reference/$(basename "$comparison" | sed 's/^vs-//')
    [ -d "$baseline" ] || { echo "regenerate-published: $comparison names no published run $baseline" >&2; exit 2; }
    publish "$comparison" --in "$(raw_copy "$run" "$name")" --baseline "$(raw_copy "$baseline" "$(basename "$baseline")")"
  done
done

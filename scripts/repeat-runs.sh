#!/usr/bin/env bash
# Usage: scripts/repeat-runs.sh N COMMAND [ARG...]
#
# Runs COMMAND N times in a row from the repository root and counts the runs that failed (a
# non-zero exit), to show a suite is not flaky, e.g.
#
#   scripts/repeat-runs.sh 10 mvn -B test
#   scripts/repeat-runs.sh 10 mvn -B verify -Psmoke
#
# Every run's output (stdout and stderr) is kept in its own log, run-01.log ... run-NN.log, in a
# new folder under ${TMPDIR:-/tmp}/rearm-repeat-runs/ (or REPEAT_RUNS_DIR, if set; not under
# target/, which a `mvn clean` among the runs would delete), beside a summary.txt with one line
# per run (number, exit code, seconds, log) and the count. A failed run does not stop the
# next one: the point is the count. Prints each run's line as it ends and the count at the end;
# exits 0 when every run passed, 1 when any failed, 2 on a bad argument. Nothing is retried.
set -euo pipefail

usage="usage: $0 N COMMAND [ARG...]  (N: how many runs in a row, a whole number from 1)"
if [ $# -lt 2 ]; then
  echo "$usage" >&2
  exit 2
fi
runs=$1
shift
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "repeat-runs: N '$runs' is not a whole number from 1; $usage" >&2
  exit 2
fi

cd "$(dirname "$0")/.."
base=${REPEAT_RUNS_DIR:-${TMPDIR:-/tmp}/rearm-repeat-runs}
mkdir -p "$base"
out=$(mktemp -d "$base/$(date -u +%Y%m%dT%H%M%SZ)-XXXX")
summary=$out/summary.txt
command_line=$(printf '%q ' "$@")
echo "command: ${command_line% }" >"$summary"
echo "[repeat-runs] $runs runs of: ${command_line% } (logs in $out)"

failed=0
for ((run = 1; run <= runs; run++)); do
  log=$(printf '%s/run-%02d.log' "$out" "$run")
  started=$(date +%s)
  status=0
  "$@" >"$log" 2>&1 </dev/null || status=$?
  seconds=$(($(date +%s) - started))
  if [ "$status" -ne 0 ]; then
    failed=$((failed + 1))
  fi
  line=$(printf 'run %d/%d: exit %d, %d s, %s' "$run" "$runs" "$status" "$seconds" "$log")
  echo "$line" >>"$summary"
  echo "[repeat-runs] $line"
done

echo "failed: $failed of $runs" >>"$summary"
echo "[repeat-runs] failed: $failed of $runs (summary: $summary)"
[ "$failed" -eq 0 ]

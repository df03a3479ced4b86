#!/usr/bin/env bash
# docker build with its arguments, quietly: the build's output is shown (its last 40 lines, on
# stderr) only when it fails, so a test log calling prepare.sh stays readable.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
docker build "$@" >"$log" 2>&1
status=$?
[ "$status" -eq 0 ] && exit 0
echo "docker build $* failed:" >&2
tail -n 40 "$log" >&2
exit "$status"

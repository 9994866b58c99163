#!/usr/bin/env bash
# Runs every package-resolution program with a runtime (default: the release
# tock) and compares stdout + exit code with the recordings from record.sh.
# Usage: tests/packages/compare.sh [RUNTIME] [FILE...]; prints one line per
# program (same/DIFF) with the first differing lines, then "N passed, N failed".
set -u
cd "$(dirname "$0")"
runtime="${1:-../../target/release/tock}"; shift || true
case "$runtime" in */*) runtime=$(realpath "$runtime") ;; *) runtime=$(command -v "$runtime") ;; esac
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=(*.cjs *.mjs fixtures/*.cjs fixtures/*.mjs)
pass=0 fail=0
for program in "${programs[@]}"; do
  base="${program%.*}"
  flags=$(sed -n '1,3s|^// flags: ||p' "$program")
  # shellcheck disable=SC2086
  actual=$(cd "$(dirname "$program")" && timeout 60 "$runtime" $flags "$(basename "$program")" < /dev/null 2>/dev/null; echo "exit code $?")
  expected="$(cat "$base.out"; echo "exit code $(cat "$base.code")")"
  if [ "$actual" == "$expected" ]; then pass=$((pass + 1)); echo "same  $program"; continue; fi
  fail=$((fail + 1)); echo "DIFF  $program"
  diff <(echo "$expected") <(echo "$actual") | sed -n '1,8s/^/      /p'
done
echo "$pass passed, $fail failed"

#!/usr/bin/env bash
# Records each program's expected stdout (NAME.out) and exit code (NAME.code)
# from Node.js, the oracle. Usage: tests/record.sh [FILE...]
# (default: every program in tests/order and tests/api).
set -u
cd "$(dirname "$0")"
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=(order/*.cjs order/*.mjs api/*.cjs api/*.mjs peers/*.cjs)
for program in "${programs[@]}"; do
  flags=$(sed -n '1,3s|^// flags: ||p' "$program")
  # shellcheck disable=SC2086
  (cd "$(dirname "$program")" && node $flags "$(basename "$program")" < /dev/null > "$(basename "${program%.*}").out" 2>/dev/null; echo $? > "$(basename "${program%.*}").code")
done
echo "recorded ${#programs[@]} programs with $(node --version)"

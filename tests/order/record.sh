#!/usr/bin/env bash
# Records each ordering program's expected stdout (NAME.out) and exit code
# (NAME.code) from Node.js, the oracle. Usage: tests/order/record.sh [NAME...]
set -u
cd "$(dirname "$0")"
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=(*.cjs *.mjs)
for program in "${programs[@]}"; do
  flags=$(sed -n '1,3s|^// flags: ||p' "$program")
  # shellcheck disable=SC2086
  node $flags "$program" > "${program%.*}.out" 2>/dev/null
  echo $? > "${program%.*}.code"
done
echo "recorded ${#programs[@]} programs with $(node --version)"

#!/usr/bin/env bash
# Records each package-resolution program's expected stdout (NAME.out) and exit
# code (NAME.code) from Node.js, the oracle, exactly as tests/record.sh does.
# Needs node_modules: run `npm ci --no-audit --no-fund` here first.
# Usage: tests/packages/record.sh [FILE...] (default: *.mjs *.cjs fixtures/*.mjs fixtures/*.cjs)
set -u
cd "$(dirname "$0")"
[ -d node_modules ] || { echo "run npm ci in $(pwd) first"; exit 1; }
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=(*.cjs *.mjs fixtures/*.cjs fixtures/*.mjs)
for program in "${programs[@]}"; do
  flags=$(sed -n '1,3s|^// flags: ||p' "$program")
  # shellcheck disable=SC2086
  (cd "$(dirname "$program")" && node $flags "$(basename "$program")" < /dev/null > "$(basename "${program%.*}").out" 2>/dev/null; echo $? > "$(basename "${program%.*}").code")
done
echo "recorded ${#programs[@]} programs with $(node --version)"

#!/usr/bin/env bash
# Records each node:sqlite program's expected stdout (NAME.out) and exit code
# (NAME.code), like tests/record.sh does for Node.js.
# The oracle here is bun, not node: the node available to this project (v20)
# has no node:sqlite module, while bun (1.4.5 or later) implements the Node v24
# node:sqlite API. Set BUN to the bun binary (default: `bun` on PATH).
# Usage: tests/sqlite/record.sh [FILE...]   FILEs relative to tests/sqlite
# (default: every tests/sqlite/*.cjs).
set -u
cd "$(dirname "$0")"
BUN=${BUN:-bun}
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=(*.cjs)
for program in "${programs[@]}"; do
  name=$(basename "${program%.*}")
  (cd "$(dirname "$program")" && "$BUN" "$(basename "$program")" < /dev/null > "$name.out" 2>/dev/null; echo $? > "$name.code")
done
echo "recorded ${#programs[@]} programs with bun $("$BUN" --version)"

#!/usr/bin/env bash
# Fuzzes tock's built-ins: bash tests/fuzz/run.sh [path/to/tock] [run.py options]
# FUZZ_SECONDS (default 60), FUZZ_JOBS, FUZZ_RUN_MS, FUZZ_SEED: see run.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/run.py" "$@"

#!/usr/bin/env python3
"""Writes tests/node/expected-failures.txt from a run's failures.

Usage: TOCK_NODE_TESTS_LIST=1 cargo test --test node > run.txt; python3 tests/node/list-failures.py run.txt
Each failure gets a reason: the missing module or feature when that is the
cause, else the first error line tock printed. Reasons written by hand in
the current list are kept.
"""
import re
import sys
from pathlib import Path

here = Path(__file__).parent
rules = [
    (r'missing crypto', 'needs crypto and TLS (node:tls, node:https): the network issue\'s TLS part'),
    (r"module 'cluster'|node:cluster", "needs node:cluster: the network issue's part 5"),
    (r"module 'dgram'", 'needs node:dgram: the Node built-ins issue'),
    (r"module 'async_hooks'", 'needs node:async_hooks: the Node built-ins issue'),
    (r"module '(_http_\w+|_tls_\w+)'", "needs Node's internal module aliases (_http_common…)"),
    (r'node:test', 'needs node:test: the CLI issue'),
    (r'timed out', 'hangs under tock: an event it does not emit yet'),
]
old = {}
target = here / 'expected-failures.txt'
if target.exists():
    for line in target.read_text().splitlines():
        if line and not line.startswith('#'):
            name, _, reason = line.partition(' ')
            old[name] = reason.strip()
out = []
for line in Path(sys.argv[1]).read_text().splitlines():
    if not line.startswith('LIST '):
        continue
    _, name, why = line.split(' ', 2)
    why = re.sub(r'^exit (Some\(\d+\)|None): ', '', why).strip()
    written = old.get(name, '')
    reason = written if written and not written.startswith(('differs', 'hangs', 'needs')) else None
    if reason is None:
        reason = next((text for pattern, text in rules if re.search(pattern, why)), None)
    if reason is None:
        reason = f'differs: {why[:140]}' if why else 'differs: exits non-zero (to triage)'
    out.append(f'{name} {reason}')
# A test marked flaky stays, whatever this run said of it.
listed = {line.split(' ', 1)[0] for line in out}
out += [f'{name} {why}' for name, why in old.items() if why.startswith('flaky:') and name not in listed]
header = """# Node's tests (tests/node/baseline.txt) tock is known to fail, one per line:
# `test-file reason`. tests/node.rs fails when a test outside this list fails,
# and when a listed test passes: remove it then. A reason starting `flaky:`
# marks a test that races on timing by its own design: either outcome is
# accepted and it never counts as passing. Regenerate with
# tests/node/list-failures.py (reasons written by hand are kept).
"""
target.write_text(header + '\n'.join(sorted(out)) + '\n')
print(f'{len(out)} expected failures written to {target}')

#!/usr/bin/env python3
"""Runs tests/fuzz/harness.js through a tock binary, seed after seed, in child
processes, and reports host bugs.

    python3 tests/fuzz/run.py [TOCK] [--seconds N] [--jobs N] [--run-ms N]
                              [--seed N] [--no-node] [--quiet]

Environment: FUZZ_SECONDS (total wall time, default 60), FUZZ_JOBS (parallel
processes, default min(2, cpus)), FUZZ_RUN_MS (budget of one process, default
8000), FUZZ_SEED (first seed, default 1; the next runs take the next seeds).

Detected: bugs the harness reports (Rust conversion text in error messages,
empty messages…), and hard deaths of the process — exit code 7 or 70, death
by a signal, 'tock: internal error' (a panic) on stderr, a hang (no exit
within the budget plus a margin), or an exit before the harness's report. A
hard death is pinned to a call with the harness's ring log: the last calls are
replayed alone, then as a sequence reduced greedily, each through `tock -e`.
A call that killed the process is avoided by the later runs, so that one bug
does not hide the others. Bugs are deduplicated by function and message, then
replayed with `tock -e` (and `node -e`, when node is on PATH) to show both.

Exit status: 0 when nothing was found, 1 otherwise, 2 on a usage error.
"""

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, FIRST_COMPLETED, wait

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, 'harness.js')
SLOT, SLOTS = 2048, 16
MEMORY_LIMIT = 8 << 30  # address space of a child: a runaway allocation fails instead of eating the machine
PANIC_RE = re.compile(r'tock: internal error: (.*?)\n(?:Please report|$)', re.S)
ALLOC_RE = re.compile(r'memory allocation of \d+ bytes failed')


def limit_child():
    os.setsid()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ValueError, OSError):
        pass
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


class Tail:
    """Drains a pipe, keeping its last bytes and the text of a panic report."""

    def __init__(self, pipe, keep=64 << 10):
        self.pipe, self.keep = pipe, keep
        self.buf = b''
        self.panic = None
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        window = b''
        while True:
            chunk = self.pipe.read1(1 << 20) if hasattr(self.pipe, 'read1') else self.pipe.read(1 << 16)
            if not chunk:
                break
            if self.panic is not None and len(self.panic) < 2048:
                self.panic += chunk[:2048]
            window = window[-64:] + chunk
            if self.panic is None and b'tock: internal error' in window:
                self.panic = window[window.index(b'tock: internal error'):][:2048]
            self.buf = (self.buf + chunk)[-self.keep:]

    def text(self):
        self.thread.join(timeout=5)
        return self.buf.decode('utf-8', 'replace')

    def panic_text(self):
        self.thread.join(timeout=5)
        return None if self.panic is None else self.panic.decode('utf-8', 'replace')


def run_child(cmd, cwd, timeout, progress=None, stall=None, env=None):
    """Runs cmd; returns (returncode, or None when it hung, stderr tail, panic text, elapsed).

    With `progress` (a file the child writes to as it goes), the child has hung
    when that file has not changed for `stall` seconds."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=limit_child, env=env)
    tail = Tail(proc.stderr)
    hung = False
    last_change, last_mtime = time.monotonic(), None
    while True:
        try:
            proc.wait(timeout=0.25)
            break
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if progress and stall:
            try:
                m = os.stat(progress).st_mtime_ns
            except OSError:
                m = None
            if m != last_mtime:
                last_mtime, last_change = m, now
            elif now - last_change > stall:
                hung = True
        if now - start > timeout:
            hung = True
        if hung:
            break
    # The child, and whatever it left running in its group, goes.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
    err = tail.text()
    return (None if hung else proc.returncode), err, tail.panic_text(), time.monotonic() - start


def death_of(rc, err, panic):
    """The hard death a child's end shows, as a short signature, or None."""
    if panic is not None:
        m = PANIC_RE.search(panic)
        body = (m.group(1) if m else panic).strip()
        return 'panic: ' + ' '.join(body.split())[:300]
    if rc is None:
        return 'hang'
    if rc < 0:
        try:
            name = signal.Signals(-rc).name
        except ValueError:
            name = str(-rc)
        if ALLOC_RE.search(err):
            return f'signal {name} ({ALLOC_RE.search(err).group(0)})'
        return f'signal {name}'
    if rc == 70:
        return 'exit 70: ' + ' '.join(err.strip().splitlines()[-2:])[:300]
    if rc == 7:
        m = re.search(r'\(while reporting: (.*)', err)
        return 'exit 7' + (f' (while reporting: {m.group(1)[:200]})' if m else '')
    if 'tock: internal error' in err:
        return 'panic text on stderr'
    return None


def read_ring(path):
    try:
        data = open(path, 'rb').read()
    except OSError:
        return []
    recs = []
    for i in range(0, len(data), SLOT):
        line = data[i:i + SLOT].split(b'\n', 1)[0].decode('utf-8', 'replace')
        if '\t' not in line:
            continue
        n, text = line.split('\t', 1)
        try:
            recs.append((int(n), text))
        except ValueError:
            pass
    recs.sort()
    return recs


def read_journal(path):
    out = []
    try:
        with open(path, 'rb') as f:
            for line in f:
                n, _, text = line.decode('utf-8', 'replace').rstrip('\n').partition('\t')
                if n.isdigit():
                    out.append((int(n), text))
    except OSError:
        pass
    return out


def parse_call(text):
    """'call 12 H PATH :: REPRO' -> (12, PATH, REPRO); H: a host function, E: an ECMAScript one."""
    m = re.match(r'call (\d+) [HE] (.*?) :: (.*)$', text, re.S)
    return (int(m.group(1)), m.group(2), m.group(3)) if m else None


def is_host_record(text):
    return not text.startswith('call ') or ' E ' not in text.split(' :: ', 1)[0][:40]


def populate(dirname):
    """The scratch files the harness's calls name (as harness.js populateTmp)."""
    os.makedirs(os.path.join(dirname, 'dir'), exist_ok=True)
    with open(os.path.join(dirname, 'file'), 'w') as f:
        f.write('hello\nworld\n')
    open(os.path.join(dirname, 'out'), 'w').close()
    open(os.path.join(dirname, 'fdfile'), 'w').close()
    with open(os.path.join(dirname, 'dir', 'a'), 'w') as f:
        f.write('a')
    try:
        os.symlink('file', os.path.join(dirname, 'link'))
    except OSError:
        pass


def script_of(exprs, report=True):
    """A program running each expression in turn, awaiting promises briefly."""
    uses_await = any(re.search(r'\bawait\b', e) for e in exprs)
    if len(exprs) == 1 and not uses_await and not report:
        return exprs[0]
    lines = []
    for e in exprs:
        if report:
            lines.append(f'await __r(async () => {e});')
        else:
            lines.append(f'try {{ const v = {e}; if (v && typeof v.then === "function") await Promise.race([v, new Promise((r) => setTimeout(r, 20))]); }} catch {{}}')
    head = ''
    if report:
        head = ('const __r = async (f) => { const p = f(); let t; const to = new Promise((r) => { t = setTimeout(() => r("pending"), 100); });'
                ' try { const v = await Promise.race([p, to]); console.log(v === "pending" ? "pending" : "ok: " + (typeof v)); }'
                ' catch (e) { console.log("threw: " + (e && e.name) + ": " + JSON.stringify(e && e.message)); } finally { clearTimeout(t); } };')
    return '(async () => { ' + head + ' '.join(lines) + ' setTimeout(() => process.exit(0), 50); })();'


def one_liner(expr):
    """How a finding is shown: a program for `-e`."""
    e = strip_memo(expr)
    if re.search(r'\bawait\b', e):
        return f'(async () => {{ await {e}; }})()'
    return e


def memo_spans(text):
    """The `(globalThis.$N ??= SRC)` forms in text: (start, end, N, SRC), innermost first."""
    out = []
    for m in re.finditer(r'\(globalThis\.\$(\d+) \?\?= ', text):
        depth, i, quote = 0, m.start(), None
        while i < len(text):
            c = text[i]
            if quote:
                if c == '\\':
                    i += 1
                elif c == quote:
                    quote = None
            elif c in '"\'`':
                quote = c
            elif c == '(':
                depth += 1
            elif c == ')':
                depth -= 1
                if depth == 0:
                    out.append((m.start(), i + 1, m.group(1), text[m.end():i]))
                    break
            i += 1
    out.sort(key=lambda t: t[1] - t[0])
    return out


def hoisted(exprs):
    """Statements with their named objects declared first: (declarations, statements)."""
    decls, seen = [], set()
    exprs = list(exprs)
    while True:
        found = None
        for k, e in enumerate(exprs):
            spans = memo_spans(e)
            if spans:
                found = (k, spans[0])
                break
        if not found:
            break
        k, (a, b, n, src) = found
        if n not in seen:
            seen.add(n)
            decls.append(f'const ${n} = {src};')
        exprs = [e.replace(e[a:b], f'${n}') if j == k else e for j, e in enumerate(exprs)]
    return decls, exprs


def shown(exprs):
    """A finding as a program for `-e`: one expression, or declarations and statements."""
    if len(exprs) == 1:
        e = strip_memo(exprs[0])
        if 'globalThis.$' not in e:
            return one_liner(e)
    decls, stmts = hoisted(exprs)
    body = ' '.join(decls + [f'try {{ await {x}; }} catch {{}}' for x in stmts])
    return f'(async () => {{ {body} }})()'


def strip_memo(expr):
    # `(globalThis.$3 ??= X)` -> `(X)` when $3 appears once (a single call).
    names = re.findall(r'globalThis\.\$(\d+) \?\?= ', expr)
    for n in set(names):
        if names.count(n) == 1 and expr.count(f'globalThis.${n}') == 1:
            expr = expr.replace(f'globalThis.${n} ??= ', '')
    return expr


class Fuzz:
    def __init__(self, tock, args):
        self.tock = tock
        self.args = args
        self.avoid = []
        self.avoid_owners = []
        self.lock = threading.Lock()
        self.bugs = {}      # key -> finding
        self.deaths = {}    # key -> finding
        self.runs = []
        self.reached = set()
        self.all_paths = set()
        self.suspects = {}
        self.seed = args.seed
        self.node = None if args.no_node else shutil.which('node')

    def log(self, msg):
        if not self.args.quiet:
            print(msg, flush=True)

    def next_seed(self):
        with self.lock:
            s = self.seed
            self.seed += 1
            return s

    def run_seed(self, seed, budget_ms):
        work = tempfile.mkdtemp(prefix='tock-fuzz-run-')
        try:
            log, out, jour = os.path.join(work, 'ring'), os.path.join(work, 'report.json'), os.path.join(work, 'journal')
            with self.lock:
                avoid = list(self.avoid)
                owners = list(self.avoid_owners)
            cmd = [self.tock, HARNESS, '--seed', str(seed), '--budget-ms', str(budget_ms), '--json', out, '--log', log, '--journal', jour]
            for a in avoid:
                cmd += ['--avoid', a]
            if owners:
                cmd += ['--avoid-re', '^(?:' + '|'.join(re.escape(o) for o in owners) + r')(?:\.|\[)']
            # The harness's scratch directory goes inside `work`, removed even when the harness dies.
            env = dict(os.environ, TMPDIR=work)
            rc, err, panic, elapsed = run_child(cmd, work, timeout=budget_ms / 1000 + 30, progress=log, stall=self.args.stall, env=env)
            report = None
            try:
                with open(out) as f:
                    report = json.load(f)
            except (OSError, ValueError):
                pass
            death = death_of(rc, err, panic)
            if death is None and report is None:
                death = f'exit {rc} before the report: ' + ' '.join(err.strip().splitlines()[-3:])[:300]
            ring = read_ring(log)
            run = {'seed': seed, 'rc': rc, 'elapsed': elapsed, 'death': death,
                   'calls': report['calls'] if report else (max((c[0] for c in map(parse_call, (t for _, t in ring)) if c), default=0)),
                   'reached': report['functionsReached'] if report else None,
                   'total': report['functionsTotal'] if report else None}
            if report:
                with self.lock:
                    self.reached.update(report.get('reachedPaths', []))
                    self.all_paths.update(report.get('allPaths', []))
                    for sus in report.get('suspects', []):
                        self.suspects.setdefault((sus['kind'], sus['path']), sus)
                    for b in report['bugs']:
                        key = (b['path'], b['name'], normalize(b['message']))
                        if key not in self.bugs:
                            self.bugs[key] = dict(b, seeds=[seed])
                        else:
                            self.bugs[key]['count'] += b['count']
                            self.bugs[key]['seeds'].append(seed)
                            ex = self.bugs[key]['examples']
                            ex.extend(e for e in b.get('examples', []) if e not in ex and len(ex) < 12)
            self.log(f'seed {seed}: {run["calls"]} calls, {elapsed:.1f} s' +
                     (f', reached {run["reached"]}/{run["total"]}' if report else '') +
                     (f', {len(report["bugs"])} bug(s)' if report and report['bugs'] else '') +
                     (f' — DIED: {death}' if death else ''))
            if death:
                self.pin_death(seed, death, ring, read_journal(jour))
            with self.lock:
                self.runs.append(run)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    # -- hard deaths ---------------------------------------------------------

    def replay(self, exprs, timeout=6):
        scratch = tempfile.mkdtemp(prefix='tock-fuzz-replay-')
        try:
            populate(scratch)
            rc, err, panic, _ = run_child([self.tock, '-e', script_of(exprs, report=False)], scratch, timeout)
            return death_of(rc, err, panic)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def pin_death(self, seed, death, ring, journal):
        calls = [c for c in (parse_call(t) for _, t in ring) if c]
        last_text = ring[-1][1] if ring else '(no record)'
        same = lambda d: d is not None and kind_of(d) == kind_of(death)
        culprit, repro = None, None
        hang = death == 'hang'
        # 1. A single call, latest first.
        for seq, path, expr in reversed(calls[-12:]):
            if same(self.replay([expr])):
                culprit, repro = (path, [expr])
                break
        # 2. The last calls, with the earlier calls on the objects they use
        #    (from the journal), in order; then reduced one call at a time.
        if culprit is None and len(calls) > 0 and not hang:
            recent = calls[-12:]
            names = set()
            for _, _, expr in recent:
                names.update(re.findall(r'globalThis\.\$(\d+)\b', expr))
            pattern = re.compile(r'globalThis\.\$(?:' + '|'.join(sorted(names)) + r')\b') if names else None
            history = {}
            if pattern:
                for n, text in journal:
                    if n < recent[0][0] and pattern.search(text):
                        history[n] = text
            for n, _, expr in recent:
                history[n] = expr
            seq_exprs = [history[n] for n in sorted(history)][-80:]
            if same(self.replay(seq_exprs)):
                # Drop halves first, then single calls, keeping the death.
                chunk = max(1, len(seq_exprs) // 2)
                while chunk >= 1:
                    i = 0
                    while i < len(seq_exprs) and len(seq_exprs) > 1:
                        trial = seq_exprs[:i] + seq_exprs[i + chunk:]
                        if trial and same(self.replay(trial)):
                            seq_exprs = trial
                        else:
                            i += chunk
                    chunk //= 2
                last = seq_exprs[-1]
                culprit = next((c[1] for c in calls if c[2] == last), calls[-1][1])
                repro = seq_exprs
        path = culprit or (calls[-1][1] if calls else '?')
        host = next((is_host_record(t) for _, t in ring if parse_call(t) and parse_call(t)[1] == path), True)
        key = (kind_of(death), path if culprit else '(not pinned)')
        with self.lock:
            if path not in self.avoid:
                self.avoid.append(path)
            # The same death through another function of the same object: the
            # whole object is avoided from now on (one bug, many doors).
            owner = owner_of(path)
            if owner and any(k[0] == key[0] and owner_of(k[1]) == owner for k in self.deaths) and owner not in self.avoid_owners:
                self.avoid_owners.append(owner)
            # Deaths with the same signature through the same function are one bug.
            if key in self.deaths:
                self.deaths[key]['seeds'].append(seed)
                return
            self.deaths[key] = {
                'death': death, 'path': path, 'seeds': [seed], 'repro': repro,
                'last': last_text, 'lastCalls': [c[2] for c in calls[-4:]], 'pinned': culprit is not None, 'host': host,
            }
        self.log(f'  pinned to {path}' if culprit else f'  not reproduced alone; last record: {last_text[:200]}')

    # -- the run -------------------------------------------------------------

    def go(self):
        start = time.monotonic()
        # Some of the time is kept for replaying the findings at the end.
        deadline = start + self.args.seconds - min(12, self.args.seconds * 0.15)
        with ThreadPoolExecutor(max_workers=self.args.jobs) as pool:
            futures = set()
            while True:
                now = time.monotonic()
                while len(futures) < self.args.jobs and deadline - now > 1.5:
                    budget = int(min(self.args.run_ms, (deadline - now - 1) * 1000))
                    futures.add(pool.submit(self.run_seed, self.next_seed(), budget))
                if not futures:
                    break
                done, futures = wait(futures, timeout=1, return_when=FIRST_COMPLETED)
                for f in done:
                    f.result()
        self.elapsed = time.monotonic() - start

    def verify(self):
        """Replays each finding alone through tock and node, to show both."""
        scratch = tempfile.mkdtemp(prefix='tock-fuzz-verify-')
        try:
            populate(scratch)
            for b in self.bugs.values():
                # The first example that shows the message alone is the repro.
                b['reproduced'] = False
                for expr in b.get('examples') or [b['repro']]:
                    says = self.say([self.tock, '-e', script_of([strip_memo(expr)])], scratch)
                    if b['message'] and json.dumps(b["message"], ensure_ascii=False)[1:-1][:60] in says or (not b['message'] and says.startswith('threw: ' + b['name'] + ': ""')):
                        b['repro'], b['tockSays'], b['reproduced'] = expr, says, True
                        break
                    b.setdefault('tockSays', says)
                expr = b['repro']
                if self.node:
                    b['nodeSays'] = self.say([self.node, '-e', script_of([strip_memo(expr)])], scratch)
                    # An empty or '[object Object]' message node gives too is not a bug.
                    if b['why'] in ('empty message', "'[object Object]' message") and b['nodeSays'] == b['tockSays']:
                        b['sameAsNode'] = True
            for d in self.deaths.values():
                if d['repro'] and self.node:
                    d['nodeSays'] = self.say([self.node, '-e', script_of(d['repro'])], scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        self.ignored = [b for b in self.bugs.values() if b.get('sameAsNode')]
        self.bugs = {k: b for k, b in self.bugs.items() if not b.get('sameAsNode')}

    def say(self, cmd, cwd):
        try:
            p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, timeout=15,
                               preexec_fn=limit_child)
        except subprocess.TimeoutExpired:
            return '(hangs)'
        out = (p.stdout.decode('utf-8', 'replace').strip().splitlines() or [''])
        lines = [l for l in out if l.startswith(('threw', 'ok', 'pending'))]
        text = ' | '.join(lines) if lines else ' '.join(out)[:300]
        if p.returncode not in (0,):
            text += f' [exit {p.returncode}]'
        return text[:400]

    def summary(self):
        calls = sum(r['calls'] or 0 for r in self.runs)
        runs_ok = [r for r in self.runs if r['reached'] is not None]
        best = max((r['reached'] for r in runs_ok), default=0)
        print(f'\n=== tock fuzz: {len(self.runs)} runs (seeds {self.args.seed}..{self.seed - 1}), '
              f'{self.elapsed:.0f} s, {self.args.jobs} job(s) ===')
        print(f'calls: {calls} ({calls / max(self.elapsed, 0.001):.0f}/s)')
        if self.all_paths:
            print(f'functions reached: {len(self.reached)}/{len(self.all_paths)} targets over all runs (best run {best}); '
                  f'a target is a function called, constructed, or an accessor')
        print(f'hard deaths: {len(self.deaths)} distinct (function, signature), bugs in messages: {len(self.bugs)} distinct (function, message)')
        n = 0
        groups = {}
        for d in self.deaths.values():
            # Panics group by message; hangs and bare signals by function too.
            sig = kind_of(d['death'])
            groups.setdefault(sig if sig.startswith('panic') or ':' in sig else (sig, d['path']), []).append(d)
        for sig, ds in groups.items():
            n += 1
            ds.sort(key=lambda d: (not d['pinned'], len(d['repro'] or [])))
            where = '' if any(d.get('host', True) for d in ds if d['pinned']) or not any(d['pinned'] for d in ds) else ' [ECMAScript built-in: the engine, not the host]'
            print(f'\n[{n}] {ds[0]["death"]}{where}')
            print(f'    function(s): {", ".join(d["path"] for d in ds if d["pinned"]) or "(not pinned)"}')
            print(f'    seeds: {sorted(set(x for d in ds for x in d["seeds"]))}')
            d = ds[0]
            if d['repro']:
                print(f'    repro: tock -e {shell_quote(shown(d["repro"]))}')
            else:
                print(f'    not reproduced alone; last record: {d["last"][:300]}')
                for e in d['lastCalls']:
                    print(f'      before: {e[:300]}')
            if d.get('nodeSays'):
                print(f'    node: {d["nodeSays"]}')
        same = self.ignored
        if same:
            print(f'(ignored {len(same)} finding(s) node shares: ' + ', '.join(b['path'] for b in same) + ')')
        for b in sorted(self.bugs.values(), key=lambda b: (not b.get('host', True), normalize(b['message']), b['path'])):
            n += 1
            where = '' if b.get('host', True) else ' [ECMAScript built-in: the engine, not the host]'
            print(f'\n[{n}] {b["why"]}{where}: {b["name"]}: {b["message"][:300]}')
            if not b.get('reproduced'):
                print('    (not reproduced by a single call: depends on earlier calls)')
            print(f'    function: {b["path"]} ({b["how"]}, x{b["count"]})   seeds: {b["seeds"][:8]}')
            print(f'    repro: tock -e {shell_quote(shown([b["repro"]]))}')
            if b.get('tockSays'):
                print(f'    tock: {b["tockSays"]}')
            if b.get('nodeSays'):
                print(f'    node: {b["nodeSays"]}')
        if self.suspects:
            print(f'\nsuspects (not counted): {len(self.suspects)}')
            for sus in list(self.suspects.values())[:40]:
                print(f'  [{sus["kind"]}] {sus["path"]}: {sus.get("message", "")[:120]}')
                print(f'      {shown([sus["repro"]])[:300]}')
        # Findings in ECMAScript built-ins are the engine's (the engine issue):
        # reported, not failing the run; any finding in tock's own fails it.
        host_deaths = [d for d in self.deaths.values() if d.get('host', True) or not d['pinned']]
        host_bugs = [b for b in self.bugs.values() if b.get('host', True)]
        print(f'\nhost findings: {len(host_deaths) + len(host_bugs)} (engine findings are reported, not counted)')
        return 1 if (host_deaths or host_bugs) else 0


def owner_of(path):
    m = re.match(r'^(.*?)(?:\.[A-Za-z_$][\w$]*|\[[^\[\]]*\])$', path)
    return m.group(1) if m and m.group(1) else None


def kind_of(death):
    # Deaths compare by their first words and message (a panic's location and text).
    # (Line numbers are dropped: the binary may be rebuilt while fuzzing.)
    return re.sub(r':\d+:\d+', '', re.sub(r'\d+ bytes', 'N bytes', death))[:200]


def normalize(msg):
    return re.sub(r"'[^']*'|\"[^\"]*\"", 'S', re.sub(r'\d+', 'N', str(msg)))[:160]


def shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('tock', nargs='?', default=os.environ.get('TOCK', 'target/release/tock'))
    ap.add_argument('--seconds', type=float, default=float(os.environ.get('FUZZ_SECONDS', 60)))
    ap.add_argument('--jobs', type=int, default=int(os.environ.get('FUZZ_JOBS', min(2, os.cpu_count() or 1))))
    ap.add_argument('--run-ms', type=int, default=int(os.environ.get('FUZZ_RUN_MS', 8000)))
    ap.add_argument('--seed', type=int, default=int(os.environ.get('FUZZ_SEED', 1)))
    ap.add_argument('--stall', type=float, default=float(os.environ.get('FUZZ_STALL', 6)),
                    help='seconds without progress that make a hang (default 6)')
    ap.add_argument('--no-node', action='store_true', help='do not compare with node')
    ap.add_argument('--quiet', action='store_true')
    args = ap.parse_args()
    tock = os.path.abspath(args.tock) if os.sep in args.tock else shutil.which(args.tock)
    if not tock or not os.access(tock, os.X_OK):
        print(f'run.py: no tock binary at {args.tock}', file=sys.stderr)
        return 2
    fuzz = Fuzz(tock, args)
    fuzz.go()
    fuzz.verify()
    return fuzz.summary()


if __name__ == '__main__':
    sys.exit(main())

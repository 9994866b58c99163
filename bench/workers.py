#!/usr/bin/env python3
"""The node:worker_threads benchmarks of bench/: tock beside node (and deno
and bun when present), all in the same run. Each program times itself with
performance.now() (or reads process.memoryUsage().rss) and prints one JSON
line; the figures are medians of interleaved runs, the ratios are to node,
and the targets (from the project's workers issue) are checked on tock's row:

- the time from `new Worker` to its first message, the worker posting at its
  top level: the median over 20 workers created one after another in one
  process (bench/programs/worker-startup.js). Target: at most 1/5 of
  node's (<= 0.20x);
- the RSS each idle worker adds: 10 workers started at once, each posting
  'ready' and then idle (a 'message' listener holding it), the process's RSS
  once all are ready (and 300 ms more) minus its RSS before the first, over
  10; the process's baseline RSS beside it (bench/programs/worker-idle.js).
  Target: at most 1/4 of node's (<= 0.25x);
- postMessage round trips per second: { i } ping-ponged between main and one
  worker, 20,000 round trips (bench/programs/worker-pingpong.js). Target: at
  least node's (>= 1.00x);
- a 1 MiB ArrayBuffer in the transfer list, sent to a worker and back
  transferred: round trips per second over 2,000, and, for information, the
  same buffer copied (no transfer list) over 1,000
  (bench/programs/worker-transfer.js). Target: at least node's (>= 1.00x).

A run that fails (a non-zero status, no JSON line, or past --timeout) is
reported as "<runtime>: failed: <the first error line of its stderr>"
instead of stopping the script; the medians are of the runs that worked.

Usage: PEERS=dir python3 bench/workers.py [--runs N] [--only NAME] [--timeout S]
  NAME: startup, idle, pingpong or transfer.
Peers: node from PATH; deno from $PEERS/node_modules/@deno/linux-x64-glibc/deno
or PATH (run with --unstable-detect-cjs, the programs being CommonJS); bun
from $PEERS/node_modules/@oven/bun-linux-x64/bin/bun or PATH; a peer that is
missing is skipped (and said so). Needs a release build (cargo build --release).
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
TOCK = os.path.join(ROOT, "target", "release", "tock")
BASE = "node"
# name: the program that measures it.
WORKLOADS = {
    "startup": "worker-startup.js",
    "idle": "worker-idle.js",
    "pingpong": "worker-pingpong.js",
    "transfer": "worker-transfer.js",
}


def version(cmd):
    try:
        return subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=30).stdout.strip().split("\n")[0]
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def find(*candidates, name):
    """The first of the candidate paths that exists, else name on PATH."""
    return next((p for p in candidates if p and os.path.exists(p)), None) or shutil.which(name)


def runtimes():
    """(label, command) for each runtime found, and the notes on what was
    found or skipped."""
    modules = os.path.join(os.environ.get("PEERS", ""), "node_modules")
    found = [("tock", [TOCK])]
    notes = [version([TOCK])]
    node = shutil.which("node")
    if node:
        found.append(("node", [node]))
        notes.append(f"node {version([node])}")
    else:
        notes.append("node: not on PATH, skipped")
    deno = find(os.path.join(modules, "@deno", "linux-x64-glibc", "deno"), os.path.join(modules, ".bin", "deno"), name="deno")
    if deno:
        found.append(("deno", [deno, "run", "-A", "--unstable-detect-cjs"]))
        notes.append(version([deno]).split(" (")[0])
    else:
        notes.append("deno: not in $PEERS/node_modules/@deno/linux-x64-glibc nor on PATH, skipped")
    bun = find(os.path.join(modules, "@oven", "bun-linux-x64", "bin", "bun"), os.path.join(modules, ".bin", "bun"), name="bun")
    if bun:
        found.append(("bun", [bun]))
        notes.append(f"bun {version([bun])}")
    else:
        notes.append("bun: not in $PEERS/node_modules/@oven/bun-linux-x64/bin nor on PATH, skipped")
    return found, notes


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def first_error_line(stderr):
    """The line of stderr that says what went wrong: the first that reads
    like an error (an uncaught exception's report starts with its source
    location), else the first that is not blank."""
    lines = [ANSI.sub("", line).strip() for line in stderr.splitlines()]
    lines = [line for line in lines if line]
    for line in lines:
        if re.match(r"^(Uncaught\b|error:|\[?\w*(Error|Exception)\b)", line):
            return line
    return lines[0] if lines else "(nothing on stderr)"


def run(cmd, program, timeout):
    """One run of one program: its JSON line as a dict, or {"failed": why}."""
    argv = [*cmd, os.path.join(PROGRAMS, program)]
    env = {**os.environ, "NO_COLOR": "1", "DENO_NO_UPDATE_CHECK": "1"}
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env, cwd=PROGRAMS)
    except subprocess.TimeoutExpired as e:
        stderr = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
        return {"failed": f"timed out after {timeout:g} s" + (f" ({first_error_line(stderr)})" if stderr.strip() else "")}
    except OSError as e:
        return {"failed": f"could not start {argv[0]}: {e.strerror}"}
    if out.returncode != 0:
        return {"failed": f"{first_error_line(out.stderr)} (status {out.returncode})"}
    for line in reversed(out.stdout.strip().splitlines()):
        try:
            result = json.loads(line)
        except ValueError:
            continue
        if isinstance(result, dict):
            return result
    return {"failed": "no JSON line in its output" + (f" ({first_error_line(out.stderr)})" if out.stderr.strip() else "")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=WORKLOADS)
    parser.add_argument("--timeout", type=float, default=60, help="seconds allowed to one run of one program (default 60)")
    args = parser.parse_args()
    if not os.path.exists(TOCK):
        sys.exit(f"no {TOCK}: cargo build --release")
    peers, notes = runtimes()
    wanted = [args.only] if args.only else list(WORKLOADS)
    # samples[workload][label]: the run's dicts, failures included.
    samples = {w: {label: [] for label, _ in peers} for w in wanted}
    for _ in range(args.runs):
        for workload in wanted:
            for label, cmd in peers:
                samples[workload][label].append(run(cmd, WORKLOADS[workload], args.timeout))

    def median(workload, label, key):
        values = [s[key] for s in samples[workload][label] if isinstance(s.get(key), (int, float))]
        return statistics.median(values) if values else None

    def failures(workload, label):
        return [s["failed"] for s in samples[workload][label] if "failed" in s]

    def table(workload, title, key, unit, fmt, lower_better, target=None, extra=None):
        """One line per runtime: the median, its ratio to node, the target
        check on tock's line; a runtime whose every run failed, its error."""
        print(title)
        base = median(workload, BASE, key)
        for label, _ in peers:
            failed = failures(workload, label)
            value = median(workload, label, key)
            if value is None:
                reason = failed[0] if failed else f"no {key} in its output"
                print(f"  {label}: failed: {reason}")
                continue
            text = f"  {label:<5} {format(value, fmt):>10} {unit:<14}"
            ratio = value / base if base else None
            text += f" {ratio:5.2f}x node" if ratio is not None and label != BASE else " " * 12
            if extra:
                text += extra(label)
            if label == "tock" and target:
                limit, words = target
                if ratio is None:
                    text += f"  target {words}: unknown (no node figure)"
                else:
                    met = ratio <= limit if lower_better else ratio >= limit
                    text += f"  target {words}: {'met' if met else 'MISSED'}"
            if failed:
                text += f"  ({len(failed)} of {len(samples[workload][label])} runs failed: {failed[0]})"
            print(text.rstrip())

    print(f"worker_threads, medians of {args.runs} interleaved runs ({'; '.join(notes)})")
    if "startup" in wanted:
        def first(label):
            cold = median("startup", label, "startup_first_ms")
            return f"  (the first, cold: {cold:,.1f} ms)" if cold is not None else ""
        table("startup", "new Worker to its first message, 20 workers one after another (lower is better):",
              "startup_ms", "ms", ",.1f", True, (0.20, "<= 0.20x node (1/5)"), first)
    if "idle" in wanted:
        def baseline(label):
            rss = median("idle", label, "baseline_rss_mib")
            return f"  (baseline RSS {rss:,.1f} MiB)" if rss is not None else ""
        table("idle", "RSS added per idle worker, 10 workers at once (lower is better):",
              "per_worker_mib", "MiB/worker", ",.2f", True, (0.25, "<= 0.25x node (1/4)"), baseline)
    if "pingpong" in wanted:
        table("pingpong", "postMessage round trips of { i }, main <-> worker, 20,000 (higher is better):",
              "pingpong_rps", "round trips/s", ",.0f", False, (1.0, ">= 1.00x node"))
    if "transfer" in wanted:
        def detached(label):
            flags = [s.get("transfer_detached") for s in samples["transfer"][label] if "transfer_detached" in s]
            return "  (NOT detached: the sender's buffer kept its bytes)" if False in flags else ""
        table("transfer", "1 MiB ArrayBuffer in the transfer list, main <-> worker, 2,000 round trips (higher is better):",
              "transfer_rps", "round trips/s", ",.0f", False, (1.0, ">= 1.00x node"), detached)
        table("transfer", "the same 1 MiB ArrayBuffer copied (no transfer list), 1,000 round trips, for information:",
              "copy_rps", "round trips/s", ",.0f", False)


if __name__ == "__main__":
    main()

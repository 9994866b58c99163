#!/usr/bin/env python3
"""The SQLite benchmarks of bench/: tock's node:sqlite and tock:sqlite beside
better-sqlite3 on node and bun's bun:sqlite and node:sqlite, all in the same
run. Each program times itself with performance.now() (start-up, set-up and
opening databases excluded) and prints one JSON line; the figures are
medians of interleaved runs, ratios are to better-sqlite3 on node (to
tock's node:sqlite when node is missing), higher is faster:

- 100,000 INSERTs into t(id INTEGER PRIMARY KEY, name TEXT, value REAL) in
  one transaction, one prepared statement reused: ops/s (a file database in
  SQLite's default rollback-journal mode);
- 100,000 primary-key point selects (SELECT * FROM t WHERE id = ?, random
  ids, the same ones everywhere) on that table: ops/s (each its own read
  transaction, so they cost more than on the WAL database below);
- SELECT * FROM t over 1,000,000 rows, read with iterate() in every API
  (no API holds all the rows at once): rows/s;
- tock:sqlite point selects awaiting each one, beside tock's node:sqlite in
  the same process on the same WAL database (target: within 2x of it);
- 4 tock:sqlite connections at once on that WAL database, the 100,000
  selects split between them, each awaiting its own in turn, beside tock's
  node:sqlite doing all 100,000 serially (target: faster than it);
- loop availability, as Bun's bench/sqlite measures it: the largest gap
  between the ticks of a 10 ms setInterval while one query of about a second
  (a recursive CTE counting to 4,500,000) runs: tock:sqlite (target: no gap
  above 30 ms), tock's node:sqlite and better-sqlite3 (about the query's
  length, the loop being blocked).

The programs are bench/programs/sqlite-sync.js (node:sqlite, better-sqlite3,
bun:sqlite) and bench/programs/sqlite-async.js (tock:sqlite); the databases
live in a temporary directory, deleted at the end.

Usage: PEERS=dir python3 bench/sqlite.py [--runs N] [--only NAME]
  NAME: insert, select, scan, readers or gap.
Peers: node with better-sqlite3 in $PEERS/node_modules, bun from
$PEERS/node_modules/@oven/bun-linux-x64/bin/bun or PATH; a peer that is
missing is skipped (and said so). Needs a release build (cargo build --release).
"""
import argparse, json, os, shutil, sqlite3, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
TOCK = os.path.join(ROOT, "target", "release", "tock")
WORKLOADS = ("insert", "select", "scan", "readers", "gap")
SCAN_ROWS = 1_000_000
BASE = "node better-sqlite3"


def version(cmd):
    try:
        return subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=30).stdout.strip().split("\n")[0]
    except OSError:
        return "?"


def configurations():
    """(label, command, workloads) for each runtime and API found, and the
    notes on what was skipped or found."""
    peers = os.environ.get("PEERS", "")
    sync = os.path.join(PROGRAMS, "sqlite-sync.js")
    found = [
        ("tock node:sqlite", [TOCK, sync, "node:sqlite"], ("insert", "select", "scan", "gap")),
        ("tock tock:sqlite", [TOCK, os.path.join(PROGRAMS, "sqlite-async.js")], ("select", "readers", "gap")),
    ]
    notes = [version([TOCK])]
    node = shutil.which("node")
    better = os.path.join(peers, "node_modules", "better-sqlite3")
    if not node:
        notes.append("node: not on PATH, skipped")
    elif not os.path.isdir(better):
        notes.append(f"node: no better-sqlite3 in {os.path.join(peers, 'node_modules') or 'node_modules'} (set PEERS), skipped")
    else:
        with open(os.path.join(better, "package.json")) as f:
            notes.append(f"node {version([node])} + better-sqlite3 {json.load(f)['version']}")
        found.append((BASE, [node, sync, "better-sqlite3"], ("insert", "select", "scan", "gap")))
    bun = next((p for p in [os.path.join(peers, "node_modules", "@oven", "bun-linux-x64", "bin", "bun")] if os.path.exists(p)), None) or shutil.which("bun")
    if not bun:
        notes.append("bun: not in $PEERS/node_modules/@oven/bun-linux-x64/bin nor on PATH, skipped")
    else:
        notes.append(f"bun {version([bun])}")
        found.append(("bun bun:sqlite", [bun, sync, "bun:sqlite"], ("insert", "select", "scan")))
        found.append(("bun node:sqlite", [bun, sync, "node:sqlite"], ("insert", "select", "scan")))
    return found, notes


def make_scan_db(directory):
    """scan.db: t with the 1,000,000 rows every program scans, made once
    (the programs make it themselves when they run alone)."""
    db = sqlite3.connect(os.path.join(directory, "scan.db"))
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, value REAL)")
    db.execute(f"""INSERT INTO t (id, name, value)
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < {SCAN_ROWS})
        SELECT x, 'name ' || x, x * 1.5 FROM c""")
    db.commit()
    db.close()


def run(label, cmd, workloads, directory):
    """One run of one program: its JSON line, as a dict."""
    argv = [*cmd, ",".join(workloads), directory]
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{label}: {' '.join(argv)} failed with status {out.returncode}:\n{out.stderr.strip()}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=WORKLOADS)
    args = parser.parse_args()
    if not os.path.exists(TOCK):
        sys.exit(f"no {TOCK}: cargo build --release")
    configs, notes = configurations()
    wanted = (args.only,) if args.only else WORKLOADS
    configs = [(label, cmd, [w for w in workloads if w in wanted]) for label, cmd, workloads in configs]
    configs = [c for c in configs if c[2]]
    directory = tempfile.mkdtemp(prefix="tock-sqlite-bench-")
    try:
        if "scan" in wanted:
            make_scan_db(directory)
        samples = {label: [] for label, _, _ in configs}
        for _ in range(args.runs):
            for label, cmd, workloads in configs:
                samples[label].append(run(label, cmd, workloads, directory))
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    def median(label, key):
        values = [s[key] for s in samples.get(label, []) if key in s]
        return statistics.median(values) if values else None

    base_label = BASE if BASE in samples else "tock node:sqlite"
    base_name = "better-sqlite3" if base_label == BASE else base_label

    def rates(title, key, unit, labels=None):
        print(title)
        base = median(base_label, key)
        for label in labels or samples:
            value = median(label, key)
            if value is None:
                continue
            ratio = f"{value / base:5.2f}x {base_name}" if base else ""
            print(f"  {label:<22} {value:>12,.0f} {unit}  {ratio}")

    def target(met, text):
        return f"target {text}: {'met' if met else 'MISSED'}"

    print(f"SQLite, medians of {args.runs} interleaved runs ({'; '.join(notes)})")
    if "insert" in wanted:
        rates("100,000 inserts, one transaction, one prepared statement:", "insert_ops", "ops/s")
    if "select" in wanted:
        rates("100,000 primary-key point selects, random ids, one prepared statement:", "select_ops", "ops/s")
        sync, awaited = median("tock tock:sqlite", "sync_select_ops"), median("tock tock:sqlite", "await_select_ops")
        if awaited:
            print("  tock:sqlite awaiting each, beside tock's node:sqlite on the same WAL database in the same process:")
            print(f"  {'tock node:sqlite':<22} {sync:>12,.0f} ops/s")
            print(f"  {'tock tock:sqlite':<22} {awaited:>12,.0f} ops/s  {awaited / sync:5.2f}x node:sqlite  "
                  + target(awaited * 2 >= sync, "within 2x (>= 0.50x)"))
    if "scan" in wanted:
        rates("SELECT * FROM t over 1,000,000 rows, iterate() everywhere:", "scan_rows", "rows/s")
    if "readers" in wanted:
        sync = median("tock tock:sqlite", "sync_select_ops")
        readers = median("tock tock:sqlite", "readers_ops")
        if readers:
            print("100,000 point selects on a WAL database, 4 tock:sqlite connections at once vs node:sqlite serially:")
            if sync:
                print(f"  {'tock node:sqlite':<22} {sync:>12,.0f} ops/s  (one connection, serially)")
            ratio = f"{readers / sync:5.2f}x node:sqlite  " + target(readers > sync, "faster (> 1.00x)") if sync else ""
            print(f"  {'tock tock:sqlite':<22} {readers:>12,.0f} ops/s  (4 connections, 25,000 each)  {ratio}")
    if "gap" in wanted:
        print("largest gap between 10 ms setInterval ticks while a ~1 s query runs (count to 4,500,000):")
        for label in samples:
            gap, query = median(label, "gap_ms"), median(label, "gap_query_ms")
            if gap is None:
                continue
            note = "  " + target(gap <= 30, "<= 30 ms") if label == "tock tock:sqlite" else ""
            print(f"  {label:<22} {gap:>9,.1f} ms  (the query: {query:,.0f} ms){note}")


if __name__ == "__main__":
    main()

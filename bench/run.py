#!/usr/bin/env python3
"""tock's benchmarks, printed beside node's, measured in the same run.

Usage: python3 bench/run.py [--runs N]
Figures are medians of N runs (the machine is noisy); ratios are tock/node.
"""
import argparse, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
TOCK = os.path.join(ROOT, "target", "release", "tock")
BARE = os.path.join(ROOT, "target", "release", "examples", "bare-engine")


GNU_TIME = shutil.which("time", path="/usr/bin")


def measure(cmd, stdout=None):
    """Wall seconds, CPU seconds (user+sys) and peak RSS (MiB) of one run.

    stdout: None (/dev/null), a file path, or "pipe" (drained by this
    process). A child forked from Python inherits Python's peak RSS, so the
    peak comes from GNU time (`apt-get install time`) when it is there.
    """
    sink = subprocess.DEVNULL
    if stdout == "pipe":
        sink = subprocess.PIPE
    elif stdout is not None:
        sink = open(stdout, "wb")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL)
    if stdout == "pipe":
        while proc.stdout.read(1 << 20):
            pass
    _, status, usage = os.wait4(proc.pid, 0)
    if stdout is not None and stdout != "pipe":
        sink.close()
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed with status {status}")
    rss = float("nan")
    if GNU_TIME:
        out = subprocess.run([GNU_TIME, "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        rss = int(out.stderr.strip().splitlines()[-1]) / 1024
    return wall, usage.ru_utime + usage.ru_stime, rss


def medians(*cmds, runs, stdout=None):
    """Medians of (wall, cpu, rss) for each command, runs interleaved so that
    the machine's drifting load falls on all of them alike."""
    samples = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            samples[i].append(measure(cmd, stdout))
    result = [tuple(statistics.median(s[k] for s in per) for k in range(3)) for per in samples]
    return result if len(cmds) > 1 else result[0]


def row(name, tock, other, other_name, unit="ms", index=0, scale=1000):
    t, o = tock[index] * scale, other[index] * scale if other else None
    ratio = f"{t / o:6.2f}x" if o else "   n/a"
    other_text = f"{o:10.1f}" if o is not None else "         -"
    print(f"{name:<34} {t:10.1f} {other_text}   {ratio}  ({unit}; vs {other_name})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "tock", "--example", "bare-engine"], cwd=ROOT, check=True)
    node = shutil.which("node")
    prog = lambda name: os.path.join(PROGRAMS, name)
    runs = args.runs

    def versus_node(name, *args, runs=runs, stdout=None):
        """tock and node on one program, interleaved (node: None when absent)."""
        if not node:
            return medians([TOCK, prog(name), *args], runs=runs, stdout=stdout), None
        return medians([TOCK, prog(name), *args], [node, prog(name), *args], runs=runs, stdout=stdout)

    print(f"{'benchmark':<34} {'tock':>10} {'other':>10}   ratio   (medians of {runs} interleaved runs)")
    hello_t, hello_n = versus_node("hello.js")
    row("hello world: wall time", hello_t, hello_n, "node")
    row("hello world: peak RSS", hello_t, hello_n, "node", unit="MiB", index=2, scale=1)
    trace_out = os.path.join(ROOT, "target", "bench-trace.txt")
    awaits_t, awaits_bare, traced, diagnosed = medians(
        [TOCK, prog("awaits.js")],
        [BARE, prog("awaits.js")],
        [TOCK, "trace", "--trace-out", trace_out, prog("awaits.js")],
        [TOCK, "run", "--diagnose", prog("awaits.js")],
        runs=runs,
    )
    row("1e6 awaits: wall time", awaits_t, awaits_bare, "bare rquickjs job loop")
    row("1e6 awaits, text trace on", traced, awaits_t, "tock, tracing off")
    row("1e6 awaits, --diagnose", diagnosed, awaits_t, "tock, tracing off")
    row("1e6 awaits: wall time", *versus_node("awaits.js"), "node")
    row("1e5 timers: wall time", *versus_node("timers.js"), "node")
    log_file = os.path.join(ROOT, "target", "bench-log.txt")
    row("1e6 console.log to a file", *versus_node("log-lines.js", runs=max(3, runs // 3), stdout=log_file), "node")
    row("1e6 console.log to a pipe", *versus_node("log-lines.js", runs=max(3, runs // 3), stdout="pipe"), "node")
    idle_t, idle_n = versus_node("idle.js", runs=3)
    row("1.5 s idle timer: CPU time", idle_t, idle_n, "node", index=1)
    row("1.5 s idle timer: wall time", idle_t, idle_n, "node")

    fixtures = make_fixtures()
    row("2,000 small files, Promise.all", *versus_node("read-many.js", fixtures["many"]), "node")
    big_t, big_n = versus_node("read-big.js", fixtures["big"])
    row("100 MB readFile: wall time", big_t, big_n, "node")
    row("100 MB readFile: peak RSS", big_t, big_n, "node", unit="MiB", index=2, scale=1)
    copy_t, copy_n = versus_node("stream-copy.js", fixtures["big"], os.path.join(os.path.dirname(fixtures["big"]), "copy.bin"))
    row("100 MB stream copy: wall time", copy_t, copy_n, "node")
    row("100 MB stream copy: peak RSS", copy_t, copy_n, "node", unit="MiB", index=2, scale=1)
    flood_t, flood_n = versus_node("read-flood.js", fixtures["small"], runs=max(3, runs // 3))
    row("50,000 reads at once: wall time", flood_t, flood_n, "node")
    row("50,000 reads at once: peak RSS", flood_t, flood_n, "node", unit="MiB", index=2, scale=1)


def make_fixtures():
    """Files for the I/O benchmarks, made once under target/bench-fixtures."""
    base = os.path.join(ROOT, "target", "bench-fixtures")
    many = os.path.join(base, "many")
    if not os.path.isdir(many) or len(os.listdir(many)) != 2000:
        os.makedirs(many, exist_ok=True)
        for i in range(2000):
            with open(os.path.join(many, f"{i:04}.txt"), "w") as f:
                f.write(f"file {i}\n" * (1 + i % 50))
    big = os.path.join(base, "big.bin")
    if not os.path.exists(big) or os.path.getsize(big) != 100 * 1024 * 1024:
        with open(big, "wb") as f:
            for _ in range(100):
                f.write(os.urandom(1024 * 1024))
    small = os.path.join(base, "small.txt")
    with open(small, "w") as f:
        f.write("small file\n")
    return {"many": many, "big": big, "small": small}


if __name__ == "__main__":
    main()

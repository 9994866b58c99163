#!/usr/bin/env python3
"""The network benchmarks of bench/, each beside node (and deno and bun when
present) in the same run, on loopback, the server on core 0 and the load
generator on core 1 (taskset):

- http.createServer hello world under wrk, 64 keep-alive connections:
  requests/s and p99 latency (median of interleaved runs);
- 10,000 idle keep-alive connections held by the server: its RSS per
  connection;
- 1 GiB over one TCP connection: MB/s and the server's peak RSS.

Usage: python3 bench/network.py [--runs N] [--seconds S] [--only NAME]
Needs wrk (apt-get install wrk) and a release build (cargo build --release).
"""
import argparse, os, re, resource, shutil, socket, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")


def runtimes():
    found = [("tock", [os.path.join(ROOT, "target", "release", "tock")]), ("node", ["node"])]
    for name in ("deno", "bun"):
        path = shutil.which(name) or next((p for p in [os.path.join(os.environ.get("PEERS", ""), "node_modules", ".bin", name)] if os.path.exists(p)), None)
        if path:
            found.append((name, [path, "run", "-A"] if name == "deno" else [path]))
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd, program, *args):
    port = free_port()
    proc = subprocess.Popen(["taskset", "-c", "0", *cmd, os.path.join(PROGRAMS, program), str(port), *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if proc.stdout.readline().strip() != "listening":
        sys.exit(f"{cmd[0]} {program} did not start")
    return proc, port


def rss_mib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wrk(cmd, seconds):
    proc, port = start(cmd, "http-hello.js")
    try:
        out = subprocess.run(["taskset", "-c", "1", "wrk", "-t1", "-c64", f"-d{seconds}s", "--latency", f"http://127.0.0.1:{port}/"],
                             capture_output=True, text=True).stdout
    finally:
        proc.kill()
        proc.wait()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    p99_ms = float(p99.group(1)) * {"us": 1e-3, "ms": 1, "s": 1e3}[p99.group(2)]
    errors = re.search(r"Socket errors: (.*)", out)
    return rps, p99_ms, errors.group(1) if errors else "none"


def idle(cmd, count):
    proc, port = start(cmd, "http-idle.js")
    sockets = []
    try:
        time.sleep(0.2)
        before = rss_mib(proc.pid)
        for _ in range(count):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            sockets.append(s)
        for s in sockets:
            s.recv(4096)
        time.sleep(0.5)
        after = rss_mib(proc.pid)
    finally:
        for s in sockets:
            s.close()
        proc.kill()
        proc.wait()
    return (after - before) * 1024 / count


def transfer(cmd, mib):
    proc, port = start(cmd, "tcp-source.js", mib)
    received = 0
    began = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as s:
        while chunk := s.recv(1 << 20):
            received += len(chunk)
    elapsed = time.perf_counter() - began
    peak = rss_mib(proc.pid, "VmHWM")
    proc.wait()
    if received != mib * 1024 * 1024:
        sys.exit(f"{cmd[0]}: received {received} bytes")
    return received / elapsed / 1e6, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--only")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 30000)), hard))
    peers = runtimes()
    def interleaved(measure):
        samples = {name: [] for name, _ in peers}
        for _ in range(args.runs):
            for name, cmd in peers:
                samples[name].append(measure(cmd))
        return samples
    if args.only in (None, "http"):
        print(f"http hello world, wrk -c64 {args.seconds}s, median of {args.runs}:")
        samples = interleaved(lambda cmd: wrk(cmd, args.seconds))
        base = statistics.median(s[0] for s in samples["node"])
        for name, runs in samples.items():
            rps = statistics.median(r[0] for r in runs)
            p99 = statistics.median(r[1] for r in runs)
            print(f"  {name:<5} {rps:>10.0f} req/s ({rps / base:.2f}x node)  p99 {p99:7.2f} ms  socket errors: {runs[-1][2]}")
    if args.only in (None, "idle"):
        print("10,000 idle keep-alive connections, server RSS per connection:")
        samples = interleaved(lambda cmd: idle(cmd, 10000))
        for name, runs in samples.items():
            print(f"  {name:<5} {statistics.median(runs):7.2f} KiB")
    if args.only in (None, "transfer"):
        print("1 GiB over one TCP connection:")
        samples = interleaved(lambda cmd: transfer(cmd, 1024))
        for name, runs in samples.items():
            print(f"  {name:<5} {statistics.median(r[0] for r in runs):8.0f} MB/s  peak RSS {statistics.median(r[1] for r in runs):6.1f} MiB")


if __name__ == "__main__":
    main()

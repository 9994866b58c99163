#!/usr/bin/env python3
"""Generates a random ordering program (nextTick, promises, queueMicrotask,
async/await, timers, immediates, nested) for comparing tock with node:

    for i in $(seq 200); do
      python3 tools/order_fuzz_gen.py $i > /tmp/p.cjs
      diff <(node /tmp/p.cjs) <(target/release/tock /tmp/p.cjs) >/dev/null || echo "differs: seed $i"
    done

Distinct timer delays are 10 ms apart, so node's own output is stable.
Programs it found differing are kept in tests/order/generated-*.
"""
import random, sys
def stmt(depth, label):
    r = random.random()
    nxt = lambda l: body(depth+1, l)
    if depth > 2 or r < 0.2: return f"log('{label}');"
    if r < 0.35: return f"process.nextTick(() => {{ log('{label} tick'); {nxt(label+'t')} }});"
    if r < 0.5: return f"Promise.resolve().then(() => {{ log('{label} then'); {nxt(label+'p')} }});"
    if r < 0.6: return f"queueMicrotask(() => {{ log('{label} qm'); {nxt(label+'q')} }});"
    if r < 0.7: return f"(async () => {{ log('{label} async'); await null; log('{label} after await'); {nxt(label+'a')} }})();"
    if r < 0.8: return f"setTimeout(() => {{ log('{label} timeout{depth}'); {nxt(label+'T')} }}, {depth*10});"
    if r < 0.9 and depth > 0: return f"setImmediate(() => {{ log('{label} immediate'); {nxt(label+'I')} }});"
    return f"new Promise((res) => {{ log('{label} executor'); res(); }}).then(() => {{ log('{label} resolved'); {nxt(label+'r')} }});"
def body(depth, label):
    return " ".join(stmt(depth, f"{label}{i}") for i in range(random.randint(1,3)))
random.seed(int(sys.argv[1]))
print("const log = (s) => console.log(s);")
print(body(0, "m"))

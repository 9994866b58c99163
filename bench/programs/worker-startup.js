// bench/workers.py: the time from `new Worker` to its first message, the
// worker posting at its top level: `count` workers (20 by default) created
// one after another in this process, each awaited to its end before the
// next, timed with performance.now(). Prints one JSON line:
//   startup_ms        the median over the workers, ms
//   startup_first_ms  the first one (the cold start), ms
//   startup_min_ms, startup_max_ms
//
// Usage: <runtime> worker-startup.js [count]
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.postMessage('ready');
} else {
  const count = Number(process.argv[2] || 20);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const one = () =>
    new Promise((resolve, reject) => {
      const began = performance.now();
      const worker = new Worker(__filename);
      let took;
      worker.once('message', () => {
        took = performance.now() - began;
        worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', () => (took === undefined ? reject(new Error('the worker ended without a message')) : resolve(took)));
    });
  (async () => {
    const times = [];
    for (let i = 0; i < count; i++) times.push(await one());
    console.log(JSON.stringify({
      startup_ms: median(times),
      startup_first_ms: times[0],
      startup_min_ms: Math.min(...times),
      startup_max_ms: Math.max(...times),
    }));
  })().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
}

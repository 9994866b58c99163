// bench/workers.py: postMessage round trips between the main thread and one
// worker: main posts { i }, the worker posts it back, main posts { i: i + 1 }
// on receiving it, and so on: `count` round trips (20,000 by default) timed
// with performance.now(), after 1,000 untimed ones (the worker started and
// warm). Prints one JSON line:
//   pingpong_rps   round trips per second
//
// Usage: <runtime> worker-pingpong.js [count]
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (message) => parentPort.postMessage(message));
} else {
  const count = Number(process.argv[2] || 20000);
  const warmup = 1000;
  const worker = new Worker(__filename);
  let began;
  worker.on('message', ({ i }) => {
    if (i === warmup) began = performance.now();
    if (i < warmup + count) {
      worker.postMessage({ i: i + 1 });
      return;
    }
    const seconds = (performance.now() - began) / 1000;
    console.log(JSON.stringify({ pingpong_rps: count / seconds }));
    worker.terminate();
  });
  worker.on('error', (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
  worker.postMessage({ i: 0 });
}

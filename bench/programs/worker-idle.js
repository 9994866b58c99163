// bench/workers.py: the RSS each idle worker adds. Reads
// process.memoryUsage().rss, starts `count` workers (10 by default) at once,
// each posting 'ready' and then staying alive and idle (a 'message' listener
// on parentPort holds it), waits until all are ready and then `settle` ms
// (300 by default), reads the RSS again, and terminates them. Prints one
// JSON line:
//   baseline_rss_mib   the process's RSS before the first worker, MiB
//   workers_rss_mib    its RSS with the workers idle, MiB
//   per_worker_mib     (workers_rss_mib - baseline_rss_mib) / count
//
// Usage: <runtime> worker-idle.js [count] [settle]
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', () => {});
  parentPort.postMessage('ready');
} else {
  const count = Number(process.argv[2] || 10);
  const settle = Number(process.argv[3] || 300);
  const MiB = 1024 * 1024;
  const fail = (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  };
  const baseline = process.memoryUsage().rss;
  const workers = [];
  const ready = [];
  for (let i = 0; i < count; i++) {
    const worker = new Worker(__filename);
    workers.push(worker);
    ready.push(new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker ${i} exited (code ${code}) before it was ready`)));
    }));
  }
  Promise.all(ready)
    .then(() => new Promise((resolve) => setTimeout(resolve, settle)))
    .then(() => {
      const rss = process.memoryUsage().rss;
      for (const worker of workers) worker.removeAllListeners('exit');
      return Promise.all(workers.map((worker) => worker.terminate())).then(() => rss);
    })
    .then((rss) => {
      console.log(JSON.stringify({
        baseline_rss_mib: baseline / MiB,
        workers_rss_mib: rss / MiB,
        per_worker_mib: (rss - baseline) / MiB / count,
      }));
    }, fail);
}

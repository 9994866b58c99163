// Nested workers: a worker starts its own worker; threadIds, isMainThread, parentPort, messages relayed up.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

const depth = isMainThread ? 0 : workerData.depth;
if (depth < 2) {
  const child = new Worker(__filename, { workerData: { depth: depth + 1 } });
  const report = (m) => (isMainThread ? console.log(m) : parentPort.postMessage(m));
  report(`depth ${depth} (thread ${threadId}) started child thread ${child.threadId}`);
  child.on('message', (m) => report(`via depth ${depth}: ${m}`));
  child.on('exit', (code) => report(`depth ${depth} saw child exit ${code}`));
} else {
  parentPort.postMessage(`deepest: thread ${threadId}, isMainThread ${isMainThread}, parentPort ${parentPort.constructor.name}`);
}

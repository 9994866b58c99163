// resourceLimits: a worker that outgrows maxOldGenerationSizeMb is stopped with ERR_WORKER_OUT_OF_MEMORY, exit 1.
const { Worker, isMainThread, parentPort, resourceLimits } = require('worker_threads');

if (!isMainThread) {
  parentPort.postMessage({ limits: resourceLimits });
  const hoard = [];
  for (;;) hoard.push(new Array(10000).fill({ grow: hoard.length }));
}

const w = new Worker(__filename, { resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
w.on('message', (m) => console.log('worker limits', m.limits.maxOldGenerationSizeMb, m.limits.maxYoungGenerationSizeMb));
w.on('error', (e) => console.log('error', e.name, e.code, e.message));
w.on('exit', (code) => {
  console.log('exit', code);
  console.log('parent is fine', [1, 2, 3].map((x) => x * 2));
});

// process.exit() on the main thread while workers are busy or sleeping: the process ends with that code at once.
const { Worker } = require('worker_threads');

const busy = new Worker(`require('worker_threads').parentPort.postMessage('busy'); for (;;) {}`, { eval: true });
const sleepy = new Worker(`setInterval(() => {}, 1000); require('worker_threads').parentPort.postMessage('sleepy')`, { eval: true });
let ready = 0;
for (const w of [busy, sleepy]) {
  w.on('message', (m) => {
    console.log('ready:', ready++ === 0 ? 'first' : 'second'); // which one is first is not fixed
    if (ready === 2) {
      process.exitCode = 9;
      setImmediate(() => process.exit(4));
    }
  });
  w.on('exit', (code) => console.log('worker exit event (never printed)', code));
}
process.on('exit', (code) => console.log('main exit handler', code, 'exitCode', process.exitCode));

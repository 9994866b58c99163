// A worker error with no 'error' listener on the Worker becomes an uncaught exception in the parent.
const { Worker } = require('worker_threads');

const w = new Worker(`throw Object.assign(new RangeError('nobody listens'), { code: 'E_WORKER' })`, { eval: true });
w.on('exit', (code) => {
  console.log('exit event', code);
  // Then a second worker fails the same way, with no handler left: the parent dies with exit code 1.
  new Worker(`setImmediate(() => { throw new Error('fatal for the parent') })`, { eval: true });
});
process.on('uncaughtException', (e, origin) => {
  console.log('parent uncaughtException', origin, e.name, e.code, e.message);
  process.removeAllListeners('uncaughtException');
});
process.on('exit', (code) => console.log('parent exit', code));

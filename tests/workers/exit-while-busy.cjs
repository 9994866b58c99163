// process.exit() in the main thread, from a timer, ends the process at once while a worker is still busy.
const { Worker } = require('worker_threads');

const w = new Worker('while (true) {}', { eval: true });
w.on('exit', () => console.log('never: the worker does not get to exit'));
w.on('online', () => {
  setTimeout(() => {
    console.log('main: exiting with the worker still running');
    process.exit(3);
  }, 10);
});
process.on('exit', (code) => console.log('main: exit event', code));

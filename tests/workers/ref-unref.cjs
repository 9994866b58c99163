// ref/unref: an unref'd port or worker does not keep the process alive; ref() again does; hasRef().
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  setInterval(() => {}, 1000); // never ends by itself
  parentPort.postMessage('running');
  return;
}

const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => {
  console.log('port2 got', m);
  port2.unref(); // from now on this listening port does not keep the process alive
  startWorker();
});
console.log('listening port hasRef', port2.hasRef(), 'other side', port1.hasRef());
port2.unref();
console.log('after unref', port2.hasRef());
port2.ref();
console.log('after ref', port2.hasRef());
port1.postMessage('one');

function startWorker() {
  const w = new Worker(__filename);
  w.unref();
  w.ref(); // keeps the process alive until the worker has said something
  w.once('message', (m) => {
    console.log('worker says', m);
    w.unref(); // the worker's interval no longer keeps us here
    setTimeout(() => console.log('last timer'), 30);
  });
  w.on('exit', () => console.log('worker exit event (not expected)'));
}
process.once('beforeExit', () => {
  console.log('beforeExit');
  // Nothing keeps the loop alive, so this is never delivered: the process exits right after this handler.
  port1.postMessage('never delivered');
});
process.on('exit', (code) => console.log('process exit', code));

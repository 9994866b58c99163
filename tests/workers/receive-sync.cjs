// receiveMessageOnPort: synchronous receive ({ message } or undefined), also from a worker blocked in Atomics.wait.
const { Worker, MessageChannel, receiveMessageOnPort, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  const { port, flag } = workerData;
  const got = [];
  for (let i = 0; i < 3; i++) {
    Atomics.wait(flag, 0, i); // wait until the parent has posted message i+1
    got.push(receiveMessageOnPort(port));
  }
  got.push(receiveMessageOnPort(port));
  parentPort.postMessage(got); // (not over port: that one's delivery is not ordered with 'exit')
  return;
}

const { port1, port2 } = new MessageChannel();
console.log('empty', receiveMessageOnPort(port2));
port1.postMessage({ a: 1 });
port1.postMessage('second');
port1.postMessage(undefined);
const r = receiveMessageOnPort(port2);
console.log('first', r, Object.keys(r), Object.getPrototypeOf(r) === Object.prototype);
console.log('second', receiveMessageOnPort(port2));
console.log('undefined message', receiveMessageOnPort(port2));
console.log('drained', receiveMessageOnPort(port2));
port2.on('message', (m) => console.log('async listener got', m));
port1.postMessage('taken synchronously before the listener sees it');
console.log('sync again', receiveMessageOnPort(port2));
port1.postMessage('left for the listener');
for (const bad of [null, {}, 'port']) {
  try {
    receiveMessageOnPort(bad);
  } catch (e) {
    console.log('bad arg', e.name, e.code, e.message);
  }
}
port1.close();
console.log('after close', receiveMessageOnPort(port2));

setImmediate(() => {
  const ch = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(__filename, { workerData: { port: ch.port2, flag }, transferList: [ch.port2] });
  for (let i = 1; i <= 3; i++) {
    ch.port1.postMessage(`m${i}`);
    Atomics.store(flag, 0, i);
    Atomics.notify(flag, 0);
  }
  w.on('message', (got) => console.log('worker received synchronously', got));
  w.on('exit', (code) => console.log('worker exit', code));
});

// SharedArrayBuffer across threads: same memory both sides, Atomics.add from 4 workers, Atomics.wait/notify.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  const { sab, id } = workerData;
  const counters = new Int32Array(sab);
  if (id === 'writer') {
    parentPort.once('message', (shared) => {
      new Uint8Array(shared)[0] = 42; // the parent's view of the same SAB sees this
      parentPort.postMessage('written');
    });
    return;
  }
  for (let i = 0; i < 10000; i++) Atomics.add(counters, 0, 1);
  Atomics.add(counters, 1, 1); // finished workers
  Atomics.notify(counters, 1);
  return;
}

const sab = new SharedArrayBuffer(8);
const counters = new Int32Array(sab);
const workers = [1, 2, 3, 4].map((id) => new Worker(__filename, { workerData: { sab, id } }));
// Block the main thread until all four have finished (Atomics.wait is allowed on Node's main thread).
let done;
while ((done = Atomics.load(counters, 1)) < 4) Atomics.wait(counters, 1, done);
console.log('total', Atomics.load(counters, 0), 'finished', Atomics.load(counters, 1));
const local = new Int32Array(new SharedArrayBuffer(4)); // no other thread touches this one
console.log('wait timed out', Atomics.wait(local, 0, 0, 10), 'not-equal', Atomics.wait(local, 0, 1, 10));
console.log('notify with no waiters', Atomics.notify(local, 0, 1));

let exited = 0;
for (const w of workers) w.on('exit', (code) => ++exited === 4 && sameMemory(code));

function sameMemory(code) {
  console.log('all exited', code);
  const bytes = new SharedArrayBuffer(4);
  const w = new Worker(__filename, { workerData: { sab: bytes, id: 'writer' } });
  w.postMessage(bytes);
  w.on('message', (m) => {
    console.log(m, new Uint8Array(bytes)[0], 'is SAB', bytes instanceof SharedArrayBuffer, bytes.byteLength);
  });
  w.on('exit', (code) => console.log('writer exit', code));
  try {
    w.postMessage(bytes, [bytes]);
  } catch (e) {
    console.log('transfer SAB', e.name, e.code, e.message);
  }
}

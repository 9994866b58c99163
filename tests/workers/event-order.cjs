// Event order: parent's nextTick/promise/immediate vs 'online' and messages; inside the worker, top-level
// code runs like an I/O callback (immediate before timeout 0), and a message posted before the worker
// started arrives only after the worker's first immediate.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (isMainThread) {
  const log = (s) => console.log('main:', s);
  log('sync start');
  process.nextTick(() => log('nextTick'));
  Promise.resolve().then(() => log('promise'));
  setImmediate(() => log('immediate'));
  const w = new Worker(__filename);
  w.postMessage('early'); // queued before the worker runs any code
  log('after new Worker');
  w.on('online', () => {
    log('online');
    process.nextTick(() => log('nextTick in online'));
  });
  let n = 0;
  w.on('message', (m) => {
    n++;
    log(`message ${n} ${JSON.stringify(m)}`);
    if (n === 3) w.postMessage('bye'); // the worker waits for this, so 'exit' comes after all of the below
    process.nextTick(() => log(`nextTick after message ${n}`));
    Promise.resolve().then(() => log(`promise after message ${n}`));
  });
  w.on('exit', (code) => log(`exit ${code}`));
  log('sync end');
} else {
  const order = [];
  let got = null;
  let sent = false;
  const done = () => {
    if (order.length < 6 || !got || sent) return;
    sent = true;
    parentPort.postMessage({ order, got });
  };
  process.nextTick(() => order.push('nextTick'));
  Promise.resolve().then(() => order.push('promise'));
  queueMicrotask(() => order.push('microtask'));
  setTimeout(() => { order.push('timeout 0'); done(); }, 0);
  setImmediate(() => { order.push('immediate'); done(); });
  parentPort.on('message', (m) => {
    if (m === 'bye') return parentPort.close();
    got = { m, afterImmediate: order.includes('immediate') };
    done();
  });
  order.push('sync');
  parentPort.postMessage('first');
  parentPort.postMessage('second');
}

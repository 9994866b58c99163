// DataCloneError from postMessage: functions, symbols, nested functions, WeakMap, Promise; nothing is sent.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');

const w = new Worker(`require('worker_threads').parentPort.on('message', (m) => {
  require('worker_threads').parentPort.postMessage(['worker got', m]);
});`, { eval: true });

const bad = [
  ['function', () => 1],
  ['symbol', Symbol('s')],
  ['object with function', { ok: 1, fn() {} }],
  ['array with symbol', [1, Symbol.iterator]],
  ['weakmap', new WeakMap()],
  ['promise', Promise.resolve(1)],
  ['proxy', new Proxy({}, {})],
  ['getter throws', { get boom() { throw new Error('from getter'); } }],
];
const { port1, port2 } = new MessageChannel();
for (const [label, value] of bad) {
  for (const [target, name] of [[w, 'worker'], [port1, 'port']]) {
    try {
      target.postMessage(value);
      console.log(label, name, 'sent?!');
    } catch (e) {
      console.log(label, name, e.name, e.constructor.name, e.code, JSON.stringify(e.message), e instanceof Error);
    }
  }
}
console.log('nothing queued on port2', receiveMessageOnPort(port2));
port1.close();
const e = new DOMException('x', 'DataCloneError');
console.log('DOMException DataCloneError code', e.code, DOMException.DATA_CLONE_ERR);
w.on('message', (m) => {
  console.log(m);
  w.terminate();
});
w.postMessage('a fine message');

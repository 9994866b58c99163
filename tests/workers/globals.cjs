// The worker_threads module surface, and the web globals (MessageChannel, MessagePort, BroadcastChannel, MessageEvent).
const wt = require('worker_threads');

console.log('exports', Object.keys(wt).sort().join(' '));
console.log('same as node:worker_threads', wt === require('node:worker_threads'));
for (const name of ['MessageChannel', 'MessagePort', 'BroadcastChannel', 'MessageEvent', 'Worker', 'structuredClone']) {
  console.log(name, typeof globalThis[name], globalThis[name] === wt[name]);
}
console.log('isMainThread', wt.isMainThread, 'threadId', wt.threadId, 'parentPort', wt.parentPort, 'workerData', wt.workerData);

const ev = new MessageEvent('message', { data: { x: 1 }, origin: 'o', lastEventId: 'id' });
console.log('MessageEvent', ev.type, ev.data, ev.origin, ev.lastEventId, ev.source, ev.ports, ev instanceof Event);
console.log('bare MessageEvent', new MessageEvent('custom').data, new MessageEvent('custom').ports);

const { port1, port2 } = new MessageChannel();
console.log('port is EventTarget', port1 instanceof EventTarget, 'is EventEmitter', port1 instanceof require('events'));
console.log('port methods', ['postMessage', 'start', 'close', 'ref', 'unref', 'hasRef', 'on', 'once', 'addEventListener']
  .map((m) => `${m}:${typeof port1[m]}`).join(' '));
try {
  new MessagePort();
} catch (e) {
  console.log('new MessagePort()', e.name, e.code, e.message);
}
try {
  wt.MessageChannel();
} catch (e) {
  console.log('MessageChannel()', e.name, e.message);
}
port2.onmessage = (e) => {
  console.log('onmessage got', e.data, 'onmessage getter is fn', typeof port2.onmessage);
  port1.close();
};
port2.addEventListener('close', (e) => console.log('close via addEventListener', e instanceof Event, e.type));
port2.on('close', () => console.log('close via on()'));
port1.postMessage('via web API');

// BroadcastChannel: same-thread channels, no self-delivery, main <-> two workers, different names, close().
const { Worker, BroadcastChannel, isMainThread, workerData } = require('worker_threads');

if (!isMainThread) {
  const bc = new BroadcastChannel('room');
  bc.onmessage = (ev) => {
    if (ev.data.kind === 'hello') bc.postMessage({ kind: 'reply', from: workerData, to: ev.data.from });
    if (ev.data.kind === 'bye') bc.close(); // lets this worker exit
  };
  bc.postMessage({ kind: 'ready', from: workerData });
  return;
}

const a = new BroadcastChannel('local');
const b = new BroadcastChannel('local');
const other = new BroadcastChannel('other');
console.log('name', a.name, String(a), Object.prototype.toString.call(a));
a.onmessage = (ev) => console.log('a got its own message (not expected)', ev.data);
b.onmessage = (ev) => {
  console.log('b got', ev.data, ev.constructor.name, ev.type, 'origin', JSON.stringify(ev.origin), ev.target === b);
  a.close();
  b.close();
  other.close();
  try { a.postMessage('after close'); } catch (e) { console.log('post after close', e.name, e.code, e.message); }
  startWorkers();
};
other.onmessage = () => console.log('other got something (not expected)');
a.postMessage({ from: 'a', n: 1 }); // a itself does not receive it

function startWorkers() {
  const room = new BroadcastChannel('room');
  const ready = new Set();
  const replies = [];
  room.onmessage = ({ data }) => {
    if (data.kind === 'ready') {
      ready.add(data.from);
      if (ready.size === 2) room.postMessage({ kind: 'hello', from: 'main' });
    } else if (data.kind === 'reply') {
      replies.push(`${data.from}->${data.to}`);
      if (replies.length === 2) {
        console.log('replies', replies.sort());
        room.postMessage({ kind: 'bye' });
        room.close();
      }
    }
  };
  // A worker's 'ready' is only seen if the main channel exists first (no buffering for late subscribers).
  const exits = [];
  for (const name of ['w1', 'w2']) {
    new Worker(__filename, { workerData: name }).on('exit', (code) => {
      exits.push(`${name} ${code}`);
      if (exits.length === 2) console.log('exits', exits.sort());
    });
  }
}

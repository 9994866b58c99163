// transferList: ArrayBuffers are moved (sender detached), a MessagePort is moved to a worker; transfer errors;
// untransferable buffers are copied instead.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (m) => {
    if (m.buf) {
      const u8 = new Uint8Array(m.buf);
      parentPort.postMessage({ len: m.buf.byteLength, first: u8[0], view: [m.view.length, m.view.byteOffset, m.view[0]] });
      u8[0] = 99; // the parent no longer has this memory
      parentPort.postMessage({ back: m.buf }, [m.buf]);
    } else if (m.port) {
      m.port.postMessage(`hello over the transferred port (${m.port.constructor.name})`);
      m.port.on('message', (x) => {
        m.port.postMessage(`port echo: ${x}`);
        m.port.close();
      });
    }
  });
  return;
}

const w = new Worker(__filename);
const buf = new Uint8Array([7, 8, 9, 10]).buffer;
const other = new Float32Array([1.5, 2.5]);
const view = new Uint16Array(other.buffer, 4, 2);
w.postMessage({ buf, view }, [buf, other.buffer]);
console.log('after transfer: buf', buf.byteLength, 'typed array', other.length, other.byteLength, 'view', view.length);
try { new Uint8Array(buf); console.log('view on detached ok'); } catch (e) { console.log('detached view', e.name); }

const tryPost = (label, msg, list) => {
  const { port1 } = new MessageChannel();
  try {
    port1.postMessage(msg, list);
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.constructor.name, e.code, e.message);
  }
  port1.close();
};
const ab = new ArrayBuffer(4);
tryPost('same buffer twice', ab, [ab, ab]);
console.log('not detached after failure', ab.byteLength);
tryPost('detached buffer', buf, [buf]);
tryPost('non-transferable', {}, [{}]);
tryPost('list not array', 1, 'nope');
tryPost('typed array itself', new Uint8Array(2), [new Uint8Array(2)]);
const self = new MessageChannel();
try { self.port1.postMessage(self.port1, [self.port1]); } catch (e) { console.log('transfer own port', e.name, e.message); }
self.port1.close();
tryPost('options object', ab, { transfer: [ab] });
console.log('after options transfer', ab.byteLength);
const kept = new ArrayBuffer(3);
require('worker_threads').markAsUntransferable(kept);
tryPost('untransferable is copied', kept, [kept]);
const pooled = Buffer.from('abc'); // Buffer.from of short strings uses the shared, untransferable pool
tryPost('pooled Buffer', pooled, [pooled.buffer]);
console.log('still usable', kept.byteLength, pooled.toString());

let n = 0;
w.on('message', (m) => {
  n++;
  if (m.back) console.log('back', new Uint8Array(m.back));
  else console.log('worker saw', m);
  if (n === 2) {
    const { port1, port2 } = new MessageChannel();
    w.postMessage({ port: port2 }, [port2]);
    port1.on('message', (x) => {
      console.log('port1 got', x);
      if (x.startsWith('hello')) port1.postMessage('ping');
    });
    port1.on('close', () => {
      console.log('port1 close');
      w.terminate();
    });
  }
});
w.on('exit', (code) => console.log('exit', code));

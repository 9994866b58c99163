// MessageChannel on one thread: delivery vs nextTick/promises/immediates, start semantics, queued messages, events.
const { MessageChannel, MessagePort } = require('worker_threads');
const log = (...a) => console.log(...a);

const { port1, port2 } = new MessageChannel();
log('types', port1 instanceof MessagePort, port1.constructor.name, typeof port1.start, typeof port1.hasRef);
port2.on('message', (m) => {
  log('port2 got', m);
  process.nextTick(() => log('  nextTick after', m));
  Promise.resolve().then(() => log('  promise after', m));
});
port1.postMessage('a');
port1.postMessage('b');
process.nextTick(() => log('nextTick'));
Promise.resolve().then(() => log('promise'));
setImmediate(() => {
  log('immediate');
  step2();
});
log('sync end');

function step2() {
  // Messages sent before anyone listens are queued until the port starts.
  const ch = new MessageChannel();
  ch.port1.postMessage(1);
  ch.port1.postMessage({ two: 2 });
  ch.port2.addEventListener('message', (ev) => log('addEventListener got', ev.data));
  setImmediate(() => {
    log('before onmessage');
    ch.port2.onmessage = (ev) => {
      log('onmessage', ev.constructor.name, ev.type, ev.data, ev.ports, ev.target === ch.port2);
      if (ev.data === 3) step3(ch);
    };
    ch.port1.postMessage(3);
  });
}

function step3(ch) {
  const other = new MessageChannel();
  other.port2.once('message', (m) => {
    log('once got', m, 'listeners left', other.port2.listenerCount('message'));
    other.port1.close();
    step4(ch);
  });
  other.port1.postMessage('x');
}

function step4(ch) {
  // Per-port event order only: the order between the two ports is an implementation detail.
  const seen = { port1: [], port2: [] };
  const closed = (name) => {
    seen[name].push('close');
    if (seen.port1.includes('close') && seen.port2.includes('close')) {
      log('closed', JSON.stringify(seen));
      port1.close(); // the first channel still has a listener: it would keep the process alive
    }
  };
  ch.port2.onmessage = (ev) => seen.port2.push(ev.data);
  ch.port1.on('close', () => closed('port1'));
  ch.port2.on('close', () => closed('port2'));
  ch.port1.postMessage('sent just before close');
  ch.port1.close();
  log('after close(); postMessage on closed port returns', ch.port1.postMessage('lost'));
}
process.on('exit', () => log('process exit'));

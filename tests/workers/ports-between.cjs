// MessagePorts via workerData + transferList: a direct worker-to-worker channel, and 'close' when a worker ends.
const { Worker, MessageChannel, MessagePort, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  const { role, port } = workerData;
  if (role === 'pinger') {
    port.postMessage(1);
    port.on('message', (n) => {
      if (n < 5) return port.postMessage(n + 1);
      parentPort.postMessage(`pinger done at ${n}, port is a ${port instanceof MessagePort ? 'MessagePort' : '?'}`);
      port.close();
    });
  } else if (role === 'ponger') {
    const seen = [];
    port.on('message', (n) => {
      seen.push(n);
      port.postMessage(n * 2);
    });
    port.on('close', () => parentPort.postMessage(`ponger saw ${seen.join(',')} then close`));
  } else {
    port.postMessage('hello from a worker that is about to end');
  }
  return;
}

const { port1, port2 } = new MessageChannel();
try {
  new Worker(__filename, { workerData: { role: 'pinger', port: port1 } });
} catch (e) {
  console.log('port in workerData without transferList:', e.name, e.code, e.message);
}
const pinger = new Worker(__filename, { workerData: { role: 'pinger', port: port1 }, transferList: [port1] });
const ponger = new Worker(__filename, { workerData: { role: 'ponger', port: port2 }, transferList: [port2] });
const results = [];
const collect = (m) => {
  results.push(m);
  if (results.length === 2) {
    console.log(results.sort());
    lastOne();
  }
};
pinger.on('message', collect);
ponger.on('message', collect);

function lastOne() {
  const ch = new MessageChannel();
  const w = new Worker(__filename, { workerData: { role: 'short', port: ch.port2 }, transferList: [ch.port2] });
  const events = [];
  let exitCode;
  // The worker's end closes its port; only the order on our port is fixed, not against 'exit'.
  const report = () => events.includes('close') && exitCode !== undefined && console.log(events, 'exit', exitCode);
  ch.port1.on('message', (m) => events.push(`message: ${m}`));
  ch.port1.on('close', () => report(events.push('close')));
  w.on('exit', (code) => report((exitCode = code)));
}

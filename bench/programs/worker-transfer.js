// bench/workers.py: a 1 MiB ArrayBuffer sent back and forth between the main
// thread and one worker, each side changing one byte of it (so the bytes are
// checked to arrive, and, copied, checked not to be shared) and sending it on:
//   transfer  in the transfer list both ways (the sender's copy detached):
//             `count` round trips (2,000 by default)
//   copy      without one (structured clone, copied each way): `copies`
//             round trips (1,000 by default), for comparison
// each timed with performance.now() after 100 untimed ones. Prints one JSON
// line:
//   transfer_rps, copy_rps   round trips per second
//   transfer_detached        whether the sent buffer was detached (byteLength 0)
//
// Usage: <runtime> worker-transfer.js [count] [copies]
const { Worker, isMainThread, parentPort } = require('worker_threads');

const SIZE = 1024 * 1024;

if (!isMainThread) {
  parentPort.on('message', ({ mode, buffer }) => {
    const bytes = new Uint8Array(buffer);
    bytes[1] = bytes[0];
    if (mode === 'transfer') parentPort.postMessage({ mode, buffer }, [buffer]);
    else parentPort.postMessage({ mode, buffer });
  });
} else {
  const count = Number(process.argv[2] || 2000);
  const copies = Number(process.argv[3] || 1000);
  const warmup = 100;
  const worker = new Worker(__filename);
  const fail = (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  };
  worker.on('error', fail);
  const roundTrips = (mode, n) =>
    new Promise((resolve, reject) => {
      let buffer = new ArrayBuffer(SIZE);
      let sent = 0;
      let began;
      let detached = true;
      let previous;
      const send = () => {
        const bytes = new Uint8Array(buffer);
        bytes[0] = sent & 0xff;
        bytes[1] = bytes[0] ^ 0xff;
        previous = buffer;
        if (mode === 'transfer') {
          worker.postMessage({ mode, buffer }, [buffer]);
          if (buffer.byteLength !== 0) detached = false;
        } else {
          worker.postMessage({ mode, buffer });
        }
        sent++;
      };
      const onMessage = (message) => {
        buffer = message.buffer;
        const bytes = new Uint8Array(buffer);
        if (buffer.byteLength !== SIZE || bytes[1] !== ((sent - 1) & 0xff)) {
          worker.off('message', onMessage);
          reject(new Error(`${mode}: round trip ${sent} came back with ${buffer.byteLength} bytes, byte 1 = ${bytes[1]}`));
          return;
        }
        if (mode === 'copy') {
          const mine = new Uint8Array(previous);
          if (previous === buffer || mine[1] !== (mine[0] ^ 0xff)) {
            worker.off('message', onMessage);
            reject(new Error(`copy: round trip ${sent}: the worker's write reached the sender's buffer (not a copy)`));
            return;
          }
        }
        if (sent === warmup) began = performance.now();
        if (sent < warmup + n) return send();
        worker.off('message', onMessage);
        resolve({ rps: n / ((performance.now() - began) / 1000), detached });
      };
      worker.on('message', onMessage);
      send();
    });
  (async () => {
    const transfer = await roundTrips('transfer', count);
    const copy = await roundTrips('copy', copies);
    console.log(JSON.stringify({ transfer_rps: transfer.rps, transfer_detached: transfer.detached, copy_rps: copy.rps }));
    await worker.terminate();
  })().catch(fail);
}

// Basic Worker: workerData, postMessage both ways, online/message/exit order, threadId, isMainThread.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  console.log('main', isMainThread, threadId, typeof parentPort, parentPort);
  const events = [];
  const w1 = new Worker(__filename, { workerData: { n: 21, tag: 'first' } });
  console.log('w1.threadId', w1.threadId);
  w1.on('online', () => events.push('online'));
  w1.on('message', (m) => {
    events.push('message');
    console.log('main got', m);
    if (m.kind === 'hello') w1.postMessage({ reply: 'thanks', list: [1, 2, 3] });
  });
  w1.on('exit', (code) => {
    events.push('exit');
    console.log('w1 exit', code, 'threadId after exit', w1.threadId);
    console.log('events', events.join(' '));
    const w2 = new Worker(__filename, { workerData: null });
    console.log('w2.threadId', w2.threadId);
    w2.on('message', (m) => console.log('w2 said', m));
    w2.on('exit', (code) => console.log('w2 exit', code));
  });
} else {
  if (workerData === null) {
    parentPort.postMessage({ threadId, isMainThread, workerData });
  } else {
    parentPort.postMessage({ kind: 'hello', doubled: workerData.n * 2, tag: workerData.tag, threadId, isMainThread });
    parentPort.once('message', (m) => {
      parentPort.postMessage({ kind: 'echo', got: m });
      // No more listeners: the worker ends on its own.
    });
  }
}

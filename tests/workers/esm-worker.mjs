// ES module main thread: an .mjs worker from a URL (top-level await, no require), a .js CJS worker, a data: URL worker.
import { Worker, isMainThread, threadId } from 'node:worker_threads';

function run(label, w) {
  return new Promise((resolve) => {
    w.on('message', (m) => console.log(label, 'message', m));
    w.on('error', (e) => console.log(label, 'error', e.name, e.message));
    w.on('exit', (code) => {
      console.log(label, 'exit', code);
      resolve();
    });
  });
}

console.log('main', isMainThread, threadId);
await run('module URL', new Worker(new URL('./fixtures/module-worker.mjs', import.meta.url), { workerData: [1, 'two'] }));
const cjs = new Worker(new URL('./fixtures/plain-worker.js', import.meta.url), { workerData: { x: 1 } });
cjs.postMessage('ping');
await run('cjs file', cjs);
const src = 'import { parentPort } from "node:worker_threads"; parentPort.postMessage(["data url", typeof require, import.meta.url.slice(0, 5)]);';
await run('data URL', new Worker(new URL('data:text/javascript,' + encodeURIComponent(src))));
console.log('done');

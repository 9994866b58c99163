// eval: true workers: CommonJS source (filename '[worker eval]'), module syntax detected as ESM, syntax errors.
const { Worker } = require('worker_threads');

function run(label, src, options) {
  return new Promise((resolve) => {
    const w = new Worker(src, { eval: true, ...options });
    w.on('message', (m) => console.log(label, 'message', m));
    w.on('error', (e) => console.log(label, 'error', e.name, e.message));
    w.on('exit', (code) => {
      console.log(label, 'exit', code);
      resolve();
    });
  });
}

(async () => {
  await run('cjs', `
    const { parentPort, workerData } = require('worker_threads');
    parentPort.postMessage({ filename: __filename, dirname: __dirname, module: typeof module, argv1: process.argv[1],
      sum: workerData.a + workerData.b, thisIsGlobal: this === globalThis, exportsKind: typeof exports });
  `, { workerData: { a: 1, b: 2 } });
  await run('esm', `import { parentPort } from 'worker_threads'; parentPort.postMessage(typeof require);`);
  await run('esm + require', `export const x = 1; require('worker_threads');`);
  await run('syntax error', `let x = ;`);
  await run('throws', `throw new TypeError('from eval');`);
  await run('empty', ``);
})();

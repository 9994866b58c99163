// Non-Error throws and unhandled rejections in workers: what the parent's 'error' event receives.
const { Worker } = require('worker_threads');
const util = require('util');

const cases = [
  `throw 'just a string';`,
  `throw 42;`,
  `throw null;`,
  `throw undefined;`,
  `throw { plain: 'object', list: [1, 2] };`,
  `throw new Map([[1, 'one']]);`,
  `throw Symbol('sym');`,
  `throw function named() {};`,
  `throw { fn() {} };`,
  `Promise.reject(new RangeError('rejected'));`,
  `Promise.reject('string reason');`,
  `Promise.reject();`,
  `(async () => { await null; throw new TypeError('async fn'); })();`,
  `process.on('unhandledRejection', (r) => require('worker_threads').parentPort.postMessage('handled ' + r));
   Promise.reject('quiet');`,
];

(async () => {
  for (const src of cases) {
    await new Promise((resolve) => {
      const w = new Worker(src, { eval: true });
      const seen = [];
      w.on('message', (m) => seen.push(`message ${util.inspect(m)}`));
      w.on('error', (e) => {
        const shown = e instanceof Error ? `${e.constructor.name} ${e.name} ${JSON.stringify(e.message)} code=${e.code}` : util.inspect(e);
        seen.push(`error ${typeof e} ${shown}`);
      });
      w.on('exit', (code) => {
        console.log(`${src.split('\n')[0]}\n  ${seen.join('; ')}; exit ${code}`);
        resolve();
      });
    });
  }
})();

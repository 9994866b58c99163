// Worker constructor argument errors (thrown synchronously) and missing files (an 'error' event, exit 1).
const { Worker } = require('worker_threads');
const path = require('path');
const clean = (s) => String(s).split(__dirname).join('<dir>');

const sync = [
  ['relative path without ./', () => new Worker('fixtures/plain-worker.js')],
  ['number', () => new Worker(42)],
  ['no argument', () => new Worker()],
  ['non-file URL', () => new Worker(new URL('http://example.com/w.js'))],
  ['eval with a URL', () => new Worker(new URL('file:///x.js'), { eval: true })],
  ['execArgv not array', () => new Worker('0', { eval: true, execArgv: '--x' })],
  ['invalid execArgv', () => new Worker('0', { eval: true, execArgv: ['--no-such-flag'] })],
  ['per-process flag', () => new Worker('0', { eval: true, execArgv: ['--title=x'] })],
  ['argv not array', () => new Worker('0', { eval: true, argv: 'a' })],
  ['env not object', () => new Worker('0', { eval: true, env: 'x' })],
  ['options not object', () => new Worker(path.join(__dirname, 'fixtures/plain-worker.js'), 'nope')],
  ['eval not a string', () => new Worker(() => {}, { eval: true })],
  ['resourceLimits not object', () => new Worker('0', { eval: true, resourceLimits: 'x' })],
  ['name not string', () => new Worker('0', { eval: true, name: 1 })],
  ['uncloneable workerData', () => new Worker('0', { eval: true, workerData: () => {} })],
  ['bad transferList', () => new Worker('0', { eval: true, workerData: 1, transferList: [{}] })],
];
for (const [label, make] of sync) {
  try {
    const w = make();
    console.log(`${label}: constructed`);
    w.terminate();
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} ${clean(e.message)}`);
  }
}

const missing = [
  path.join(__dirname, 'no-such-file.js'),
  path.join(__dirname, 'no-such-file.mjs'),
  './no-such-relative.js',
  new URL('file://' + path.join(__dirname, 'nope.cjs')),
];
(async () => {
  for (const file of missing) {
    await new Promise((resolve) => {
      const w = new Worker(file);
      w.on('error', (e) => console.log(`${clean(file)}: error ${e.name} ${e.code} ${clean(e.message).split('\n')[0]}`));
      w.on('exit', (code) => {
        console.log('  exit', code);
        resolve();
      });
    });
  }
})();

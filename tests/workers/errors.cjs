// Uncaught errors in workers: parent 'error' gets a copy (class, name, message, own props), then 'exit' 1.
const { Worker } = require('worker_threads');

const cases = [
  ['top level', `const e = new RangeError('top level'); e.code = 'E_TOP'; e.info = { n: 1, list: [1] }; throw e;`],
  ['in timer', `setTimeout(() => { throw new TypeError('in timer'); }, 1);`],
  ['subclass', `class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }
    setImmediate(() => { throw new MyErr('mine'); });`],
  ['function prop', `const e = new Error('has fn'); e.fn = () => 1; e.ok = true; setImmediate(() => { throw e; });`],
  ['cause', `setImmediate(() => { throw new Error('outer', { cause: new SyntaxError('inner') }); });`],
  ['after a message', `const { parentPort } = require('worker_threads');
    parentPort.postMessage('before throw'); parentPort.on('message', (m) => { throw new Error('late: ' + m); });`],
  ['handled inside', `process.on('uncaughtException', (e) => require('worker_threads').parentPort.postMessage('caught ' + e.message));
    throw new Error('handled');`],
];

const describe = (e) => {
  const props = Object.getOwnPropertyNames(e).filter((k) => k !== 'stack');
  return [
    `${e.constructor.name} instanceof Error=${e instanceof Error}`,
    `name=${e.name} message=${JSON.stringify(e.message)}`,
    `own=${props.join(',')}`,
    props.includes('code') ? `code=${e.code} info=${JSON.stringify(e.info)}` : '',
    props.includes('fn') ? `fn=${typeof e.fn} ok=${e.ok}` : '',
    e.cause ? `cause=${e.cause.constructor.name}:${e.cause.message}` : '',
    `stack[0]=${JSON.stringify(e.stack.split('\n')[0])}`,
  ].filter(Boolean).join(' ');
};

(async () => {
  for (const [label, src] of cases) {
    await new Promise((resolve) => {
      const w = new Worker(src, { eval: true });
      console.log(`-- ${label}`);
      w.on('message', (m) => {
        console.log('  message', m);
        w.postMessage('go');
      });
      w.on('error', (e) => console.log('  error', describe(e)));
      w.on('exit', (code) => {
        console.log('  exit', code);
        resolve();
      });
    });
  }
})();

// Errors as messages: which class survives (built-ins only), name/message/stack/cause kept, own props dropped.
const { Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  class MyError extends Error {}
  const withCode = new RangeError('bad range');
  withCode.code = 'E_RANGE';
  const renamed = new TypeError('renamed');
  renamed.name = 'Custom';
  const restacked = new Error('restacked');
  restacked.stack = 'my own stack';
  const errors = [
    new Error('plain'), new TypeError('t'), new SyntaxError('s'), new EvalError('ev'), new URIError('u'),
    new ReferenceError('r'), withCode, renamed, new MyError('subclass'), restacked,
    new Error('with cause', { cause: { why: 'because', n: 1 } }), new AggregateError([new Error('inner')], 'agg'),
  ];
  for (const e of errors) parentPort.postMessage(e);
  parentPort.postMessage({ nested: [new Error('deep')] });
  return;
}

const w = new Worker(__filename);
w.on('message', (e) => {
  if (!(e instanceof Error)) {
    const inner = e.nested[0];
    console.log('nested', inner instanceof Error, inner.message, inner.stack.split('\n')[0]);
    return;
  }
  console.log([
    e.constructor.name, e.name, e.message, Object.getOwnPropertyNames(e).sort().join(','),
    e.stack.split('\n')[0], 'cause' in e ? JSON.stringify(e.cause) : '-', 'errors' in e, 'code' in e,
  ].join(' | '));
});
w.on('exit', (code) => console.log('exit', code));

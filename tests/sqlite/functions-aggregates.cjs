// node:sqlite test: database.function() and database.aggregate() including window functions.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');

// database.function()
log('function() returns', db.function('add2', (a, b) => a + b));
check('add2', () => db.prepare('SELECT add2(1, 2) AS v').get());
check('add2 with strings', () => db.prepare("SELECT add2('a', 'b') AS v").get());
check('add2 wrong arg count', () => db.prepare('SELECT add2(1) AS v').get());
check('function arity from fn.length', () => {
  db.function('zero', () => 'z');
  return db.prepare('SELECT zero() AS v').get();
});
check('zero-arity called with an argument', () => db.prepare('SELECT zero(1) AS v').get());

db.function('argtypes', { varargs: true }, (...args) => args.map((a) => (a === null ? 'null' : a instanceof Uint8Array ? 'Uint8Array' : typeof a)).join(','));
check('argument types', () => db.prepare("SELECT argtypes(1, 1.5, 'x', NULL, x'00', 9007199254740991) AS v").get());
check('varargs with no args', () => db.prepare('SELECT argtypes() AS v').get());
check('varargs with many args', () => db.prepare('SELECT argtypes(1,2,3,4,5,6,7,8) AS v').get());
check('unsafe integer argument without useBigIntArguments', () => db.prepare('SELECT argtypes(9007199254740992) AS v').get());

db.function('bigargs', { useBigIntArguments: true, varargs: true }, (...args) => args.map((a) => typeof a).join(','));
check('useBigIntArguments', () => db.prepare("SELECT bigargs(1, 2.5, 9223372036854775807, 'x') AS v").get());
db.function('bigecho', { useBigIntArguments: true }, (a) => a);
check('bigint round trip', () => {
  const s = db.prepare('SELECT bigecho(9223372036854775807) AS v');
  s.setReadBigInts(true);
  return s.get();
});

db.function('ret', (kind) => {
  switch (kind) {
    case 'undefined': return undefined;
    case 'null': return null;
    case 'int': return 42;
    case 'float': return 2.5;
    case 'string': return 'str';
    case 'bigint': return 7n;
    case 'u8': return new Uint8Array([1, 2]);
    case 'buffer': return Buffer.from([3]);
    case 'i16': return new Int16Array([1]);
    case 'dataview': return new DataView(new ArrayBuffer(3));
    case 'hugebigint': return 2n ** 64n;
    case 'boolean': return true;
    case 'object': return {};
    case 'array': return [1];
    case 'symbol': return Symbol('x');
    case 'promise': return Promise.resolve(1);
    case 'function': return () => 1;
  }
  return 'unknown';
});
for (const kind of ['undefined', 'null', 'int', 'float', 'string', 'bigint', 'u8', 'buffer', 'i16', 'dataview']) {
  check('return ' + kind, () => db.prepare('SELECT v, typeof(v) AS t FROM (SELECT ret(?) AS v)').get(kind));
}
for (const kind of ['hugebigint', 'boolean', 'object', 'array', 'symbol', 'promise', 'function']) {
  check('return ' + kind, () => db.prepare('SELECT ret(?) AS v').get(kind));
}

const boom = new Error('boom from js');
boom.extra = 'kept';
db.function('thrower', () => { throw boom; });
check('thrown error propagates as the same object', () => {
  try {
    db.prepare('SELECT thrower() AS v').get();
  } catch (e) {
    return { same: e === boom, message: e.message, extra: e.extra, code: e.code };
  }
});
db.function('throwsString', () => { throw 'plain string'; });
check('thrown non-error propagates', () => {
  try {
    db.prepare('SELECT throwsString() AS v').get();
  } catch (e) {
    return { value: e };
  }
});
check('database usable after thrown error', () => db.prepare('SELECT add2(2, 3) AS v').get());

check('function this value', () => {
  let seen = 'unset';
  db.function('thisfn', function () { seen = this === undefined ? 'undefined' : typeof this; return 1; });
  db.prepare('SELECT thisfn() AS v').get();
  return seen;
});
check('redefine function', () => {
  db.function('add2', (a, b) => a * b);
  return db.prepare('SELECT add2(3, 4) AS v').get();
});
check('deterministic function in index expression', () => {
  db.function('det', { deterministic: true }, (x) => x * 10);
  db.exec('CREATE TABLE dt(x); INSERT INTO dt VALUES (1), (2); CREATE INDEX dt_idx ON dt(det(x));');
  return db.prepare('SELECT x FROM dt WHERE det(x) = 20').all();
});
check('non-deterministic function in index expression', () => {
  db.function('nondet', (x) => x);
  return db.exec('CREATE INDEX dt_idx2 ON dt(nondet(x))');
});
check('directOnly function used from a view', () => {
  db.function('direct', { directOnly: true }, () => 'd');
  db.exec('CREATE VIEW dv AS SELECT direct() AS v');
  return db.prepare('SELECT v FROM dv').get();
});
check('directOnly function called directly', () => db.prepare('SELECT direct() AS v').get());
check('function used in WHERE over rows', () => {
  db.exec('CREATE TABLE nums(n); INSERT INTO nums VALUES (1), (2), (3), (4)');
  db.function('isEven', (n) => (n % 2 === 0 ? 1 : 0));
  return db.prepare('SELECT n FROM nums WHERE isEven(n) ORDER BY n').all();
});

// database.aggregate()
log('aggregate() returns', db.aggregate('sumint', { start: 0, step: (acc, v) => acc + v }));
check('sumint', () => db.prepare('SELECT sumint(n) AS total FROM nums').get());
check('sumint over no rows', () => db.prepare('SELECT sumint(n) AS total FROM nums WHERE 0').get());
check('sumint grouped', () => db.prepare('SELECT n % 2 AS parity, sumint(n) AS total FROM nums GROUP BY parity ORDER BY parity').all());

db.aggregate('collect', {
  start: () => [],
  step: (acc, v) => { acc.push(v); return acc; },
  result: (acc) => acc.join('|'),
});
check('start function and result', () => db.prepare('SELECT collect(n) AS v FROM nums').get());
check('start function gives fresh state per group', () => db.prepare('SELECT n % 2 AS p, collect(n) AS v FROM nums GROUP BY p ORDER BY p').all());

db.aggregate('countargs', { start: 0, varargs: true, step: (acc, ...vals) => acc + vals.length });
check('varargs aggregate', () => db.prepare('SELECT countargs(n, n, n) AS a, countargs() AS b FROM nums').get());

db.aggregate('bigsum', { start: 0n, useBigIntArguments: true, step: (acc, v) => acc + v });
check('useBigIntArguments aggregate', () => {
  const s = db.prepare('SELECT bigsum(n) AS v FROM nums');
  s.setReadBigInts(true);
  return s.get();
});
db.aggregate('nullstart', { start: null, step: (acc, v) => (acc === null ? v : acc + v) });
check('null start', () => db.prepare('SELECT nullstart(n) AS v FROM nums').get());
db.aggregate('strjoin', { start: '', step: (acc, v) => acc + String(v) });
check('string start', () => db.prepare('SELECT strjoin(n) AS v FROM nums').get());

// Window function with inverse.
db.aggregate('winsum', {
  start: 0,
  step: (acc, v) => acc + v,
  inverse: (acc, v) => acc - v,
  result: (acc) => acc,
});
check('window function with inverse', () => db.prepare(
  'SELECT n, winsum(n) OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w FROM nums ORDER BY n').all());
check('window function running total', () => db.prepare(
  'SELECT n, winsum(n) OVER (ORDER BY n) AS w FROM nums ORDER BY n').all());
check('aggregate without inverse used as window', () => db.prepare(
  'SELECT n, sumint(n) OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w FROM nums').all());

db.aggregate('aggthrow', { start: 0, step: (acc, v) => { throw new Error('step failed at ' + v); } });
check('aggregate step throws', () => db.prepare('SELECT aggthrow(n) AS v FROM nums').get());
db.aggregate('badresult', { start: 0, step: (acc, v) => acc + v, result: () => ({}) });
check('aggregate result unconvertible', () => db.prepare('SELECT badresult(n) AS v FROM nums').get());

// aggregate() argument validation
check('aggregate without start', () => db.aggregate('a1', { step: (a) => a }));
check('aggregate without step', () => db.aggregate('a2', { start: 0 }));
check('aggregate step not a function', () => db.aggregate('a3', { start: 0, step: 1 }));
check('aggregate inverse not a function', () => db.aggregate('a4', { start: 0, step: (a) => a, inverse: 1 }));
check('aggregate useBigIntArguments not boolean', () => db.aggregate('a5', { start: 0, step: (a) => a, useBigIntArguments: 1 }));
check('aggregate varargs not boolean', () => db.aggregate('a6', { start: 0, step: (a) => a, varargs: 1 }));
check('aggregate directOnly not boolean', () => db.aggregate('a7', { start: 0, step: (a) => a, directOnly: 1 }));
check('aggregate wrong argument count', () => db.prepare('SELECT sumint(n, n) AS v FROM nums').get());
db.close();

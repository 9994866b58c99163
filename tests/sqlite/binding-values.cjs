// node:sqlite test: binding JS values (numbers, strings, bigints, typed arrays) and unbindable values.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');
const echo = db.prepare('SELECT v, typeof(v) AS t FROM (SELECT ? AS v)');
function bind(label, value) {
  check(label, () => echo.get(value));
}

bind('null', null);
bind('integer-valued number', 42);
bind('negative number', -7);
bind('zero', 0);
bind('float', 3.25);
bind('negative float', -0.5);
bind('max safe integer', Number.MAX_SAFE_INTEGER);
bind('1e300', 1e300);
bind('Infinity', Infinity);
bind('-Infinity', -Infinity);
bind('NaN', NaN);
bind('empty string', '');
bind('ascii string', 'hello');
bind('unicode string', 'héllo wörld ✓ 日本');
bind('astral string', '😀x');
bind('numeric string', '123');
bind('bigint', 5n);
bind('negative bigint', -5n);
bind('bigint zero', 0n);
bind('bigint int64 max', 9223372036854775807n);
bind('Uint8Array', new Uint8Array([1, 2, 3]));
bind('empty Uint8Array', new Uint8Array(0));
bind('Buffer', Buffer.from('hi'));
bind('Uint8Array subarray', new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 3));

const blobLen = db.prepare('SELECT length(v) AS len, typeof(v) AS t, hex(v) AS hex FROM (SELECT ? AS v)');
check('Int16Array bytes', () => blobLen.get(new Int16Array([1, 256])));
check('Float64Array bytes', () => blobLen.get(new Float64Array([1])));
check('DataView bytes', () => blobLen.get(new DataView(new Uint8Array([0xde, 0xad, 0xbe, 0xef]).buffer, 1, 2)));

// Integers read back from an INTEGER column.
db.exec('CREATE TABLE nums(i INTEGER, r REAL, t TEXT, b BLOB, a ANY)');
const ins = db.prepare('INSERT INTO nums VALUES (?, ?, ?, ?, ?)');
log('insert row 1', runResult(ins.run(1, 1, 1, 1, 1)));
log('insert row 2', runResult(ins.run(2.5, 2.5, 2.5, 2.5, 2.5)));
log('insert row 3', runResult(ins.run('7', '7', '7', '7', '7')));
log('insert row 4', runResult(ins.run(10n, 10n, 10n, 10n, 10n)));
log('insert row 5', runResult(ins.run(null, null, null, null, null)));
log('insert row 6', runResult(ins.run(new Uint8Array([65]), new Uint8Array([65]), new Uint8Array([65]), new Uint8Array([65]), new Uint8Array([65]))));
const readBack = db.prepare('SELECT i, typeof(i) AS ti, r, typeof(r) AS tr, t, typeof(t) AS tt, b, typeof(b) AS tb, a, typeof(a) AS ta FROM nums ORDER BY rowid');
for (const row of readBack.all()) log('row', row);

// Several anonymous parameters, fewer values than placeholders.
const three = db.prepare('SELECT ? AS a, ? AS b, ? AS c');
check('three params, three values', () => three.get(1, 'two', null));
check('three params, one value (rest NULL)', () => three.get(1));
check('three params, no values', () => three.get());
check('bindings cleared between calls', () => three.get());

// Unbindable values.
check('undefined', () => echo.get(undefined));
check('true', () => echo.get(true));
check('false', () => echo.get(false));
check('symbol', () => echo.get(Symbol('s')));
check('array as second arg', () => three.get(1, [2]));
check('object as second arg', () => three.get(1, {}));
check('function as second arg', () => three.get(1, () => {}));
check('Date as second arg', () => three.get(1, new Date(0)));
check('ArrayBuffer as second arg', () => three.get(1, new ArrayBuffer(2)));
check('error index for third param', () => three.get(1, 2, undefined));
check('BigInt too large', () => echo.get(9223372036854775808n));
check('BigInt too small', () => echo.get(-9223372036854775809n));
check('BigInt too large in run()', () => ins.run(1, 2, 3, 4, 2n ** 64n));
check('too many anonymous values', () => three.get(1, 2, 3, 4));
check('statement still usable after bind error', () => three.get(7, 8, 9));
db.close();

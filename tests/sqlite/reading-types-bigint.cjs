// node:sqlite test: SQLite-to-JS conversion, unsafe integers, readBigInts and returnArrays.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');
db.exec(`
  CREATE TABLE v(id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB);
  INSERT INTO v VALUES (1, 42, 1.5, 'text', x'00ff10');
  INSERT INTO v VALUES (2, -9007199254740991, 2.0, '', x'');
  INSERT INTO v VALUES (3, 9007199254740991, 0.25, 'ünï', NULL);
  INSERT INTO v VALUES (4, 9007199254740992, 1e308, NULL, x'41');
  INSERT INTO v VALUES (5, 9223372036854775807, 0.1, '9', x'4142');
  INSERT INTO v VALUES (6, -9223372036854775808, 3.0, 'x', x'43');
`);

const one = db.prepare('SELECT i, r, t, b FROM v WHERE id = ?');
for (const id of [1, 2, 3]) check('row ' + id + ' as numbers', () => one.get(id));
check('row 4 as numbers (2^53 is unsafe)', () => one.get(4));
check('row 5 as numbers (int64 max)', () => one.get(5));
check('all() fails when any row is unsafe', () => db.prepare('SELECT i FROM v ORDER BY id').all());
check('iterate() fails at the unsafe row', () => {
  const seen = [];
  try {
    for (const row of db.prepare('SELECT id, i FROM v ORDER BY id').iterate()) seen.push(row.id);
  } catch (e) {
    return { seen, name: e.name, code: e.code, message: e.message };
  }
  return { seen };
});
check('unsafe value in expression', () => db.prepare('SELECT 9007199254740993 AS big').get());
check('safe negative bound', () => db.prepare('SELECT -9007199254740991 AS n').get());
check('unsafe negative', () => db.prepare('SELECT -9007199254740992 AS n').get());
check('REAL beyond 2^53 is fine', () => db.prepare('SELECT 9007199254740993.0 AS big').get());
check('blob is a fresh Uint8Array', () => {
  const a = one.get(1).b;
  const b = one.get(1).b;
  return { sameObject: a === b, isUint8Array: a instanceof Uint8Array, isBuffer: Buffer.isBuffer(a), length: a.length, byteOffset: a.byteOffset };
});
check('text with embedded SQL types', () => db.prepare("SELECT typeof(t) AS tt, t FROM v WHERE id = 5").get());

const big = db.prepare('SELECT i, r, t FROM v WHERE id = ?');
log('setReadBigInts(true) returns', big.setReadBigInts(true));
for (const id of [1, 2, 3, 4, 5, 6]) check('row ' + id + ' with readBigInts', () => big.get(id));
check('bound bigint parameter read back without readBigInts', () => db.prepare('SELECT ? AS x').get(7n));
big.setReadBigInts(false);
check('readBigInts turned off again', () => big.get(1));

const bigAll = db.prepare('SELECT i FROM v ORDER BY id');
bigAll.setReadBigInts(true);
check('all() with readBigInts', () => bigAll.all());

const ins = db.prepare('INSERT INTO v (i) VALUES (?)');
ins.setReadBigInts(true);
check('run() with readBigInts gives bigint fields', () => {
  const r = ins.run(1);
  return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
});
ins.setReadBigInts(false);
check('run() without readBigInts gives numbers', () => runResult(ins.run(2)));
check('explicit rowid via bigint', () => runResult(db.prepare('INSERT INTO v (id, i) VALUES (?, 0)').run(100n)));

// Database-level readBigInts and returnArrays.
const bdb = new DatabaseSync(':memory:', { readBigInts: true });
check('db readBigInts: expression', () => bdb.prepare('SELECT 1 AS one, 2.5 AS half, 9223372036854775807 AS max').get());
check('db readBigInts: run()', () => {
  bdb.exec('CREATE TABLE t(x)');
  const r = bdb.prepare('INSERT INTO t VALUES (1)').run();
  return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
});
const off = bdb.prepare('SELECT 1 AS one');
off.setReadBigInts(false);
check('statement overrides db readBigInts', () => off.get());
bdb.close();

const adb = new DatabaseSync(':memory:', { returnArrays: true });
check('db returnArrays: get()', () => adb.prepare('SELECT 1 AS a, \'two\' AS b, NULL AS c').get());
check('db returnArrays: all()', () => adb.prepare('SELECT 1 AS a UNION ALL SELECT 2').all());
check('db returnArrays: get() no rows', () => adb.prepare('SELECT 1 WHERE 0').get());
const objs = adb.prepare('SELECT 1 AS a');
objs.setReturnArrays(false);
check('statement overrides db returnArrays', () => objs.get());
adb.close();

const both = new DatabaseSync(':memory:', { returnArrays: true, readBigInts: true });
check('returnArrays + readBigInts', () => both.prepare('SELECT 1 AS a, 2 AS b').all());
both.close();

const arr = db.prepare('SELECT id, t FROM v WHERE id <= 2 ORDER BY id');
log('setReturnArrays(true) returns', arr.setReturnArrays(true));
check('returnArrays get()', () => arr.get());
check('returnArrays all()', () => arr.all());
check('returnArrays iterate()', () => Array.from(arr.iterate()));
check('returnArrays row is a real Array', () => Array.isArray(arr.get()) && Object.getPrototypeOf(arr.get()) === Array.prototype);
arr.setReturnArrays(false);
check('returnArrays off', () => arr.get());
db.close();

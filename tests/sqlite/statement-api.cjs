// node:sqlite test: sourceSQL, expandedSQL, columns(), setters and iterate().
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');
db.exec(`
  CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, data BLOB, misc);
  INSERT INTO items VALUES (1, 'apple', 1.25, x'01', 'm1');
  INSERT INTO items VALUES (2, 'pear', 2.5, NULL, 2);
  INSERT INTO items VALUES (3, 'plum', NULL, x'0203', NULL);
`);

// sourceSQL
const sql = 'SELECT id, name FROM items WHERE id > ? ORDER BY id';
const s = db.prepare(sql);
log('sourceSQL', s.sourceSQL);
log('sourceSQL equals input', s.sourceSQL === sql);
log('sourceSQL keeps whitespace', db.prepare('  SELECT\n  1  ').sourceSQL);
log('sourceSQL of first statement only', db.prepare('SELECT 1; SELECT 2').sourceSQL);

// expandedSQL
log('expandedSQL before execution', s.expandedSQL);
s.all(1);
log('expandedSQL after all(1)', s.expandedSQL);
s.get(2n);
log('expandedSQL after get(2n)', s.expandedSQL);
const ex = db.prepare('SELECT ?, ?, ?, ?, ?');
ex.get(null, 'it\'s', 1.5, new Uint8Array([0xca, 0xfe]), -3n);
log('expandedSQL with many types', ex.expandedSQL);
ex.get(1);
log('expandedSQL after fewer values', ex.expandedSQL);
const exNamed = db.prepare('SELECT :a, $b');
exNamed.get({ a: 'x', b: 2 });
log('expandedSQL with named', exNamed.expandedSQL);

// columns()
log('columns() of table select', s.columns());
log('columns() of all columns', db.prepare('SELECT * FROM items').columns());
log('columns() with alias and expression', db.prepare('SELECT name AS n, price * 2 AS double_price, 1, \'x\' AS lit FROM items').columns());
log('columns() of join with aliases', db.prepare('SELECT a.id AS left_id, b.name FROM items AS a JOIN items AS b ON a.id = b.id').columns());
log('columns() of subquery column', db.prepare('SELECT sub.v FROM (SELECT name AS v FROM items) AS sub').columns());
log('columns() of non-select', db.prepare('INSERT INTO items (name) VALUES (?)').columns());
log('columns() of RETURNING', db.prepare('INSERT INTO items (name) VALUES (?) RETURNING id, name').columns());
check('columns() entries are null-proto objects', () => Object.getPrototypeOf(s.columns()[0]) === null);
check('columns() is an array', () => Array.isArray(s.columns()));
check('columns() with pragma', () => db.prepare('PRAGMA user_version').columns());

// RETURNING through get/all/run
const ret = db.prepare('INSERT INTO items (name, price) VALUES (?, ?) RETURNING id, name, price');
check('RETURNING via get()', () => ret.get('fig', 3));
check('RETURNING via all()', () => ret.all('kiwi', 4));
check('RETURNING via run()', () => runResult(ret.run('lime', 5)));
check('rows after RETURNING', () => db.prepare('SELECT id, name FROM items WHERE id > 3 ORDER BY id').all());

// setters return undefined and accept booleans
const setters = db.prepare('SELECT 1 AS one');
log('setReadBigInts(true)', setters.setReadBigInts(true));
log('setReadBigInts(false)', setters.setReadBigInts(false));
log('setReturnArrays(true)', setters.setReturnArrays(true));
log('get() as array', setters.get());
log('setReturnArrays(false)', setters.setReturnArrays(false));
log('setAllowBareNamedParameters(false)', setters.setAllowBareNamedParameters(false));
log('setAllowUnknownNamedParameters(true)', setters.setAllowUnknownNamedParameters(true));
log('get() as object', setters.get());

// iterate()
const it = db.prepare('SELECT id, name FROM items WHERE id <= 3 ORDER BY id').iterate();
log('iterate() typeof next', typeof it.next);
log('iterate() is its own iterator', it[Symbol.iterator]() === it);
log('iterate() inherits from Iterator.prototype', Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
log('next 1', step(it.next()));
log('next 2', step(it.next()));
log('next 3', step(it.next()));
log('next 4 (done)', step(it.next()));

const it2 = db.prepare('SELECT id FROM items ORDER BY id').iterate();
log('iterator first', step(it2.next()));
log('return()', step(it2.return()));
log('next after return()', step(it2.next()));

const loopStmt = db.prepare('SELECT id FROM items WHERE id <= ? ORDER BY id');
const seen = [];
for (const row of loopStmt.iterate(3)) {
  seen.push(row.id);
  if (row.id === 2) break;
}
log('for-of with break', seen);
log('statement reusable after break', loopStmt.all(2));
log('spread iterate()', [...loopStmt.iterate(3)]);
log('iterate() with named params', Array.from(db.prepare('SELECT name FROM items WHERE id = :id').iterate({ id: 2 })));
log('iterate() empty', Array.from(loopStmt.iterate(0)));

// Two iterators over separate statements interleaved.
const a = db.prepare('SELECT id FROM items WHERE id <= 2 ORDER BY id').iterate();
const b = db.prepare('SELECT name FROM items WHERE id <= 2 ORDER BY id').iterate();
log('interleaved a1', step(a.next()));
log('interleaved b1', step(b.next()));
log('interleaved a2', step(a.next()));
log('interleaved b2', step(b.next()));

db.close();

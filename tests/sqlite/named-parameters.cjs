// node:sqlite test: named parameters (:a $a @a), bare names, unknown names and the related options.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');

const colon = db.prepare('SELECT :a AS a, :b AS b');
check('colon prefixed keys', () => colon.get({ ':a': 1, ':b': 'x' }));
check('colon bare keys', () => colon.get({ a: 2, b: 'y' }));
check('mixed prefixed and bare keys', () => colon.get({ ':a': 3, b: 'z' }));
check('missing named value is NULL', () => colon.get({ a: 4 }));
check('empty object binds nothing', () => colon.get({}));

const dollar = db.prepare('SELECT $x AS x, $y AS y');
check('dollar prefixed keys', () => dollar.get({ $x: 1, $y: 2 }));
check('dollar bare keys', () => dollar.get({ x: 'bx', y: 'by' }));

const at = db.prepare('SELECT @p AS p');
check('at prefixed key', () => at.get({ '@p': 10n }));
check('at bare key', () => at.get({ p: new Uint8Array([1, 2]) }));

const repeated = db.prepare('SELECT :v AS one, :v AS two, :v + 1 AS three');
check('same name used several times', () => repeated.get({ v: 5 }));

const mixed = db.prepare('SELECT :name AS name, ? AS first, ? AS second');
check('named object then anonymous values', () => mixed.get({ name: 'n' }, 1, 2));
check('named object only', () => mixed.get({ name: 'n' }));
check('anonymous values only (named slot skipped)', () => mixed.all(1, 2));

const mixed2 = db.prepare('SELECT ? AS first, :name AS name, ? AS second');
check('anonymous around a named parameter', () => mixed2.get({ name: 'mid' }, 'A', 'B'));

check('unknown named parameter', () => colon.get({ c: 1 }));
check('unknown prefixed named parameter', () => colon.get({ ':c': 1 }));
check('wrong prefix for a bare-bindable name', () => colon.get({ $a: 1 }));
check('unbindable named value', () => colon.get({ a: undefined }));
check('unbindable named value (object)', () => colon.get({ a: {} }));
check('BigInt too large as named value', () => colon.get({ b: 2n ** 70n }));

const unknownOk = db.prepare('SELECT :a AS a');
log('setAllowUnknownNamedParameters(true) returns', unknownOk.setAllowUnknownNamedParameters(true));
check('unknown named parameter ignored', () => unknownOk.get({ a: 1, zzz: 2 }));
unknownOk.setAllowUnknownNamedParameters(false);
check('unknown named parameter rejected again', () => unknownOk.get({ a: 1, zzz: 2 }));

const noBare = db.prepare('SELECT :a AS a, $b AS b');
check('bare names allowed by default', () => noBare.get({ a: 1, b: 2 }));
log('setAllowBareNamedParameters(false) returns', noBare.setAllowBareNamedParameters(false));
check('bare name rejected when disabled', () => noBare.get({ a: 1 }));
check('prefixed names still work when bare disabled', () => noBare.get({ ':a': 1, $b: 2 }));
noBare.setAllowBareNamedParameters(true);
check('bare names work again', () => noBare.get({ a: 3, b: 4 }));

const conflict = db.prepare('SELECT $k AS d, @k AS t');
check('conflicting bare names', () => conflict.get({ k: 1 }));
check('conflicting names bound with prefixes', () => conflict.get({ $k: 1, '@k': 2 }));

// Database-level defaults.
const strict = new DatabaseSync(':memory:', { allowBareNamedParameters: false });
check('db allowBareNamedParameters:false rejects bare', () => strict.prepare('SELECT :a AS a').get({ a: 1 }));
check('db allowBareNamedParameters:false accepts prefixed', () => strict.prepare('SELECT :a AS a').get({ ':a': 1 }));
const stmtOverride = strict.prepare('SELECT :a AS a');
stmtOverride.setAllowBareNamedParameters(true);
check('statement setter overrides db default', () => stmtOverride.get({ a: 'over' }));
strict.close();

const lenient = new DatabaseSync(':memory:', { allowUnknownNamedParameters: true });
check('db allowUnknownNamedParameters:true ignores unknown', () => lenient.prepare('SELECT :a AS a').get({ a: 1, nope: 2 }));
lenient.close();

// Parameters in DML.
db.exec('CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, age INTEGER)');
const add = db.prepare('INSERT INTO people (name, age) VALUES (:name, :age)');
log('insert named 1', runResult(add.run({ name: 'Ann', age: 31 })));
log('insert named 2', runResult(add.run({ ':name': 'Bob', ':age': 42 })));
log('insert named 3', runResult(add.run({ name: 'Cy' })));
check('people', () => db.prepare('SELECT * FROM people ORDER BY id').all());
check('filter by named', () => db.prepare('SELECT name FROM people WHERE age > $min ORDER BY id').all({ min: 35 }));
check('expandedSQL with named values', () => {
  const s = db.prepare('SELECT * FROM people WHERE name = :name AND age = :age');
  s.all({ name: "O'Neil", age: 3 });
  return s.expandedSQL;
});
db.close();

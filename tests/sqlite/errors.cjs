// node:sqlite test: error objects for bad SQL, constraints, bad arguments, closed databases and finalized statements.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync, StatementSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');

// SQL errors carry code ERR_SQLITE_ERROR plus errcode/errstr.
check('exec syntax error', () => db.exec('SELEC 1'));
check('prepare syntax error', () => db.prepare('SELECT FROM WHERE'));
check('unknown table', () => db.prepare('SELECT * FROM missing'));
check('unknown column', () => db.prepare('SELECT nope FROM sqlite_master'));
check('unknown function', () => db.prepare('SELECT nofunc(1)'));
check('incomplete input', () => db.exec('CREATE TABLE'));
check('error object shape', () => {
  try {
    db.exec('SELEC 1');
  } catch (e) {
    return {
      isError: e instanceof Error,
      isTypeError: e instanceof TypeError,
      typeofErrcode: typeof e.errcode,
      typeofErrstr: typeof e.errstr,
      hasStack: typeof e.stack === 'string',
    };
  }
});

db.exec(`
  CREATE TABLE parent(id INTEGER PRIMARY KEY);
  CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));
  CREATE TABLE c(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    qty INTEGER CHECK (qty >= 0)
  );
  INSERT INTO parent VALUES (1);
  INSERT INTO c VALUES (1, 'a', 1);
`);
check('NOT NULL constraint', () => db.prepare('INSERT INTO c (name, qty) VALUES (?, ?)').run(null, 1));
check('UNIQUE constraint', () => db.prepare('INSERT INTO c (name, qty) VALUES (?, ?)').run('a', 1));
check('PRIMARY KEY constraint', () => db.exec("INSERT INTO c VALUES (1, 'b', 1)"));
check('CHECK constraint', () => db.prepare('INSERT INTO c (name, qty) VALUES (?, ?)').run('z', -1));
check('FOREIGN KEY constraint (enabled by default)', () => db.exec('INSERT INTO child VALUES (1, 99)'));
check('FOREIGN KEY ok row', () => runResult(db.prepare('INSERT INTO child VALUES (2, 1)').run()));
check('FOREIGN KEY delete parent', () => db.exec('DELETE FROM parent WHERE id = 1'));
check('STRICT type error', () => {
  db.exec('CREATE TABLE s(x INTEGER) STRICT');
  return db.prepare('INSERT INTO s VALUES (?)').run('not a number');
});
check('RAISE in trigger', () => {
  db.exec("CREATE TRIGGER no_del BEFORE DELETE ON c BEGIN SELECT RAISE(ABORT, 'deleting is not allowed'); END");
  return db.exec('DELETE FROM c');
});
check('statement usable after constraint error', () => runResult(db.prepare('INSERT INTO c (name, qty) VALUES (?, ?)').run('ok', 5)));
check('table contents unchanged by failures', () => db.prepare('SELECT id, name, qty FROM c ORDER BY id').all());

// SQL with no statement in it gives a statement with no handle: every use says it is finalized.
for (const sql of ['', '   ', '-- just a comment', ';']) {
  check('prepare(' + show(sql) + ') typeof', () => typeof db.prepare(sql));
  check('prepare(' + show(sql) + ').get()', () => db.prepare(sql).get());
  check('prepare(' + show(sql) + ').sourceSQL', () => db.prepare(sql).sourceSQL);
}
check('exec of empty string', () => db.exec(''));
check('exec of only comments', () => db.exec('-- nothing here'));

// Argument type errors.
check('exec(123)', () => db.exec(123));
check('exec()', () => db.exec());
check('prepare(null)', () => db.prepare(null));
check('prepare({})', () => db.prepare({}));
check('function(1, fn)', () => db.function(1, () => 1));
check('function("f") without fn', () => db.function('f'));
check('function("f", {}, 5)', () => db.function('f', {}, 5));
check('function options not an object', () => db.function('f', 'x', () => 1));
check('function useBigIntArguments not boolean', () => db.function('f', { useBigIntArguments: 1 }, () => 1));
check('function varargs not boolean', () => db.function('f', { varargs: 'yes' }, () => 1));
check('function deterministic not boolean', () => db.function('f', { deterministic: null }, () => 1));
check('function directOnly not boolean', () => db.function('f', { directOnly: 0 }, () => 1));
check('location(1)', () => db.location(1));
check('setReadBigInts("yes")', () => db.prepare('SELECT 1').setReadBigInts('yes'));
check('setReturnArrays(1)', () => db.prepare('SELECT 1').setReturnArrays(1));
check('setAllowBareNamedParameters()', () => db.prepare('SELECT 1').setAllowBareNamedParameters());
check('setAllowUnknownNamedParameters(null)', () => db.prepare('SELECT 1').setAllowUnknownNamedParameters(null));
check('createSession("x")', () => db.createSession('x'));
check('createSession({table: 1})', () => db.createSession({ table: 1 }));
check('createSession({db: 1})', () => db.createSession({ db: 1 }));
check('applyChangeset("x")', () => db.applyChangeset('x'));
check('applyChangeset(u8, 1)', () => db.applyChangeset(new Uint8Array(0), 1));
check('applyChangeset onConflict not a function', () => db.applyChangeset(new Uint8Array(0), { onConflict: 1 }));
check('applyChangeset filter not a function', () => db.applyChangeset(new Uint8Array(0), { filter: 'x' }));
check('enableLoadExtension("x")', () => db.enableLoadExtension('x'));
check('enableLoadExtension(true) when not allowed', () => db.enableLoadExtension(true));
check('loadExtension when not allowed', () => db.loadExtension('/nonexistent'));

// Constructor errors.
check('DatabaseSync without new', () => DatabaseSync(':memory:'));
check('DatabaseSync(123)', () => new DatabaseSync(123));
check('DatabaseSync()', () => new DatabaseSync());
check('DatabaseSync path with NUL', () => new DatabaseSync('bad\u0000path'));
check('DatabaseSync options not an object', () => new DatabaseSync(':memory:', 'opts'));
check('DatabaseSync options null', () => new DatabaseSync(':memory:', null));
check('new StatementSync()', () => new StatementSync());
check('StatementSync() without new', () => StatementSync());

// Closed database.
const stmt = db.prepare('SELECT 1 AS one');
const iter = db.prepare('SELECT 1 AS one UNION ALL SELECT 2').iterate();
log('iterator first row before close', step(iter.next()));
db.close();
check('close() twice', () => db.close());
check('exec() on closed db', () => db.exec('SELECT 1'));
check('prepare() on closed db', () => db.prepare('SELECT 1'));
check('function() on closed db', () => db.function('f', () => 1));
check('aggregate() on closed db', () => db.aggregate('agg', { start: 0, step: (a) => a }));
check('createSession() on closed db', () => db.createSession());
check('applyChangeset() on closed db', () => db.applyChangeset(new Uint8Array(0)));
check('location() on closed db', () => db.location());
check('isTransaction on closed db', () => db.isTransaction);
check('isOpen on closed db', () => db.isOpen);

// Finalized statements (finalized when their database closes).
check('get() on finalized statement', () => stmt.get());
check('all() on finalized statement', () => stmt.all());
check('run() on finalized statement', () => stmt.run());
check('iterate() on finalized statement', () => stmt.iterate());
check('columns() on finalized statement', () => stmt.columns());
check('sourceSQL on finalized statement', () => stmt.sourceSQL);
check('expandedSQL on finalized statement', () => stmt.expandedSQL);
check('setReadBigInts() on finalized statement', () => stmt.setReadBigInts(true));
check('setReturnArrays() on finalized statement', () => stmt.setReturnArrays(true));
check('setAllowBareNamedParameters() on finalized statement', () => stmt.setAllowBareNamedParameters(true));
check('setAllowUnknownNamedParameters() on finalized statement', () => stmt.setAllowUnknownNamedParameters(true));
check('iterator next() after close', () => iter.next());

// Reopening does not revive old statements.
db.open();
check('reopened db works', () => db.prepare('SELECT 2 AS two').get());
check('old statement still finalized after reopen', () => stmt.get());
check('open() when already open', () => db.open());
db.close();

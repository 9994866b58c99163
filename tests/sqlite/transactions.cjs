// node:sqlite test: isTransaction with BEGIN/COMMIT/ROLLBACK, savepoints and failures.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(':memory:');
db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE)');
const count = () => db.prepare('SELECT count(*) AS n FROM t').get().n;
const ins = db.prepare('INSERT INTO t (v) VALUES (?)');

log('isTransaction initially', db.isTransaction);
log('typeof isTransaction', typeof db.isTransaction);
db.exec('BEGIN');
log('isTransaction after BEGIN', db.isTransaction);
ins.run('a');
ins.run('b');
log('count inside transaction', count());
db.exec('COMMIT');
log('isTransaction after COMMIT', db.isTransaction);
log('count after COMMIT', count());

db.exec('BEGIN TRANSACTION');
ins.run('c');
log('count before ROLLBACK', count());
db.exec('ROLLBACK');
log('isTransaction after ROLLBACK', db.isTransaction);
log('count after ROLLBACK', count());

db.exec('BEGIN IMMEDIATE');
log('isTransaction after BEGIN IMMEDIATE', db.isTransaction);
db.exec('END');
log('isTransaction after END', db.isTransaction);

db.exec('BEGIN EXCLUSIVE');
log('isTransaction after BEGIN EXCLUSIVE', db.isTransaction);
db.exec('COMMIT');

// prepare()/run() of transaction statements.
const begin = db.prepare('BEGIN');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
begin.run();
log('isTransaction after prepared BEGIN', db.isTransaction);
ins.run('d');
commit.run();
log('isTransaction after prepared COMMIT', db.isTransaction);
log('count after prepared COMMIT', count());
begin.run();
ins.run('e');
rollback.run();
log('count after prepared ROLLBACK', count());

// Errors around transactions.
check('COMMIT without transaction', () => db.exec('COMMIT'));
check('ROLLBACK without transaction', () => db.exec('ROLLBACK'));
db.exec('BEGIN');
check('nested BEGIN', () => db.exec('BEGIN'));
log('still in transaction after nested BEGIN error', db.isTransaction);
check('constraint error inside transaction', () => ins.run('a'));
log('still in transaction after constraint error', db.isTransaction);
ins.run('f');
db.exec('COMMIT');
log('count after commit with failed statement', count());

// A failing exec() with several statements stops at the error.
check('exec stops at first error', () => db.exec("BEGIN; INSERT INTO t (v) VALUES ('g'); INSERT INTO t (v) VALUES ('g'); INSERT INTO t (v) VALUES ('h');"));
log('isTransaction after failed multi-statement exec', db.isTransaction);
log('rows so far', db.prepare('SELECT v FROM t ORDER BY id').all().map((r) => r.v));
db.exec('ROLLBACK');
log('rows after rollback', db.prepare('SELECT v FROM t ORDER BY id').all().map((r) => r.v));

// Savepoints.
db.exec('SAVEPOINT sp1');
log('isTransaction after SAVEPOINT', db.isTransaction);
ins.run('s1');
db.exec('SAVEPOINT sp2');
ins.run('s2');
db.exec('ROLLBACK TO sp2');
log('isTransaction after ROLLBACK TO', db.isTransaction);
db.exec('RELEASE sp1');
log('isTransaction after RELEASE', db.isTransaction);
log('rows after savepoints', db.prepare('SELECT v FROM t ORDER BY id').all().map((r) => r.v));
check('RELEASE unknown savepoint', () => db.exec('RELEASE nope'));

// A JS helper that wraps work in a transaction.
function transaction(fn) {
  db.exec('BEGIN');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
check('helper commit', () => transaction(() => { ins.run('x1'); ins.run('x2'); return count(); }));
check('helper rollback', () => transaction(() => { ins.run('y1'); ins.run('x1'); }));
log('isTransaction after helper rollback', db.isTransaction);
log('final rows', db.prepare('SELECT v FROM t ORDER BY id').all().map((r) => r.v));

// Closing inside a transaction discards it.
db.exec('BEGIN');
ins.run('lost');
db.close();
check('isTransaction on closed database', () => db.isTransaction);
db.open();
log('isTransaction after reopen (memory db is fresh)', db.isTransaction);
check('table gone after reopening :memory:', () => db.prepare('SELECT * FROM t'));
db.close();

// node:sqlite test: module exports, exec/prepare, run/get/all results, close and Symbol.dispose.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const sqlite = require('node:sqlite');
const { DatabaseSync, StatementSync } = sqlite;

log('exports', Object.keys(sqlite).filter((k) => ['DatabaseSync', 'StatementSync', 'constants', 'backup'].includes(k)).sort());
log('typeof DatabaseSync', typeof DatabaseSync);
log('typeof StatementSync', typeof StatementSync);
log('typeof backup', typeof sqlite.backup);
log('typeof constants', typeof sqlite.constants);
log('DatabaseSync.name', DatabaseSync.name);
log('StatementSync.name', StatementSync.name);
log('same module via require("node:sqlite")', require('node:sqlite') === sqlite);

const db = new DatabaseSync(':memory:');
log('db instanceof DatabaseSync', db instanceof DatabaseSync);
log('isOpen', db.isOpen);
log('location() of :memory:', db.location());
log('exec returns', db.exec('CREATE TABLE data(key INTEGER PRIMARY KEY, value TEXT) STRICT'));

const insert = db.prepare('INSERT INTO data (key, value) VALUES (?, ?)');
log('stmt instanceof StatementSync', insert instanceof StatementSync);
const r1 = insert.run(1, 'hello');
log('run result', runResult(r1));
log('run result proto is Object.prototype', Object.getPrototypeOf(r1) === Object.prototype);
log('run result 2', runResult(insert.run(2, 'world')));
log('run result 3 (explicit key 10)', runResult(insert.run(10, 'ten')));

const query = db.prepare('SELECT * FROM data ORDER BY key');
const rows = query.all();
log('all()', rows);
log('all() is array', Array.isArray(rows));
log('row proto is null', Object.getPrototypeOf(rows[0]) === null);
log('get()', query.get());
log('get() again (statement is reset)', query.get());
log('get() no rows', db.prepare('SELECT * FROM data WHERE key = ?').get(999));
log('all() no rows', db.prepare('SELECT * FROM data WHERE key = ?').all(999));
log('select expression', db.prepare('SELECT 1 + 1 AS two, \'a\' || \'b\' AS ab, NULL AS n').get());
log('unnamed column name', db.prepare('SELECT 40 + 2').get());

log('update', runResult(db.prepare('UPDATE data SET value = upper(value) WHERE key < 5').run()));
log('after update', db.prepare('SELECT value FROM data ORDER BY key').all());
log('delete', runResult(db.prepare('DELETE FROM data WHERE key = ?').run(10)));
log('delete nothing', runResult(db.prepare('DELETE FROM data WHERE key = ?').run(10)));
log('count', db.prepare('SELECT count(*) AS n FROM data').get());

log('exec multiple statements', db.exec(`
  CREATE TABLE t2(a);
  INSERT INTO t2 VALUES (1);
  INSERT INTO t2 VALUES (2);
  INSERT INTO t2 VALUES (3);
`));
log('t2', db.prepare('SELECT a FROM t2').all());
log('exec select returns', db.exec('SELECT * FROM t2'));

log('run on select', runResult(db.prepare('SELECT a FROM t2').run()));
log('get on insert', db.prepare('INSERT INTO t2 VALUES (4)').get());
log('all on insert', db.prepare('INSERT INTO t2 VALUES (5)').all());
log('t2 count', db.prepare('SELECT count(*) AS c FROM t2').get());
log('prepare keeps only first statement', db.prepare('SELECT 1 AS a; SELECT 2 AS b').all());
log('insert after select', runResult(db.prepare('INSERT INTO t2 VALUES (6)').run()));

log('close returns', db.close());
log('isOpen after close', db.isOpen);

const disposed = new DatabaseSync(':memory:');
log('typeof Symbol.dispose method', typeof disposed[Symbol.dispose]);
disposed[Symbol.dispose]();
log('isOpen after dispose', disposed.isOpen);
disposed[Symbol.dispose]();
log('dispose twice is a no-op', disposed.isOpen);

// node:sqlite test: DatabaseSync constructor options (open, readOnly, foreign keys, DQS, timeout) and validation.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-options-'));
const file = path.join(dir, 'opts.db');
function cleanup() { fs.rmSync(dir, { recursive: true, force: true }); }

// open: false + open()
const lazy = new DatabaseSync(':memory:', { open: false });
log('open:false isOpen', lazy.isOpen);
check('open:false exec before open()', () => lazy.exec('SELECT 1'));
check('open:false prepare before open()', () => lazy.prepare('SELECT 1'));
check('open:false close before open()', () => lazy.close());
log('open() returns', lazy.open());
log('isOpen after open()', lazy.isOpen);
check('query after open()', () => lazy.prepare('SELECT 1 AS one').get());
check('open() twice', () => lazy.open());
lazy.close();
log('open:true explicit', new DatabaseSync(':memory:', { open: true }).isOpen);
log('empty options object', new DatabaseSync(':memory:', {}).isOpen);

// readOnly
check('readOnly on missing file', () => new DatabaseSync(path.join(dir, 'missing.db'), { readOnly: true }));
log('missing file not created', fs.existsSync(path.join(dir, 'missing.db')));
const rw = new DatabaseSync(file);
rw.exec("CREATE TABLE t(x); INSERT INTO t VALUES ('seed');");
rw.close();
const ro = new DatabaseSync(file, { readOnly: true });
check('readOnly read', () => ro.prepare('SELECT x FROM t').all());
check('readOnly insert', () => ro.exec("INSERT INTO t VALUES ('nope')"));
check('readOnly create table', () => ro.exec('CREATE TABLE u(y)'));
check('readOnly prepared insert', () => ro.prepare('INSERT INTO t VALUES (?)').run('no'));
check('readOnly count', () => ro.prepare('SELECT count(*) AS n FROM t').get());
ro.close();
const roFalse = new DatabaseSync(file, { readOnly: false });
check('readOnly:false can write', () => runResult(roFalse.prepare('INSERT INTO t VALUES (?)').run('w')));
roFalse.close();

// enableForeignKeyConstraints
const fkSchema = `
  CREATE TABLE p(id INTEGER PRIMARY KEY);
  CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id));
`;
const fkDefault = new DatabaseSync(':memory:');
fkDefault.exec(fkSchema);
check('foreign_keys pragma (default)', () => fkDefault.prepare('PRAGMA foreign_keys').get());
check('FK violation (default)', () => fkDefault.exec('INSERT INTO c VALUES (1, 42)'));
fkDefault.close();
const fkOn = new DatabaseSync(':memory:', { enableForeignKeyConstraints: true });
check('foreign_keys pragma (true)', () => fkOn.prepare('PRAGMA foreign_keys').get());
fkOn.close();
const fkOff = new DatabaseSync(':memory:', { enableForeignKeyConstraints: false });
fkOff.exec(fkSchema);
check('foreign_keys pragma (false)', () => fkOff.prepare('PRAGMA foreign_keys').get());
check('FK violation allowed (false)', () => runResult(fkOff.prepare('INSERT INTO c VALUES (1, 42)').run()));
fkOff.exec('PRAGMA foreign_keys = ON');
check('FK enforced after PRAGMA foreign_keys = ON', () => fkOff.exec('INSERT INTO c VALUES (2, 43)'));
fkOff.close();

// enableDoubleQuotedStringLiterals
const dqsDefault = new DatabaseSync(':memory:');
check('double-quoted literal (default)', () => dqsDefault.prepare('SELECT "hello" AS v').get());
check('double-quoted identifier still works', () => {
  dqsDefault.exec('CREATE TABLE "quoted table"("my col")');
  dqsDefault.exec('INSERT INTO "quoted table" VALUES (1)');
  return dqsDefault.prepare('SELECT "my col" FROM "quoted table"').all();
});
dqsDefault.close();
const dqsOn = new DatabaseSync(':memory:', { enableDoubleQuotedStringLiterals: true });
check('double-quoted literal (true)', () => dqsOn.prepare('SELECT "hello" AS v').get());
check('double-quoted literal in DDL (true)', () => {
  dqsOn.exec('CREATE TABLE d(x DEFAULT "dflt", y)');
  dqsOn.exec('INSERT INTO d (y) VALUES (1)');
  return dqsOn.prepare('SELECT x, y FROM d').get();
});
check('column name wins over string (true)', () => dqsOn.prepare('SELECT "y" AS v FROM d').get());
dqsOn.close();
const dqsOff = new DatabaseSync(':memory:', { enableDoubleQuotedStringLiterals: false });
check('double-quoted literal (false)', () => dqsOff.prepare('SELECT "hello" AS v').get());
dqsOff.close();

// timeout: a second connection waits for a lock, then fails with SQLITE_BUSY.
const holder = new DatabaseSync(file);
holder.exec('BEGIN EXCLUSIVE');
const waiter = new DatabaseSync(file, { timeout: 50 });
check('locked database with timeout', () => waiter.exec("INSERT INTO t VALUES ('blocked')"));
const noWait = new DatabaseSync(file, { timeout: 0 });
check('locked database with timeout 0', () => noWait.prepare('SELECT count(*) AS n FROM t').get());
holder.exec('COMMIT');
check('after lock released', () => runResult(waiter.prepare('INSERT INTO t VALUES (?)').run('unblocked')));
check('rows', () => noWait.prepare('SELECT x FROM t ORDER BY rowid').all());
holder.close();
waiter.close();
noWait.close();

// Option type validation.
const bad = [
  ['open', 1], ['open', 'true'], ['readOnly', 1], ['readOnly', null],
  ['enableForeignKeyConstraints', 'yes'], ['enableDoubleQuotedStringLiterals', 0],
  ['readBigInts', 1], ['returnArrays', 'x'], ['allowBareNamedParameters', null],
  ['allowUnknownNamedParameters', 1], ['allowExtension', 'no'],
  ['timeout', 'x'], ['timeout', 1.5], ['timeout', null], ['timeout', true],
];
for (const [key, value] of bad) {
  check('option ' + key + '=' + show(value), () => new DatabaseSync(':memory:', { [key]: value }));
}
check('option timeout=100 accepted', () => new DatabaseSync(':memory:', { timeout: 100 }).isOpen);
check('options explicitly undefined accepted', () => new DatabaseSync(':memory:', { open: undefined, readOnly: undefined, timeout: undefined }).isOpen);
check('unknown options ignored', () => new DatabaseSync(':memory:', { bogus: 1 }).isOpen);

cleanup();
log('cleaned up', fs.existsSync(dir));

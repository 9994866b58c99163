// node:sqlite test: file-backed databases: location(), reopen, Buffer/URL paths, ATTACH, close twice.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const { DatabaseSync } = require('node:sqlite');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-files-'));
const file = path.join(dir, 'main.db');
// Locations are printed relative to the temp directory.
const rel = (p) => (typeof p === 'string' ? path.relative(fs.realpathSync(dir), p) : p);

log('file exists before open', fs.existsSync(file));
const db = new DatabaseSync(file);
log('file exists after open', fs.existsSync(file));
log('location() is absolute', path.isAbsolute(db.location()));
log('location() relative to temp dir', rel(db.location()));
log('location("main")', rel(db.location('main')));
log('location("temp")', db.location('temp'));
log('location("nope")', db.location('nope'));
db.exec('CREATE TABLE kv(k TEXT PRIMARY KEY, v)');
const put = db.prepare('INSERT INTO kv VALUES (?, ?)');
put.run('a', 1);
put.run('b', new Uint8Array([1, 2, 3]));
put.run('c', 2n ** 40n);
log('file size grew', fs.statSync(file).size > 0);
db.close();
check('close twice', () => db.close());
check('location() after close', () => db.location());
check('statement after close', () => put.run('d', 4));

// Reopen the same object.
db.open();
log('reopened isOpen', db.isOpen);
check('data persisted after reopen', () => db.prepare('SELECT k, v FROM kv ORDER BY k').all());
db.close();

// A second DatabaseSync on the same file sees the data.
const again = new DatabaseSync(file);
check('new connection sees data', () => again.prepare('SELECT count(*) AS n FROM kv').get());

// Two connections: writes from one are visible in the other.
const other = new DatabaseSync(file);
other.prepare('INSERT INTO kv VALUES (?, ?)').run('z', 'from other');
check('write visible to first connection', () => again.prepare("SELECT v FROM kv WHERE k = 'z'").get());
other.close();
again.close();

// Buffer and URL paths.
const viaBuffer = new DatabaseSync(Buffer.from(file));
check('Buffer path reads same file', () => viaBuffer.prepare('SELECT count(*) AS n FROM kv').get());
log('Buffer path location', rel(viaBuffer.location()));
viaBuffer.close();
const viaUrl = new DatabaseSync(pathToFileURL(file));
check('URL path reads same file', () => viaUrl.prepare('SELECT count(*) AS n FROM kv').get());
log('URL path location', rel(viaUrl.location()));
viaUrl.close();
check('non-file URL rejected', () => new DatabaseSync(new URL('http://example.com/db')));

// ATTACH another file and ask for its location.
const attached = path.join(dir, 'attached.db');
const main = new DatabaseSync(file);
main.exec(`ATTACH DATABASE '${attached.replace(/'/g, "''")}' AS aux`);
log('location("aux")', rel(main.location('aux')));
main.exec('CREATE TABLE aux.t(x); INSERT INTO aux.t VALUES (1), (2)');
check('query attached table', () => main.prepare('SELECT x FROM aux.t ORDER BY x').all());
log('attached file exists', fs.existsSync(attached));
main.exec('DETACH DATABASE aux');
log('location("aux") after DETACH', main.location('aux'));
main.close();

// Symbol.dispose closes a file database.
{
  const d = new DatabaseSync(file);
  d[Symbol.dispose]();
  log('disposed isOpen', d.isOpen);
  check('dispose after dispose', () => d[Symbol.dispose]());
}

// Opening a directory or a non-database file fails.
check('open a directory', () => new DatabaseSync(dir).prepare('SELECT * FROM sqlite_master').all());
const junk = path.join(dir, 'junk.db');
fs.writeFileSync(junk, 'this is not a database file, just text that is long enough to fill a header ....');
check('open a non-database file', () => {
  const j = new DatabaseSync(junk);
  return j.prepare('SELECT * FROM sqlite_master').all();
});
check('open in a missing directory', () => new DatabaseSync(path.join(dir, 'no', 'such', 'dir.db')));

// Empty path is a private temporary database.
const anon = new DatabaseSync('');
anon.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
check('empty-path database works', () => anon.prepare('SELECT x FROM t').get());
log('empty-path location', anon.location());
anon.close();

// Journal mode and persistence through WAL.
const wal = new DatabaseSync(path.join(dir, 'wal.db'));
check('journal_mode=WAL', () => wal.prepare('PRAGMA journal_mode = WAL').get());
wal.exec('CREATE TABLE w(x); INSERT INTO w VALUES (42)');
wal.close();
const walAgain = new DatabaseSync(path.join(dir, 'wal.db'));
check('WAL data persisted', () => walAgain.prepare('SELECT x FROM w').get());
walAgain.close();

fs.rmSync(dir, { recursive: true, force: true });
log('temp dir removed', !fs.existsSync(dir));

// node:sqlite test: sqlite.backup() with rate/progress, source option and error cases.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const sqlite = require('node:sqlite');
const { DatabaseSync, backup } = sqlite;
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function rejects(label, fn) {
  let p;
  try {
    p = fn();
  } catch (e) {
    fail(label + ' (sync)', e);
    return;
  }
  log(label + ' returns a Promise', p instanceof Promise);
  try {
    log(label + ' resolved', await p);
  } catch (e) {
    fail(label + ' rejected', e);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-backup-'));
  const src = new DatabaseSync(':memory:');
  src.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT)');
  const ins = src.prepare('INSERT INTO t (payload) VALUES (?)');
  src.exec('BEGIN');
  for (let i = 0; i < 200; i++) ins.run('row ' + i + ' ' + 'x'.repeat(200));
  src.exec('COMMIT');
  const pageCount = src.prepare('PRAGMA page_count').get().page_count;
  log('source has several pages', pageCount > 5);

  // Default options.
  const file1 = path.join(dir, 'b1.db');
  const p1 = backup(src, file1);
  log('backup returns a Promise', p1 instanceof Promise);
  const total1 = await p1;
  log('resolved with total page count', total1 === pageCount);
  const copy1 = new DatabaseSync(file1);
  check('backup contents', () => copy1.prepare('SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM t').get());
  check('backup integrity', () => copy1.prepare('PRAGMA integrity_check').get());
  copy1.close();

  // rate + progress.
  const file2 = path.join(dir, 'b2.db');
  const progress = [];
  const total2 = await backup(src, file2, {
    rate: 1,
    progress: (info) => progress.push(info),
  });
  log('rate:1 total equals page count', total2 === pageCount);
  log('progress called at least once', progress.length > 0);
  log('progress called once per page but the last', progress.length === pageCount - 1);
  log('progress info keys', Object.keys(progress[0]).sort());
  log('progress totalPages constant', progress.every((p) => p.totalPages === pageCount));
  log('progress remainingPages decreasing', progress.every((p, i) => i === 0 || p.remainingPages < progress[i - 1].remainingPages));
  log('first progress', progress[0].totalPages - progress[0].remainingPages);
  log('last progress remaining', progress[progress.length - 1].remainingPages);
  const copy2 = new DatabaseSync(file2);
  check('rate:1 backup contents', () => copy2.prepare('SELECT count(*) AS n FROM t').get());
  copy2.close();

  // Large rate copies everything in one step: no progress calls.
  const file3 = path.join(dir, 'b3.db');
  let calls = 0;
  const total3 = await backup(src, file3, { rate: 100000, progress: () => { calls++; } });
  log('big rate total equals page count', total3 === pageCount);
  log('big rate progress calls', calls);

  // Overwrites an existing database file.
  const other = new DatabaseSync(file3);
  other.exec('CREATE TABLE junk(x)');
  other.close();
  await backup(src, file3);
  const copy3 = new DatabaseSync(file3);
  check('overwritten backup tables', () => copy3.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all());
  copy3.close();

  // Backup from a file database, and of an attached database (source option).
  const srcFile = new DatabaseSync(file1);
  srcFile.exec(`ATTACH DATABASE '${path.join(dir, 'aux.db').replace(/'/g, "''")}' AS aux`);
  srcFile.exec("CREATE TABLE aux.only_aux(v); INSERT INTO aux.only_aux VALUES ('aux row')");
  const file4 = path.join(dir, 'b4.db');
  await backup(srcFile, file4, { source: 'aux' });
  const copy4 = new DatabaseSync(file4);
  check('source:aux backup tables', () => copy4.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all());
  check('source:aux backup rows', () => copy4.prepare('SELECT v FROM only_aux').all());
  copy4.close();
  srcFile.close();

  // Errors.
  await rejects('progress throws', () => backup(src, path.join(dir, 'b5.db'), {
    rate: 1,
    progress: () => { throw new Error('stop the backup'); },
  }));
  await rejects('unknown source database', () => backup(src, path.join(dir, 'b6.db'), { source: 'nope' }));
  await rejects('destination in missing directory', () => backup(src, path.join(dir, 'no', 'such', 'x.db')));
  await rejects('options.rate not integer', () => backup(src, path.join(dir, 'b7.db'), { rate: 'fast' }));
  await rejects('options.source not string', () => backup(src, path.join(dir, 'b7.db'), { source: 1 }));
  await rejects('options.target not string', () => backup(src, path.join(dir, 'b7.db'), { target: 1 }));
  await rejects('options.progress not function', () => backup(src, path.join(dir, 'b7.db'), { progress: 1 }));
  await rejects('options not an object', () => backup(src, path.join(dir, 'b7.db'), 'opts'));
  await rejects('path not a string', () => backup(src, 123));
  await rejects('sourceDb not an object', () => backup('nope', path.join(dir, 'b7.db')));
  const closed = new DatabaseSync(':memory:');
  closed.close();
  await rejects('closed source database', () => backup(closed, path.join(dir, 'b8.db')));

  // The source stays usable.
  check('source still usable', () => src.prepare('SELECT count(*) AS n FROM t').get());
  src.close();
  fs.rmSync(dir, { recursive: true, force: true });
  log('done', true);
}

main().catch((e) => {
  fail('main', e);
  process.exitCode = 1;
});

// node:sqlite test: createSession(), changesets/patchsets, applyChangeset() filter/onConflict, constants.
// Output is formatted by show() below, never by console.log/inspect of objects.
'use strict';
const { show, log, fail, check, runResult, step } = require('./show.js');

const sqlite = require('node:sqlite');
const { DatabaseSync, constants } = sqlite;

for (const name of [
  'SQLITE_CHANGESET_OMIT', 'SQLITE_CHANGESET_REPLACE', 'SQLITE_CHANGESET_ABORT',
  'SQLITE_CHANGESET_DATA', 'SQLITE_CHANGESET_NOTFOUND', 'SQLITE_CHANGESET_CONFLICT',
  'SQLITE_CHANGESET_CONSTRAINT', 'SQLITE_CHANGESET_FOREIGN_KEY',
]) {
  log('constants.' + name, constants[name]);
}

const schema = 'CREATE TABLE data(key INTEGER PRIMARY KEY, value TEXT); CREATE TABLE other(id INTEGER PRIMARY KEY, n INTEGER);';
const src = new DatabaseSync(':memory:');
const dst = new DatabaseSync(':memory:');
src.exec(schema);
dst.exec(schema);
const rows = (db, table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();

const session = src.createSession();
log('typeof session.changeset', typeof session.changeset);
log('typeof session.patchset', typeof session.patchset);
log('typeof session.close', typeof session.close);
const empty = session.changeset();
log('empty changeset', empty);
log('empty changeset is Uint8Array', empty instanceof Uint8Array);

const ins = src.prepare('INSERT INTO data (key, value) VALUES (?, ?)');
ins.run(1, 'hello');
ins.run(2, 'world');
src.exec('INSERT INTO other VALUES (1, 10)');
const cs1 = session.changeset();
log('changeset is Uint8Array', cs1 instanceof Uint8Array);
log('changeset non-empty', cs1.length > 0);
log('changeset can be taken twice (same bytes)', Buffer.compare(Buffer.from(cs1), Buffer.from(session.changeset())) === 0);
log('patchset non-empty', session.patchset().length > 0);
log('applyChangeset returns', dst.applyChangeset(cs1));
log('dst data after apply', rows(dst, 'data'));
log('dst other after apply', rows(dst, 'other'));

// Updates and deletes.
const s2 = src.createSession();
src.exec("UPDATE data SET value = 'WORLD' WHERE key = 2");
src.exec('DELETE FROM data WHERE key = 1');
const cs2 = s2.changeset();
const ps2 = s2.patchset();
log('patchset not larger than changeset', ps2.length <= cs2.length);
log('apply update/delete changeset', dst.applyChangeset(cs2));
log('dst after update/delete', rows(dst, 'data'));

// Patchsets apply too.
const dst2 = new DatabaseSync(':memory:');
dst2.exec(schema);
dst2.applyChangeset(cs1);
log('apply patchset', dst2.applyChangeset(ps2));
log('dst2 after patchset', rows(dst2, 'data'));
dst2.close();

// Session limited to one table.
const sTable = src.createSession({ table: 'other' });
src.exec("INSERT INTO data VALUES (3, 'three')");
src.exec('INSERT INTO other VALUES (2, 20)');
const dst3 = new DatabaseSync(':memory:');
dst3.exec(schema);
log('table-limited apply', dst3.applyChangeset(sTable.changeset()));
log('dst3 data (untracked)', rows(dst3, 'data'));
log('dst3 other (tracked)', rows(dst3, 'other'));

// filter option
const sAll = src.createSession();
src.exec("INSERT INTO data VALUES (4, 'four')");
src.exec('INSERT INTO other VALUES (3, 30)');
const csAll = sAll.changeset();
const dst4 = new DatabaseSync(':memory:');
dst4.exec(schema);
const filtered = [];
log('filter apply', dst4.applyChangeset(csAll, { filter: (table) => { filtered.push(table); return table === 'data'; } }));
log('filter saw tables', filtered.sort());
log('dst4 data (kept)', rows(dst4, 'data'));
log('dst4 other (filtered out)', rows(dst4, 'other'));

// Conflicts.
const conflictSrc = new DatabaseSync(':memory:');
conflictSrc.exec(schema);
const cs = conflictSrc.createSession();
conflictSrc.exec("INSERT INTO data VALUES (1, 'from source')");
const csConflict = cs.changeset();

function target() {
  const t = new DatabaseSync(':memory:');
  t.exec(schema);
  t.exec("INSERT INTO data VALUES (1, 'existing')");
  return t;
}
{
  const t = target();
  log('default onConflict aborts', t.applyChangeset(csConflict));
  log('data after default abort', rows(t, 'data'));
  t.close();
}
{
  const t = target();
  const seen = [];
  log('onConflict OMIT', t.applyChangeset(csConflict, { onConflict: (type) => { seen.push(type); return constants.SQLITE_CHANGESET_OMIT; } }));
  log('conflict types seen', seen);
  log('conflict type is CONFLICT', seen[0] === constants.SQLITE_CHANGESET_CONFLICT);
  log('data after OMIT', rows(t, 'data'));
  t.close();
}
{
  const t = target();
  log('onConflict REPLACE', t.applyChangeset(csConflict, { onConflict: () => constants.SQLITE_CHANGESET_REPLACE }));
  log('data after REPLACE', rows(t, 'data'));
  t.close();
}
{
  const t = target();
  log('onConflict ABORT', t.applyChangeset(csConflict, { onConflict: () => constants.SQLITE_CHANGESET_ABORT }));
  log('data after ABORT', rows(t, 'data'));
  t.close();
}
{
  // A DELETE of a row that is missing in the target: NOTFOUND.
  const delSrc = new DatabaseSync(':memory:');
  delSrc.exec(schema);
  delSrc.exec("INSERT INTO data VALUES (9, 'nine')");
  const ds = delSrc.createSession();
  delSrc.exec('DELETE FROM data WHERE key = 9');
  const delCs = ds.changeset();
  const t = new DatabaseSync(':memory:');
  t.exec(schema);
  const seen = [];
  log('NOTFOUND apply', t.applyChangeset(delCs, { onConflict: (type) => { seen.push(type); return constants.SQLITE_CHANGESET_OMIT; } }));
  log('NOTFOUND type', seen[0] === constants.SQLITE_CHANGESET_NOTFOUND);
  // A DELETE whose old values differ in the target: DATA.
  t.exec("INSERT INTO data VALUES (9, 'changed')");
  const seen2 = [];
  log('DATA apply', t.applyChangeset(delCs, { onConflict: (type) => { seen2.push(type); return constants.SQLITE_CHANGESET_OMIT; } }));
  log('DATA type', seen2[0] === constants.SQLITE_CHANGESET_DATA);
  log('row kept after omitted DATA conflict', rows(t, 'data'));
  t.close();
  delSrc.close();
}

// Applying garbage.
check('apply garbage bytes', () => dst.applyChangeset(new Uint8Array([1, 2, 3, 4, 5])));
check('apply empty changeset', () => dst.applyChangeset(new Uint8Array(0)));

// Session lifecycle.
const s3 = src.createSession();
log('close() returns', s3.close());
check('changeset() after close', () => s3.changeset());
check('patchset() after close', () => s3.patchset());
check('close() twice', () => s3.close());
const s4 = src.createSession();
src.close();
check('changeset() after db close', () => s4.changeset());
check('close() after db close', () => s4.close());
dst.close();
dst3.close();
dst4.close();
conflictSrc.close();

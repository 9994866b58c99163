// One ordered queue per connection: queries answer in the order asked,
// a transaction holds off the calls made outside it until it ends (commit
// on return, rollback on throw), iterate() streams rows in batches, and a
// signal aborts a call. The loop keeps running meanwhile.
import { open } from 'tock:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tock-sqlite-'));
const db = await open(join(dir, 'q.db'));
await db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)');

// In order, whatever each costs.
const answered = [];
await Promise.all([
  db.run('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) INSERT INTO t (v) SELECT x FROM c')
    .then(() => answered.push('bulk insert')),
  db.get('SELECT count(*) AS n FROM t').then((r) => answered.push(`count ${r.n}`)),
  db.get('SELECT 1 AS one').then(() => answered.push('tiny')),
]);
console.log('answers in order:', answered.join(', '));

// Transactions: others wait; commit on return, rollback on throw.
const seen = [];
const tx = db.transaction(async (t) => {
  await t.run('INSERT INTO t (v) VALUES (-1)');
  seen.push(`inside: ${(await t.get('SELECT count(*) AS n FROM t WHERE v = -1')).n}`);
  await t.transaction(async (inner) => {
    await inner.run('INSERT INTO t (v) VALUES (-2)');
  });
  return 'committed';
});
const outside = db.get('SELECT count(*) AS n FROM t WHERE v < 0').then((r) => seen.push(`outside, after: ${r.n}`));
seen.push(`transaction: ${await tx}`);
await outside;
console.log(seen.join('; '));
try {
  await db.transaction(async (t) => {
    await t.run('INSERT INTO t (v) VALUES (-3)');
    throw new Error('changed my mind');
  });
} catch (err) {
  console.log('rolled back:', err.message, (await db.get('SELECT count(*) AS n FROM t WHERE v = -3')).n);
}

// iterate(): rows in order, an early break ends the cursor.
let count = 0;
let sum = 0;
for await (const row of db.iterate('SELECT v FROM t WHERE v > 0 ORDER BY id')) {
  count += 1;
  sum += row.v;
}
console.log('iterated:', count, sum);
const firstThree = [];
for await (const row of db.iterate('SELECT v FROM t WHERE v > ? ORDER BY id', 100)) {
  firstThree.push(row.v);
  if (firstThree.length === 3) break;
}
console.log('break after three:', firstThree.join(','), 'then', (await db.get('SELECT 7 AS x')).x);

// Prepared statements.
const byId = await db.prepare('SELECT v FROM t WHERE id = ?');
console.log('prepared:', (await byId.get(5)).v, byId.columnNames.join(','), byId.sourceSQL);

// Abort: before it is sent, and while queued behind a long query.
const early = new AbortController();
early.abort();
try {
  await db.all('SELECT 1', { signal: early.signal });
} catch (err) {
  console.log('aborted before:', err.name, err.code);
}
const late = new AbortController();
const slow = db.get('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT count(*) AS n FROM c');
const queued = db.get('SELECT 1 AS x', { signal: late.signal });
late.abort();
try {
  await queued;
} catch (err) {
  console.log('aborted while queued:', err.name);
}
console.log('slow still answers:', (await slow).n);

// The loop runs while a query waits: a writer blocked on another
// connection's lock (busy timeout) waits on its own thread, so a timer can
// still fire and release the lock — were the loop blocked, this would hang.
const holder = await open(join(dir, 'q.db'));
const waiter = await open(join(dir, 'q.db'), { timeout: 600000 });
await holder.exec('BEGIN IMMEDIATE; INSERT INTO t (v) VALUES (-10)');
const events = [];
const blocked = waiter.run('INSERT INTO t (v) VALUES (-11)').then(() => events.push('the blocked write went through'));
setTimeout(async () => {
  events.push('a timer fired');
  await holder.exec('COMMIT');
  events.push('the lock was released');
}, 1);
await blocked;
console.log('while a query waits:', events.join(', then '));
await holder.close();
await waiter.close();

// Two connections, one writer: the second sees what the first committed.
const reader = await open(join(dir, 'q.db'), { readOnly: true });
console.log('reader sees:', (await reader.get('SELECT count(*) AS n FROM t WHERE v < 0')).n);
try {
  await reader.run('INSERT INTO t (v) VALUES (0)');
} catch (err) {
  console.log('read-only:', err.code, err.message);
}
await reader.close();
await using disposable = await open(':memory:');
console.log('await using:', (await disposable.get('SELECT 42 AS x')).x);
await db.close();
rmSync(dir, { recursive: true });

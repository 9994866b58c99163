// tock:sqlite: every call returns a promise settled by an I/O completion (a
// macrotask): code after the call runs first, and a microtask queued before
// the answer comes runs before it. Values, rows and errors are node:sqlite's.
import { open } from 'tock:sqlite';

const order = [];
const db = await open(':memory:');
console.log('open:', db.isOpen, db.location);
await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB, big INTEGER)');
const pending = db.run('INSERT INTO t (name, data, big) VALUES (?, ?, ?)', 'ada', new Uint8Array([1, 2]), 2n ** 60n);
console.log('a promise:', pending instanceof Promise);
order.push('after the call');
Promise.resolve().then(() => order.push('a microtask'));
const inserted = await pending;
order.push('the answer');
console.log(order.join(' → '));
console.log('run:', JSON.stringify(inserted));
console.log('named:', JSON.stringify(await db.run('INSERT INTO t (name) VALUES (:name)', { name: 'grace' })));
console.log('bare $:', JSON.stringify(await db.get('SELECT name FROM t WHERE name = $n', { n: 'grace' })));
const row = await db.get('SELECT id, name, data FROM t WHERE id = ?', 1);
console.log('get:', Object.getPrototypeOf(row), row.id, row.name, row.data instanceof Uint8Array, [...row.data]);
console.log('get none:', await db.get('SELECT * FROM t WHERE id = ?', 99));
console.log('all:', (await db.all('SELECT name FROM t ORDER BY id')).map((r) => r.name).join(','));
try {
  await db.get('SELECT big FROM t WHERE id = 1');
} catch (err) {
  console.log('too large:', err.name, err.code, err.message);
}
const bigDb = await open(':memory:', { readBigInts: true, returnArrays: true });
console.log('readBigInts + returnArrays:', JSON.stringify(await bigDb.get('SELECT 1 AS a, 2 AS b'), (k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
await bigDb.close();
try {
  await db.run('INSERT INTO t (id) VALUES (1)');
} catch (err) {
  console.log('constraint:', err.code, err.errcode, err.errstr, err.message);
}
try {
  await db.all('SELEC 1');
} catch (err) {
  console.log('syntax:', err.code, err.errcode, err.message);
}
try {
  await db.run('INSERT INTO t (name) VALUES (?)', true);
} catch (err) {
  console.log('unbindable:', err.code, err.message);
}
console.log('usable after errors:', (await db.get('SELECT count(*) AS n FROM t')).n);
await db.close();
console.log('closed:', db.isOpen);
try {
  await db.get('SELECT 1');
} catch (err) {
  console.log('after close:', err.code, err.message);
}
try {
  await open('/nonexistent-dir/x.db');
} catch (err) {
  console.log('open failed:', err.code, err.errcode, err.message);
}

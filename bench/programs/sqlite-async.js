// bench/sqlite.py: tock:sqlite, the SQLite that awaits, beside tock's own
// node:sqlite in the same process and on the same database (a WAL database
// holding t(id INTEGER PRIMARY KEY, name TEXT, value REAL) with 100,000
// rows), each timed inside the program with performance.now() (start-up,
// set-up and opening the connections excluded), the results printed as one
// JSON line:
//   select   100,000 `SELECT * FROM t WHERE id = ?`, random ids (the same
//            xorshift sequence as sqlite-sync.js), one prepared statement:
//            node:sqlite serially (sync_select_ops) and tock:sqlite awaiting
//            each one in turn (await_select_ops)
//   readers  the same 100,000 selects split between 4 tock:sqlite
//            connections, each looping over its share awaiting each, the 4
//            running at once (readers_ops)
//   gap      the largest gap between the ticks of a 10 ms setInterval while
//            one query of about a second (a recursive CTE counting to
//            4,500,000) runs on a tock:sqlite connection: ms
//
// Usage: tock sqlite-async.js [workloads] [dir]
//   workloads  comma-separated, by default select,readers,gap
//   dir        where this run's database goes (deleted at the end); by
//              default a temporary directory, deleted
const fs = require('fs');
const os = require('os');
const path = require('path');
const { DatabaseSync } = require('node:sqlite');
const { open } = require('tock:sqlite');

const ROWS = 100000;
const READERS = 4;
const COUNT_TO = 4500000;
const COUNT_SQL = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < ${COUNT_TO}) SELECT count(*) AS n FROM c`;
const SELECT_SQL = 'SELECT * FROM t WHERE id = ?';

// The ids the point selects ask for: xorshift32 from a fixed seed.
function randomIds(count, max) {
  const ids = new Array(count);
  let x = 2463534242;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    ids[i] = 1 + ((x >>> 0) % max);
  }
  return ids;
}

function removeDb(file) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

function makeWalDb(file) {
  removeDb(file);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, value REAL)');
  db.exec(`INSERT INTO t (id, name, value)
    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < ${ROWS})
    SELECT x, 'name ' || x, x * 1.5 FROM c`);
  db.close();
}

const opsPerSecond = (count, began) => count / ((performance.now() - began) / 1000);

function check(sum) {
  if (!(sum > 0)) throw new Error('no rows selected');
}

async function select(file, ids, results) {
  const sync = new DatabaseSync(file);
  const statement = sync.prepare(SELECT_SQL);
  let sum = 0;
  let began = performance.now();
  for (const id of ids) sum += statement.get(id).id;
  results.sync_select_ops = opsPerSecond(ids.length, began);
  sync.close();
  check(sum);

  const db = await open(file);
  const prepared = await db.prepare(SELECT_SQL);
  sum = 0;
  began = performance.now();
  for (const id of ids) sum += (await prepared.get(id)).id;
  results.await_select_ops = opsPerSecond(ids.length, began);
  await db.close();
  check(sum);
}

async function readers(file, ids, results) {
  const dbs = await Promise.all(Array.from({ length: READERS }, () => open(file, { readOnly: true, timeout: 5000 })));
  const statements = await Promise.all(dbs.map((db) => db.prepare(SELECT_SQL)));
  const share = ids.length / READERS;
  const began = performance.now();
  const sums = await Promise.all(statements.map(async (statement, reader) => {
    let sum = 0;
    for (let i = reader * share; i < (reader + 1) * share; i++) sum += (await statement.get(ids[i])).id;
    return sum;
  }));
  results.readers_ops = opsPerSecond(ids.length, began);
  await Promise.all(dbs.map((db) => db.close()));
  sums.forEach(check);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function gap(results) {
  const db = await open(':memory:');
  const query = await db.prepare(COUNT_SQL);
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 10);
  await sleep(100);
  const began = performance.now();
  const row = await query.get();
  const elapsed = performance.now() - began;
  await sleep(100);
  clearInterval(timer);
  await db.close();
  if (Number(row.n) !== COUNT_TO) throw new Error(`counted ${row.n}`);
  results.gap_ms = max;
  results.gap_query_ms = elapsed;
}

async function main() {
  const workloads = (process.argv[2] || 'select,readers,gap').split(',');
  const ownDir = !process.argv[3];
  const dir = process.argv[3] || fs.mkdtempSync(path.join(os.tmpdir(), 'tock-sqlite-bench-'));
  const file = path.join(dir, `wal-${process.pid}.db`);
  const results = { api: 'tock:sqlite' };
  try {
    if (workloads.includes('select') || workloads.includes('readers')) {
      makeWalDb(file);
      const ids = randomIds(ROWS, ROWS);
      if (workloads.includes('select')) await select(file, ids, results);
      if (workloads.includes('readers')) await readers(file, ids, results);
    }
    if (workloads.includes('gap')) await gap(results);
  } finally {
    removeDb(file);
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

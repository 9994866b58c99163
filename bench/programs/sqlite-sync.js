// bench/sqlite.py: the synchronous SQLite workloads in one API — node:sqlite
// (tock, bun), better-sqlite3 (node) or bun:sqlite (bun) — each timed inside
// the program with performance.now() (start-up and set-up excluded), the
// results printed as one JSON line:
//   insert  100,000 INSERTs into t(id INTEGER PRIMARY KEY, name TEXT, value REAL)
//           in one transaction, one prepared statement reused: ops/s
//   select  100,000 `SELECT * FROM t WHERE id = ?` on that table, random ids
//           (the same xorshift sequence everywhere), one prepared statement: ops/s
//   scan    `SELECT * FROM t` over 1,000,000 rows with iterate() (every API
//           here has it; no API holds all the rows at once): rows/s
//   gap     the largest gap between the ticks of a 10 ms setInterval while one
//           query of about a second (a recursive CTE counting to 4,500,000)
//           runs — for a synchronous API, about the query's length: ms
//
// Usage: <runtime> sqlite-sync.js [api] [workloads] [dir]
//   api        node:sqlite | better-sqlite3 | bun:sqlite; by default bun:sqlite
//              on bun, else node:sqlite, else better-sqlite3 (found in
//              $PEERS/node_modules, else from the working directory)
//   workloads  comma-separated, by default insert,select,scan,gap
//   dir        where the databases go: scan.db (the 1,000,000 rows, made when
//              missing and left for the next run) and this run's own insert
//              database (deleted); by default a temporary directory, deleted
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROWS = 100000;
const SCAN_ROWS = 1000000;
const COUNT_TO = 4500000;
const COUNT_SQL = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < ${COUNT_TO}) SELECT count(*) AS n FROM c`;
const SCHEMA = 'CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, name TEXT, value REAL)';
const FILL_SQL = `INSERT INTO t (id, name, value)
  WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < ${SCAN_ROWS})
  SELECT x, 'name ' || x, x * 1.5 FROM c`;

function defaultApi() {
  if (typeof Bun !== 'undefined') return 'bun:sqlite';
  try {
    require('node:sqlite');
    return 'node:sqlite';
  } catch {
    return 'better-sqlite3';
  }
}

// open(file): a database with exec(sql) and prepare(sql) -> { run, get,
// iterate }, the same names in all three APIs.
function opener(api) {
  if (api === 'node:sqlite') {
    const { DatabaseSync } = require('node:sqlite');
    return (file) => new DatabaseSync(file);
  }
  if (api === 'bun:sqlite') {
    const { Database } = require('bun:sqlite');
    return (file) => new Database(file);
  }
  if (api === 'better-sqlite3') {
    let Database;
    try {
      Database = require(path.join(process.env.PEERS || '', 'node_modules', 'better-sqlite3'));
    } catch {
      Database = require(require.resolve('better-sqlite3', { paths: [process.cwd(), __dirname] }));
    }
    return (file) => new Database(file);
  }
  throw new Error(`unknown api ${api}`);
}

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

function insertAndSelect(open, dir, workloads, results) {
  const file = path.join(dir, `insert-${process.pid}.db`);
  removeDb(file);
  const db = open(file);
  try {
    db.exec(SCHEMA);
    const insert = db.prepare('INSERT INTO t (id, name, value) VALUES (?, ?, ?)');
    const began = performance.now();
    db.exec('BEGIN');
    for (let i = 1; i <= ROWS; i++) insert.run(i, `name ${i}`, i * 1.5);
    db.exec('COMMIT');
    const elapsed = performance.now() - began;
    if (workloads.includes('insert')) results.insert_ops = ROWS / (elapsed / 1000);
    if (workloads.includes('select')) {
      const select = db.prepare('SELECT * FROM t WHERE id = ?');
      const ids = randomIds(ROWS, ROWS);
      let sum = 0;
      const began = performance.now();
      for (const id of ids) sum += select.get(id).id;
      const elapsed = performance.now() - began;
      if (sum === 0) throw new Error('no rows selected');
      results.select_ops = ROWS / (elapsed / 1000);
    }
  } finally {
    db.close();
    removeDb(file);
  }
}

function scan(open, dir, results) {
  const file = path.join(dir, 'scan.db');
  let db = open(file);
  db.exec(SCHEMA);
  if (db.prepare('SELECT count(*) AS n FROM t').get().n !== SCAN_ROWS) {
    db.exec('DELETE FROM t');
    db.exec(FILL_SQL);
  }
  db.close();
  db = open(file);
  try {
    const all = db.prepare('SELECT * FROM t');
    let rows = 0;
    let sum = 0;
    const began = performance.now();
    for (const row of all.iterate()) {
      rows++;
      sum += row.value;
    }
    const elapsed = performance.now() - began;
    if (rows !== SCAN_ROWS || sum === 0) throw new Error(`scanned ${rows} rows`);
    results.scan_rows = rows / (elapsed / 1000);
  } finally {
    db.close();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function gap(open, results) {
  const db = open(':memory:');
  const query = db.prepare(COUNT_SQL);
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 10);
  await sleep(100);
  const began = performance.now();
  const row = query.get();
  const elapsed = performance.now() - began;
  await sleep(100);
  clearInterval(timer);
  db.close();
  if (Number(row.n) !== COUNT_TO) throw new Error(`counted ${row.n}`);
  results.gap_ms = max;
  results.gap_query_ms = elapsed;
}

async function main() {
  const api = process.argv[2] || defaultApi();
  const workloads = (process.argv[3] || 'insert,select,scan,gap').split(',');
  const open = opener(api);
  const ownDir = !process.argv[4];
  const dir = process.argv[4] || fs.mkdtempSync(path.join(os.tmpdir(), 'tock-sqlite-bench-'));
  const results = { api };
  try {
    if (workloads.includes('insert') || workloads.includes('select')) insertAndSelect(open, dir, workloads, results);
    if (workloads.includes('scan')) scan(open, dir, results);
    if (workloads.includes('gap')) await gap(open, results);
  } finally {
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

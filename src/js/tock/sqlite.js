// tock:sqlite — SQLite that awaits. `await open(path, options)` gives a
// database whose queries run on a thread of its own (one ordered queue per
// connection; several connections read at once on a WAL database): each
// call returns a promise, settled by an I/O completion — a macrotask — so
// the loop keeps running while SQLite works. Options, values and errors
// are node:sqlite's. Every call takes a last `{ signal }` to abort.
//
//   const db = await open('app.db');
//   await db.run('INSERT INTO t (name) VALUES (?)', 'ada');
//   const rows = await db.all('SELECT * FROM t WHERE id > ?', 1);
//   for await (const row of db.iterate('SELECT * FROM t')) …
//   await db.transaction(async (tx) => { await tx.run(…); });

const nodeSqlite = require('node/sqlite');
const { abortError } = require('internal/abort');

const sqlite = native.sqlite;
const shared = nodeSqlite[Object.getOwnPropertySymbols(nodeSqlite)[0]];
const { readOptions, checkPath, mustBe, isNamed } = shared;
const kCreate = Symbol('create');
// Rows a cursor brings back per completion.
const kBatch = 256;

const asyncOptions = [
  ['readOnly', 'boolean', false],
  ['enableForeignKeyConstraints', 'boolean', true],
  ['enableDoubleQuotedStringLiterals', 'boolean', false],
  ['timeout', 'integer', 0],
  ['readBigInts', 'boolean', false],
  ['returnArrays', 'boolean', false],
];

function checkSignal(signal) {
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw mustBe('options.signal', 'an instance of AbortSignal');
  }
}

// A call's last argument `{ signal }` (an object with a signal and nothing
// else) is its options, not a named parameter.
function splitOptions(args) {
  const last = args[args.length - 1];
  if (args.length > 0 && last !== null && typeof last === 'object' && !ArrayBuffer.isView(last) &&
      Object.keys(last).length === 1 && 'signal' in last) {
    args.pop();
    checkSignal(last.signal);
    return last.signal;
  }
  return undefined;
}

// What a query binds: named parameters first (an object), then positional.
function splitParams(params) {
  const named = params.length > 0 && isNamed(params[0]) ? params.shift() : undefined;
  return [named, params];
}

// --- the connection ---

// One connection's queue, as JavaScript sees it. While a transaction runs,
// calls from outside it wait for it to end; the transaction's own go first.
class Connection {
  id;
  flags;
  closed = false;
  #transaction = null;
  #waiting = [];
  constructor(id, flags) {
    this.id = id;
    this.flags = flags;
  }

  // Sends a job; `owner` is the transaction asking, if any.
  send(kind, sql, named, positional, signal, owner, extra) {
    if (this.#transaction !== null && owner !== this.#transaction) {
      return new Promise((resolve) => this.#waiting.push(resolve)).then(() =>
        this.send(kind, sql, named, positional, signal, owner, extra));
    }
    if (this.closed) return Promise.reject(notOpen());
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        settled = true;
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const flags = extra ? { ...this.flags, ...extra } : this.flags;
      const sent = sqlite.job(this.id, kind, sql, [named, positional ?? []], flags, (err, answer) => {
        signal?.removeEventListener('abort', onAbort);
        if (settled) return;
        if (err) reject(err);
        else resolve(answer);
      });
      if (!sent) {
        signal?.removeEventListener('abort', onAbort);
        reject(notOpen());
      }
    });
  }

  // Runs `body` as the transaction `owner`: others wait until it ends.
  async exclusive(owner, body) {
    while (this.#transaction !== null) await new Promise((resolve) => this.#waiting.push(resolve));
    this.#transaction = owner;
    try {
      return await body();
    } finally {
      this.#transaction = null;
      const waiting = this.#waiting;
      this.#waiting = [];
      for (const resume of waiting) resume();
    }
  }
}

const notOpen = () => {
  const err = new Error('database is not open');
  err.code = 'ERR_INVALID_STATE';
  return err;
};

// The queries a database, a transaction and a statement share.
class Queries {
  #connection;
  #owner;
  constructor(connection, owner) {
    this.#connection = connection;
    this.#owner = owner;
  }

  #query(kind, sql, params) {
    if (typeof sql !== 'string') return Promise.reject(mustBe('sql', 'a string'));
    const signal = splitOptions(params);
    const [named, positional] = splitParams(params);
    return this.#connection.send(kind, sql, named, positional, signal, this.#owner);
  }

  exec(sql, options) {
    if (typeof sql !== 'string') return Promise.reject(mustBe('sql', 'a string'));
    checkSignal(options?.signal);
    return this.#connection.send('exec', sql, undefined, [], options?.signal, this.#owner);
  }

  run(sql, ...params) {
    return this.#query('run', sql, params);
  }

  get(sql, ...params) {
    return this.#query('get', sql, params);
  }

  all(sql, ...params) {
    return this.#query('all', sql, params);
  }

  // Rows streamed kBatch at a time: the next batch is asked for when the
  // last is used up, so a slow consumer holds few rows.
  iterate(sql, ...params) {
    if (typeof sql !== 'string') throw mustBe('sql', 'a string');
    const signal = splitOptions(params);
    const [named, positional] = splitParams(params);
    const connection = this.#connection;
    const owner = this.#owner;
    return (async function* rows() {
      const cursor = String(nextCursor++);
      await connection.send('cursor', cursor, named, positional, signal, owner, { sql });
      let done = false;
      try {
        while (!done) {
          const [batch, last] = await connection.send('next', cursor, undefined, [], signal, owner, { rows: kBatch });
          done = last;
          yield* batch;
        }
      } finally {
        if (!done && !connection.closed) await connection.send('end', cursor, undefined, [], undefined, owner);
      }
    })();
  }

  async prepare(sql, options) {
    if (typeof sql !== 'string') throw mustBe('sql', 'a string');
    checkSignal(options?.signal);
    const columns = await this.#connection.send('prepare', sql, undefined, [], options?.signal, this.#owner);
    return new Statement(kCreate, this, sql, columns);
  }
}
let nextCursor = 1;

// A transaction: BEGIN, the body, COMMIT when it returns (ROLLBACK when it
// throws). A nested one is a savepoint of its parent, with the same owner.
function transaction(connection, body, owner, depth) {
  if (typeof body !== 'function') return Promise.reject(mustBe('fn', 'a function'));
  const run = async () => {
    const tx = new Transaction(kCreate, connection, owner, depth + 1);
    const name = `tock_${depth}`;
    const exec = (sql) => connection.send('exec', sql, undefined, [], undefined, owner);
    await exec(depth === 0 ? 'BEGIN' : `SAVEPOINT ${name}`);
    let value;
    try {
      value = await body(tx);
    } catch (err) {
      if (!connection.closed) await exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`).catch(() => {});
      throw err;
    }
    await exec(depth === 0 ? 'COMMIT' : `RELEASE ${name}`);
    return value;
  };
  return depth === 0 ? connection.exclusive(owner, run) : run();
}

class Transaction extends Queries {
  #connection;
  #owner;
  #depth;
  constructor(token, connection, owner, depth) {
    if (token !== kCreate) throw illegal();
    super(connection, owner);
    this.#connection = connection;
    this.#owner = owner;
    this.#depth = depth;
  }

  transaction(body) {
    return transaction(this.#connection, body, this.#owner, this.#depth);
  }
}

class Database extends Queries {
  #connection;
  #location;
  constructor(token, connection, location) {
    if (token !== kCreate) throw illegal();
    super(connection, null);
    this.#connection = connection;
    this.#location = location;
  }

  get isOpen() {
    return !this.#connection.closed;
  }

  get location() {
    return this.#location;
  }

  transaction(body) {
    return transaction(this.#connection, body, {}, 0);
  }

  // Waits for the queries queued before it, then closes.
  async close() {
    const connection = this.#connection;
    if (connection.closed) throw notOpen();
    await connection.exclusive({}, async () => {
      const done = new Promise((resolve, reject) => {
        sqlite.job(connection.id, 'close', '', [undefined, []], connection.flags, (err) => (err ? reject(err) : resolve()));
      });
      connection.closed = true;
      await done;
    });
  }

  async [Symbol.asyncDispose]() {
    if (!this.#connection.closed) await this.close();
  }
}

class Statement {
  #queries;
  #sql;
  #columns;
  constructor(token, queries, sql, columns) {
    if (token !== kCreate) throw illegal();
    this.#queries = queries;
    this.#sql = sql;
    this.#columns = columns;
  }

  get sourceSQL() {
    return this.#sql;
  }

  // The names of the columns its rows have.
  get columnNames() {
    return [...this.#columns];
  }

  run(...params) {
    return this.#queries.run(this.#sql, ...params);
  }

  get(...params) {
    return this.#queries.get(this.#sql, ...params);
  }

  all(...params) {
    return this.#queries.all(this.#sql, ...params);
  }

  iterate(...params) {
    return this.#queries.iterate(this.#sql, ...params);
  }
}

const illegal = () => {
  const err = new TypeError('Illegal constructor');
  err.code = 'ERR_ILLEGAL_CONSTRUCTOR';
  return err;
};

// open(path, options): the database, once its connection is open.
function open(path, options) {
  let location;
  let read;
  try {
    location = checkPath(path);
    if (options !== undefined && (options === null || typeof options !== 'object')) throw mustBe('options', 'an object');
    read = readOptions(options, asyncOptions);
    checkSignal(options?.signal);
  } catch (err) {
    return Promise.reject(err);
  }
  if (options?.signal?.aborted) return Promise.reject(abortError(options.signal));
  const flags = { readBigInts: read.readBigInts, returnArrays: read.returnArrays };
  return new Promise((resolve, reject) => {
    const id = sqlite.connect(location, read, (err) => {
      if (err) reject(err);
      else resolve(new Database(kCreate, new Connection(id, flags), location));
    });
  });
}

module.exports = { open, Database, Statement, Transaction };

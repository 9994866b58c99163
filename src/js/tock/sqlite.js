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
const { readOptions, checkPath, mustBe } = shared;
const kCreate = Symbol('create');

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

// --- the connection ---

// One connection's queue, as JavaScript sees it: each job's answer is a
// promise the natives make and settle. While a transaction runs, calls from
// outside it wait for it to end; the transaction's own go first.
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

  // Sends a job (kinds as src/host/sqlite.rs numbers them); `owner` is the
  // transaction asking, if any; `cursor` names an iteration's rows.
  // `params`: the named ones first (an object), then the positional ones.
  send(kind, sql, params, signal, owner, cursor = 0) {
    if (this.#transaction !== null && owner !== this.#transaction) {
      return new Promise((resolve) => this.#waiting.push(resolve)).then(() =>
        this.send(kind, sql, params, signal, owner, cursor));
    }
    if (this.closed) return Promise.reject(notOpen());
    if (signal?.aborted) return Promise.reject(abortError(signal));
    // kind, flags and the cursor a job is about, in one number.
    const answer = sqlite.job(this.id, kind + this.flags + cursor * 256, sql, params);
    if (answer === false) return Promise.reject(notOpen());
    if (signal === undefined) return answer;
    // Aborted: rejected at once; the answer, when it comes, is dropped.
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
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

// Job kinds and flags, as src/host/sqlite.rs reads them.
const EXEC = 0;
const PREPARE = 1;
const RUN = 2;
const GET = 3;
const ALL = 4;
const CURSOR = 5;
const NEXT = 6;
const END = 7;
const CLOSE = 8;
const READ_BIG_INTS = 16;
const RETURN_ARRAYS = 32;

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

  // A query's parameters: named ones first (an object), then positional,
  // then perhaps `{ signal }` (src/host/sqlite.rs tells the named apart).
  query(kind, sql, params) {
    if (typeof sql !== 'string') return Promise.reject(mustBe('sql', 'a string'));
    const signal = params.length === 0 ? undefined : splitOptions(params);
    return this.#connection.send(kind, sql, params, signal, this.#owner);
  }

  exec(sql, options) {
    if (typeof sql !== 'string') return Promise.reject(mustBe('sql', 'a string'));
    checkSignal(options?.signal);
    return this.#connection.send(EXEC, sql, [], options?.signal, this.#owner);
  }

  run(sql, ...params) {
    return this.query(RUN, sql, params);
  }

  get(sql, ...params) {
    return this.query(GET, sql, params);
  }

  all(sql, ...params) {
    return this.query(ALL, sql, params);
  }

  // Rows streamed 256 at a time (src/host/sqlite.rs): the next batch is asked for when the
  // last is used up, so a slow consumer holds few rows.
  iterate(sql, ...params) {
    if (typeof sql !== 'string') throw mustBe('sql', 'a string');
    const signal = splitOptions(params);
    const connection = this.#connection;
    const owner = this.#owner;
    return (async function* rows() {
      const cursor = nextCursor++;
      await connection.send(CURSOR, sql, params, signal, owner, cursor);
      let done = false;
      try {
        while (!done) {
          const [batch, last] = await connection.send(NEXT, '', [], signal, owner, cursor);
          done = last;
          yield* batch;
        }
      } finally {
        if (!done && !connection.closed) await connection.send(END, '', [], undefined, owner, cursor);
      }
    })();
  }

  async prepare(sql, options) {
    if (typeof sql !== 'string') throw mustBe('sql', 'a string');
    checkSignal(options?.signal);
    const columns = await this.#connection.send(PREPARE, sql, [], options?.signal, this.#owner);
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
    const exec = (sql) => connection.send(EXEC, sql, [], undefined, owner);
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
    const owner = {};
    await connection.exclusive(owner, async () => {
      const done = connection.send(CLOSE, '', [], undefined, owner);
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
    return this.#queries.query(RUN, this.#sql, params);
  }

  get(...params) {
    return this.#queries.query(GET, this.#sql, params);
  }

  all(...params) {
    return this.#queries.query(ALL, this.#sql, params);
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
  const flags = (read.readBigInts ? READ_BIG_INTS : 0) | (read.returnArrays ? RETURN_ARRAYS : 0);
  return new Promise((resolve, reject) => {
    const id = sqlite.connect(location, read, (err) => {
      if (err) reject(err);
      else resolve(new Database(kCreate, new Connection(id, flags), location));
    });
  });
}

module.exports = { open, Database, Statement, Transaction };

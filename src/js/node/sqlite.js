// node:sqlite (Node 24's API): DatabaseSync, StatementSync, Session,
// backup and constants. Every call runs at once on the JavaScript thread,
// as in Node; src/host/sqlite.rs does the SQLite work and the conversions,
// this file checks arguments and state with Node's messages. (tock:sqlite
// is the asynchronous API.) Available only as `node:sqlite`, as in Node.


const sqlite = native.sqlite;
const kCreate = Symbol('create');
const kSqliteType = Symbol.for('sqlite-type');

// Errors made as Node's C++ makes them: the code a property, not in the message.
function nativeError(Type, code, message) {
  const err = new Type(message);
  err.code = code;
  return err;
}
const argType = (message) => nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', message);
const invalidState = (message) => nativeError(Error, 'ERR_INVALID_STATE', message);
const mustBe = (name, what) => argType(`The "${name}" argument must be ${what}.`);

function checkBoolean(value, name) {
  if (typeof value !== 'boolean') throw mustBe(name, 'a boolean');
}

// A path: a string, a Uint8Array or a file: URL, without NUL.
function checkPath(path, name = 'path') {
  if (typeof path === 'string' && !path.includes('\0')) return path;
  if (path instanceof Uint8Array && !path.includes(0)) return Buffer.from(path).toString();
  if (path !== null && typeof path === 'object' && typeof path.href === 'string' && !path.href.includes('\0')) {
    if (!path.href.startsWith('file:')) throw nativeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file:');
    return path.href;
  }
  throw mustBe(name, 'a string, Uint8Array, or URL without null bytes');
}

const databaseOptions = [
  ['open', 'boolean', true],
  ['readOnly', 'boolean', false],
  ['enableForeignKeyConstraints', 'boolean', true],
  ['enableDoubleQuotedStringLiterals', 'boolean', false],
  ['allowExtension', 'boolean', false],
  ['timeout', 'integer', 0],
  ['readBigInts', 'boolean', false],
  ['returnArrays', 'boolean', false],
  ['allowBareNamedParameters', 'boolean', true],
  ['allowUnknownNamedParameters', 'boolean', false],
];

// The options of a DatabaseSync (or of tock:sqlite's open), checked in
// Node's order; undefined keeps a default.
function readOptions(options, table = databaseOptions) {
  const read = {};
  for (const [name, type, fallback] of table) {
    const value = options?.[name];
    if (value === undefined) {
      read[name] = fallback;
    } else if (type === 'boolean' ? typeof value !== 'boolean' : !Number.isInteger(value) || value !== (value | 0)) {
      throw mustBe(`options.${name}`, type === 'boolean' ? 'a boolean' : 'an integer');
    } else {
      read[name] = value;
    }
  }
  return read;
}

// --- DatabaseSync ---

class DatabaseSync {
  #id = 0;
  #location;
  #options;
  constructor(path, options) {
    this.#location = checkPath(path);
    if (arguments.length > 1 && (options === null || typeof options !== 'object')) throw mustBe('options', 'an object');
    this.#options = readOptions(options);
    if (this.#options.open) this.open();
  }

  #db() {
    if (this.#id === 0) throw invalidState('database is not open');
    return this.#id;
  }

  open() {
    if (this.#id !== 0) throw invalidState('database is already open');
    this.#id = sqlite.open(this.#location, this.#options);
  }

  close() {
    sqlite.close(this.#db());
    this.#id = 0;
  }

  [Symbol.dispose]() {
    if (this.#id !== 0) {
      try {
        this.close();
      } catch {}
    }
  }

  get isOpen() {
    return this.#id !== 0;
  }

  get isTransaction() {
    return sqlite.isTransaction(this.#db());
  }

  location(dbName) {
    const db = this.#db();
    if (dbName !== undefined && typeof dbName !== 'string') throw mustBe('dbName', 'a string');
    return sqlite.location(db, dbName ?? 'main') ?? null;
  }

  exec(sql) {
    const db = this.#db();
    if (typeof sql !== 'string') throw mustBe('sql', 'a string');
    sqlite.exec(db, sql);
  }

  prepare(sql, options) {
    const db = this.#db();
    if (typeof sql !== 'string') throw mustBe('sql', 'a string');
    if (options !== undefined && (options === null || typeof options !== 'object')) throw mustBe('options', 'an object');
    const defaults = this.#options;
    const flag = (name) => {
      const value = options?.[name];
      if (value === undefined) return defaults[name];
      checkBoolean(value, `options.${name}`);
      return value;
    };
    const big = flag('readBigInts');
    const arrays = flag('returnArrays');
    const bare = flag('allowBareNamedParameters');
    const unknown = flag('allowUnknownNamedParameters');
    return new StatementSync(kCreate, sqlite.prepare(db, sql, big, arrays, bare, unknown));
  }

  function(name, options, fn) {
    const db = this.#db();
    if (typeof name !== 'string') throw mustBe('name', 'a string');
    if (arguments.length < 3) {
      fn = options;
      options = {};
    } else if (options === null || typeof options !== 'object') {
      throw mustBe('options', 'an object');
    }
    const flags = {};
    for (const key of ['useBigIntArguments', 'varargs', 'deterministic', 'directOnly']) {
      const value = options[key];
      if (value !== undefined) checkBoolean(value, `options.${key}`);
      flags[key] = value === true;
    }
    if (typeof fn !== 'function') throw mustBe('function', 'a function');
    sqlite.function(db, name, flags, fn, flags.varargs ? -1 : fn.length);
  }

  aggregate(name, options) {
    const db = this.#db();
    if (typeof name !== 'string') throw mustBe('name', 'a string');
    if (options === null || typeof options !== 'object') throw mustBe('options', 'an object');
    const { start, step, inverse } = options;
    if (start === undefined) throw mustBe('options.start', 'a function or a primitive value');
    if (typeof step !== 'function') throw mustBe('options.step', 'a function');
    const flags = { start, step };
    for (const key of ['useBigIntArguments', 'varargs', 'directOnly']) {
      const value = options[key];
      if (value !== undefined) checkBoolean(value, `options.${key}`);
      flags[key] = value === true;
    }
    if (inverse !== undefined && typeof inverse !== 'function') throw mustBe('options.inverse', 'a function');
    if (inverse) flags.inverse = inverse;
    if (typeof options.result === 'function') flags.result = options.result;
    // start is called with this = null, step and inverse with undefined.
    if (typeof start === 'function') flags.start = () => Reflect.apply(start, null, []);
    if (flags.result) {
      const result = flags.result;
      flags.result = (acc) => Reflect.apply(result, null, [acc]);
    }
    const arity = (f) => Math.max(f.length - 1, 0);
    const count = flags.varargs ? -1 : Math.max(arity(step), inverse ? arity(inverse) : 0);
    sqlite.aggregate(db, name, flags, count);
  }

  createSession(options) {
    let table = null;
    let dbName = 'main';
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') throw mustBe('options', 'an object');
      if (Object.hasOwn(options, 'table')) {
        if (typeof options.table !== 'string') throw mustBe('options.table', 'a string');
        table = options.table;
      }
      if (Object.hasOwn(options, 'db')) {
        if (typeof options.db !== 'string') throw mustBe('options.db', 'a string');
        dbName = options.db;
      }
    }
    const db = this.#db();
    return new Session(kCreate, this, sqlite.createSession(db, table, dbName));
  }

  applyChangeset(changeset, options) {
    const db = this.#db();
    if (!(changeset instanceof Uint8Array)) throw mustBe('changeset', 'a Uint8Array');
    let filter;
    let onConflict;
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') throw mustBe('options', 'an object');
      if (options.onConflict !== undefined && typeof options.onConflict !== 'function') throw mustBe('options.onConflict', 'a function');
      onConflict = options.onConflict;
      if (Object.hasOwn(options, 'filter')) {
        if (typeof options.filter !== 'function') throw mustBe('options.filter', 'a function');
        const keep = options.filter;
        filter = (table) => Boolean(Reflect.apply(keep, null, [table]));
      }
    }
    const conflict = onConflict === undefined
      ? () => constants.SQLITE_CHANGESET_ABORT
      : (kind) => {
        const action = Reflect.apply(onConflict, null, [kind]);
        return Number.isInteger(action) && action === (action | 0) ? action : -1;
      };
    return sqlite.applyChangeset(db, changeset, filter, conflict);
  }

  enableLoadExtension(allow) {
    checkBoolean(allow, 'allow');
    if (allow && !this.#options.allowExtension) {
      throw invalidState('Cannot enable extension loading because it was disabled at database creation.');
    }
    this.#extensions = allow;
    sqlite.enableLoadExtension(this.#db(), allow);
  }

  #extensions = null;

  loadExtension(path, entryPoint) {
    const db = this.#db();
    if (!(this.#extensions ?? this.#options.allowExtension)) throw invalidState('extension loading is not allowed');
    if (typeof path !== 'string') throw mustBe('path', 'a string');
    try {
      sqlite.loadExtension(db, path, entryPoint);
    } catch (err) {
      throw err.code === 'ERR_SQLITE_ERROR' ? nativeError(Error, 'ERR_LOAD_SQLITE_EXTENSION', err.message) : err;
    }
  }

  // For sqlite.backup.
  static [kCreate](db) {
    return db.#db();
  }
}
Object.defineProperty(DatabaseSync.prototype, kSqliteType, { value: 'node:sqlite', configurable: true });

// --- StatementSync ---


class StatementSync {
  #id;
  constructor(token, id) {
    if (token !== kCreate) throw nativeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    this.#id = id;
  }

  // The natives take the named parameters, if any, as the first value.
  run(...params) {
    return sqlite.query(this.#id, 0, params);
  }

  get(...params) {
    return sqlite.query(this.#id, 1, params);
  }

  all(...params) {
    return sqlite.query(this.#id, 2, params);
  }

  iterate(...params) {
    const id = this.#id;
    return new StatementSyncIterator(kCreate, id, sqlite.iterate(id, params));
  }

  columns() {
    return sqlite.columns(this.#id);
  }

  get sourceSQL() {
    return sqlite.sql(this.#id, false);
  }

  get expandedSQL() {
    return sqlite.sql(this.#id, true);
  }

  setReadBigInts(readBigInts) {
    this.#set('readBigInts', readBigInts, 'readBigInts');
  }

  setReturnArrays(returnArrays) {
    this.#set('returnArrays', returnArrays, 'returnArrays');
  }

  setAllowBareNamedParameters(allow) {
    this.#set('allowBareNamedParameters', allow, 'allowBareNamedParameters');
  }

  setAllowUnknownNamedParameters(enabled) {
    this.#set('allowUnknownNamedParameters', enabled, 'enabled');
  }

  #set(flag, value, name) {
    sqlite.sql(this.#id, false); // finalized first
    checkBoolean(value, name);
    sqlite.set(this.#id, flag, value);
  }
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const result = (done, value) => ({ __proto__: null, done, value });

class StatementSyncIterator {
  #statement;
  #run;
  #done = false;
  constructor(token, statement, run) {
    if (token !== kCreate) throw nativeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    this.#statement = statement;
    this.#run = run;
  }

  next() {
    if (this.#done) {
      sqlite.sql(this.#statement, false); // finalized first
      return result(true, null);
    }
    const row = sqlite.next(this.#statement, this.#run);
    if (row === undefined) {
      this.#done = true;
      return result(true, null);
    }
    return result(false, row);
  }

  return() {
    sqlite.endIterate(this.#statement, this.#run);
    this.#done = true;
    return result(true, null);
  }
}
Object.setPrototypeOf(StatementSyncIterator.prototype, IteratorPrototype);

// --- Session ---

class Session {
  #db;
  #id;
  constructor(token, db, id) {
    if (token !== kCreate) throw nativeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    this.#db = db;
    this.#id = id;
  }

  #changes(patch) {
    if (!this.#db.isOpen) throw invalidState('database is not open');
    const changes = this.#id === 0 ? undefined : sqlite.changes(this.#id, patch);
    if (changes === undefined) throw invalidState('session is not open');
    return changes;
  }

  changeset() {
    return this.#changes(false);
  }

  patchset() {
    return this.#changes(true);
  }

  close() {
    this.#changes(false);
    sqlite.closeSession(this.#id);
    this.#id = 0;
  }

  [Symbol.dispose]() {
    try {
      this.close();
    } catch {}
  }
}

// --- backup ---

// Copies a database to a file, `rate` pages a step, telling `progress`
// between steps; resolves with the pages copied. (The steps run at once on
// this thread: Node runs them on its threadpool.)
function backup(sourceDb, path, options) {
  if (!(sourceDb instanceof DatabaseSync)) throw mustBe('sourceDb', 'an object');
  const db = DatabaseSync[kCreate](sourceDb);
  const target = checkPath(path);
  if (arguments.length > 2 && (options === null || typeof options !== 'object')) throw mustBe('options', 'an object');
  const rate = options?.rate ?? 100;
  if (!Number.isInteger(rate) || rate !== (rate | 0)) throw mustBe('options.rate', 'an integer');
  const source = options?.source ?? 'main';
  if (typeof source !== 'string') throw mustBe('options.source', 'a string');
  const targetDb = options?.target ?? 'main';
  if (typeof targetDb !== 'string') throw mustBe('options.target', 'a string');
  const progress = options?.progress;
  if (progress !== undefined && typeof progress !== 'function') throw mustBe('options.progress', 'a function');
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        const report = progress && ((info) => Reflect.apply(progress, null, [info]));
        const pages = sqlite.backup(db, target, source, targetDb, rate, report);
        if (typeof pages === 'number') resolve(pages);
        else reject(pages);
      } catch (err) {
        reject(err);
      }
    });
  });
}
Object.defineProperty(backup, 'length', { value: 2 });

const constants = {
  SQLITE_CHANGESET_OMIT: 0,
  SQLITE_CHANGESET_REPLACE: 1,
  SQLITE_CHANGESET_ABORT: 2,
  SQLITE_CHANGESET_DATA: 1,
  SQLITE_CHANGESET_NOTFOUND: 2,
  SQLITE_CHANGESET_CONFLICT: 3,
  SQLITE_CHANGESET_CONSTRAINT: 4,
  SQLITE_CHANGESET_FOREIGN_KEY: 5,
};

// Called without `new`, as Node's classes answer.
const construct = (Class, Type, code, message) =>
  new Proxy(Class, {
    apply() {
      throw nativeError(Type, code, message);
    },
  });

module.exports = {
  DatabaseSync: construct(DatabaseSync, TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`'),
  StatementSync: construct(StatementSync, TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'),
  Session: construct(Session, TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'),
  backup,
  constants,
};
// What tock:sqlite shares.
Object.defineProperty(module.exports, kCreate, { value: { readOptions, checkPath, mustBe } });

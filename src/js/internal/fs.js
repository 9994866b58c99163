// node:fs and node:fs/promises. Every operation is described once — how its
// arguments become a native operation (src/host/fs.rs) and how the result
// becomes what Node returns — and the three API styles are made from that:
// promises, callbacks (both completed as I/O macrotasks in the poll phase)
// and *Sync (done on the spot).

const { Buffer, FastBuffer } = require('internal/buffer');
const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const pathModule = require('internal/path').path;

const constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o40000, S_IFCHR: 0o20000, S_IFBLK: 0o60000,
  S_IFIFO: 0o10000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  O_CREAT: 0o100, O_EXCL: 0o200, UV_FS_O_FILEMAP: 0, O_NOCTTY: 0o400, O_TRUNC: 0o1000, O_APPEND: 0o2000,
  O_DIRECTORY: 0o200000, O_NOATIME: 0o1000000, O_NOFOLLOW: 0o400000, O_SYNC: 0o4010000, O_DSYNC: 0o10000,
  O_DIRECT: 0o40000, O_NONBLOCK: 0o4000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
  S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};
const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC } = constants;

// --- arguments ---

const flagTable = {
  r: O_RDONLY, rs: O_RDONLY | O_SYNC, sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR, 'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY, wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL, xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR, 'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL, 'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY, ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL, xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC, sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR, 'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC, 'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

function invalidArgValue(name, value, reason = 'is invalid') {
  return codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${inspect(value)}`);
}

function toFlags(flags, fallback) {
  if (flags === undefined || flags === null) return fallback;
  if (typeof flags === 'number') return flags;
  const value = flagTable[flags];
  if (value === undefined) throw invalidArgValue('flags', flags);
  return value;
}

function toMode(mode, fallback) {
  if ((mode === undefined || mode === null) && fallback !== undefined) return fallback;
  if (typeof mode === 'string') {
    if (!/^[0-7]+$/.test(mode)) throw invalidArgValue('mode', mode, 'must be a 32-bit unsigned integer or an octal string');
    return parseInt(mode, 8);
  }
  if (typeof mode !== 'number') throw invalidArgType('mode', 'of type number', mode);
  return mode;
}

function toPath(path, name = 'path') {
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      throw invalidArgValue(name, path, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }
  if (path instanceof Uint8Array) return toPath(Buffer.prototype.toString.call(path), name);
  if (path !== null && typeof path === 'object' && typeof path.href === 'string' && path.protocol !== undefined) {
    return require('internal/url').url.fileURLToPath(path);
  }
  throw invalidArgType(name, 'of type string or an instance of Buffer or URL', path);
}

function toFd(fd) {
  if (typeof fd !== 'number') throw invalidArgType('fd', 'of type number', fd);
  if (!Number.isInteger(fd) || fd < 0 || fd > 2 ** 31 - 1) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "fd" is out of range. It must be >= 0 && <= 2147483647. Received ${fd}`);
  }
  return fd;
}

// readFile/writeFile take a descriptor where a path would be.
const isFd = (value) => typeof value === 'number' && value >>> 0 === value;

// `options` may be an encoding name or an object.
function toOptions(options, defaults) {
  if (options === undefined || options === null) return defaults;
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw invalidArgType('options', 'one of type string or object', options);
  return { ...defaults, ...options };
}

// undefined and 'buffer' mean bytes; anything else must be an encoding.
function toEncoding(encoding) {
  if (encoding === undefined || encoding === null) return undefined;
  if (encoding !== 'buffer' && require('internal/buffer').normalizeEncoding(encoding) === undefined) {
    throw invalidArgValue('encoding', encoding, 'is invalid encoding');
  }
  return encoding;
}

function toBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding ?? 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

const decodeBytes = (encoding) => (bytes) =>
  encoding && encoding !== 'buffer' ? Buffer.prototype.toString.call(new Uint8Array(bytes), encoding) : new FastBuffer(bytes);

// --- results ---

function dateOf(ms) {
  return new Date(Math.round(ms));
}

class Stats {
  // `fields`: { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  // atimeMs, mtimeMs, ctimeMs, birthtimeMs } from the native.
  constructor(fields) {
    Object.assign(this, fields);
    this.atime = dateOf(this.atimeMs);
    this.mtime = dateOf(this.mtimeMs);
    this.ctime = dateOf(this.ctimeMs);
    this.birthtime = dateOf(this.birthtimeMs);
  }
}

const kType = Symbol('type');
class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this[kType] = type;
  }
}

// isFile() … isSocket() on both, from the mode bits or the dirent type.
const kinds = [
  ['isFile', constants.S_IFREG, 1], ['isDirectory', constants.S_IFDIR, 2], ['isSymbolicLink', constants.S_IFLNK, 3],
  ['isFIFO', constants.S_IFIFO, 4], ['isSocket', constants.S_IFSOCK, 5], ['isCharacterDevice', constants.S_IFCHR, 6],
  ['isBlockDevice', constants.S_IFBLK, 7],
];
for (const [method, modeBits, direntType] of kinds) {
  Stats.prototype[method] = function () {
    return (this.mode & constants.S_IFMT) === modeBits;
  };
  Dirent.prototype[method] = function () {
    return this[kType] === direntType;
  };
}

// A failed fs call: Node's message, errno, code, syscall, path and dest
// (require('internal/errors').uvException), or one of the fs-specific errors.
function uvError(info) {
  const { code, errno, description, syscall, path } = info;
  if (syscall === 'rm' && code === 'EISDIR') return rmIsDirectory(path, errno);
  if (code === 'ERR_FS_FILE_TOO_LARGE') return codedError(RangeError, code, `File size (${description}) is greater than 2 GiB`);
  return require('internal/errors').uvException(info);
}

// `rm` on a directory without `recursive`: Node's SystemError ERR_FS_EISDIR.
function rmIsDirectory(path, errno) {
  const info = { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: -errno };
  const err = codedError(Error, 'ERR_FS_EISDIR', `Path is a directory: rm returned EISDIR (is a directory) ${path}`);
  Object.defineProperty(err, 'name', { value: 'SystemError', configurable: true, writable: true, enumerable: false });
  err.stack = `SystemError${err.stack.slice('Error'.length)}`;
  err.info = info;
  for (const key of ['errno', 'syscall', 'path']) {
    Object.defineProperty(err, key, {
      get: () => info[key],
      set: (value) => { info[key] = value; },
      enumerable: true,
      configurable: true,
    });
  }
  return err;
}

// --- the operations ---
//
// Each takes the API's arguments (without a callback) and returns
// [native op, native arguments, result → value, what for the trace].

function readFileOp(path, options) {
  options = toOptions(options, { flag: 'r' });
  const encoding = toEncoding(options.encoding);
  const target = isFd(path) ? path : path instanceof FileHandle ? path.fd : toPath(path);
  return ['readFile', [target, toFlags(options.flag, O_RDONLY)], decodeBytes(encoding), target, options.signal];
}

function writeFileOp(defaultFlag) {
  return (path, data, options) => {
    options = toOptions(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
    const target = isFd(path) ? path : path instanceof FileHandle ? path.fd : toPath(path);
    const bytes = toBytes(data, options.encoding);
    const args = [target, bytes, toFlags(options.flag, O_WRONLY), toMode(options.mode, 0o666)];
    return ['writeFile', args, () => undefined, target, options.signal];
  };
}

function readdirOp(path, options) {
  options = toOptions(options, {});
  path = toPath(path);
  const encoding = toEncoding(options.encoding);
  const done = ({ names, types }) => {
    if (options.withFileTypes) {
      return names.map((name, i) => {
        const slash = name.lastIndexOf('/');
        if (slash === -1) return new Dirent(name, types[i], path);
        return new Dirent(name.slice(slash + 1), types[i], pathModule.join(path, name.slice(0, slash)));
      });
    }
    return encoding === 'buffer' ? names.map((name) => Buffer.from(name)) : names;
  };
  return ['readdir', [path, Boolean(options.recursive)], done, path];
}

function statOp(op) {
  return (path, options) => {
    const target = op === 'fstat' ? toFd(path) : toPath(path);
    return [op, [target], (fields) => new Stats(fields), target];
  };
}

function mkdirOp(path, options) {
  const { recursive = false, mode = 0o777 } = typeof options === 'object' && options !== null ? options : { mode: options };
  if (typeof recursive !== 'boolean') throw invalidArgType('options.recursive', 'of type boolean', recursive);
  path = toPath(path);
  return ['mkdir', [path, recursive, toMode(mode, 0o777)], (first) => first, path];
}

function rmOp(path, options = {}) {
  path = toPath(path);
  return ['rm', [path, Boolean(options.recursive), Boolean(options.force)], () => undefined, path];
}

const pathOp = (op) => (path) => {
  path = toPath(path);
  return [op, [path], () => undefined, path];
};

function renameOp(from, to) {
  from = toPath(from, 'oldPath');
  to = toPath(to, 'newPath');
  return ['rename', [from, to], () => undefined, `${from} -> ${to}`];
}

function copyFileOp(from, to, mode = 0) {
  from = toPath(from, 'src');
  to = toPath(to, 'dest');
  return ['copyFile', [from, to, toMode(mode, 0)], () => undefined, `${from} -> ${to}`];
}

function accessOp(path, mode = constants.F_OK) {
  path = toPath(path);
  return ['access', [path, toMode(mode, constants.F_OK)], () => undefined, path];
}

function chmodOp(path, mode) {
  path = toPath(path);
  return ['chmod', [path, toMode(mode)], () => undefined, path];
}

function realpathOp(path, options) {
  options = toOptions(options, {});
  path = toPath(path);
  return ['realpath', [path], (real) => (options.encoding === 'buffer' ? Buffer.from(real) : real), path];
}

function mkdtempOp(prefix, options) {
  options = toOptions(options, {});
  prefix = toPath(prefix, 'prefix');
  return ['mkdtemp', [prefix], (made) => (options.encoding === 'buffer' ? Buffer.from(made) : made), prefix];
}

function symlinkOp(target, path) {
  target = toPath(target, 'target');
  path = toPath(path);
  return ['symlink', [target, path], () => undefined, `${target} -> ${path}`];
}

function linkOp(existing, path) {
  existing = toPath(existing, 'existingPath');
  path = toPath(path, 'newPath');
  return ['link', [existing, path], () => undefined, `${existing} -> ${path}`];
}

function readlinkOp(path, options) {
  options = toOptions(options, {});
  path = toPath(path);
  return ['readlink', [path], (target) => (options.encoding === 'buffer' ? Buffer.from(target) : target), path];
}

function truncateOp(path, length = 0) {
  const target = isFd(path) ? path : toPath(path);
  if (typeof length !== 'number') throw invalidArgType('len', 'of type number', length);
  return ['truncate', [target, length], () => undefined, target];
}

// Times as seconds (numbers), numeric strings or Dates, as Node takes them.
function toSeconds(time, name) {
  if (time instanceof Date) return time.getTime() / 1000;
  if (typeof time === 'number' || (typeof time === 'string' && time !== '' && !Number.isNaN(+time))) return +time;
  throw invalidArgType(name, 'of type number or an instance of Date', time);
}

function utimesOp(path, atime, mtime) {
  path = toPath(path);
  return ['utimes', [path, toSeconds(atime, 'atime'), toSeconds(mtime, 'mtime')], () => undefined, path];
}

function fsyncOp(fd) {
  return ['fsync', [toFd(fd)], () => undefined, fd];
}

function openOp(path, flags, mode) {
  path = toPath(path);
  return ['open', [path, toFlags(flags, O_RDONLY), toMode(mode, 0o666)], (fd) => fd, path];
}

function closeOp(fd) {
  return ['close', [toFd(fd)], () => undefined, fd];
}

// read(fd, buffer, offset, length, position) → bytes read, copied into buffer.
function readOp(fd, buffer, offset = 0, length, position = null) {
  if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
    ({ buffer = Buffer.alloc(16384), offset = 0, length, position = null } = buffer);
  }
  if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
  // read(fd, buffer, { offset, length, position })
  if (offset !== null && typeof offset === 'object') ({ offset = 0, length, position = null } = offset);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  length ??= bytes.length - offset;
  if (typeof offset !== 'number') throw invalidArgType('offset', 'of type number', offset);
  if (typeof length !== 'number') throw invalidArgType('length', 'of type number', length);
  if (position !== null && typeof position !== 'number' && typeof position !== 'bigint') {
    throw invalidArgType('position', 'of type number or bigint', position);
  }
  if (offset < 0 || offset > bytes.length) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "offset" is out of range. It must be >= 0 && <= ${bytes.length}. Received ${offset}`);
  }
  if (length < 0 || offset + length > bytes.length) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "length" is out of range. It must be >= 0 && <= ${bytes.length - offset}. Received ${length}`);
  }
  const at = position === null || position === undefined || position < 0 ? -1 : Number(position);
  const done = (read) => {
    const got = new Uint8Array(read);
    bytes.set(got, offset);
    return got.length;
  };
  return ['read', [toFd(fd), length, at], done, fd, buffer];
}

// write(fd, buffer, offset, length, position) or write(fd, string, position, encoding).
function writeOp(fd, data, offsetOrPosition, lengthOrEncoding, position) {
  let bytes;
  let at;
  if (typeof data === 'string') {
    bytes = Buffer.from(data, typeof lengthOrEncoding === 'string' ? lengthOrEncoding : 'utf8');
    at = offsetOrPosition;
  } else {
    const all = toBytes(data, undefined, 'buffer');
    const offset = offsetOrPosition ?? 0;
    const length = typeof lengthOrEncoding === 'number' ? lengthOrEncoding : all.length - offset;
    bytes = all.subarray(offset, offset + length);
    at = position;
  }
  at = at === null || at === undefined || at < 0 ? -1 : Number(at);
  return ['write', [toFd(fd), bytes, at], (written) => written, fd, data];
}

// --- the three styles ---

const apis = {
  readFile: readFileOp,
  writeFile: writeFileOp('w'),
  appendFile: writeFileOp('a'),
  readdir: readdirOp,
  stat: statOp('stat'),
  lstat: statOp('lstat'),
  fstat: statOp('fstat'),
  mkdir: mkdirOp,
  rm: rmOp,
  rmdir: pathOp('rmdir'),
  unlink: pathOp('unlink'),
  rename: renameOp,
  copyFile: copyFileOp,
  access: accessOp,
  chmod: chmodOp,
  realpath: realpathOp,
  symlink: symlinkOp,
  link: linkOp,
  readlink: readlinkOp,
  truncate: truncateOp,
  ftruncate: truncateOp,
  utimes: utimesOp,
  fsync: fsyncOp,
  mkdtemp: mkdtempOp,
  open: openOp,
  close: closeOp,
  read: readOp,
  write: writeOp,
};

function callSync(name, prepare, args) {
  const [op, nativeArgs, done] = prepare(...args);
  let result;
  try {
    result = native.fs.sync(op, nativeArgs, name);
  } catch (info) {
    throw info instanceof Error ? info : uvError(info);
  }
  return done(result);
}

// Starts the operation on the I/O pool; `settle(err, value)` runs as an I/O
// callback in the poll phase. When tracing, each completion is its own task.
// Returns the id of its first request (for ref/unref).
function callAsync(name, prepare, args, settle) {
  const [op, nativeArgs, done, what, signal] = prepare(...args);
  // `{ signal }` (readFile, writeFile): aborted before the result is handed
  // over. Already aborted, it settles at once — even a callback, as in Node.
  if (signal?.aborted) return void settle(require('internal/abort').abortError(signal));
  if (signal) {
    const plain = settle;
    settle = (err, value) => (signal.aborted ? plain(require('internal/abort').abortError(signal)) : plain(err, value));
  }
  const steps = typeof nativeArgs[0] === 'string' ? fileSteps[op] : undefined;
  // The first request names the operation (the tracer shows it); the
  // others are its next steps, started from the previous one's callback.
  let label = `fs.${name}(${typeof what === 'number' ? `fd ${what}` : `'${what}'`})`;
  const step = (stepOp, stepArgs, then) => {
    const next = steps ? stepNext[stepOp] : 'done';
    const id = native.fs.async(stepOp, stepArgs, then, label, next);
    label = undefined;
    return id;
  };
  const finish = (info, result) => (info !== undefined ? settle(uvError(info)) : settle(null, done(result)));
  if (steps) return steps(step, nativeArgs, finish);
  return step(op, nativeArgs, finish);
}

// Node does readFile and writeFile by path as several pool requests, each
// completing in its own poll phase — open, fstat, read, close; open, write,
// close — and timers and immediates interleave with them. tock takes the
// same steps so programs see the same interleaving (the read and the write
// are each one request, whatever the size).
const fileSteps = {
  readFile(step, [path, flags], finish) {
    return step('open', [path, flags, 0o666], (err, fd) => {
      if (err) return finish(err);
      step('fstat', [fd], (err) => {
        if (err) return closeAfter(step, fd, err, undefined, finish);
        step('readFile', [fd, flags], (err, bytes) => closeAfter(step, fd, err, bytes, finish));
      });
    });
  },
  writeFile(step, [path, bytes, flags, mode], finish) {
    return step('open', [path, flags, mode], (err, fd) => {
      if (err) return finish(err);
      step('writeFile', [fd, bytes, flags, mode], (err) => closeAfter(step, fd, err, undefined, finish));
    });
  },
};

// What follows each step: the tracer shows an operation done after its last.
const stepNext = { open: 'more-if-ok', fstat: 'more', readFile: 'more', writeFile: 'more', close: 'done' };

function closeAfter(step, fd, err, result, finish) {
  step('close', [fd], (closeErr) => finish(err ?? closeErr, result));
}

function validateCallback(callback) {
  if (typeof callback !== 'function') throw invalidArgType('cb', 'of type function', callback);
  return callback;
}

// The promise of one operation.
function run(name, ...args) {
  return new Promise((resolve, reject) => {
    callAsync(name, apis[name], args, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

const promises = { constants };
const fs = { constants, Stats, Dirent, promises };

for (const [name, prepare] of Object.entries(apis)) {
  // fd-level operations are FileHandle methods in fs/promises.
  if (!['fstat', 'open', 'close', 'read', 'write', 'ftruncate', 'fsync'].includes(name)) {
    promises[name] = { [name]: (...args) => run(name, ...args) }[name];
  }
  fs[name] = {
    [name](...args) {
      // The callback is last; `fs.readFile(path)` has none (not `path`).
      const callback = validateCallback(args.length > 1 ? args.pop() : undefined);
      callAsync(name, prepare, args, (err, value) => {
        if (err) return callback(err);
        // read/write also hand back the buffer (or string) they used.
        if (name === 'read' || name === 'write') return callback(null, value, args[1]);
        callback(null, value);
      });
    },
  }[name];
  fs[`${name}Sync`] = { [`${name}Sync`]: (...args) => callSync(name, prepare, args) }[`${name}Sync`];
}

// fs.exists(path, cb): the one callback without an error argument.
fs.exists = function exists(path, callback) {
  validateCallback(callback);
  const prepare = (p) => ['exists', [toPath(p)], (found) => found, p];
  try {
    callAsync('exists', prepare, [path], (err, found) => callback(!err && found));
  } catch {
    process.nextTick(callback, false);
  }
};
Object.defineProperty(fs.exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: (path) => new Promise((resolve) => fs.exists(path, resolve)),
});
fs.existsSync = function existsSync(path) {
  try {
    return native.fs.sync('exists', [toPath(path)]);
  } catch {
    return false;
  }
};

// --- fs/promises: open() gives a FileHandle ---

class FileHandle {
  #fd;
  constructor(fd) {
    if (!Number.isInteger(fd)) throw invalidArgType('fd', 'of type number', fd);
    this.#fd = fd;
  }
  get fd() {
    return this.#fd;
  }
  // Node's error for any call on a closed handle.
  #closed(syscall) {
    if (this.#fd !== -1) return false;
    const err = new Error('file closed');
    Object.assign(err, { code: 'EBADF', syscall });
    return Promise.reject(err);
  }
  async read(buffer, offset, length, position) {
    await this.#closed('read');
    if (!ArrayBuffer.isView(buffer)) ({ buffer = Buffer.alloc(16384), offset, length, position } = buffer ?? {});
    const bytesRead = await run('read', this.#fd, buffer, offset, length, position);
    return { __proto__: null, bytesRead, buffer };
  }
  async write(data, ...rest) {
    await this.#closed('write');
    const bytesWritten = await run('write', this.#fd, data, ...rest);
    return { __proto__: null, bytesWritten, buffer: data };
  }
  readFile(options) {
    return this.#closed('readFile') || run('readFile', this, options);
  }
  writeFile(data, options) {
    return this.#closed('writeFile') || run('writeFile', this, data, options);
  }
  appendFile(data, options) {
    return this.#closed('writeFile') || run('appendFile', this, data, options);
  }
  stat() {
    return this.#closed('fstat') || run('fstat', this.#fd);
  }
  truncate(length) {
    return this.#closed('ftruncate') || run('ftruncate', this.#fd, length);
  }
  sync() {
    return this.#closed('fsync') || run('fsync', this.#fd);
  }
  async close() {
    if (this.#fd === -1) return;
    const fd = this.#fd;
    this.#fd = -1;
    await run('close', fd);
  }
}
if (typeof Symbol.asyncDispose === 'symbol') FileHandle.prototype[Symbol.asyncDispose] = FileHandle.prototype.close;

promises.open = async function open(path, flags, mode) {
  return new FileHandle(await run('open', path, flags, mode));
};

// --- streams: fs.createReadStream / createWriteStream ---
//
// Built on node:stream when first used. Each read or write is one pool
// request; the descriptor opens first ('open', 'ready') and closes when the
// stream is destroyed (autoClose), as in Node.

function fileStreams() {
  const { Readable, Writable } = require('internal/stream').stream;

  // Shared by both: open unless given an fd, and run `then` once open.
  function openFor(stream, options, defaultFlags) {
    stream.fd = options.fd ?? null;
    stream.path = stream.fd === null ? toPath(stream.path) : undefined;
    stream.flags = options.flags ?? defaultFlags;
    stream.mode = options.mode ?? 0o666;
    stream.start = options.start;
    stream.pos = options.start;
    stream.pending = stream.fd === null;
    stream.whenOpen = [];
    if (stream.fd !== null) return;
    callAsync('open', apis.open, [stream.path, stream.flags, stream.mode], (err, fd) => {
      if (err) return stream.destroy(err);
      stream.fd = fd;
      stream.pending = false;
      stream.emit('open', fd);
      stream.emit('ready');
      for (const then of stream.whenOpen.splice(0)) then();
    });
  }
  function closeFor(stream, err, callback) {
    const close = () => {
      if (stream.fd === null || !stream.autoClose) return callback(err);
      callAsync('close', apis.close, [stream.fd], (closeErr) => {
        stream.fd = null;
        callback(err || closeErr);
      });
    };
    if (stream.pending && !err) stream.whenOpen.push(close);
    else close();
  }

  class ReadStream extends Readable {
    constructor(path, options) {
      options = toOptions(options, {});
      super({
        highWaterMark: options.highWaterMark ?? 64 * 1024,
        encoding: options.encoding,
        emitClose: options.emitClose ?? true,
        autoDestroy: options.autoDestroy ?? true,
      });
      this.path = path;
      this.autoClose = options.autoClose ?? true;
      this.end = options.end ?? Infinity;
      this.bytesRead = 0;
      openFor(this, options, 'r');
      // stdin keeps the process alive only while it flows, as in Node: a
      // paused stdin (readline closed, say) lets the program exit.
      if (options[kRefWhileFlowing]) {
        const refresh = () => this.reading !== undefined && native.child.ref(this.reading, this.readableFlowing === true);
        this.on('pause', refresh);
        this.on('resume', refresh);
        this.refWhileFlowing = refresh;
      }
    }
    _read(size) {
      if (this.pending) return this.whenOpen.push(() => this._read(size));
      const remaining = this.end - (this.start ?? 0) - this.bytesRead + 1;
      if (remaining <= 0) return this.push(null);
      const buffer = Buffer.allocUnsafe(Math.min(size, remaining));
      this.reading = callAsync('read', apis.read, [this.fd, buffer, 0, buffer.length, this.pos ?? null], (err, count) => {
        this.reading = undefined;
        if (err) return this.destroy(err);
        if (this.pos !== undefined) this.pos += count;
        this.bytesRead += count;
        this.push(count === 0 ? null : count === buffer.length ? buffer : buffer.subarray(0, count));
      });
      this.refWhileFlowing?.();
    }
    _destroy(err, callback) {
      closeFor(this, err, callback);
    }
    close(callback) {
      this.destroy(null, callback);
    }
  }

  class WriteStream extends Writable {
    constructor(path, options) {
      options = toOptions(options, {});
      super({
        highWaterMark: options.highWaterMark,
        emitClose: options.emitClose ?? true,
        autoDestroy: options.autoDestroy ?? true,
        decodeStrings: true,
      });
      this.path = path;
      this.autoClose = options.autoClose ?? true;
      this.bytesWritten = 0;
      if (options.encoding) this.setDefaultEncoding(options.encoding);
      openFor(this, options, 'w');
    }
    _write(chunk, encoding, callback) {
      if (this.pending) return this.whenOpen.push(() => this._write(chunk, encoding, callback));
      callAsync('write', apis.write, [this.fd, chunk, 0, chunk.length, this.pos ?? null], (err, count) => {
        if (err) return callback(err);
        if (this.pos !== undefined) this.pos += count;
        this.bytesWritten += count;
        callback();
      });
    }
    _destroy(err, callback) {
      closeFor(this, err, callback);
    }
    close(callback) {
      if (callback) this.once('close', callback);
      this.end();
    }
  }
  return { ReadStream, WriteStream };
}

const kRefWhileFlowing = Symbol('refWhileFlowing');
let streamClasses;
const streamClass = (name) => (streamClasses ??= fileStreams())[name];
Object.defineProperty(fs, 'ReadStream', { get: () => streamClass('ReadStream'), enumerable: true });
Object.defineProperty(fs, 'WriteStream', { get: () => streamClass('WriteStream'), enumerable: true });
fs.createReadStream = (path, options) => new (streamClass('ReadStream'))(path, options);
// process.stdin: a piped stdin is a stream handle of the I/O layer (read as
// it becomes readable, as Node reads it); a file or a terminal is read with
// an fs stream. Either keeps the process alive only while it flows.
exports.openStdin = () => pipedStdin() ?? fs.createReadStream(null, { fd: 0, autoClose: false, [kRefWhileFlowing]: true });

function pipedStdin() {
  let stream;
  const id = native.stdin.open((event, chunk) => stream.push(event === 'data' ? new FastBuffer(chunk) : null));
  if (id === undefined) return undefined;
  const { HandleReadable } = require('internal/stream_handle');
  const refresh = () => native.child.ref(id, stream.readableFlowing === true && !stream.destroyed);
  stream = new HandleReadable(
    (reading) => {
      native.stdin.read(reading);
      refresh();
    },
    { reading: false },
  );
  stream.on('pause', refresh);
  stream.on('resume', refresh);
  refresh();
  return stream;
}
fs.createWriteStream = (path, options) => new (streamClass('WriteStream'))(path, options);

exports.fs = fs;
exports.fsPathOf = toPath;
exports.fsPromises = promises;

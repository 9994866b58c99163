// node:net (src/js/node/net.js is the public module; node:tls builds on
// the internals exported here). A Socket is a Duplex over a socket handle of the loop
// (src/event_loop/net.rs, natives in src/host/net.rs); a Server owns a
// listening handle. The handle reports each of its results — `connection`,
// `connect`, `data`, `end`, `written`, `shutdown` — as a macrotask of the
// poll phase, and the objects here turn them into Node's events, in Node's
// order: what is emitted at once, on the next tick, or in the close phase.

const { EventEmitter } = require('internal/events');
const { Duplex } = require('internal/stream').stream;
const { FastBuffer } = require('internal/buffer');
const { codedError, invalidArgType, errnoException } = require('internal/errors');
const { inspect } = require('internal/inspect');
const timers = require('internal/timers').timers;

const kHandle = Symbol('handle');
// What node:tls reaches: taking over a handle, TLS events, the moment a
// client's TCP connection is up.
const kAdopt = Symbol('adopt');
const kOnTls = Symbol('onTls');
const kOnConnected = Symbol('onConnected');
const kTimeout = Symbol('timeout');
const kBytesWritten = Symbol('bytesWritten');
const kSetNoDelay = Symbol('setNoDelay');
const kConnectOptions = Symbol('connectOptions');

// --- addresses ---

const v4Part = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4 = `(?:${v4Part}\\.){3}${v4Part}`;
const v6Group = '[0-9a-fA-F]{1,4}';
const v6 = [
  `(?:${v6Group}:){7}(?:${v6Group}|:)`,
  `(?:${v6Group}:){6}(?:${v4}|:${v6Group}|:)`,
  `(?:${v6Group}:){5}(?::${v4}|(?::${v6Group}){1,2}|:)`,
  `(?:${v6Group}:){4}(?:(?::${v6Group}){0,1}:${v4}|(?::${v6Group}){1,3}|:)`,
  `(?:${v6Group}:){3}(?:(?::${v6Group}){0,2}:${v4}|(?::${v6Group}){1,4}|:)`,
  `(?:${v6Group}:){2}(?:(?::${v6Group}){0,3}:${v4}|(?::${v6Group}){1,5}|:)`,
  `(?:${v6Group}:){1}(?:(?::${v6Group}){0,4}:${v4}|(?::${v6Group}){1,6}|:)`,
  `(?::(?:(?::${v6Group}){0,5}:${v4}|(?::${v6Group}){1,7}|:))`,
].join('|');
const v4Pattern = new RegExp(`^${v4}$`);
const v6Pattern = new RegExp(`^(?:${v6})(?:%[0-9a-zA-Z-.:]{1,})?$`);

const isIPv4 = (input) => v4Pattern.test(`${input}`);
const isIPv6 = (input) => v6Pattern.test(`${input}`);
const isIP = (input) => (isIPv4(input) ? 4 : isIPv6(input) ? 6 : 0);

// --- errors ---

// `connect ECONNREFUSED 127.0.0.1:9`
function exceptionWithHostPort(info, syscall, address, port) {
  return errnoException({ ...info, syscall, address, port: port || undefined });
}

// `listen EADDRINUSE: address already in use :::3000`
function uvExceptionWithHostPort(info, syscall, address, port) {
  const where = port > 0 ? `${address}:${port}` : address;
  const err = new Error(`${syscall} ${info.code}: ${info.description}${where === undefined ? '' : ` ${where}`}`);
  Object.assign(err, { errno: info.errno, code: info.code, syscall });
  if (address !== undefined) err.address = address;
  if (port > 0) err.port = port;
  return err;
}

function validatePort(port, name = 'Port', allowZero = true) {
  const bad = (typeof port !== 'number' && typeof port !== 'string') ||
    (typeof port === 'string' && port.trim().length === 0) ||
    +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero);
  if (bad) {
    throw codedError(RangeError, 'ERR_SOCKET_BAD_PORT',
      `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. Received ${describeValue(port)}.`);
  }
  return +port | 0;
}

function describeValue(value) {
  if (value === null || value === undefined) return `${value}`;
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') return value.constructor?.name ? `an instance of ${value.constructor.name}` : inspect(value, { depth: -1 });
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

const socketClosed = () => codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed');

// --- the handle ---

// A socket handle of the loop, by id. Its events go to the callback given
// when it was made (or attached).
class Handle {
  #id;
  #closed = false;
  constructor(id) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalidArgType('id', 'a handle id', id);
    this.#id = id;
    this.reading = false;
  }
  get id() {
    return this.#id;
  }
  get closed() {
    return this.#closed;
  }
  readStart() {
    if (this.#closed || this.reading) return;
    this.reading = true;
    native.net.reading(this.#id, true);
  }
  readStop() {
    if (this.#closed || !this.reading) return;
    this.reading = false;
    native.net.reading(this.#id, false);
  }
  ref() {
    if (!this.#closed) native.net.ref(this.#id, true);
  }
  unref() {
    if (!this.#closed) native.net.ref(this.#id, false);
  }
  // The close callback runs in the loop's close phase.
  close(callback) {
    if (this.#closed) return;
    this.#closed = true;
    native.net.close(this.#id);
    if (typeof callback === 'function') native.handles.closeCallback(callback);
  }
  getsockname() {
    return this.#closed ? undefined : native.net.address(this.#id, false);
  }
  getpeername() {
    return this.#closed ? undefined : native.net.address(this.#id, true);
  }
}

// A handle's id; anything else that claims to be one is refused here, not
// by the natives.
function idOf(handle) {
  if (!(handle instanceof Handle)) throw invalidArgType('handle', 'an instance of a socket handle', handle);
  return handle.id;
}

// --- Socket ---

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.fd !== undefined) {
    throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'net.Socket({ fd }) is not supported by tock yet');
  }
  const allowHalfOpen = Boolean(options.allowHalfOpen);
  Duplex.call(this, {
    ...options,
    allowHalfOpen,
    // 'close' comes from the handle's close callback, as in Node.
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
  });
  this.connecting = false;
  this._hadError = false;
  this[kHandle] = null;
  this._parent = null;
  this._host = null;
  this[kTimeout] = null;
  this[kBytesWritten] = 0;
  this.bytesRead = 0;
  this._sockname = null;
  this._peername = null;
  this.server = null;
  this._server = null;
  this.allowHalfOpen = allowHalfOpen;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this._pendingWrites = [];
  this._shutdownCallback = null;
  if (options.handle) {
    attach(this, options.handle);
    if (options.pauseOnCreate) {
      this.readableFlowing = false;
      this._readableState.flowing = false;
    } else {
      this.read(0);
    }
  }
  this.on('end', onReadableStreamEnd);
  if (options.signal) addAbortSignal(this, options.signal);
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

function addAbortSignal(socket, signal) {
  const abort = () => socket.destroy(codedError(Error, 'ABORT_ERR', 'The operation was aborted', { name: 'AbortError' }));
  if (signal.aborted) process.nextTick(abort);
  else {
    signal.addEventListener('abort', abort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', abort));
  }
}

// The peer ended: without allowHalfOpen our side ends too (Duplex does it),
// and writing now is an error.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, callback) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, callback);
  if (typeof encoding === 'function') callback = encoding;
  const err = codedError(Error, 'EPIPE', 'This socket has been ended by the other party');
  process.nextTick(() => {
    this.destroy(err);
    if (typeof callback === 'function') callback(err);
  });
  return false;
}

Object.defineProperty(Socket.prototype, '_handle', {
  get() {
    return this[kHandle];
  },
  set(handle) {
    this[kHandle] = handle;
  },
  configurable: true,
});

function attach(socket, handle, label) {
  native.net.attach(idOf(handle), (step, arg) => onHandleEvent(socket, step, arg), label ?? 'net.Socket (accepted)');
  socket[kHandle] = handle;
}

// Takes over another socket's handle (tls.TLSSocket over a net.Socket):
// its events come here from now on.
Socket.prototype[kAdopt] = function (socket, label) {
  const handle = socket[kHandle];
  attach(this, handle, label);
  socket[kHandle] = null;
  this._server = socket._server;
  this.server = socket.server;
  socket._server = null;
};

function onHandleEvent(socket, step, arg) {
  switch (step) {
    case 'data': {
      const chunk = new FastBuffer(arg);
      socket.bytesRead += chunk.length;
      socket._unrefTimer();
      if (!socket.push(chunk)) socket[kHandle]?.readStop();
      return;
    }
    case 'end':
      if (socket[kHandle]) socket[kHandle].reading = false;
      socket.push(null);
      socket.read(0);
      return;
    case 'read error':
      socket.destroy(errnoException(arg));
      return;
    case 'connect':
      afterConnect(socket, arg);
      return;
    case 'written': {
      const callback = socket._pendingWrites.shift();
      callback?.(arg === undefined ? null : errnoException(arg));
      return;
    }
    case 'shutdown': {
      const callback = socket._shutdownCallback;
      socket._shutdownCallback = null;
      callback?.();
      return;
    }
    // A TLS socket's (tls.js).
    case 'secure':
    case 'tls error':
      socket[kOnTls](step, arg);
  }
}

function afterConnect(socket, failure) {
  if (socket.destroyed) return;
  socket.connecting = false;
  socket._sockname = null;
  const { address, port } = socket[kConnectOptions] ?? {};
  if (failure !== undefined) {
    socket.destroy(exceptionWithHostPort(failure, 'connect', address, port));
    return;
  }
  if (socket[kSetNoDelay]) native.net.setNoDelay(idOf(socket[kHandle]), true);
  socket._unrefTimer();
  socket[kOnConnected]?.();
  socket.emit('connect');
  socket.emit('ready');
  if (socket.readable && !socket.isPaused()) socket.read(0);
}

Socket.prototype._read = function () {
  if (this.connecting || !this[kHandle]) {
    this.once('connect', () => this._read());
    return;
  }
  this[kHandle].readStart();
};

Socket.prototype.pause = function () {
  // Stop reading at once, as Node does for a socket not yet connected.
  if (!this.connecting && this[kHandle] && !this.destroyed) this[kHandle].readStop();
  return Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function () {
  if (!this.connecting && this[kHandle] && !this.destroyed && !this._readableState.ended) this[kHandle].readStart();
  return Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function (n) {
  if (n === 0 && !this.connecting && this[kHandle] && !this[kHandle].reading && !this._readableState.ended && this._readableState.flowing !== false) {
    this._readableState.reading = false;
  }
  return Duplex.prototype.read.call(this, n);
};

Socket.prototype._write = function (chunk, encoding, callback) {
  if (this.connecting) {
    const onClose = () => callback(codedError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established'));
    this.once('connect', () => {
      this.off('close', onClose);
      this._write(chunk, encoding, callback);
    });
    this.once('close', onClose);
    return;
  }
  const handle = this[kHandle];
  if (!handle || handle.closed) return callback(socketClosed());
  this._unrefTimer();
  const data = typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk;
  const done = native.net.write(idOf(handle), data);
  this[kBytesWritten] += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (done === true) return callback();
  if (done === false) {
    this._pendingWrites.push(callback);
    return;
  }
  callback(errnoException(done));
};

// Corked writes go out in one.
Socket.prototype._writev = function (chunks, callback) {
  const buffers = chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
  this._write(Buffer.concat(buffers), 'buffer', callback);
};

Socket.prototype._final = function (callback) {
  if (this.pending && this.connecting) return this.once('connect', () => this._final(callback));
  const handle = this[kHandle];
  if (!handle || handle.closed) return callback();
  this._shutdownCallback = callback;
  native.net.shutdown(idOf(handle));
};

Socket.prototype._destroy = function (exception, callback) {
  this.connecting = false;
  this._clearTimer();
  const handle = this[kHandle];
  if (handle) {
    this._hadError = this._hadError || Boolean(exception);
    const hadError = this._hadError;
    handle.close(() => this.emit('close', hadError));
    this[kHandle] = null;
    this._sockname = null;
    // Writes still queued in the handle are dropped with it.
    for (const pending of this._pendingWrites.splice(0)) pending(null);
    callback(exception);
  } else {
    callback(exception);
    process.nextTick(() => this.emit('close', Boolean(exception)));
  }
  if (this._server) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
};

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

// Closes with a TCP RST (SO_LINGER 0): the peer sees ECONNRESET.
Socket.prototype.resetAndDestroy = function () {
  if (!this[kHandle]) {
    this.destroy(codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  } else if (this.connecting) {
    this.once('connect', () => this.resetAndDestroy());
  } else {
    native.net.reset(idOf(this[kHandle]));
    this.destroy();
  }
  return this;
};

Socket.prototype.connect = function (...args) {
  const [options, callback] = normalizeConnectArgs(args);
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._readableState.destroyed = this._writableState.destroyed = false;
    this._readableState.ended = this._readableState.endEmitted = false;
    this._writableState.ending = this._writableState.ended = this._writableState.finished = false;
  }
  if (callback) this.once('connect', callback);
  if (options.timeout) this.setTimeout(options.timeout);
  this.connecting = true;
  if (options.noDelay !== undefined) this[kSetNoDelay] = Boolean(options.noDelay);
  if (options.path) {
    if (typeof options.path !== 'string') throw invalidArgType('options.path', 'of type string', options.path);
    internalConnect(this, { path: options.path, label: `net.connect(${options.path})` });
    return this;
  }
  lookupAndConnect(this, options);
  return this;
};

function normalizeConnectArgs(args) {
  let options = {};
  if (args.length === 0) return [options, null];
  const [first] = args;
  if (first !== null && typeof first === 'object') options = { ...first };
  else if (typeof first === 'string' && Number.isNaN(Number(first)) && first !== '') options = { path: first };
  else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const callback = args[args.length - 1];
  return [options, typeof callback === 'function' ? callback : null];
}

function lookupAndConnect(socket, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port } = options;
  if (localAddress && !isIP(localAddress)) {
    throw codedError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${localAddress}`);
  }
  if (localPort !== undefined && typeof localPort !== 'number') throw invalidArgType('options.localPort', 'of type number', localPort);
  if (localPort !== undefined) validatePort(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') throw invalidArgType('options.port', 'of type number or string', port);
    port = validatePort(port);
  } else {
    throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified');
  }
  const target = { port, localAddress, localPort };
  if (isIP(host)) {
    process.nextTick(() => {
      if (socket.connecting) internalConnect(socket, { ...target, address: host });
    });
    return;
  }
  const lookup = options.lookup ?? require('node/dns').lookup;
  const family = options.family === undefined ? 0 : options.family;
  const autoSelect = options.autoSelectFamily ?? defaultAutoSelectFamily;
  socket._host = host;
  lookup(host, { family, hints: options.hints ?? 0, all: autoSelect && !options.lookup }, (err, ip, addressType) => {
    let addresses = Array.isArray(ip) ? ip : null;
    if (addresses && !err) {
      if (addresses.length === 0) err = codedError(Error, 'ENOTFOUND', `getaddrinfo ENOTFOUND ${host}`);
      else ({ address: ip, family: addressType } = addresses[0]);
    }
    socket.emit('lookup', err ?? null, ip, addressType, host);
    if (!socket.connecting) return;
    if (err) {
      process.nextTick(() => socket.destroy(err));
      return;
    }
    if (!isIP(ip)) {
      process.nextTick(() => socket.destroy(codedError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${ip}`)));
      return;
    }
    if (addresses) socket.emit('connectionAttempt', ip, port, addressType);
    socket._unrefTimer();
    internalConnect(socket, { ...target, address: ip });
  });
}

function internalConnect(socket, target) {
  const label = target.label ?? `net.connect(${target.address}:${target.port})`;
  socket[kConnectOptions] = { address: target.path ?? target.address, port: target.port };
  const id = native.net.connect({ ...target, label }, (step, arg) => onHandleEvent(socket, step, arg));
  if (typeof id !== 'number') {
    socket.destroy(exceptionWithHostPort(id, id.syscall, target.path ?? target.address, target.port));
    return;
  }
  const handle = new Handle(id);
  socket[kHandle] = handle;
  if (socket._unref) handle.unref();
}

Socket.prototype.setTimeout = function (ms, callback) {
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw invalidArgType('msecs', 'of type number', ms);
  this.timeout = ms;
  this._clearTimer();
  if (ms === 0) {
    if (callback) this.removeListener('timeout', callback);
    return this;
  }
  this[kTimeout] = timers.setTimeout(() => {
    this[kTimeout] = null;
    this.emit('timeout');
  }, ms);
  this[kTimeout].unref();
  if (callback) this.once('timeout', callback);
  return this;
};

Socket.prototype._unrefTimer = function () {
  for (let s = this; s !== null; s = s._parent) s[kTimeout]?.refresh();
};

Socket.prototype._clearTimer = function () {
  if (this[kTimeout]) timers.clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
};

Socket.prototype.setNoDelay = function (enable) {
  const on = enable === undefined ? true : Boolean(enable);
  if (!this[kHandle] || this.connecting) {
    this[kSetNoDelay] = on;
    return this;
  }
  if (this[kSetNoDelay] !== on) {
    this[kSetNoDelay] = on;
    native.net.setNoDelay(idOf(this[kHandle]), on);
  }
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelay = 0) {
  if (this[kHandle] && !this.connecting) native.net.setKeepAlive(idOf(this[kHandle]), Boolean(enable), Math.trunc(Math.max(0, initialDelay) / 1000) || 0);
  else this.once('connect', () => this.setKeepAlive(enable, initialDelay));
  return this;
};

Socket.prototype.address = function () {
  return this._getsockname();
};

Socket.prototype._getsockname = function () {
  if (!this[kHandle]) return {};
  this._sockname ??= this[kHandle].getsockname() ?? null;
  return this._sockname ?? {};
};

Socket.prototype._getpeername = function () {
  if (!this[kHandle]) return this._peername ?? {};
  if (!this._peername) {
    const peer = this[kHandle].getpeername();
    if (!peer) return {};
    this._peername = peer;
  }
  return this._peername;
};

Socket.prototype.ref = function () {
  this._unref = false;
  this[kHandle]?.ref();
  return this;
};

Socket.prototype.unref = function () {
  this._unref = true;
  this[kHandle]?.unref();
  return this;
};

for (const [name, get] of Object.entries({
  remoteAddress: (s) => s._getpeername().address,
  remoteFamily: (s) => s._getpeername().family,
  remotePort: (s) => s._getpeername().port,
  localAddress: (s) => s._getsockname().address,
  localFamily: (s) => s._getsockname().family,
  localPort: (s) => s._getsockname().port,
  pending: (s) => !s[kHandle] || s.connecting,
  readyState: (s) => {
    if (s.connecting) return 'opening';
    if (s.readable && s.writable) return 'open';
    if (s.readable && !s.writable) return 'readOnly';
    if (!s.readable && s.writable) return 'writeOnly';
    return 'closed';
  },
  bufferSize: (s) => (s[kHandle] ? s.writableLength : undefined),
  bytesWritten: (s) => {
    let bytes = s[kBytesWritten];
    for (const { chunk } of s._writableState.buffered) bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    return bytes;
  },
  [Symbol.toStringTag]: () => 'Socket',
})) {
  if (typeof name === 'symbol') continue;
  Object.defineProperty(Socket.prototype, name, { get() { return get(this); }, configurable: true, enumerable: false });
}

// --- Server ---

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw invalidArgType('options', 'of type object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  this[kHandle] = null;
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark;
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, '_handle', {
  get() {
    return this[kHandle];
  },
  set(handle) {
    this[kHandle] = handle;
  },
  configurable: true,
});

Object.defineProperty(Server.prototype, 'listening', {
  get() {
    return Boolean(this[kHandle]);
  },
  configurable: true,
  enumerable: true,
});

Server.prototype.listen = function (...args) {
  let callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  let options;
  const [first] = args;
  if (first !== null && typeof first === 'object' && !(first instanceof Number)) {
    options = { ...first };
  } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
    options = { path: first, backlog: typeof args[1] === 'number' ? args[1] : undefined };
  } else {
    options = { port: first };
    if (typeof args[1] === 'string' || args[1] === null) {
      options.host = args[1] ?? undefined;
      options.backlog = typeof args[2] === 'number' ? args[2] : undefined;
    } else if (typeof args[1] === 'number') {
      options.backlog = args[1];
    }
  }
  if (callback) this.once('listening', callback);
  if (this[kHandle]) throw codedError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  this._exclusive = Boolean(options.exclusive);
  // Node reads a backlog that is not a usable number as the default.
  const backlog = typeof options.backlog === 'number' && options.backlog >= 0 ? Math.min(options.backlog, 2 ** 31 - 1) | 0 : 511;
  if (options.path !== undefined) {
    listenOn(this, { path: `${options.path}`, backlog }, options.path, -1);
    return this;
  }
  if (options.port === undefined || options.port === null || options.port === '') {
    if (first === undefined || first === null || typeof first === 'function' || 'port' in options) options.port = 0;
    else throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'options' must have the property "port" or "path". Received ${inspect(first)}`);
  }
  const port = validatePort(options.port, 'options.port');
  if (options.host === undefined || options.host === null || options.host === '') {
    listenOn(this, { address: '::', port, backlog, ipv6Only: Boolean(options.ipv6Only), fallback: true }, '::', port);
    return this;
  }
  if (isIP(options.host)) {
    listenOn(this, { address: options.host, port, backlog, ipv6Only: Boolean(options.ipv6Only) }, options.host, port);
    return this;
  }
  require('node/dns').lookup(options.host, (err, ip) => {
    if (err) this.emit('error', err);
    else listenOn(this, { address: ip, port, backlog, ipv6Only: Boolean(options.ipv6Only) }, ip, port);
  });
  return this;
};

function listenOn(server, target, address, port) {
  // A cluster worker listens on the port the primary reserved for all.
  if (process.env.NODE_UNIQUE_ID !== undefined && !target.path && !server._exclusive && !target.clustered) {
    const cluster = require('node/cluster');
    // No host given: Node reports address null, type 4.
    const where = target.fallback ? { address: null, addressType: 4 } : { address, addressType: isIP(address) };
    cluster._getServer(server, { ...where, port }, (failure, shared) => {
      if (failure) {
        const err = uvExceptionWithHostPort(failure, 'listen', address, port);
        process.nextTick(() => server.emit('error', err));
        return;
      }
      listenOn(server, { ...target, port: shared, reusePort: true, clustered: true }, address, shared);
      server.once('listening', () => cluster._listening({ ...where, port: shared }));
    });
    return;
  }
  const onevent = (step, arg) => onServerEvent(server, step, arg);
  const label = `net.Server (listen ${target.path ?? `${address}:${port}`})`;
  let id = native.net.listen({ ...target, label }, onevent);
  // No IPv6 here: the IPv4 wildcard, as Node does.
  if (typeof id !== 'number' && target.fallback && id.code === 'EAFNOSUPPORT') {
    [target.address, address] = ['0.0.0.0', '0.0.0.0'];
    id = native.net.listen({ ...target, label }, onevent);
  }
  if (typeof id !== 'number') {
    const err = uvExceptionWithHostPort(id, 'listen', address, port);
    process.nextTick(() => server.emit('error', err));
    return;
  }
  server[kHandle] = new Handle(id);
  if (server._unref) server[kHandle].unref();
  server._pipeName = target.path;
  process.nextTick(() => {
    if (server[kHandle]) server.emit('listening');
  });
}

function onServerEvent(server, step, arg) {
  if (typeof arg !== 'number') {
    server.emit('error', errnoException({ ...arg, syscall: 'accept' }));
    return;
  }
  const handle = new Handle(arg);
  handle.accepted = true;
  if (server.maxConnections !== undefined && server._connections >= server.maxConnections) {
    const peer = handle.getpeername() ?? {};
    const local = handle.getsockname() ?? {};
    handle.close();
    server.emit('drop', {
      localAddress: local.address, localPort: local.port, localFamily: local.family,
      remoteAddress: peer.address, remotePort: peer.port, remoteFamily: peer.family,
    });
    return;
  }
  const socket = new Socket({
    handle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
    highWaterMark: server.highWaterMark,
  });
  if (server.noDelay) socket.setNoDelay(true);
  if (server.keepAlive) socket.setKeepAlive(true, server.keepAliveInitialDelay * 1000);
  server._connections++;
  socket.server = server;
  socket._server = server;
  server.emit('connection', socket);
}

Server.prototype.address = function () {
  if (!this[kHandle]) return null;
  if (this._pipeName !== undefined) return this._pipeName;
  return this[kHandle].getsockname() ?? null;
};

Server.prototype.close = function (callback) {
  if (typeof callback === 'function') {
    if (!this[kHandle]) {
      this.once('close', () => callback(codedError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
    } else {
      this.once('close', callback);
    }
  }
  if (this[kHandle]) {
    this[kHandle].close();
    this[kHandle] = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function () {
  if (this[kHandle] || this._connections) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function (callback) {
  process.nextTick(callback, null, this._connections);
  return this;
};

Server.prototype.ref = function () {
  this._unref = false;
  this[kHandle]?.ref();
  return this;
};

Server.prototype.unref = function () {
  this._unref = true;
  this[kHandle]?.unref();
  return this;
};

Server.prototype[Symbol.asyncDispose] = function () {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// --- SocketAddress, BlockList ---

class SocketAddress {
  #address;
  #port;
  #family;
  #flowlabel;
  constructor(options = {}) {
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    const { family = 'ipv4', port = 0, flowlabel = 0 } = options;
    if (typeof family !== 'string' || !['ipv4', 'ipv6'].includes(family.toLowerCase())) {
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.family' is invalid. Received ${inspect(family)}`);
    }
    this.#family = family.toLowerCase();
    const address = options.address ?? (this.#family === 'ipv4' ? '127.0.0.1' : '::');
    if (typeof address !== 'string') throw invalidArgType('options.address', 'of type string', address);
    if ((this.#family === 'ipv4' && !isIPv4(address)) || (this.#family === 'ipv6' && !isIPv6(address))) {
      throw codedError(Error, 'ERR_INVALID_ADDRESS', 'Invalid socket address');
    }
    this.#address = address;
    this.#port = validatePort(port, 'options.port');
    if (typeof flowlabel !== 'number' || flowlabel < 0 || flowlabel > 0xFFFFF || !Number.isInteger(flowlabel)) {
      throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.flowlabel" is out of range. It must be >= 0 && <= 1048575. Received ${flowlabel}`);
    }
    this.#flowlabel = flowlabel;
  }
  get address() { return this.#address; }
  get port() { return this.#port; }
  get family() { return this.#family; }
  get flowlabel() { return this.#flowlabel; }
  toJSON() {
    return { address: this.#address, port: this.#port, family: this.#family, flowlabel: this.#flowlabel };
  }
  [inspect.custom](depth, options) {
    return depth < 0 ? this : `SocketAddress ${inspect(this.toJSON(), options)}`;
  }
  static isSocketAddress(value) {
    return value instanceof SocketAddress;
  }
  static parse(input) {
    try {
      const { hostname, port } = new URL(`http://${input}`);
      const address = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
      return new SocketAddress({ address, port: Number(port) || 0, family: isIPv6(address) ? 'ipv6' : 'ipv4' });
    } catch {
      return undefined;
    }
  }
}

// An address as a BigInt, IPv4 addresses as IPv4-mapped IPv6 ones, so that
// rules of either family apply to both, as in Node.
function addressBits(address, family) {
  if (family === 'ipv4') return 0xffff00000000n | address.split('.').reduce((n, part) => (n << 8n) | BigInt(part), 0n);
  let text = address.split('%')[0];
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const bits = addressBits(tail[1], 'ipv4') & 0xffffffffn;
    text = `${text.slice(0, -tail[1].length)}${(bits >> 16n).toString(16)}:${(bits & 0xffffn).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const groups = (part) => (part ? part.split(':') : []);
  const all = rest === undefined ? groups(head) : [...groups(head), ...Array(8 - groups(head).length - groups(rest).length).fill('0'), ...groups(rest)];
  return all.reduce((n, group) => (n << 16n) | BigInt(`0x${group}`), 0n);
}

function toSocketAddress(address, family, name) {
  if (SocketAddress.isSocketAddress(address)) return address;
  if (typeof address !== 'string') throw invalidArgType(name, 'of type string', address);
  if (typeof family !== 'string') throw invalidArgType('family', 'of type string', family);
  return new SocketAddress({ address, family });
}

class BlockList {
  #rules = [];
  addAddress(address, family = 'ipv4') {
    const at = toSocketAddress(address, family, 'address');
    const bits = addressBits(at.address, at.family);
    this.#rules.unshift({ text: `Address: ${at.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${at.address}`, match: (n) => n === bits });
  }
  addRange(start, end, family = 'ipv4') {
    const from = toSocketAddress(start, family, 'start');
    const to = toSocketAddress(end, family, 'end');
    const [low, high] = [addressBits(from.address, from.family), addressBits(to.address, to.family)];
    if (low > high) throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'start' must come before end. Received ${inspect(from)}`);
    this.#rules.unshift({ text: `Range: ${from.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${from.address}-${to.address}`, match: (n) => n >= low && n <= high });
  }
  addSubnet(network, prefix, family = 'ipv4') {
    const at = toSocketAddress(network, family, 'network');
    const max = at.family === 'ipv4' ? 32 : 128;
    if (typeof prefix !== 'number') throw invalidArgType('prefix', 'of type number', prefix);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "prefix" is out of range. It must be >= 0 && <= ${max}. Received ${prefix}`);
    }
    const shift = BigInt((at.family === 'ipv4' ? 32 : 128) - prefix);
    const base = addressBits(at.address, at.family) >> shift;
    this.#rules.unshift({ text: `Subnet: ${at.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${at.address}/${prefix}`, match: (n) => n >> shift === base });
  }
  check(address, family = 'ipv4') {
    let at;
    try {
      at = toSocketAddress(address, family, 'address');
    } catch (err) {
      if (err.code === 'ERR_INVALID_ADDRESS') return false;
      throw err;
    }
    const bits = addressBits(at.address, at.family);
    return this.#rules.some((rule) => rule.match(bits));
  }
  get rules() {
    return this.#rules.map((rule) => rule.text);
  }
  static isBlockList(value) {
    return value instanceof BlockList;
  }
}

// --- the module ---

let defaultAutoSelectFamily = true;
let warnSimultaneousAccepts = true;
let defaultAutoSelectFamilyAttemptTimeout = 250;

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const [options] = normalizeConnectArgs(args);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

exports.net = {
  BlockList,
  SocketAddress,
  Server,
  Socket,
  Stream: Socket,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily: () => defaultAutoSelectFamily,
  setDefaultAutoSelectFamily(value) {
    if (typeof value !== 'boolean') throw invalidArgType('value', 'of type boolean', value);
    defaultAutoSelectFamily = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout: () => defaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    defaultAutoSelectFamilyAttemptTimeout = Math.max(10, value);
  },
  _normalizeArgs: normalizeConnectArgs,
  // Windows-only in Node; elsewhere a deprecated no-op.
  _setSimultaneousAccepts() {
    if (warnSimultaneousAccepts) {
      process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.', 'DeprecationWarning', 'DEP0121');
      warnSimultaneousAccepts = false;
    }
  },
};
Object.assign(exports, { idOf, kHandle, kAdopt, kOnTls, kOnConnected, validatePort, exceptionWithHostPort });

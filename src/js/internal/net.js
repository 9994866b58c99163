// node:net (src/js/node/net.js is the public module; node:tls builds on
// the internals exported here). A Socket is a Duplex over a socket handle of the loop
// (src/event_loop/net.rs, natives in src/host/net.rs); a Server owns a
// listening handle. The handle reports each of its results — `connection`,
// `connect`, `data`, `end`, `written`, `shutdown` — as a macrotask of the
// poll phase, and the objects here turn them into Node's events, in Node's
// order: what is emitted at once, on the next tick, or in the close phase.

const { EventEmitter } = require('internal/events');
const { Duplex, addAbortSignal } = require('internal/stream').stream;
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
const kSetKeepAlive = Symbol('setKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('setKeepAliveInitialDelay');
const kConnectOptions = Symbol('connectOptions');
// What node:cluster's primary marks the servers that reserve its workers' ports with.
const kReservePort = Symbol('reservePort');
const kListeningId = Symbol('listeningId');

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
  const where = port > 0 ? ` ${address}:${port}` : address ? ` ${address}` : '';
  const err = new Error(`${syscall} ${info.code}: ${info.description}${where}`);
  Object.assign(err, { errno: info.errno, code: info.code, syscall, address });
  if (port) err.port = port;
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

function outOfRange(name, range, value) {
  return codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${inspect(value)}`);
}

function validateInt32(value, name, min = -(2 ** 31)) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > 2 ** 31 - 1) throw outOfRange(name, `>= ${min} && <= ${2 ** 31 - 1}`, value);
}

const socketClosed = () => codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed');

// --- the handle ---

// A socket handle of the loop — what Node's TCP and Pipe wraps are to its
// net.js. A client's is made by socket.connect() at once, before the host
// is looked up, and opened by its connect(); an accepted one comes open. Its
// events go to its `owner` (a Socket); a listening one's connections to its
// `onconnection(err, clientHandle)`, looked up when each arrives.
// Where a handle connects or listens: { path } or { address, port }.
function checkTarget(target) {
  if (target === null || typeof target !== 'object') throw invalidArgType('target', 'of type object', target);
  if (target.path !== undefined) {
    if (typeof target.path !== 'string') throw invalidArgType('target.path', 'of type string', target.path);
    return;
  }
  if (typeof target.address !== 'string') throw invalidArgType('target.address', 'of type string', target.address);
  if (typeof target.port !== 'number') throw invalidArgType('target.port', 'of type number', target.port);
}

class Handle {
  #id = 0;
  #closed = false;
  #refed = true;
  constructor(id) {
    if (id !== undefined && (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)) throw invalidArgType('id', 'a handle id', id);
    this.#id = id ?? 0;
    this.reading = false;
    this.owner = null;
    this.onconnection = null;
  }
  // 0 until opened.
  get id() {
    return this.#id;
  }
  get closed() {
    return this.#closed;
  }
  // What the loop reports about this handle.
  onevent = (step, arg) => {
    if (step === 'connection') this.onconnection(typeof arg === 'number' ? 0 : arg, typeof arg === 'number' ? new Handle(arg) : undefined);
    else if (this.owner) onHandleEvent(this.owner, step, arg);
  };
  #open(id) {
    this.#id = id;
    if (!this.#refed) native.net.ref(id, false);
  }
  // connect({ address, port } or { path }, label): the failure, if it
  // failed at once; a 'connect' event follows otherwise.
  connect(target, label) {
    checkTarget(target);
    const id = native.net.connect({ ...target, label: `${label}` }, this.onevent);
    if (typeof id !== 'number') return id;
    this.#open(id);
  }
  listen(target, label) {
    checkTarget(target);
    const id = native.net.listen({ ...target, label: `${label}` }, this.onevent);
    if (typeof id !== 'number') return id;
    this.#open(id);
  }
  // Events come here from now on (an accepted handle, or one taken over).
  attach(label) {
    if (this.#id) native.net.attach(this.#id, this.onevent, `${label}`);
  }
  #live() {
    return this.#id !== 0 && !this.#closed;
  }
  readStart() {
    if (!this.#live()) return;
    this.reading = true;
    native.net.reading(this.#id, true);
  }
  readStop() {
    if (!this.#live()) return;
    this.reading = false;
    native.net.reading(this.#id, false);
  }
  ref() {
    this.#refed = true;
    if (this.#live()) native.net.ref(this.#id, true);
  }
  unref() {
    this.#refed = false;
    if (this.#live()) native.net.ref(this.#id, false);
  }
  // The close callback runs in the loop's close phase.
  close(callback) {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#id) native.net.close(this.#id);
    if (typeof callback === 'function') native.handles.closeCallback(callback);
  }
  // true when written at once, false when queued (a 'written' event
  // follows), else the failure.
  write(data) {
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
      throw invalidArgType('data', 'of type string or an instance of Buffer or Uint8Array', data);
    }
    if (!this.#live()) return { code: 'EBADF', errno: -9, syscall: 'write' };
    return native.net.write(this.#id, data);
  }
  // A 'shutdown' event follows.
  shutdown() {
    if (this.#live()) native.net.shutdown(this.#id);
  }
  // The close that follows sends an RST.
  reset() {
    if (this.#live()) native.net.reset(this.#id);
  }
  setNoDelay(enable) {
    if (this.#live()) native.net.setNoDelay(this.#id, Boolean(enable));
  }
  // The delay in seconds.
  setKeepAlive(enable, delay) {
    if (this.#live()) native.net.setKeepAlive(this.#id, Boolean(enable), Math.max(0, delay | 0));
  }
  getsockname() {
    return this.#live() ? native.net.address(this.#id, false) : undefined;
  }
  getpeername() {
    return this.#live() ? native.net.address(this.#id, true) : undefined;
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
  for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
    if (options[key]) {
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.${key}' is not supported. Received ${inspect(options[key])}`);
    }
  }
  if (options.fd !== undefined) {
    validateInt32(options.fd, 'fd', 0);
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
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = Math.max(0, ~~(options.keepAliveInitialDelay / 1000));
  this._pendingData = null;
  this._pendingWrites = [];
  this._shutdownCallback = null;
  if (options.handle) {
    attach(this, options.handle, 'net.Socket (accepted)');
    if (options.pauseOnCreate) {
      this._readableState.flowing = false;
      if (typeof this[kHandle].readStop === 'function') this[kHandle].readStop();
    } else {
      this.read(0);
    }
  }
  this.on('end', onReadableStreamEnd);
  if (options.signal) addAbortSignal(options.signal, this);
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

// The peer ended: without allowHalfOpen our side ends too (Duplex does it),
// and writing now is an error.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, callback) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, callback);
  if (typeof encoding === 'function') callback = encoding;
  const err = codedError(Error, 'EPIPE', 'This socket has been ended by the other party');
  if (typeof callback === 'function') process.nextTick(callback, err);
  this.destroy(err);
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

// A handle given to a socket (accepted, or any object with a handle's
// methods, as Node allows) reports to it.
function attach(socket, handle, label) {
  socket[kHandle] = handle;
  handle.owner = socket;
  if (handle instanceof Handle) handle.attach(label);
}

// Takes over another socket's handle (tls.TLSSocket over a net.Socket):
// its events come here from now on.
Socket.prototype[kAdopt] = function (socket, label) {
  if (!socket[kHandle].id) {
    throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'tls.TLSSocket over a net.Socket still looking up its host is not supported by tock yet');
  }
  attach(this, socket[kHandle], label);
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
      if (!socket.push(chunk) && socket[kHandle]?.reading) socket[kHandle].readStop();
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
  const handle = socket[kHandle];
  if (socket[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
  if (socket[kSetKeepAlive] && handle.setKeepAlive) handle.setKeepAlive(true, socket[kSetKeepAliveInitialDelay]);
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
  if (!this[kHandle].reading) this[kHandle].readStart();
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

// What is written while connecting waits (`_pendingData`, counted in
// bytesWritten) for the connection.
function writeGeneric(socket, data, callback) {
  if (socket.connecting) {
    socket._pendingData = data;
    const onClose = () => callback(codedError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established'));
    socket.once('connect', () => {
      socket.off('close', onClose);
      writeGeneric(socket, data, callback);
    });
    socket.once('close', onClose);
    return;
  }
  socket._pendingData = null;
  const handle = socket[kHandle];
  if (!handle) return callback(socketClosed());
  socket._unrefTimer();
  const done = handle.write(data);
  if (typeof done !== 'boolean') return callback(errnoException(done));
  socket[kBytesWritten] += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (done) return callback();
  socket._pendingWrites.push(callback);
}

Socket.prototype._write = function (chunk, encoding, callback) {
  const utf8 = typeof chunk !== 'string' || encoding === 'utf8' || encoding === 'utf-8';
  writeGeneric(this, utf8 ? chunk : Buffer.from(chunk, encoding), callback);
};

// Corked writes go out in one.
Socket.prototype._writev = function (chunks, callback) {
  writeGeneric(this, Buffer.concat(chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk))), callback);
};

Socket.prototype._final = function (callback) {
  if (this.pending && this.connecting) return this.once('connect', () => this._final(callback));
  const handle = this[kHandle];
  if (!handle || handle.closed) return callback();
  this._shutdownCallback = callback;
  handle.shutdown();
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
    this[kHandle].reset();
    this.destroy();
  }
  return this;
};

Socket.prototype.connect = function (...args) {
  const [options, callback] = normalizeArgs(args);
  if (options.port === undefined && (options.path === undefined || options.path === null)) {
    throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified');
  }
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this[kHandle] = null;
    this._peername = this._sockname = null;
    this._undestroy();
  }
  if (options.timeout) this.setTimeout(options.timeout);
  // The byte counts are the handle's: a new connection starts from 0.
  if (!this[kHandle]) {
    attach(this, new Handle());
    this.bytesRead = this[kBytesWritten] = 0;
  }
  if (callback) this.once('connect', callback);
  this._unrefTimer();
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

// connect() and listen() arguments as [options, callback]: (options),
// (path) or (port[, host]), each with an optional callback last.
function normalizeArgs(args) {
  let options = {};
  if (args.length === 0) return [options, null];
  const [first] = args;
  if (first !== null && typeof first === 'object') options = first;
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
  if (typeof port !== 'number' && typeof port !== 'string') throw invalidArgType('options.port', 'one of type number or string', port);
  port = validatePort(port);
  const { autoSelectFamily, autoSelectFamilyAttemptTimeout } = options;
  if (autoSelectFamily != null && typeof autoSelectFamily !== 'boolean') {
    throw invalidArgType('options.autoSelectFamily', 'of type boolean', autoSelectFamily);
  }
  if (autoSelectFamilyAttemptTimeout != null) validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
  const target = { port, localAddress, localPort };
  if (isIP(host)) {
    process.nextTick(() => {
      if (socket.connecting) internalConnect(socket, { ...target, address: host });
    });
    return;
  }
  if (options.lookup != null && typeof options.lookup !== 'function') throw invalidArgType('options.lookup', 'of type function', options.lookup);
  const lookup = options.lookup ?? require('node/dns').lookup;
  const family = options.family === undefined ? 0 : options.family;
  const autoSelect = autoSelectFamily ?? defaultAutoSelectFamily;
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
  const failure = socket[kHandle].connect(target, label);
  if (failure) socket.destroy(exceptionWithHostPort(failure, failure.syscall, target.path ?? target.address, target.port));
}

Socket.prototype.setTimeout = function (msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  if (typeof msecs !== 'number') throw invalidArgType('msecs', 'of type number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) throw outOfRange('msecs', 'a non-negative finite number', msecs);
  if (callback !== undefined && typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  this._clearTimer();
  if (msecs === 0) {
    if (callback) this.removeListener('timeout', callback);
    return this;
  }
  this[kTimeout] = timers.setTimeout(() => {
    this[kTimeout] = null;
    this.emit('timeout');
  }, msecs);
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

// Both settings are kept, for the connection to come, and reach the handle
// only when they change.
Socket.prototype.setNoDelay = function (enable) {
  const on = Boolean(enable === undefined ? true : enable);
  const handle = this[kHandle];
  if (!handle) this[kSetNoDelay] = on;
  else if (handle.setNoDelay && on !== this[kSetNoDelay]) {
    this[kSetNoDelay] = on;
    handle.setNoDelay(on);
  }
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelayMsecs) {
  const on = Boolean(enable);
  const delay = ~~(initialDelayMsecs / 1000);
  const handle = this[kHandle];
  if (handle && !handle.setKeepAlive) return this;
  const changed = on !== this[kSetKeepAlive] || (on && delay !== this[kSetKeepAliveInitialDelay]);
  this[kSetKeepAlive] = on;
  this[kSetKeepAliveInitialDelay] = delay;
  if (handle && changed) handle.setKeepAlive(on, delay);
  return this;
};

Socket.prototype.address = function () {
  return this._getsockname();
};

Socket.prototype._getsockname = function () {
  if (!this[kHandle]?.getsockname) return {};
  this._sockname ??= this[kHandle].getsockname() ?? null;
  return this._sockname ?? {};
};

Socket.prototype._getpeername = function () {
  if (!this[kHandle]?.getpeername) return this._peername ?? {};
  if (!this._peername) {
    const peer = this[kHandle].getpeername();
    if (!peer) return {};
    this._peername = peer;
  }
  return this._peername;
};

// Before connect() there is no handle yet: the connection decides.
for (const name of ['ref', 'unref']) {
  Socket.prototype[name] = function () {
    if (!this[kHandle]) this.once('connect', this[name]);
    else if (typeof this[kHandle][name] === 'function') this[kHandle][name]();
    return this;
  };
}

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
    const buffered = s._writableState?.buffered;
    if (!buffered) return undefined;
    const size = (chunk, encoding) => (typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length);
    let bytes = s[kBytesWritten];
    for (const { chunk, encoding } of buffered) bytes += size(chunk, encoding);
    if (s._pendingData) bytes += size(s._pendingData);
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
  this[kListeningId] = 0;
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

// A number >= 0 from a listen() argument, else false (Node's toNumber).
const toNumber = (value) => ((value = Number(value)) >= 0 ? value : false);

Server.prototype.listen = function (...args) {
  const [options, callback] = normalizeArgs(args);
  if (this[kHandle]) throw codedError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  if (callback) this.once('listening', callback);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);
  // A lookup still under way for an earlier listen() is void.
  const listening = ++this[kListeningId];
  this._exclusive = Boolean(options.exclusive);
  if (options.signal !== undefined) closeOnAbort(this, options.signal);
  // Node reads a backlog that is not a positive number as the default.
  const given = options.backlog || backlogFromArgs;
  const backlog = typeof given === 'number' && given > 0 ? Math.min(given, 2 ** 31 - 1) | 0 : 511;
  // listen(), listen(null), listen(callback) or { port: undefined or null }: any port.
  if (args.length === 0 || typeof args[0] === 'function' || options.port === null || ('port' in options && options.port === undefined)) {
    options.port = 0;
  }
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    const port = validatePort(options.port, 'options.port');
    const ipv6Only = Boolean(options.ipv6Only);
    if (!options.host) {
      listenOn(this, { address: '::', port, backlog, ipv6Only, fallback: true }, '::', port);
      return this;
    }
    require('node/dns').lookup(options.host, (err, ip) => {
      if (listening !== this[kListeningId]) return;
      if (err) this.emit('error', err);
      else listenOn(this, { address: ip, port, backlog, ipv6Only }, ip, port);
    });
    return this;
  }
  if (typeof options.path === 'string' && options.path !== '' && toNumber(options.path) === false) {
    listenOn(this, { path: options.path, backlog }, options.path, -1);
    if (this[kHandle] && (options.readableAll || options.writableAll)) openPipe(this, options);
    return this;
  }
  const reason = 'port' in options || 'path' in options ? 'is invalid' : 'must have the property "port" or "path"';
  throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'options' ${reason}. Received ${inspect(options)}`);
};

// readableAll / writableAll: the socket file gains read or write for all
// (what libuv's uv_pipe_chmod does).
function openPipe(server, { readableAll, writableAll }) {
  const fs = require('node/fs');
  const path = server._pipeName;
  const wanted = (readableAll ? 0o444 : 0) | (writableAll ? 0o222 : 0);
  try {
    const { mode } = fs.statSync(path);
    if ((mode & wanted) !== wanted) fs.chmodSync(path, (mode | wanted) & 0o7777);
  } catch (err) {
    server.close();
    throw errnoException({ code: err.code, errno: err.errno, syscall: 'uv_pipe_chmod' });
  }
}

function closeOnAbort(server, signal) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  const close = () => server.close();
  if (signal.aborted) {
    process.nextTick(close);
  } else {
    signal.addEventListener('abort', close, { once: true });
    server.once('close', () => signal.removeEventListener('abort', close));
  }
}

function listenOn(server, target, address, port) {
  // A cluster worker listens on the port the primary reserved for all.
  const cluster = require('node/cluster');
  if (cluster.isWorker && !target.path && !server._exclusive && !target.clustered) {
    // No host given: Node reports address null, type 4.
    const where = target.fallback ? { address: null, addressType: 4 } : { address, addressType: isIP(address) };
    cluster._getServer(server, { ...where, port, backlog: target.backlog }, (failure, shared) => {
      if (failure) {
        server.emit('error', exceptionWithHostPort(failure, 'bind', where.address, port));
        return;
      }
      listenOn(server, { ...target, port: shared, reusePort: true, clustered: true }, address, shared);
      server.once('listening', () => cluster._listening({ ...where, port: shared }));
    });
    return;
  }
  // The primary holding a port for its workers: bound, not listening.
  if (server[kReservePort]) target = { ...target, reusePort: true, bindOnly: true };
  const handle = new Handle();
  const label = `net.Server (listen ${target.path ?? `${address}:${port}`})`;
  let failure = handle.listen(target, label);
  // No IPv6 here: the IPv4 wildcard, as Node does.
  if (failure && target.fallback && failure.code === 'EAFNOSUPPORT') {
    [target.address, address] = ['0.0.0.0', '0.0.0.0'];
    failure = handle.listen(target, label);
  }
  if (failure) {
    const err = uvExceptionWithHostPort(failure, 'listen', address, port);
    process.nextTick(() => server.emit('error', err));
    return;
  }
  handle.owner = server;
  handle.onconnection = onconnection;
  server[kHandle] = handle;
  server._connectionKey = `${target.path === undefined ? isIP(address) : -1}:${address}:${port}`;
  if (server._unref) handle.unref();
  server._pipeName = target.path;
  process.nextTick(() => {
    if (server[kHandle]) server.emit('listening');
  });
}

// A listening handle's connection (`this`: the handle).
function onconnection(err, clientHandle) {
  const server = this.owner;
  if (err) {
    server.emit('error', errnoException({ ...err, syscall: 'accept' }));
    return;
  }
  if (server.maxConnections !== undefined && server._connections >= server.maxConnections) {
    const peer = clientHandle.getpeername() ?? {};
    const local = clientHandle.getsockname() ?? {};
    clientHandle.close();
    server.emit('drop', {
      localAddress: local.address, localPort: local.port, localFamily: local.family,
      remoteAddress: peer.address, remotePort: peer.port, remoteFamily: peer.family,
    });
    return;
  }
  if (server.noDelay && clientHandle.setNoDelay) clientHandle.setNoDelay(true);
  if (server.keepAlive && clientHandle.setKeepAlive) clientHandle.setKeepAlive(true, server.keepAliveInitialDelay);
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
    highWaterMark: server.highWaterMark,
  });
  socket[kSetNoDelay] = server.noDelay;
  socket[kSetKeepAlive] = server.keepAlive;
  socket[kSetKeepAliveInitialDelay] = server.keepAliveInitialDelay;
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
  this[kListeningId]++;
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

// captureRejections: a connection listener's rejection destroys the socket.
Server.prototype[EventEmitter.captureRejectionSymbol] = function (err, event, socket) {
  if (event === 'connection') socket.destroy(err);
  else this.emit('error', err);
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
  const [options] = normalizeArgs(args);
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
    validateInt32(value, 'value', 1);
    defaultAutoSelectFamilyAttemptTimeout = Math.max(10, value);
  },
  _normalizeArgs: normalizeArgs,
  // Windows-only in Node; elsewhere a deprecated no-op.
  _setSimultaneousAccepts() {
    if (warnSimultaneousAccepts) {
      process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.', 'DeprecationWarning', 'DEP0121');
      warnSimultaneousAccepts = false;
    }
  },
};
Object.assign(exports, { idOf, kHandle, kAdopt, kOnTls, kOnConnected, kReservePort, validatePort, exceptionWithHostPort });

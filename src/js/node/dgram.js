// node:dgram: UDP sockets, each a handle of the loop's socket layer once
// bound (natives in src/host/dgram.rs). As in Node, binding and sending
// resolve their address first (dns.lookup, a tick for an IP literal), a
// send before the socket is bound binds it and waits for 'listening', and
// a send done at once calls its callback on the next tick.

const { EventEmitter } = require('internal/events');
const { Buffer, FastBuffer } = require('internal/buffer');
const { codedError, invalidArgType, errnoException } = require('internal/errors');
const { validatePort, exceptionWithHostPort } = require('internal/net');

const UNBOUND = 0;
const BINDING = 1;
const BOUND = 2;
const DISCONNECTED = 0;
const CONNECTING = 1;
const CONNECTED = 2;

const kState = Symbol('state');
const bufferTypes = 'of type string or an instance of Buffer, TypedArray, or DataView';

function notRunning() {
  return codedError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

function Socket(type, listener) {
  if (!(this instanceof Socket)) return new Socket(type, listener);
  EventEmitter.call(this);
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
  }
  if (type !== 'udp4' && type !== 'udp6') {
    throw codedError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6');
  }
  if (options?.lookup !== undefined && typeof options.lookup !== 'function') {
    throw invalidArgType('lookup', 'of type function', options.lookup);
  }
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kState] = {
    id: 0,
    closed: false,
    bindState: UNBOUND,
    connectState: DISCONNECTED,
    queue: undefined,
    refed: true,
    reuseAddr: Boolean(options?.reuseAddr),
    ipv6Only: Boolean(options?.ipv6Only),
    recvBufferSize: options?.recvBufferSize,
    sendBufferSize: options?.sendBufferSize,
    lookup: options?.lookup ?? require('node/dns').lookup,
    // Datagrams waiting in the handle for room: their callbacks and sizes.
    sending: [],
  };
  const signal = options?.signal;
  if (signal !== undefined) {
    if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
    }
    const onAbort = () => {
      if (!this[kState].closed) this.close();
    };
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (socket[kState].closed) throw notRunning();
}

// The address a bind, send or connect goes to, resolved as its family says.
function lookup(socket, address, callback) {
  const family = socket.type === 'udp4' ? 4 : 6;
  socket[kState].lookup(address || (family === 4 ? '127.0.0.1' : '::1'), family, callback);
}

Socket.prototype.bind = function (port, address, callback) {
  const state = this[kState];
  healthCheck(this);
  if (state.bindState !== UNBOUND) {
    throw codedError(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
  }
  if (typeof port === 'function') {
    callback = port;
    port = 0;
    address = '';
  }
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    callback = address;
    address = port.address || '';
    exclusive = Boolean(port.exclusive);
    if (port.fd !== undefined) {
      throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'dgram.Socket.bind with an fd is not supported by tock');
    }
    port = port.port;
  } else if (typeof address === 'function') {
    callback = address;
    address = '';
  }
  if (port !== undefined && port !== null) port = validatePort(port);
  // A failed bind forgets its callback: it may be retried.
  if (typeof callback === 'function') {
    this.once('listening', callback);
    this.once(EventEmitter.errorMonitor, () => this.removeListener('listening', callback));
  }
  state.bindState = BINDING;
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
  lookup(this, address, (err, ip) => {
    if (state.closed) return;
    if (err) {
      state.bindState = UNBOUND;
      this.emit('error', err);
      return;
    }
    bindHandle(this, ip, port || 0, exclusive);
  });
  return this;
};

function bindHandle(socket, ip, port, exclusive) {
  const state = socket[kState];
  const cluster = require('node/cluster');
  // Workers share a port (SO_REUSEPORT) unless the bind is exclusive.
  const reusePort = cluster.isWorker && !exclusive;
  const id = native.dgram.bind({
    type: socket.type,
    address: ip,
    port,
    reuseAddr: state.reuseAddr,
    reusePort,
    ipv6Only: state.ipv6Only,
    label: `dgram.Socket (${socket.type})`,
  }, (step, arg, info) => onHandleEvent(socket, step, arg, info));
  if (typeof id !== 'number') {
    state.bindState = UNBOUND;
    socket.emit('error', exceptionWithHostPort(id, 'bind', ip, port));
    return;
  }
  state.id = id;
  if (!state.refed) native.net.ref(id, false);
  native.net.reading(id, true);
  state.bindState = BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
  socket.emit('listening');
}

function onHandleEvent(socket, step, arg, info) {
  if (step === 'message') {
    socket.emit('message', new FastBuffer(arg), info);
  } else if (step === 'read error') {
    socket.emit('error', errnoException({ ...arg, syscall: 'recvmsg' }));
  } else if (step === 'sent') {
    const { callback } = socket[kState].sending.shift();
    callback?.(arg === undefined ? null : errnoException(arg));
  }
}

// Calls made before the socket is bound wait for 'listening' (and are
// dropped if the bind fails).
function enqueue(socket, call) {
  const state = socket[kState];
  if (state.queue === undefined) {
    state.queue = [];
    const onError = () => {
      socket.removeListener('listening', onListening);
      state.queue = undefined;
    };
    const onListening = () => {
      socket.removeListener(EventEmitter.errorMonitor, onError);
      const queue = state.queue;
      state.queue = undefined;
      for (const queued of queue) queued();
    };
    socket.once(EventEmitter.errorMonitor, onError);
    socket.once('listening', onListening);
  }
  state.queue.push(call);
}

function outOfBounds(name) {
  return codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', `"${name}" is outside of buffer bounds`);
}

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') buffer = Buffer.from(buffer);
  else if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', bufferTypes, buffer);
  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) throw outOfBounds('offset');
  if (offset + length > buffer.byteLength) throw outOfBounds('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// One datagram of a message given as a list of chunks.
function datagramOf(list) {
  const bytes = list.map((chunk) => new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return bytes.length === 1 ? bytes[0] : Buffer.concat(bytes);
}

function chunksOf(buffer) {
  if (typeof buffer === 'string') return [Buffer.from(buffer)];
  if (ArrayBuffer.isView(buffer)) return [buffer];
  if (!Array.isArray(buffer)) throw invalidArgType('buffer', bufferTypes, buffer);
  const list = [];
  for (const chunk of buffer) {
    if (typeof chunk === 'string') list.push(Buffer.from(chunk));
    else if (ArrayBuffer.isView(chunk)) list.push(chunk);
    else throw invalidArgType('buffer list arguments', bufferTypes, buffer);
  }
  return list;
}

Socket.prototype.send = function (buffer, offset, length, port, address, callback) {
  const state = this[kState];
  const connected = state.connectState === CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw codedError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
  }
  const list = chunksOf(buffer);
  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address !== undefined && address !== null) {
    validateString(address, 'address');
  }
  healthCheck(this);
  if (state.bindState === UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BOUND) {
    enqueue(this, () => this.send(list, port, address, callback));
    return;
  }
  if (connected) {
    doSend(this, null, null, list, address, port, callback);
  } else {
    lookup(this, address, (err, ip) => doSend(this, err, ip, list, address, port, callback));
  }
};

function doSend(socket, err, ip, list, address, port, callback) {
  const state = socket[kState];
  if (err) {
    if (callback) process.nextTick(callback, err);
    else process.nextTick(() => socket.emit('error', err));
    return;
  }
  if (state.closed) return;
  const datagram = datagramOf(list);
  const sent = native.dgram.send(state.id, datagram, ip ?? undefined, port ?? 0);
  if (sent === true) {
    if (callback) process.nextTick(callback, null, datagram.byteLength);
  } else if (sent === false) {
    state.sending.push({ callback: callback && ((e) => (e ? callback(e) : callback(null, datagram.byteLength))), size: datagram.byteLength });
  } else if (callback) {
    process.nextTick(callback, exceptionWithHostPort(sent, 'send', address, port));
  }
}

// The legacy form: every argument given.
Socket.prototype.sendto = function (buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

Socket.prototype.connect = function (port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kState];
  if (state.connectState !== DISCONNECTED) throw codedError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
  state.connectState = CONNECTING;
  if (state.bindState === UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BOUND) {
    enqueue(this, () => connectBound(this, port, address, callback));
    return;
  }
  connectBound(this, port, address, callback);
};

function connectBound(socket, port, address, callback) {
  const state = socket[kState];
  if (callback) socket.once('connect', callback);
  lookup(socket, address, (err, ip) => {
    if (state.closed) return;
    if (!err) {
      const failed = native.dgram.connect(state.id, { address: ip, port });
      if (failed) err = exceptionWithHostPort(failed, 'connect', address, port);
    }
    if (err) {
      state.connectState = DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          socket.removeListener('connect', callback);
          callback(err);
        } else {
          socket.emit('error', err);
        }
      });
      return;
    }
    state.connectState = CONNECTED;
    process.nextTick(() => socket.emit('connect'));
  });
}

Socket.prototype.disconnect = function () {
  const state = this[kState];
  if (state.connectState !== CONNECTED) throw codedError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  const failed = native.dgram.disconnect(state.id, null);
  if (failed) throw errnoException({ ...failed, syscall: 'connect' });
  state.connectState = DISCONNECTED;
};

Socket.prototype.close = function (callback) {
  const state = this[kState];
  if (typeof callback === 'function') this.on('close', callback);
  if (state.queue !== undefined) {
    state.queue.push(() => this.close());
    return this;
  }
  healthCheck(this);
  state.closed = true;
  if (state.id) native.net.close(state.id);
  state.id = 0;
  state.sending.length = 0;
  process.nextTick(() => this.emit('close'));
  return this;
};

Socket.prototype[Symbol.asyncDispose] = function () {
  if (this[kState].closed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    try {
      this.close(resolve);
    } catch (err) {
      reject(err);
    }
  });
};

function addressOf(socket, peer, syscall) {
  const state = socket[kState];
  healthCheck(socket);
  const address = state.id ? native.net.address(state.id, peer) : undefined;
  if (address === undefined) throw errnoException({ code: 'EBADF', errno: -9, syscall });
  return address;
}

Socket.prototype.address = function () {
  return addressOf(this, false, 'getsockname');
};

Socket.prototype.remoteAddress = function () {
  healthCheck(this);
  if (this[kState].connectState !== CONNECTED) throw codedError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  return addressOf(this, true, 'getpeername');
};

// A socket option: the failure is thrown as Node words it (`setTTL EBADF`).
function setOption(socket, name, value) {
  const failed = native.dgram[name](socket[kState].id, value);
  if (failed) throw errnoException({ ...failed, syscall: name });
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
}

Socket.prototype.setBroadcast = function (flag) {
  setOption(this, 'setBroadcast', Boolean(flag));
};

Socket.prototype.setTTL = function (ttl) {
  validateNumber(ttl, 'ttl');
  setOption(this, 'setTTL', ttl);
  return ttl;
};

Socket.prototype.setMulticastTTL = function (ttl) {
  validateNumber(ttl, 'ttl');
  setOption(this, 'setMulticastTTL', ttl);
  return ttl;
};

Socket.prototype.setMulticastLoopback = function (flag) {
  setOption(this, 'setMulticastLoopback', Boolean(flag));
  return flag;
};

Socket.prototype.setMulticastInterface = function (interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  setOption(this, 'setMulticastInterface', interfaceAddress);
};

function membership(socket, join, name, request) {
  const failed = native.dgram.membership(socket[kState].id, { join, ...request });
  if (failed) throw errnoException({ ...failed, syscall: name });
}

Socket.prototype.addMembership = function (multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
  membership(this, true, 'addMembership', { group: multicastAddress, interface: interfaceAddress });
};

Socket.prototype.dropMembership = function (multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
  membership(this, false, 'dropMembership', { group: multicastAddress, interface: interfaceAddress });
};

Socket.prototype.addSourceSpecificMembership = function (sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  membership(this, true, 'addSourceSpecificMembership', { source: sourceAddress, group: groupAddress, interface: interfaceAddress });
};

Socket.prototype.dropSourceSpecificMembership = function (sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  membership(this, false, 'dropSourceSpecificMembership', { source: sourceAddress, group: groupAddress, interface: interfaceAddress });
};

function bufferSize(socket, size, receive) {
  if (size >>> 0 !== size) throw codedError(TypeError, 'ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer');
  const result = native.dgram.bufferSize(socket[kState].id, receive, size);
  if (typeof result === 'number') return result;
  const err = codedError(Error, 'ERR_SOCKET_BUFFER_SIZE',
    `Could not get or set buffer size: ${result.syscall} returned ${result.code} (${result.description})`);
  err.info = { errno: result.errno, code: result.code, message: result.description, syscall: result.syscall };
  err.errno = result.errno;
  err.syscall = result.syscall;
  throw err;
}

Socket.prototype.setRecvBufferSize = function (size) {
  bufferSize(this, size, true);
};

Socket.prototype.setSendBufferSize = function (size) {
  bufferSize(this, size, false);
};

Socket.prototype.getRecvBufferSize = function () {
  return bufferSize(this, 0, true);
};

Socket.prototype.getSendBufferSize = function () {
  return bufferSize(this, 0, false);
};

Socket.prototype.getSendQueueSize = function () {
  return this[kState].sending.reduce((total, { size }) => total + size, 0);
};

Socket.prototype.getSendQueueCount = function () {
  return this[kState].sending.length;
};

Socket.prototype.ref = function () {
  const state = this[kState];
  state.refed = true;
  if (state.id) native.net.ref(state.id, true);
  return this;
};

Socket.prototype.unref = function () {
  const state = this[kState];
  state.refed = false;
  if (state.id) native.net.ref(state.id, false);
  return this;
};

// Node's old underscored fields, deprecated (DEP0112): warned of once.
let warnedPrivates = false;
function deprecatedPrivate(name) {
  if (warnedPrivates) return;
  warnedPrivates = true;
  process.emitWarning(`Socket.prototype.${name} is deprecated`, 'DeprecationWarning', 'DEP0112');
}
for (const [name, field] of [['_handle', 'id'], ['_receiving', 'bindState'], ['_bindState', 'bindState'], ['_queue', 'queue'], ['_reuseAddr', 'reuseAddr']]) {
  Object.defineProperty(Socket.prototype, name, {
    get() {
      deprecatedPrivate(name);
      return this[kState][field];
    },
    set(value) {
      deprecatedPrivate(name);
      this[kState][field] = value;
    },
    configurable: true,
  });
}
Socket.prototype._healthCheck = function () {
  deprecatedPrivate('_healthCheck');
  healthCheck(this);
};
Socket.prototype._stopReceiving = function () {
  deprecatedPrivate('_stopReceiving');
  if (this[kState].id) native.net.reading(this[kState].id, false);
};

module.exports = { createSocket, Socket };

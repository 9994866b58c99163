// http.Server and http.ServerResponse. Each connection gets a parser; each
// request parsed becomes an IncomingMessage and a ServerResponse, answered
// in order (pipelined requests wait for the response before theirs).

const net = require('node/net');
const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const { captureRejectionSymbol } = require('internal/events').EventEmitter;
const { allocParser, freeParser, STATUS_CODES, checkInvalidHeaderChar, validateBoolean, validateInteger } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, kOutHeaders, kRejectNonStandardBodyWrites, kUniqueHeaders, parseUniqueHeadersOption, onSocketDrain } = require('internal/http/outgoing');

const kConnections = Symbol('http.server.connections');
const kCheckInterval = Symbol('http.server.connectionsCheckingInterval');

const responses = {
  HPE_HEADER_OVERFLOW: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n',
  ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
};
const badRequest = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

// --- ServerResponse ---

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te ?? '');
    this.shouldKeepAlive = false;
  }
  if (options?.rejectNonStandardBodyWrites) this[kRejectNonStandardBodyWrites] = true;
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function () {
  OutgoingMessage.prototype._finish.call(this);
};

ServerResponse.prototype.assignSocket = function (socket) {
  if (socket._httpMessage) throw codedError(Error, 'ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket');
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function (socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

function onServerResponseClose() {
  const res = this._httpMessage;
  if (res) {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }
}

ServerResponse.prototype.writeContinue = function (callback) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', callback);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function (callback) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', callback);
};

// A Link value: `<uri>`, then `; name`, `; name=value` or `; name="value"`.
const linkValue = /^<[^>]*>(?:\s*;\s*[^;"\s]+(?:=(?:"[^;"\s]*"|[^;"\s]*))?)*$/;

function validateLinks(links) {
  const list = Array.isArray(links) ? links : [links];
  if (typeof links === 'string' || Array.isArray(links)) {
    if (list.every((link) => typeof link === 'string' && linkValue.test(link))) return list.join(', ');
  }
  const shown = inspect(Array.isArray(links) ? list.find((link) => typeof link !== 'string' || !linkValue.test(link)) : links);
  throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'hints' must be an array or string of format "</styles.css>; rel=preload; as=style". Received ${shown.length > 128 ? `${shown.slice(0, 128)}...` : shown}`);
}

ServerResponse.prototype.writeEarlyHints = function (hints, callback) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  if (hints === null || typeof hints !== 'object' || Array.isArray(hints)) throw invalidArgType('hints', 'of type object', hints);
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinks(hints.link);
  if (link.length === 0) return;
  head += `Link: ${link}\r\n`;
  for (const key of Object.keys(hints)) if (key !== 'link') head += `${key}: ${hints[key]}\r\n`;
  this._writeRaw(`${head}\r\n`, 'ascii', callback);
};

ServerResponse.prototype._implicitHeader = function () {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function (statusCode, reason, obj) {
  if (this._header) throw codedError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
  const original = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw codedError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${typeof original === 'object' && original !== null ? inspect(original) : original}`);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders]) {
    if (obj !== undefined && obj !== null) {
      if (Array.isArray(obj)) {
        if (obj.length && Array.isArray(obj[0])) {
          for (const [k, v] of obj) this.appendHeader(k, v);
        } else {
          if (obj.length % 2 !== 0) throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'headers' is invalid. Received ${require('internal/inspect').inspect(obj)}`);
          // They override what was set, keeping their own duplicates.
          for (let n = 0; n < obj.length; n += 2) this.removeHeader(obj[n]);
          for (let n = 0; n < obj.length; n += 2) if (obj[n]) this.appendHeader(obj[n], obj[n + 1]);
        }
      } else {
        for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  if (checkInvalidHeaderChar(this.statusMessage)) {
    throw codedError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
  }
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// --- Server ---

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === null || options === undefined) {
    options = {};
  } else if (typeof options !== 'object' || Array.isArray(options)) {
    throw invalidArgType('options', 'of type object', options);
  }
  storeOptions(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', () => setupConnectionsTracking(this));
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Map(); // socket -> its connection's state
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

// The server's options, checked as Node checks them.
function storeOptions(server, options) {
  server[IncomingMessageKey] = options.IncomingMessage || IncomingMessage;
  server[ServerResponseKey] = options.ServerResponse || ServerResponse;
  const integer = (name, fallback) => {
    const value = options[name];
    if (value === undefined) return fallback;
    validateInteger(value, name, 0);
    return value;
  };
  const boolean = (name, fallback) => {
    const value = options[name];
    if (value === undefined) return fallback;
    validateBoolean(value, `options.${name}`);
    return value;
  };
  server.maxHeaderSize = integer('maxHeaderSize', undefined);
  server.insecureHTTPParser = boolean('insecureHTTPParser', undefined);
  server.requestTimeout = integer('requestTimeout', 300000);
  server.headersTimeout = integer('headersTimeout', Math.min(60000, server.requestTimeout));
  if (server.requestTimeout > 0 && server.headersTimeout > 0 && server.headersTimeout > server.requestTimeout) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "headersTimeout" is out of range. It must be <= requestTimeout. Received ${server.headersTimeout}`);
  }
  server.keepAliveTimeout = integer('keepAliveTimeout', 5000);
  server.connectionsCheckingInterval = integer('connectionsCheckingInterval', 30000);
  server.requireHostHeader = boolean('requireHostHeader', true);
  server.joinDuplicateHeaders = boolean('joinDuplicateHeaders', undefined);
  server.rejectNonStandardBodyWrites = boolean('rejectNonStandardBodyWrites', false);
}
const IncomingMessageKey = Symbol('IncomingMessage');
const ServerResponseKey = Symbol('ServerResponse');

Server.prototype.setTimeout = function (msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype.close = function (...args) {
  this.closeIdleConnections();
  if (this[kCheckInterval]) clearInterval(this[kCheckInterval]);
  return net.Server.prototype.close.apply(this, args);
};

Server.prototype.closeAllConnections = function () {
  for (const socket of [...this[kConnections].keys()]) socket.destroy();
};

// Idle: between messages (a new connection is not: it waits for its first),
// with no response still being written.
Server.prototype.closeIdleConnections = function () {
  for (const [socket, state] of [...this[kConnections]]) {
    const message = socket._httpMessage;
    if (state.messageStart === undefined && (!message || message.finished)) socket.destroy();
  }
};

// captureRejections: a request handler's rejection answers 500 (without the
// headers it set) when nothing was sent yet, and else ends the response.
Server.prototype[captureRejectionSymbol] = function (err, event, ...args) {
  if (event !== 'request') {
    const base = net.Server.prototype[captureRejectionSymbol];
    if (base) base.call(this, err, event, ...args);
    else this.emit('error', err);
    return;
  }
  const res = args[1];
  if (!res.headersSent && !res.writableEnded) {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.statusCode = 500;
    res.end(STATUS_CODES[500]);
  } else {
    res.destroy();
  }
};

Server.prototype[Symbol.asyncDispose] = function () {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// headersTimeout and requestTimeout, checked every connectionsCheckingInterval,
// count from the start of the message being read (or of the connection, for
// its first); a connection timed out is not checked again.
function setupConnectionsTracking(server) {
  if (server[kCheckInterval]) clearInterval(server[kCheckInterval]);
  server[kCheckInterval] = setInterval(() => checkConnections(server), server.connectionsCheckingInterval).unref();
}

function checkConnections(server) {
  if (server.headersTimeout === 0 && server.requestTimeout === 0) return;
  const now = performance.now();
  for (const [socket, state] of [...server[kConnections]]) {
    if (state.messageStart === undefined || state.timedOut) continue;
    const headersLate = server.headersTimeout > 0 && !state.headersDone && now - state.messageStart > server.headersTimeout;
    const requestLate = server.requestTimeout > 0 && now - state.messageStart > server.requestTimeout;
    if (headersLate || requestLate) {
      state.timedOut = true;
      socketOnError.call(socket, codedError(Error, 'ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
    }
  }
}

function connectionListener(socket) {
  const server = this;
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);
  const parser = allocParser(true, server.maxHeaderSize);
  const state = {
    outgoing: [],
    incoming: [],
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    messageStart: performance.now(),
    headersDone: false,
    timedOut: false,
    req: null,
  };
  server[kConnections].set(socket, state);
  socket.parser = parser;
  socket.server = server;
  parser.socket = socket;
  parser.onHeaders = (info) => onRequestHead(server, socket, state, info);
  parser.onBody = (chunk) => {
    const req = state.req;
    if (req && !req._dumped && !req.push(chunk)) socket.pause();
  };
  parser.onComplete = (trailers) => {
    const req = state.req;
    state.req = null;
    state.messageStart = undefined;
    if (!req) return;
    req.complete = true;
    if (trailers.length) req.rawTrailers = trailers;
    req.push(null);
  };
  parser.onError = (err) => {
    state.parseError = err;
  };
  parser.onUpgrade = (rest) => {
    state.upgradeHead = rest;
  };
  socket.on('data', (chunk) => socketOnData(server, socket, state, chunk));
  socket.on('end', () => socketOnEnd(server, socket, state));
  socket.on('close', () => {
    server[kConnections].delete(socket);
    freeParser(socket.parser);
    socket.parser = null;
    abortIncoming(state);
  });
  socket.on('drain', onSocketDrain);
  socket.on('error', socketOnError);
  socket._paused = false;
}

function socketOnData(server, socket, state, chunk) {
  startMessage(state);
  if (state.keepAliveTimeoutSet) {
    socket.setTimeout(0);
    if (server.timeout) socket.setTimeout(server.timeout);
    state.keepAliveTimeoutSet = false;
  }
  socket.parser?.execute(chunk, server.listenerCount('upgrade') > 0);
  afterExecute(server, socket, state, chunk);
}

function afterExecute(server, socket, state) {
  if (state.parseError) {
    const err = state.parseError;
    state.parseError = null;
    socketOnError.call(socket, err);
    return;
  }
  const req = state.upgradeReq;
  if (!req) return;
  state.upgradeReq = null;
  const head = state.upgradeHead ?? Buffer.alloc(0);
  state.upgradeHead = null;
  socket.removeAllListeners('data');
  socket.removeAllListeners('end');
  socket.removeAllListeners('drain');
  socket.removeListener('error', socketOnError);
  socket.removeListener('timeout', socketOnTimeout);
  freeParser(socket.parser);
  socket.parser = null;
  // Taken over: no longer an HTTP connection of the server's.
  server[kConnections].delete(socket);
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (event === 'upgrade' || server.listenerCount(event) > 0) {
    server.emit(event, req, socket, head);
  } else {
    socket.destroy();
  }
}

// A message began: its bytes arrived (or, pipelined, its head was parsed).
function startMessage(state) {
  if (state.messageStart !== undefined) return;
  state.messageStart = performance.now();
  state.headersDone = false;
  state.timedOut = false;
}

function onRequestHead(server, socket, state, info) {
  startMessage(state);
  state.headersDone = true;
  const req = new server[IncomingMessageKey](socket);
  req.httpVersionMajor = info.versionMajor;
  req.httpVersionMinor = info.versionMinor;
  req.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
  socket.parser.setMaxHeadersCount(server.maxHeadersCount);
  req.rawHeaders = socket.parser.limitHeaders(info.rawHeaders);
  req.joinDuplicateHeaders = Boolean(server.joinDuplicateHeaders);
  req.method = info.method;
  req.url = info.url;
  req.upgrade = info.upgrade;
  socket.parser.incoming = req;
  if (info.upgrade) {
    state.upgradeReq = req;
    return;
  }
  state.req = req;
  state.incoming.push(req);
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }
  const res = new server[ServerResponseKey](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = (delta) => updateOutgoingData(socket, state, delta);
  res.shouldKeepAlive = info.shouldKeepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];
  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);
  res.on('finish', () => resOnFinish(req, res, socket, state, server));
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (server.requireHostHeader && req.headers.host === undefined) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return;
    }
    // maxRequestsPerSocket: the last one allowed says Connection: close, any
    // after it is dropped with a 503.
    const limit = server.maxRequestsPerSocket;
    if (typeof limit === 'number' && limit > 0) {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached = limit <= state.requestsCount;
      if (limit < state.requestsCount) {
        server.emit('dropRequest', req, socket);
        res.writeHead(503);
        res.end();
        return;
      }
    }
    if (req.headers.expect !== undefined) {
      if (/(?:^|\W)100-continue(?:$|\W)/i.test(req.headers.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
      return;
    }
  }
  server.emit('request', req, res);
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  if (socket._paused && state.outgoingData < socket.writableHighWaterMark) {
    socket._paused = false;
    socket.resume();
  }
}

function resOnFinish(req, res, socket, state, server) {
  const at = state.incoming.indexOf(req);
  if (at !== -1) state.incoming.splice(at, 1);
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  if (!req.readableEnded && req.complete) req.once('end', () => {});
  process.nextTick(() => {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  });
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      // A second past the advertised timeout: a client reusing the socket
      // just in time does not meet a reset.
      socket.setTimeout(server.keepAliveTimeout + 1000);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const next = state.outgoing.shift();
    if (next) next.assignSocket(socket);
  }
}

function abortIncoming(state) {
  while (state.incoming.length) {
    const req = state.incoming.shift();
    if (!req.complete || !req.readableEnded) req.destroy(connReset('aborted'));
  }
}

function connReset(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

function socketOnEnd(server, socket, state) {
  socket.parser?.finish();
  if (state.parseError) {
    const err = state.parseError;
    state.parseError = null;
    socketOnError.call(socket, err);
    return;
  }
  if (!server.httpAllowHalfOpen) {
    abortIncoming(state);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function noop() {}

function socketOnError(e) {
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);
  if (!this.server.emit('clientError', e, this)) {
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      this.write(responses[e.code] ?? badRequest);
    }
    this.destroy(e);
  }
}

function socketOnTimeout() {
  const req = this.parser?.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

module.exports = { Server, ServerResponse, connectionListener, kConnections, kConnectionsCheckingInterval: kCheckInterval };

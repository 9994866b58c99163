// http.Server and http.ServerResponse. Each connection gets a parser; each
// request parsed becomes an IncomingMessage and a ServerResponse, answered
// in order (pipelined requests wait for the response before theirs).

const net = require('node/net');
const { codedError, invalidArgType } = require('internal/errors');
const { HTTPParser, STATUS_CODES, checkInvalidHeaderChar } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, kOutHeaders, kRejectNonStandardBodyWrites, onSocketDrain } = require('internal/http/outgoing');

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

ServerResponse.prototype.writeEarlyHints = function (hints, callback) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  if (hints === null || typeof hints !== 'object') throw invalidArgType('hints', 'of type object', hints);
  if (hints.link === null || hints.link === undefined) return;
  const links = Array.isArray(hints.link) ? hints.link : [hints.link];
  head += `Link: ${links.join(', ')}\r\n`;
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
    throw codedError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${original}`);
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
  } else if (typeof options !== 'object') {
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
  this[kConnections] = new Set();
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

function storeOptions(server, options) {
  server[IncomingMessageKey] = options.IncomingMessage || IncomingMessage;
  server[ServerResponseKey] = options.ServerResponse || ServerResponse;
  const number = (name, fallback) => {
    const value = options[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.${name}" is out of range. It must be >= 0 && <= ${2 ** 53 - 1}. Received ${value}`);
    }
    return value;
  };
  server.maxHeaderSize = options.maxHeaderSize;
  server.requestTimeout = number('requestTimeout', 300000);
  server.headersTimeout = number('headersTimeout', Math.min(60000, server.requestTimeout || 60000));
  if (server.requestTimeout > 0 && server.headersTimeout > 0 && server.headersTimeout > server.requestTimeout) {
    throw codedError(TypeError, 'ERR_OUT_OF_RANGE', 'The value of "headersTimeout" is out of range. It must be <= requestTimeout.');
  }
  server.keepAliveTimeout = 5000;
  server.connectionsCheckingInterval = number('connectionsCheckingInterval', 30000);
  server.requireHostHeader = options.requireHostHeader ?? true;
  server.joinDuplicateHeaders = options.joinDuplicateHeaders;
  server.rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites ?? false;
  server.insecureHTTPParser = options.insecureHTTPParser;
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
  for (const connection of [...this[kConnections]]) connection.socket.destroy();
};

Server.prototype.closeIdleConnections = function () {
  for (const connection of [...this[kConnections]]) {
    const message = connection.socket._httpMessage;
    if (connection.state.incoming.length === 0 && (!message || message.finished)) connection.socket.destroy();
  }
};

Server.prototype[Symbol.asyncDispose] = function () {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// headersTimeout and requestTimeout, checked every connectionsCheckingInterval.
function setupConnectionsTracking(server) {
  if (server[kCheckInterval]) clearInterval(server[kCheckInterval]);
  if (!server.connectionsCheckingInterval) return;
  server[kCheckInterval] = setInterval(() => checkConnections(server), server.connectionsCheckingInterval).unref();
}

function checkConnections(server) {
  const now = performance.now();
  for (const connection of [...server[kConnections]]) {
    const { state, socket } = connection;
    if (state.headersStart === undefined) continue;
    const headersLate = server.headersTimeout > 0 && !state.headersDone && now - state.headersStart > server.headersTimeout;
    const requestLate = server.requestTimeout > 0 && now - state.headersStart > server.requestTimeout;
    if (headersLate || requestLate) {
      state.headersStart = undefined;
      socketOnError.call(socket, codedError(Error, 'ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
    }
  }
}

function connectionListener(socket) {
  const server = this;
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);
  const parser = new HTTPParser(true, server.maxHeaderSize);
  const state = {
    outgoing: [],
    incoming: [],
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    headersStart: undefined,
    headersDone: false,
    parser,
    req: null,
  };
  const connection = { socket, state };
  server[kConnections].add(connection);
  socket.parser = parser;
  socket.server = server;
  parser.socket = socket;
  parser.incoming = null;
  parser.onHeaders = (info) => onRequestHead(server, socket, state, info);
  parser.onBody = (chunk) => {
    const req = state.req;
    if (req && !req._dumped && !req.push(chunk)) socket.pause();
  };
  parser.onComplete = (trailers) => {
    const req = state.req;
    state.req = null;
    state.headersStart = undefined;
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
    server[kConnections].delete(connection);
    parser.free();
    abortIncoming(state);
  });
  socket.on('drain', onSocketDrain);
  socket.on('error', socketOnError);
  socket._paused = false;
}

function socketOnData(server, socket, state, chunk) {
  if (state.headersStart === undefined) {
    state.headersStart = performance.now();
    state.headersDone = false;
  }
  if (state.keepAliveTimeoutSet) {
    socket.setTimeout(0);
    if (server.timeout) socket.setTimeout(server.timeout);
    state.keepAliveTimeoutSet = false;
  }
  state.parser.execute(chunk, server.listenerCount('upgrade') > 0);
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
  state.parser.free();
  socket.parser = null;
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (event === 'upgrade' || server.listenerCount(event) > 0) {
    server.emit(event, req, socket, head);
  } else {
    socket.destroy();
  }
}

function onRequestHead(server, socket, state, info) {
  state.headersDone = true;
  const req = new server[IncomingMessageKey](socket);
  req.httpVersionMajor = info.versionMajor;
  req.httpVersionMinor = info.versionMinor;
  req.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
  req.rawHeaders = info.rawHeaders;
  if (typeof server.maxHeadersCount === 'number' && server.maxHeadersCount > 0 && req.rawHeaders.length > server.maxHeadersCount * 2) {
    req.rawHeaders = req.rawHeaders.slice(0, server.maxHeadersCount * 2);
  }
  req.joinDuplicateHeaders = Boolean(server.joinDuplicateHeaders);
  req.method = info.method;
  req.url = info.url;
  req.upgrade = info.upgrade;
  state.parser.incoming = req;
  if (info.upgrade) {
    state.upgradeReq = req;
    return;
  }
  state.req = req;
  state.requestsCount++;
  state.incoming.push(req);
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }
  const res = new server[ServerResponseKey](req, { rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = (delta) => updateOutgoingData(socket, state, delta);
  res.shouldKeepAlive = info.shouldKeepAlive;
  if (server.maxRequestsPerSocket > 0 && state.requestsCount >= server.maxRequestsPerSocket) {
    res.maxRequestsOnConnectionReached = true;
  }
  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);
  res.on('finish', () => resOnFinish(req, res, socket, state, server));
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (server.requireHostHeader && req.headers.host === undefined) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return;
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
      socket.setTimeout(server.keepAliveTimeout);
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
  state.parser.finish();
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

module.exports = { Server, ServerResponse, connectionListener, kConnections };

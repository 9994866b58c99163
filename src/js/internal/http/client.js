// http.ClientRequest: a request written on a socket the agent gives (or
// one of its own), and the response parsed from it. When the response
// ends on a keep-alive connection the socket is 'free' again for the agent.

const net = require('node/net');
const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const common = require('internal/http/common');
const { checkIsHttpToken } = common;
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, kOutHeaders, kUniqueHeaders, parseUniqueHeadersOption, onSocketDrain } = require('internal/http/outgoing');
const agents = require('internal/http/agent');
const { urlToHttpOptions } = require('internal/url_legacy');

const invalidPath = /[\u0000-\u0020]/;

function connReset(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

function ClientRequest(input, options, callback) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    const text = input;
    try {
      input = urlToHttpOptions(new URL(text));
    } catch {
      throw codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL', { input: text });
    }
  } else if (input instanceof URL) {
    input = urlToHttpOptions(input);
  } else {
    callback = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    callback = options;
    options = input || {};
  } else {
    options = { ...input, ...options };
  }

  let agent = options.agent;
  const defaultAgent = options._defaultAgent || agents.globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    options.agent = agent;
  } else if (typeof agent.addRequest !== 'function') {
    throw invalidArgType('options.agent', 'one of Agent-like Object, undefined, or false', agent);
  }
  this.agent = agent;

  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent?.protocol) expectedProtocol = this.agent.protocol;
  if (options.path) {
    const path = String(options.path);
    if (invalidPath.test(path)) throw codedError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
  }
  if (protocol !== expectedProtocol) {
    throw codedError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expectedProtocol}"`);
  }
  const defaultPort = options.defaultPort || this.agent?.defaultPort;
  const port = options.port = options.port || defaultPort || 80;
  const host = options.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = validateTimeout(options.timeout);

  const method = options.method;
  if (method !== null && method !== undefined && typeof method !== 'string') throw invalidArgType('options.method', 'of type string', method);
  if (method && !checkIsHttpToken(method)) {
    throw codedError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
  }
  this.method = method ? method.toUpperCase() : 'GET';
  this.path = options.path || '/';
  if (callback) this.once('response', callback);
  if (this.method === 'GET' || this.method === 'HEAD' || this.method === 'DELETE' || this.method === 'OPTIONS' || this.method === 'TRACE' || this.method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  }
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  if (options.maxHeaderSize !== undefined) common.validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = options.maxHeaderSize;
  if (options.insecureHTTPParser !== undefined) common.validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = options.insecureHTTPParser;
  if (options.joinDuplicateHeaders !== undefined) common.validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this._ended = false;

  if (this.agent) {
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }

  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      // An IPv6 address (two colons or more) goes in brackets.
      const colon = hostHeader.indexOf(':');
      if (colon !== -1 && hostHeader.includes(':', colon + 1) && !hostHeader.startsWith('[')) hostHeader = `[${hostHeader}]`;
      if (port && +port !== defaultPort) hostHeader += `:${port}`;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
    }
    if (this.getHeader('expect')) {
      if (this._header) throw codedError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot render headers after they are sent to the client');
      this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
    }
  } else {
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, options.headers);
  }
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);

  if (options.signal) {
    const signal = options.signal;
    const abort = () => this.destroy(require('internal/abort').abortError(signal));
    if (signal.aborted) abort();
    else {
      signal.addEventListener('abort', abort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', abort));
    }
  }

  const connectOptions = { ...options };
  delete connectOptions.signal;
  if (this.agent) {
    this.agent.addRequest(this, connectOptions);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    let opts = connectOptions;
    if (this.socketPath) opts = { ...opts, path: this.socketPath };
    let called = false;
    const oncreate = (err, socket) => {
      if (called) return;
      called = true;
      if (err) process.nextTick(() => this.emit('error', err));
      this.onSocket(socket, err);
    };
    const socket = typeof options.createConnection === 'function' ? options.createConnection(opts, oncreate) : net.createConnection(opts);
    if (socket) oncreate(null, socket);
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw invalidArgType(`options.${name}`, 'of type string or one of undefined or null', host);
  }
  return host;
}

// A timer's duration: a non-negative finite number, cut (with a warning) to
// what a 32-bit signed integer holds.
const maxTimeout = 2 ** 31 - 1;
function validateTimeout(timeout, name = 'timeout') {
  if (typeof timeout !== 'number') throw invalidArgType(name, 'of type number', timeout);
  if (timeout < 0 || !Number.isFinite(timeout)) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be a non-negative finite number. Received ${timeout}`);
  }
  if (timeout > maxTimeout) {
    process.emitWarning(`${timeout} does not fit into a 32-bit signed integer.\nTimer duration was truncated to ${maxTimeout}.`, 'TimeoutOverflowWarning');
    return maxTimeout;
  }
  return timeout;
}

Object.defineProperty(ClientRequest.prototype, 'destroyed', {
  get() {
    return this._destroyed ?? false;
  },
  set(value) {
    this._destroyed = value;
  },
  configurable: true,
});

ClientRequest.prototype._finish = function () {
  OutgoingMessage.prototype._finish.call(this);
};

ClientRequest.prototype._implicitHeader = function () {
  if (this._header) throw codedError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot render headers after they are sent to the client');
  this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
};

ClientRequest.prototype.abort = function () {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this[kError] = err;
  this.socket?.destroy(err);
  return this;
};
const kError = Symbol('error');

// The socket (from the agent or our own): on the next tick, the parser is
// set up, 'socket' is emitted and what was written goes out — unless the
// request was destroyed meanwhile: then the socket goes back to the agent
// (or is destroyed) and the request ends with 'error' and 'close'.
ClientRequest.prototype.onSocket = function (socket, err) {
  process.nextTick(() => onSocketNT(this, socket, err));
};

function onSocketNT(req, socket, err) {
  if (!req.destroyed && !err) {
    tickOnSocket(req, socket);
    req._flush();
    return;
  }
  req.destroyed = true;
  const end = (error) => {
    if (!req.aborted && !error) error = connReset('socket hang up');
    if (error) req.emit('error', error);
    req._closed = true;
    req.emit('close');
  };
  if (socket) {
    if (!err && req.agent && !socket.destroyed) {
      socket.emit('free');
    } else {
      socket.destroy(err || req[kError]);
      require('internal/stream').stream.finished(socket, (er) => {
        if (er?.code === 'ERR_STREAM_PREMATURE_CLOSE') er = null;
        end(er || err);
      });
      return;
    }
  }
  end(err || req[kError]);
}

function tickOnSocket(req, socket) {
  const parser = common.allocParser(false, req.maxHeaderSize);
  req.socket = socket;
  req.parser = parser;
  parser.socket = socket;
  parser.outgoing = req;
  parser.incoming = null;
  socket.parser = parser;
  socket._httpMessage = req;
  if (req.method === 'HEAD') parser.noBody();
  parser.setMaxHeadersCount(req.maxHeadersCount);
  parser.onHeaders = (info) => onResponseHead(req, socket, parser, info);
  parser.onBody = (chunk) => {
    const res = parser.incoming;
    // What follows the head of a CONNECT's answer is the tunnel's, not a body.
    if (res?.upgrade) {
      parser.upgradeHead = parser.upgradeHead ? Buffer.concat([parser.upgradeHead, chunk]) : chunk;
      return;
    }
    if (res && !res._dumped && !res.push(chunk)) socket.pause();
  };
  parser.onComplete = (trailers) => {
    const res = parser.incoming;
    if (!res) return;
    parser.incoming = null;
    res.complete = true;
    if (trailers.length) res.rawTrailers = trailers;
    if (res.statusCode >= 100 && res.statusCode < 200 && res.statusCode !== 101) return;
    res.push(null);
  };
  parser.onError = (err) => {
    parser.error = err;
  };
  parser.onUpgrade = (rest) => {
    parser.upgradeHead = rest;
  };
  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  socket.on('drain', ondrain);
  if (req.timeout !== undefined || req.agent?.options?.timeout) listenSocketTimeout(req);
  req.emit('socket', socket);
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = () => req.emit('timeout');
  if (req.socket) req.socket.once('timeout', req.timeoutCb);
  else req.on('socket', (socket) => socket.once('timeout', req.timeoutCb));
}

ClientRequest.prototype.setTimeout = function (msecs, callback) {
  if (this._ended) return this;
  listenSocketTimeout(this);
  msecs = validateTimeout(msecs, 'msecs');
  if (callback) this.once('timeout', callback);
  if (this.socket) setSocketTimeout(this.socket, msecs);
  else this.once('socket', (socket) => setSocketTimeout(socket, msecs));
  return this;
};

function setSocketTimeout(socket, msecs) {
  if (socket.connecting) socket.once('connect', () => socket.setTimeout(msecs));
  else socket.setTimeout(msecs);
}

ClientRequest.prototype.setNoDelay = function (noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (socket) => socket.setNoDelay(noDelay));
};

ClientRequest.prototype.setSocketKeepAlive = function (enable, delay) {
  if (this.socket) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (socket) => socket.setKeepAlive(enable, delay));
};

ClientRequest.prototype.clearTimeout = function (callback) {
  this.setTimeout(0, callback);
};

function onResponseHead(req, socket, parser, info) {
  const res = new IncomingMessage(socket);
  res.httpVersionMajor = info.versionMajor;
  res.httpVersionMinor = info.versionMinor;
  res.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
  res.rawHeaders = parser.limitHeaders(info.rawHeaders);
  res.joinDuplicateHeaders = Boolean(req.joinDuplicateHeaders);
  res.statusCode = info.statusCode;
  res.statusMessage = info.statusMessage;
  res.upgrade = info.upgrade;
  parser.incoming = res;
  if (req.res) {
    // A second response on the same request.
    socket.destroy();
    return;
  }
  req.res = res;
  if (res.upgrade) return;
  if (req.method === 'CONNECT') {
    res.upgrade = true;
    return;
  }
  const status = res.statusCode;
  if (status >= 100 && status < 200) {
    req.res = null;
    if (status === 100) req.emit('continue');
    req.emit('information', {
      statusCode: status,
      statusMessage: res.statusMessage,
      httpVersion: res.httpVersion,
      httpVersionMajor: res.httpVersionMajor,
      httpVersionMinor: res.httpVersionMinor,
      headers: res.headers,
      rawHeaders: res.rawHeaders,
    });
    return;
  }
  const keepAlive = info.shouldKeepAlive && !bodyRunsToEnd(req, res);
  if (req.shouldKeepAlive && !keepAlive && !req.upgradeOrConnect) req.shouldKeepAlive = false;
  res.req = req;
  res.on('end', responseOnEnd);
  req.on('finish', requestOnFinish);
  socket.on('timeout', responseOnTimeout);
  if (req.aborted || !req.emit('response', res)) res._dump();
  if (status === 304) res.complete = true;
}

// A response body with neither a length nor chunked framing ends with the
// connection, which then cannot be kept alive. (The parser's shouldKeepAlive
// reads only the Connection header.)
function bodyRunsToEnd(req, res) {
  const status = res.statusCode;
  if (req.method === 'HEAD' || status === 204 || status === 304) return false;
  const { headers } = res;
  return headers['content-length'] === undefined && !/(?:^|,)\s*chunked\s*$/i.test(headers['transfer-encoding'] ?? '');
}

function socketOnData(chunk) {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  parser.execute(chunk);
  if (parser.error) {
    const err = parser.error;
    freeParser(parser, req, socket);
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.destroy();
    req.socket._hadError = true;
    req.emit('error', err);
    return;
  }
  const res = parser.incoming ?? req.res;
  if (res?.upgrade && req.res === res) {
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);
    const head = parser.upgradeHead ?? Buffer.alloc(0);
    freeParser(parser, req, socket);
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(event) > 0) {
      req.upgradeOrConnect = true;
      socket.emit('agentRemove');
      socket.removeListener('close', socketCloseListener);
      socket.removeListener('error', socketErrorListener);
      socket._httpMessage = null;
      socket.readableFlowing = null;
      req.emit(event, res, socket, head);
      req.destroyed = true;
      req._closed = true;
      req.emit('close');
    } else {
      socket.destroy();
    }
  } else if (req.res?.complete && parser.incoming === null && !(req.res.statusCode >= 100 && req.res.statusCode < 200)) {
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    freeParser(parser, req, socket);
  }
}

function freeParser(parser, req, socket) {
  if (!parser || parser.freed) return;
  common.freeParser(parser);
  if (socket) socket.parser = null;
  if (req) req.parser = null;
}

function socketOnEnd() {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  if (!req.res && !req.socket._hadError) {
    req.socket._hadError = true;
    req.emit('error', connReset('socket hang up'));
  }
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.destroy();
}

function socketCloseListener() {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  const res = req.res;
  req.destroyed = true;
  if (parser) parser.finish();
  if (res) {
    if (!res.complete) res.destroy(connReset('aborted'));
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) res.push(null);
  } else {
    if (!req.socket._hadError) {
      req.socket._hadError = true;
      req.emit('error', connReset('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }
  if (req.outputData) req.outputData.length = 0;
  freeParser(parser, req, socket);
}

function socketErrorListener(err) {
  const socket = this;
  const req = socket._httpMessage;
  if (req) {
    req.socket._hadError = true;
    req.emit('error', err);
  }
  const parser = socket.parser;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.destroy();
}

const ondrain = onSocketDrain;

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  if (socket) {
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);
  }
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket.writable) {
      if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end();
    }
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function requestOnFinish() {
  const req = this;
  if (req.shouldKeepAlive && req._ended) responseKeepAlive(req);
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (!req) return;
  const res = req.res;
  if (!res) return;
  res.emit('timeout');
}

function responseKeepAlive(req) {
  const socket = req.socket;
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('drain', ondrain);
  socket.removeListener('close', socketCloseListener);
  socket.once('error', () => {});
  req.destroyed = true;
  if (req.res) req.res.socket = null;
  freeParser(socket.parser, req, socket);
  process.nextTick(() => {
    req._closed = true;
    req.emit('close');
    if (req.socket) {
      req.socket.removeAllListeners('error');
      req.socket.emit('free');
    }
  });
}

module.exports = { ClientRequest, Agent: agents.Agent, urlToHttpOptions };

// http.OutgoingMessage: what ServerResponse and ClientRequest share — the
// headers as the program set them (names' case kept), the head Node
// writes from them, and the body, chunked or with a Content-Length.
// Written to the socket once it has one; buffered before.

const { Stream } = require('internal/stream').stream;
const { captureRejectionSymbol } = require('internal/events').EventEmitter;
const { codedError, invalidArgType } = require('internal/errors');
const { validateHeaderName, validateHeaderValue, checkInvalidHeaderChar } = require('internal/http/common');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('corked');
const kHighWaterMark = Symbol('kHighWaterMark');
const kErrored = Symbol('errored');
const kBytesWritten = Symbol('kBytesWritten');

const crlf = '\r\n';

// The Date header, made at most once a second.
let dateCache;
function utcDate() {
  if (!dateCache) {
    dateCache = new Date().toUTCString();
    setTimeout(() => {
      dateCache = undefined;
    }, 1000 - new Date().getMilliseconds()).unref();
  }
  return dateCache;
}

const headersSent = (what) => codedError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${what} headers after they are sent to the client`);

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = () => {};
  this[kErrored] = null;
  this[kHighWaterMark] = options?.highWaterMark ?? 16384;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

for (const [name, get] of Object.entries({
  writableFinished: (m) => m.finished && m.outputSize === 0 && (!m.socket || m.socket.writableLength === 0),
  writableObjectMode: () => false,
  writableLength: (m) => m.outputSize + (m.socket ? m.socket.writableLength : 0),
  writableHighWaterMark: (m) => (m.socket ? m.socket.writableHighWaterMark : m[kHighWaterMark]),
  writableCorked: (m) => (m.socket ? m.socket.writableCorked : 0) + m[kCorked],
  writableEnded: (m) => m.finished,
  writableNeedDrain: (m) => !m.destroyed && !m.finished && m[kNeedDrain],
  errored: (m) => m[kErrored],
  closed: (m) => m._closed,
  headersSent: (m) => Boolean(m._header),
  connection: (m) => m.socket,
})) {
  Object.defineProperty(OutgoingMessage.prototype, name, { get() { return get(this); }, configurable: true });
}

// DEP0066: the headers map (lower-cased names to values) and the names as
// set (lower-cased names to names), from before getHeaders().
const deprecated = (fn) => require('internal/util').util.deprecate(fn, `OutgoingMessage.prototype.${fn.name} is deprecated`, 'DEP0066');
Object.defineProperty(OutgoingMessage.prototype, '_headers', {
  get: deprecated(function _headers() {
    return this.getHeaders();
  }),
  set: deprecated(function _headers(value) {
    if (value === null || value === undefined) {
      this[kOutHeaders] = null;
    } else if (typeof value === 'object') {
      const headers = (this[kOutHeaders] = { __proto__: null });
      for (const name of Object.keys(value)) headers[name.toLowerCase()] = [name, value[name]];
    }
  }),
  configurable: true,
});
Object.defineProperty(OutgoingMessage.prototype, '_headerNames', {
  get: deprecated(function _headerNames() {
    const headers = this[kOutHeaders];
    if (headers === null) return null;
    const names = { __proto__: null };
    for (const key of Object.keys(headers)) names[key] = headers[key][0];
    return names;
  }),
  set: deprecated(function _headerNames(value) {
    const headers = this[kOutHeaders];
    if (value === null || typeof value !== 'object' || !headers) return;
    for (const key of Object.keys(value)) if (headers[key]) headers[key][0] = value[key];
  }),
  configurable: true,
});

// The headers by the names as set.
OutgoingMessage.prototype._renderHeaders = function () {
  if (this._header) throw headersSent('render');
  const headers = {};
  for (const [name, value] of Object.values(this[kOutHeaders] ?? {})) headers[name] = value;
  return headers;
};

OutgoingMessage.prototype.cork = function () {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function () {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked]) this[kCorked]--;
};

OutgoingMessage.prototype.setTimeout = function (msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) this.once('socket', (socket) => socket.setTimeout(msecs));
  else this.socket.setTimeout(msecs);
  return this;
};

OutgoingMessage.prototype.destroy = function (error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

// Bytes for the socket, or for the buffer until there is one.
OutgoingMessage.prototype._send = function (data, encoding, callback, byteLength) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      this.outputData.unshift({ data: this._header, encoding: 'latin1', callback: null });
      this.outputSize += this._header.length;
      this._onPendingData(this._header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

OutgoingMessage.prototype._writeRaw = function (data, encoding, callback, size) {
  const conn = this.socket;
  if (conn?.destroyed) return false;
  if (typeof encoding === 'function') [callback, encoding] = [encoding, null];
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this[kHighWaterMark];
};

// The head, from the first line and the headers, with what Node adds:
// Date, Connection (and Keep-Alive), then Content-Length or chunked.
OutgoingMessage.prototype._storeHeader = function (firstLine, headers) {
  const state = { connection: false, contLen: false, te: false, date: false, expect: false, trailer: false, header: firstLine };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const [name, value] = headers[key];
        processHeader(this, state, name, value, false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [name, value] of headers) processHeader(this, state, name, value, true);
      } else {
        if (headers.length % 2 !== 0) throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'headers' is invalid. Received ${require('internal/inspect').inspect(headers)}`);
        for (let i = 0; i < headers.length; i += 2) processHeader(this, state, headers[i], headers[i + 1], true);
      }
    } else {
      for (const key in headers) if (Object.hasOwn(headers, key)) processHeader(this, state, key, headers[key], true);
    }
  }
  let { header } = state;
  if (this.sendDate && !state.date) header += `Date: ${utcDate()}${crlf}`;
  // A 204 or 304 has no body: no zero chunk either, and the connection closes.
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }
  if (this._removedConnection) {
    // No Connection header: the connection persists as the protocol's default says.
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += `Connection: close${crlf}`;
    } else if (shouldSendKeepAlive) {
      header += `Connection: keep-alive${crlf}`;
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        const timeoutSeconds = Math.floor(this._keepAliveTimeout / 1000);
        let max = '';
        if (~~this._maxRequestsPerSocket > 0) max = `, max=${this._maxRequestsPerSocket}`;
        header += `Keep-Alive: timeout=${timeoutSeconds}${max}${crlf}`;
      }
    } else {
      this._last = true;
      header += `Connection: close${crlf}`;
    }
  }
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += `Content-Length: ${this._contentLength}${crlf}`;
    } else if (!this._removedTE) {
      header += `Transfer-Encoding: chunked${crlf}`;
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  if (this.chunkedEncoding !== true && state.trailer) {
    throw codedError(Error, 'ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding');
  }
  this._header = header + crlf;
  this._headerSent = false;
  // Expect: 100-continue waits for the server's answer: send the head now.
  if (state.expect) this._send('');
};

function processHeader(message, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  // A Content-Disposition beside a Content-Length: its latin1 value is
  // taken as the UTF-8 bytes it spells (RFC 6266 4.3), as Node does.
  if (message._contentLength && key.length === 19 && key.toLowerCase() === 'content-disposition') {
    const recode = (text) => Buffer.from(text, 'latin1').toString();
    value = Array.isArray(value) ? value.map(recode) : recode(value);
  }
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) && (!message[kUniqueHeaders] || !message[kUniqueHeaders].has(key.toLowerCase()))) {
      for (const each of value) storeHeader(message, state, key, each, validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(message, state, key, value, validate);
}

// The `uniqueHeaders` option: fields whose values are sent on one line.
const kUniqueHeaders = Symbol('kUniqueHeaders');
const parseUniqueHeadersOption = (names) => (Array.isArray(names) ? new Set(names.map((name) => name.toLowerCase())) : null);
const isCookieField = (name) => name.length === 6 && name.toLowerCase() === 'cookie';

function storeHeader(message, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += `${key}: ${value}${crlf}`;
  matchHeader(message, state, key, `${value}`);
}

function matchHeader(message, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  switch (field.toLowerCase()) {
    case 'connection':
      state.connection = true;
      message._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(value)) message._last = true;
      else message.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      message._removedTE = false;
      if (/(?:^|\W)chunked(?:$|\W)/i.test(value)) message.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      message._contentLength = +value;
      message._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field.toLowerCase()] = true;
      break;
    case 'keep-alive':
      message._defaultKeepAlive = false;
      break;
  }
}

OutgoingMessage.prototype.setHeader = function (name, value) {
  if (this._header) throw headersSent('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  (this[kOutHeaders] ??= { __proto__: null })[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.setHeaders = function (headers) {
  if (this._header) throw headersSent('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
    throw invalidArgType('headers', 'an instance of Headers or Map', headers);
  }
  const cookies = [];
  for (const [key, value] of headers) {
    if (key === 'set-cookie') {
      if (Array.isArray(value)) cookies.push(...value);
      else cookies.push(value);
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

OutgoingMessage.prototype.appendHeader = function (name, value) {
  if (this._header) throw headersSent('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = name.toLowerCase();
  const headers = (this[kOutHeaders] ??= { __proto__: null });
  if (headers[field] === undefined) {
    headers[field] = [name, value];
    return this;
  }
  const existing = Array.isArray(headers[field][1]) ? headers[field][1] : [headers[field][1]];
  headers[field][1] = existing.concat(value);
  return this;
};

OutgoingMessage.prototype.getHeader = function (name) {
  if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
  return this[kOutHeaders]?.[name.toLowerCase()]?.[1];
};

OutgoingMessage.prototype.getHeaderNames = function () {
  return this[kOutHeaders] ? Object.keys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function () {
  return this[kOutHeaders] ? Object.values(this[kOutHeaders]).map(([name]) => name) : [];
};

OutgoingMessage.prototype.getHeaders = function () {
  const out = { __proto__: null };
  for (const key in this[kOutHeaders] ?? {}) out[key] = this[kOutHeaders][key][1];
  return out;
};

OutgoingMessage.prototype.hasHeader = function (name) {
  if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
  return Boolean(this[kOutHeaders]?.[name.toLowerCase()]);
};

OutgoingMessage.prototype.removeHeader = function (name) {
  if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
  if (this._header) throw headersSent('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection': this._removedConnection = true; break;
    case 'content-length': this._removedContLen = true; break;
    case 'transfer-encoding': this._removedTE = true; break;
    case 'date': this.sendDate = false; break;
  }
  if (this[kOutHeaders]) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype._implicitHeader = function () {
  throw codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _implicitHeader() method is not implemented');
};

OutgoingMessage.prototype.write = function (chunk, encoding, callback) {
  if (typeof encoding === 'function') [callback, encoding] = [encoding, null];
  const ret = write(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

// The callback first, then 'error', as Node's onError.
function writeAfterEnd(message, err, callback) {
  if (message.destroyed) return;
  process.nextTick(() => {
    if (typeof callback === 'function') callback(err);
    if (!message.destroyed) message.emit('error', err);
  });
}

function write(message, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = () => {};
  if (chunk === null) throw codedError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
  }
  let err;
  if (message.finished) err = codedError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  else if (message.destroyed) err = codedError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
  if (err) {
    if (!message.destroyed) writeAfterEnd(message, err, callback);
    else process.nextTick(callback, err);
    return false;
  }
  let length;
  if (message.strictContentLength) {
    length = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    const total = message[kBytesWritten] + length;
    if (checksContentLength(message) && (fromEnd ? total !== message._contentLength : total > message._contentLength)) {
      throw contentLengthMismatch(total, message._contentLength);
    }
    message[kBytesWritten] = total;
  }
  if (!message._header) {
    if (fromEnd) {
      length ??= typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      message._contentLength = length;
    }
    message._implicitHeader();
  }
  if (!message._hasBody) {
    if (message[kRejectNonStandardBodyWrites]) {
      throw codedError(Error, 'ERR_HTTP_BODY_NOT_ALLOWED', 'Adding content for this request method or response status is not allowed.');
    }
    process.nextTick(callback);
    return true;
  }
  if (!fromEnd && message.socket && !message.socket.writableCorked) {
    message.socket.cork();
    process.nextTick(() => message.socket?.uncork());
  }
  if (message.chunkedEncoding && chunk.length !== 0) {
    length ??= typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    message._send(length.toString(16), 'latin1', null);
    message._send(crlf, 'latin1', null);
    message._send(chunk, encoding, null, length);
    return message._send(crlf, 'latin1', callback);
  }
  return message._send(chunk, encoding, callback, length);
}

const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

// strictContentLength holds only where the body's length is the one declared.
function checksContentLength(message) {
  return message.strictContentLength && message._contentLength !== null && message._contentLength !== undefined &&
    message._hasBody && !message._removedContLen && !message.chunkedEncoding && !message.hasHeader('transfer-encoding');
}

const contentLengthMismatch = (written, declared) => codedError(Error, 'ERR_HTTP_CONTENT_LENGTH_MISMATCH', `Response body's content-length of ${written} byte(s) does not match the content-length of ${declared} byte(s) set in header`);

OutgoingMessage.prototype.addTrailers = function (headers) {
  this._trailer = '';
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  // Lines joined once (QuickJS copies a string on every `+=`); indexed
  // loops, cheaper than iterators here.
  const lines = [];
  const add = (field, each) => {
    if (checkInvalidHeaderChar(`${each}`)) {
      this._trailer = lines.join('');
      throw codedError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in trailer content ["${field}"]`);
    }
    lines.push(`${field}: ${each}${crlf}`);
  };
  for (let i = 0; i < entries.length; i++) {
    const field = entries[i][0];
    const value = entries[i][1];
    validateHeaderName(field, 'Trailer name');
    if (Array.isArray(value) && value.length > 1 && !this[kUniqueHeaders]?.has(field.toLowerCase())) {
      for (let j = 0; j < value.length; j++) add(field, value[j]);
    } else {
      add(field, Array.isArray(value) ? value.join('; ') : value);
    }
  }
  this._trailer = lines.join('');
};

OutgoingMessage.prototype.end = function (chunk, encoding, callback) {
  if (typeof chunk === 'function') [callback, chunk, encoding] = [chunk, null, null];
  else if (typeof encoding === 'function') [callback, encoding] = [encoding, null];
  if (chunk) {
    if (this.finished) {
      writeAfterEnd(this, codedError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'), callback);
      return this;
    }
    if (this.socket) this.socket.cork();
    write(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(codedError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
    }
    return this;
  } else if (!this._header) {
    if (this.socket) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if (checksContentLength(this) && this[kBytesWritten] !== this._contentLength) {
    throw contentLengthMismatch(this[kBytesWritten], this._contentLength);
  }
  const finish = () => onFinish(this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send(`0${crlf}${this._trailer}${crlf}`, 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }
  if (this.socket) {
    // Fully uncork the socket: the whole message goes out in one write.
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this[kCorked] = 0;
  this.finished = true;
  if (this.outputData.length === 0 && this.socket?._httpMessage === this) this._finish();
  return this;
};

function onFinish(message) {
  if (message.socket?._hadError) return;
  message.emit('finish');
}

OutgoingMessage.prototype._finish = function () {
  this.emit('prefinish');
};

// The socket arrived: what was written before goes out now.
OutgoingMessage.prototype._flush = function () {
  const socket = this.socket;
  if (socket?.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

OutgoingMessage.prototype._flushOutput = function (socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const output = this.outputData;
  if (output.length === 0) return undefined;
  socket.cork();
  let ret;
  for (const { data, encoding, callback } of output) ret = socket.write(data, encoding, callback ?? undefined);
  socket.uncork();
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

// The socket drained: the message's own 'drain', if a write said to wait.
function onSocketDrain() {
  const message = this._httpMessage;
  if (message && !message.finished && message[kNeedDrain]) {
    message[kNeedDrain] = false;
    message.emit('drain');
  }
}

OutgoingMessage.prototype.flushHeaders = function () {
  if (!this._header) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype[captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

OutgoingMessage.prototype.pipe = function () {
  this.emit('error', codedError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
};

module.exports = {
  OutgoingMessage,
  kOutHeaders,
  kNeedDrain,
  kUniqueHeaders,
  parseUniqueHeadersOption,
  kRejectNonStandardBodyWrites,
  kHighWaterMark,
  onSocketDrain,
  utcDate,
};

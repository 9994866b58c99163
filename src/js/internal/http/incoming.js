// http.IncomingMessage: a request a server received, or a response a
// client received — a Readable of the body, with the head as Node keeps it.

const { Readable } = require('internal/stream').stream;

// Fields whose repeats Node drops (the first wins).
const singletons = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization', 'proxy-authorization',
  'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards', 'retry-after', 'etag',
  'last-modified', 'server', 'age', 'expires',
]);

// A list field joins its repeats (cookie with '; '); one a plain object
// already has (`constructor`) counts as absent.
function addHeaderLine(target, name, value, joinDuplicates) {
  const key = name.toLowerCase();
  const existing = target[key];
  if (key === 'set-cookie') {
    if (existing === undefined) target[key] = [value];
    else existing.push(value);
  } else if (!singletons.has(key)) {
    target[key] = typeof existing === 'string' ? `${existing}${key === 'cookie' ? '; ' : ', '}${value}` : value;
  } else if (existing === undefined) {
    target[key] = value;
  } else if (joinDuplicates) {
    target[key] = `${existing}, ${value}`;
  }
}

function headersOf(raw, joinDuplicates) {
  const headers = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(headers, raw[i], raw[i + 1], joinDuplicates);
  return headers;
}

function distinctOf(raw) {
  const headers = { __proto__: null };
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    (headers[key] ??= []).push(raw[i + 1]);
  }
  return headers;
}

function IncomingMessage(socket) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
  const highWaterMark = socket?.readableHighWaterMark;
  Readable.call(this, highWaterMark === undefined ? {} : { highWaterMark });
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this._headers = null;
  this._trailers = null;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

for (const [name, raw, distinct] of [
  ['headers', 'rawHeaders', false],
  ['trailers', 'rawTrailers', false],
  ['headersDistinct', 'rawHeaders', true],
  ['trailersDistinct', 'rawTrailers', true],
]) {
  const slot = Symbol(name);
  Object.defineProperty(IncomingMessage.prototype, name, {
    get() {
      this[slot] ??= distinct ? distinctOf(this[raw]) : headersOf(this[raw], this.joinDuplicateHeaders);
      return this[slot];
    },
    set(value) {
      this[slot] = value;
    },
    configurable: true,
    enumerable: true,
  });
}

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  get() {
    return this.socket;
  },
  set(value) {
    this.socket = value;
  },
  configurable: true,
});

IncomingMessage.prototype.setTimeout = function (msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

// Reading resumes the socket the parser paused when the body backed up.
IncomingMessage.prototype._read = function () {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  const socket = this.socket;
  if (socket && !socket._paused && socket.readable) socket.resume();
};

IncomingMessage.prototype._destroy = function (err, callback) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    require('internal/stream').stream.finished(this.socket, (e) => {
      if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      process.nextTick(reportError, this, e || err, callback);
    });
    return;
  }
  process.nextTick(reportError, this, err, callback);
};

// As Node keeps it: the error is emitted only when someone listens for it.
function reportError(message, error, callback) {
  callback(message.listenerCount('error') === 0 ? undefined : error);
}

// Nobody reads the body: throw it away, so the connection can go on.
IncomingMessage.prototype._dump = function () {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

IncomingMessage.prototype._addHeaderLines = function (headers, n) {
  for (let i = 0; i < n; i += 2) addHeaderLine(this.headers, headers[i], headers[i + 1], this.joinDuplicateHeaders);
};

exports.IncomingMessage = IncomingMessage;

// What node:http's server and client share: the parser (in Rust,
// src/host/http.rs), header validation, and the status and method tables.

const { FastBuffer } = require('internal/buffer');
const { codedError, invalidArgType } = require('internal/errors');

const METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
  'UNLOCK', 'UNSUBSCRIBE',
];

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

const tokenPattern = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const invalidHeaderChar = /[^\t\x20-\x7e\x80-\xff]/;

const checkIsHttpToken = (value) => tokenPattern.test(value);
const checkInvalidHeaderChar = (value) => invalidHeaderChar.test(value);

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw codedError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `${label} must be a valid HTTP token ["${name}"]`);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw codedError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  if (checkInvalidHeaderChar(`${value}`)) {
    throw codedError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
}

const outOfRange = (name, range, value) => codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);

function validateNumber(value, name, min) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (value < min || Number.isNaN(value)) throw outOfRange(name, `>= ${min}`, value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
}

function validateInteger(value, name, min, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

let maxHeaderSize = 16384;
for (const arg of process.execArgv ?? []) {
  const match = /^--max-http-header-size=(\d+)$/.exec(arg);
  if (match) maxHeaderSize = Number(match[1]);
}

// Node's parser callbacks, by number (the binding's kOnHeaders…), for
// programs that drive a parser themselves; tock's server and client set
// onHeaders, onBody, onComplete, onError and onUpgrade instead.
const kOnHeaders = 1;
const kOnHeadersComplete = 2;
const kOnBody = 3;
const kOnMessageComplete = 4;

// One connection's parser. `execute(bytes)` parses what the socket read and
// calls, in order, `onHeaders(info)`, `onBody(chunk)`, `onComplete(trailers)`,
// `onError(err)` or `onUpgrade(rest)`. `initialize` gives it a new native
// parser, so one object can serve connection after connection (the pool).
class HTTPParser {
  static REQUEST = 1;
  static RESPONSE = 2;
  static kOnMessageBegin = 0;
  static kOnHeaders = kOnHeaders;
  static kOnHeadersComplete = kOnHeadersComplete;
  static kOnBody = kOnBody;
  static kOnMessageComplete = kOnMessageComplete;
  static kOnExecute = 5;
  static kOnTimeout = 6;
  #id = 0;
  constructor() {
    this.freed = true;
    this.clean();
  }
  initialize(type, resource, maxSize = maxHeaderSize) {
    this.close();
    const size = Number(maxSize);
    this.#id = native.http.parser(type === HTTPParser.REQUEST, size >= 1 && size < 2 ** 31 ? Math.trunc(size) : maxHeaderSize);
    this.freed = false;
  }
  // Drops what ties the parser to its last connection.
  clean() {
    this.onHeaders = null;
    this.onBody = null;
    this.onComplete = null;
    this.onError = null;
    this.onUpgrade = null;
    this.socket = null;
    this.incoming = null;
    this.outgoing = null;
    this.error = null;
    this.upgradeHead = null;
    this.maxHeaderPairs = 2000;
  }
  // maxHeadersCount, as a server or request sets it: 0 keeps them all.
  setMaxHeadersCount(count) {
    this.maxHeaderPairs = typeof count === 'number' ? count << 1 : 2000;
  }
  // The raw headers of a message, cut to maxHeadersCount.
  limitHeaders(raw) {
    return this.maxHeaderPairs > 0 && raw.length > this.maxHeaderPairs ? raw.slice(0, this.maxHeaderPairs) : raw;
  }
  // `upgrades`: whether an upgrade request takes the connection over.
  // Returns, as Node's, the bytes taken, or the parse error.
  execute(bytes, upgrades = true) {
    if (!(bytes instanceof Uint8Array)) throw invalidArgType('data', 'an instance of Buffer or Uint8Array', bytes);
    if (this.freed) return undefined;
    return this.#dispatch(native.http.execute(this.#id, bytes, upgrades !== false), bytes) ?? bytes.length;
  }
  // The connection ended: a body that ends with it is complete.
  finish() {
    if (!this.freed) return this.#dispatch(native.http.finish(this.#id));
    return undefined;
  }
  // The response being read answers a HEAD request.
  noBody() {
    native.http.noBody(this.#id);
  }
  // Called as the parser goes back to the pool (Node's hook of that name).
  free() {}
  // Releases the native parser.
  close() {
    if (this.#id) native.http.free(this.#id);
    this.#id = 0;
    this.freed = true;
  }
  // Calls back for each event; returns the parse error, if one ended it.
  #dispatch(events, bytes) {
    const id = this.#id;
    for (let i = 0; i < events.length && this.#id === id; i += 2) {
      const value = events[i + 1];
      switch (events[i]) {
        case 1: this.#head(value); break;
        case 2: (this.onBody ?? this[kOnBody])?.call(this, new FastBuffer(value)); break;
        case 3: this.#complete(value); break;
        case 4: {
          const err = codedError(Error, value.code, `Parse Error: ${value.reason}`);
          err.bytesParsed = value.bytesParsed;
          err.reason = value.reason;
          if (bytes) err.rawPacket = bytes;
          this.onError?.(err);
          return err;
        }
        case 5: this.onUpgrade?.(new FastBuffer(value)); break;
      }
    }
    return undefined;
  }
  #head(info) {
    if (this.onHeaders) {
      this.onHeaders(info);
      return;
    }
    const method = info.method === undefined ? undefined : sortedMethods.indexOf(info.method);
    this[kOnHeadersComplete]?.(info.versionMajor, info.versionMinor, info.rawHeaders, method, info.url,
      info.statusCode, info.statusMessage, info.upgrade, info.shouldKeepAlive);
  }
  #complete(trailers) {
    if (this.onComplete) {
      this.onComplete(trailers);
      return;
    }
    if (trailers.length) this[kOnHeaders]?.(trailers, '');
    this[kOnMessageComplete]?.();
  }
}
const sortedMethods = METHODS.toSorted();

// Idle parsers kept for the next connections, at most `max`
// (http.setMaxIdleHTTPParsers), as Node's FreeList.
const parsers = {
  name: 'parsers',
  max: 1000,
  list: [],
  alloc: () => parsers.list.pop() ?? new HTTPParser(),
  free(parser) {
    if (parsers.list.length >= parsers.max) return false;
    parsers.list.push(parser);
    return true;
  },
};

function allocParser(isRequest, maxSize) {
  const parser = parsers.alloc();
  parser.initialize(isRequest ? HTTPParser.REQUEST : HTTPParser.RESPONSE, undefined, maxSize);
  return parser;
}

// A connection is done with its parser: the native parser goes, the object
// (unlinked from the connection) back to the pool.
function freeParser(parser) {
  if (!parser || parser.freed) return;
  parser.close();
  parser.clean();
  if (parsers.free(parser)) parser.free();
}

module.exports = {
  METHODS,
  STATUS_CODES,
  HTTPParser,
  allocParser,
  freeParser,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  validateHeaderName,
  validateHeaderValue,
  validateBoolean,
  validateInteger,
  validateNumber,
  parsers,
  get maxHeaderSize() {
    return maxHeaderSize;
  },
};

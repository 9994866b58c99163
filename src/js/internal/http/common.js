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

let maxHeaderSize = 16384;
for (const arg of process.execArgv ?? []) {
  const match = /^--max-http-header-size=(\d+)$/.exec(arg);
  if (match) maxHeaderSize = Number(match[1]);
}

// One connection's parser. `execute(bytes)` parses what the socket read and
// calls, in order, `onHeaders(info)`, `onBody(chunk)`, `onComplete(trailers)`,
// `onError(err)` or `onUpgrade(rest)`.
class HTTPParser {
  #id;
  constructor(isRequest, maxSize = maxHeaderSize) {
    const size = Number(maxSize);
    this.#id = native.http.parser(Boolean(isRequest), size >= 1 && size < 2 ** 31 ? Math.trunc(size) : maxHeaderSize);
    this.onHeaders = null;
    this.onBody = null;
    this.onComplete = null;
    this.onError = null;
    this.onUpgrade = null;
    this.freed = false;
  }
  // `upgrades`: whether an upgrade request takes the connection over.
  execute(bytes, upgrades = true) {
    if (!(bytes instanceof Uint8Array)) throw invalidArgType('data', 'an instance of Buffer or Uint8Array', bytes);
    if (!this.freed) this.#dispatch(native.http.execute(this.#id, bytes, Boolean(upgrades)), bytes);
  }
  // The connection ended: a body that ends with it is complete.
  finish() {
    if (!this.freed) this.#dispatch(native.http.finish(this.#id));
  }
  // The response being read answers a HEAD request.
  noBody() {
    native.http.noBody(this.#id);
  }
  free() {
    if (this.freed) return;
    this.freed = true;
    native.http.free(this.#id);
  }
  #dispatch(events, bytes) {
    for (let i = 0; i < events.length && !this.freed; i += 2) {
      const value = events[i + 1];
      switch (events[i]) {
        case 1: this.onHeaders(value); break;
        case 2: this.onBody(new FastBuffer(value)); break;
        case 3: this.onComplete(value); break;
        case 4: {
          const err = codedError(Error, value.code, `Parse Error: ${value.reason}`);
          err.bytesParsed = value.bytesParsed;
          err.reason = value.reason;
          if (bytes) err.rawPacket = bytes;
          this.onError(err);
          break;
        }
        case 5: this.onUpgrade(new FastBuffer(value)); break;
      }
    }
  }
}

module.exports = {
  METHODS,
  STATUS_CODES,
  HTTPParser,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  validateHeaderName,
  validateHeaderValue,
  get maxHeaderSize() {
    return maxHeaderSize;
  },
};

// node:https: node:http's server and client over node:tls.

const tls = require('node/tls');
const http = require('node/http');
const { ClientRequest } = require('internal/http/client');
const { Agent: HttpAgent } = require('internal/http/agent');
const { invalidArgType } = require('internal/errors');

// An https.Server is a tls.Server whose secure connections speak HTTP.
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') [requestListener, options] = [options, {}];
  else if (options == null) options = {};
  else if (typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'of type object', options);
  options = { noDelay: true, ALPNProtocols: ['http/1.1'], ...options };
  tls.Server.call(this, options);
  // The HTTP side's options and connection table, as an http.Server has them.
  const httpSide = new http.Server(options);
  for (const key of ['requestTimeout', 'headersTimeout', 'keepAliveTimeout', 'connectionsCheckingInterval', 'requireHostHeader', 'joinDuplicateHeaders', 'rejectNonStandardBodyWrites', 'maxHeaderSize', 'maxRequestsPerSocket']) {
    this[key] = httpSide[key];
  }
  for (const symbol of Object.getOwnPropertySymbols(httpSide)) this[symbol] = httpSide[symbol];
  if (requestListener) this.on('request', requestListener);
  this.on('secureConnection', http._connectionListener);
  // A failed handshake is the HTTP server's client error.
  this.on('tlsClientError', function (err, socket) {
    if (!this.emit('clientError', err, socket)) socket.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.httpAllowHalfOpen = false;
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);
for (const name of ['setTimeout', 'close', 'closeAllConnections', 'closeIdleConnections', Symbol.asyncDispose]) {
  Server.prototype[name] = http.Server.prototype[name];
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions ?? 100;
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = function (port, host, options) {
  if (port !== null && typeof port === 'object') options = port;
  else if (host !== null && typeof host === 'object') options = { ...host, port };
  else options = { ...options, port, host };
  return tls.connect(options);
};

// TLS options are part of a pooled connection's identity: each adds a
// field, empty when unset (or when falsy, for most).
const isDefined = (value) => value !== undefined;
const nameFields = [
  ['ca'], ['cert'], ['clientCertEngine'], ['ciphers'], ['key'], ['pfx'], ['rejectUnauthorized', isDefined],
  ['servername', (value, options) => value && value !== options.host], ['minVersion'], ['maxVersion'],
  ['secureProtocol'], ['crl'], ['honorCipherOrder', isDefined], ['ecdhCurve'], ['dhparam'], ['secureOptions', isDefined],
  ['sessionIdContext'], ['sigalgs', Boolean, JSON.stringify], ['privateKeyIdentifier'], ['privateKeyEngine'],
];

Agent.prototype.getName = function (options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const [key, isSet = Boolean, format = String] of nameFields) {
    name += ':';
    if (isSet(options[key], options)) name += format(options[key]);
  }
  return name;
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string' || args[0] instanceof URL) {
    const url = args.shift();
    options = require('internal/url_legacy').urlToHttpOptions(url instanceof URL ? url : new URL(url));
  }
  if (args[0] && typeof args[0] === 'object') options = { ...options, ...args.shift() };
  options._defaultAgent = module.exports.globalAgent;
  return new ClientRequest(options, args[0]);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = {
  Agent,
  Server,
  createServer: (options, listener) => new Server(options, listener),
  get,
  globalAgent,
  request,
};

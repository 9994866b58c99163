// node:tls. A TLSSocket is a net.Socket whose handle carries a TLS session
// (rustls, src/event_loop/tls.rs): it reads and writes plaintext, and hears
// 'secure' when the handshake is done. tls.connect checks the server's
// certificate as Node does: the chain in Rust (authorizationError), the
// name here (checkServerIdentity), and rejectUnauthorized decides.

const net = require('node/net');
const { idOf, kHandle, kAdopt, kOnTls, kOnConnected } = require('internal/net');
const { codedError, invalidArgType } = require('internal/errors');

const verifyMessages = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
};

function verifyError(code) {
  const err = new Error(verifyMessages[code] ?? code);
  err.code = code;
  return err;
}

// --- secure contexts ---

class SecureContext {
  constructor(options = {}) {
    this.context = native.tls.context({ cert: options.cert, key: options.key, ca: options.ca });
  }
}

function createSecureContext(options) {
  return new SecureContext(options);
}

// --- checkServerIdentity ---

function unfqdn(host) {
  return host.replace(/[.]$/, '');
}

// Whether a certificate name (maybe with one leading wildcard) covers host.
function hostMatches(host, pattern) {
  host = unfqdn(host).toLowerCase();
  pattern = unfqdn(pattern).toLowerCase();
  if (host === pattern) return true;
  const [first, ...rest] = pattern.split('.');
  const hostParts = host.split('.');
  if (!first.includes('*') || rest.length < 2 || hostParts.length !== rest.length + 1) return false;
  if (rest.join('.') !== hostParts.slice(1).join('.')) return false;
  if (first === '*') return hostParts[0].length > 0;
  const [prefix, suffix] = first.split('*');
  return !first.startsWith('xn--') && hostParts[0].startsWith(prefix) && hostParts[0].endsWith(suffix);
}

// One spelling per IP address ('0:0:0:0:0:0:0:1' and '::1' are one).
function canonicalizeIP(ip) {
  if (net.isIPv6(ip)) {
    try {
      return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
    } catch {
      return ip;
    }
  }
  return ip;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalizeIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = unfqdn(hostname);
  if (net.isIP(hostname)) {
    valid = ips.includes(canonicalizeIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    if (dnsNames.length > 0) {
      valid = dnsNames.some((name) => hostMatches(hostname, name));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some((name) => hostMatches(hostname, name)) : hostMatches(hostname, cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) {
    const err = codedError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID', `Hostname/IP does not match certificate's altnames: ${reason}`);
    err.reason = reason;
    err.host = hostname;
    err.cert = cert;
    return err;
  }
}

// --- TLSSocket ---

function TLSSocket(socket, options = {}) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  this._tlsOptions = { ...options };
  net.Socket.call(this, { allowHalfOpen: socket?.allowHalfOpen ?? options.allowHalfOpen, signal: options.signal });
  this.encrypted = true;
  this.authorized = false;
  this.authorizationError = null;
  this.alpnProtocol = null;
  this.servername = null;
  this.secureConnecting = true;
  this._secureEstablished = false;
  this._isServer = Boolean(options.isServer);
  this._secureContext = options.secureContext ?? createSecureContext(options);
  if (socket instanceof net.Socket && socket._handle) {
    this[kAdopt](socket, this._isServer ? 'tls.TLSSocket (accepted)' : 'tls.TLSSocket');
    startTls(this);
    this.read(0);
  } else if (socket) {
    throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'tls.TLSSocket over a stream other than a connected net.Socket is not supported by tock yet');
  }
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

function startTls(socket) {
  const options = socket._tlsOptions;
  const alpn = options.ALPNProtocols ? toProtocolList(options.ALPNProtocols) : undefined;
  native.tls.start(idOf(socket[kHandle]), {
    server: socket._isServer,
    context: socket._secureContext.context,
    servername: `${options.servername || options.host || 'localhost'}`,
    alpn,
    minVersion: typeof options.minVersion === 'string' ? options.minVersion : undefined,
    maxVersion: typeof options.maxVersion === 'string' ? options.maxVersion : undefined,
  });
}

// A client's TCP connection is up: the handshake starts before any write.
TLSSocket.prototype[kOnConnected] = function () {
  startTls(this);
};

TLSSocket.prototype[kOnTls] = function (step, arg) {
  if (step === 'tls error') {
    const err = codedError(Error, arg.code, arg.code.startsWith('ERR_SSL_') ? `SSL routines::${sslReason(arg.code)}: ${arg.message}` : arg.message);
    if (arg.code.startsWith('ERR_SSL_')) {
      err.library = 'SSL routines';
      err.reason = sslReason(arg.code);
    }
    if (arg.code === 'ECONNRESET' && this._isServer) {
      err.message = 'socket hang up';
    } else if (arg.code === 'ECONNRESET') {
      err.host = this._tlsOptions.host;
      err.port = this._tlsOptions.port;
    }
    this.destroy(err);
    return;
  }
  const info = native.tls.info(idOf(this[kHandle]));
  this._secureEstablished = true;
  this.secureConnecting = false;
  this.alpnProtocol = info.alpn ?? false;
  if (this._isServer) {
    this.servername = info.servername ?? false;
    this.emit('secure');
    this._tlsOptions.server?.emit('secureConnection', this);
    return;
  }
  const options = this._tlsOptions;
  let error = info.authorizationError ? verifyError(info.authorizationError) : undefined;
  if (!error) {
    const hostname = options.servername || options.host || 'localhost';
    error = (options.checkServerIdentity ?? checkServerIdentity)(hostname, this.getPeerCertificate(true));
  }
  if (error) {
    this.authorized = false;
    this.authorizationError = error.code || error.message;
    if (options.rejectUnauthorized !== false) {
      this.destroy(error);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.emit('secureConnect');
};

// OpenSSL's reason of an ERR_SSL_ code: 'wrong version number'.
function sslReason(code) {
  return code.slice('ERR_SSL_'.length).toLowerCase().replaceAll('_', ' ');
}

function toProtocolList(protocols) {
  if (Array.isArray(protocols)) return protocols.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
  const bytes = Buffer.from(protocols);
  const list = [];
  for (let i = 0; i < bytes.length; i += 1 + bytes[i]) list.push(bytes.subarray(i + 1, i + 1 + bytes[i]).toString('latin1'));
  return list;
}

TLSSocket.prototype.getPeerCertificate = function (detailed) {
  if (!this[kHandle]) return null;
  const id = idOf(this[kHandle]);
  const cert = native.tls.peerCertificate(id, 0);
  if (!cert) return {};
  if (detailed) {
    // The chain the peer sent, then on through the trusted CAs, as OpenSSL
    // completes it (a self-signed root is its own issuer).
    let at = cert;
    for (let i = 1; i < 10; i++) {
      const issuer = native.tls.peerCertificate(id, i) ?? native.tls.issuer(this._secureContext.context, at.raw);
      if (!issuer) break;
      if (issuer.fingerprint256 === at.fingerprint256) {
        at.issuerCertificate = at;
        break;
      }
      at.issuerCertificate = issuer;
      at = issuer;
    }
  }
  return cert;
};

TLSSocket.prototype.getCertificate = function () {
  if (!this[kHandle]) return null;
  return native.tls.certificate(this._secureContext.context) ?? {};
};

TLSSocket.prototype.getProtocol = function () {
  return this[kHandle] ? native.tls.info(idOf(this[kHandle])).protocol ?? null : null;
};

const cipherNames = {
  TLS13_AES_128_GCM_SHA256: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256'],
  TLS13_AES_256_GCM_SHA384: ['TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384'],
  TLS13_CHACHA20_POLY1305_SHA256: ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'],
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: ['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: ['ECDHE-RSA-AES256-GCM-SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: ['ECDHE-ECDSA-AES256-GCM-SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'],
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: ['ECDHE-RSA-CHACHA20-POLY1305', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'],
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: ['ECDHE-ECDSA-CHACHA20-POLY1305', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'],
};

TLSSocket.prototype.getCipher = function () {
  if (!this[kHandle]) return null;
  const { cipher, protocol } = native.tls.info(idOf(this[kHandle]));
  if (!cipher) return null;
  const [name, standardName] = cipherNames[cipher] ?? [cipher, cipher];
  return { name, standardName, version: protocol };
};

TLSSocket.prototype.isSessionReused = function () {
  return false;
};

TLSSocket.prototype.setServername = function (name) {
  if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
  if (this._isServer) throw codedError(Error, 'ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
  this._tlsOptions.servername = name;
};

TLSSocket.prototype.getSession = function () {
  return undefined;
};

TLSSocket.prototype.getTLSTicket = function () {
  return undefined;
};

TLSSocket.prototype.exportKeyingMaterial = function () {
  throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'exportKeyingMaterial is not supported by tock yet');
};

// --- Server ---

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') [listener, options] = [options, {}];
  options = { ...options };
  net.Server.call(this, options, (raw) => {
    const socket = new TLSSocket(raw, {
      ...this._tlsServerOptions,
      isServer: true,
      server: this,
      secureContext: this._secureContext,
    });
    if (this._handshakeTimeout > 0) {
      socket.setTimeout(this._handshakeTimeout, () => {
        if (socket.secureConnecting) {
          const err = codedError(Error, 'ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout');
          this.emit('tlsClientError', err, socket);
          socket.destroy(err);
        }
      });
      socket.once('secure', () => socket.setTimeout(0));
    }
    socket.on('error', (err) => {
      if (socket.secureConnecting) this.emit('tlsClientError', err, socket);
    });
  });
  this._tlsServerOptions = options;
  this._secureContext = createSecureContext(options);
  this._handshakeTimeout = options.handshakeTimeout ?? 120000;
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function (options) {
  this._secureContext = createSecureContext(options);
};

Server.prototype.addContext = function () {
  throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'server.addContext (SNI) is not supported by tock yet');
};

function createServer(options, listener) {
  return new Server(options, listener);
}

// --- connect ---

function connect(...args) {
  let options = {};
  let callback;
  if (typeof args[args.length - 1] === 'function') callback = args.pop();
  if (args[0] !== null && typeof args[0] === 'object') options = { ...args[0] };
  else {
    if (args[0] !== undefined) options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
    if (args[args.length - 1] && typeof args[args.length - 1] === 'object') Object.assign(options, args[args.length - 1]);
  }
  options.host ??= 'localhost';
  options.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (!options.servername && !net.isIP(options.host)) options.servername = options.host;
  const socket = new TLSSocket(options.socket, options);
  if (callback) socket.once('secureConnect', callback);
  if (!options.socket) {
    const connectOptions = { ...options };
    delete connectOptions.socket;
    socket.connect(connectOptions);
  }
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket;
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  SecureContext,
  Server,
  TLSSocket,
  checkServerIdentity,
  connect,
  createSecureContext,
  createServer,
  getCiphers: () => Object.values(cipherNames).map(([name]) => name.toLowerCase()),
  get rootCertificates() {
    return native.tls.rootCertificates();
  },
};

// node:tls. A TLSSocket is a net.Socket whose handle carries a TLS session
// (rustls, src/event_loop/tls.rs): it reads and writes plaintext, and hears
// 'secure' when the handshake is done. tls.connect checks the server's
// certificate as Node does: the chain in Rust (authorizationError), the
// name here (checkServerIdentity), and rejectUnauthorized decides.

const net = require('node/net');
const { idOf, kHandle, kAdopt, kOnTls, kOnConnected } = require('internal/net');
const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const { validateInteger } = require('internal/http/common');
const { deprecate } = require('internal/util').util;

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

// --- argument checks, in Node's words ---

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgType(name, 'of type object', value);
}

function validateBuffer(value, name) {
  if (!ArrayBuffer.isView(value)) throw invalidArgType(name, 'an instance of Buffer, TypedArray, or DataView', value);
}

// PEM text, a key, a CRL, DH parameters: a string or bytes.
function validateKeyOrCert(name, value) {
  if (typeof value !== 'string' && !ArrayBuffer.isView(value)) {
    throw invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', value);
  }
}

// A string, or nothing: clientCertEngine, privateKeyEngine...
function validateOptionalString(value, name) {
  if (value != null && typeof value !== 'string') throw invalidArgType(name, 'of type string or one of null or undefined', value);
}

function invalidArgValue(name, value, reason = 'is invalid') {
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${shown}`);
}

// Node's own checks (its internal assert): a misuse of its internals.
function internalAssert(value, message) {
  if (!value) {
    throw codedError(Error, 'ERR_INTERNAL_ASSERTION', `${message}\nThis is caused by either a bug in Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n`);
  }
}

// --- secure contexts ---

const protocolVersions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function protocolVersion(which, version, fallback) {
  version ??= fallback;
  if (!protocolVersions.includes(version)) {
    throw codedError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_VERSION', `${JSON.stringify(version)} is not a valid ${which} TLS protocol version`);
  }
  return version;
}

// OpenSSL's method names (secureProtocol): the versions each allows.
function methodVersions(method) {
  const invalid = (message) => codedError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_METHOD', message);
  const match = /^(SSLv23|SSLv2|SSLv3|TLS|TLSv1|TLSv1_1|TLSv1_2)_(?:client_|server_)?method$/.exec(method);
  if (!match) throw invalid(`Unknown method: ${method}`);
  switch (match[1]) {
    case 'SSLv2':
      throw invalid('SSLv2 methods disabled');
    case 'SSLv3':
      throw invalid('SSLv3 methods disabled');
    case 'TLSv1':
      return ['TLSv1', 'TLSv1'];
    case 'TLSv1_1':
      return ['TLSv1.1', 'TLSv1.1'];
    case 'TLSv1_2':
      return ['TLSv1.2', 'TLSv1.2'];
    default:
      return ['TLSv1', 'TLSv1.3'];
  }
}

// The protocol range of a context: from secureProtocol, or minVersion and
// maxVersion (the defaults tls.DEFAULT_MIN_VERSION and DEFAULT_MAX_VERSION).
function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  if (secureProtocol) {
    validateString(secureProtocol, 'secureProtocol');
    for (const version of [minVersion, maxVersion]) {
      if (version != null) {
        throw codedError(TypeError, 'ERR_TLS_PROTOCOL_VERSION_CONFLICT', `TLS protocol version ${JSON.stringify(version)} conflicts with secureProtocol ${JSON.stringify(secureProtocol)}`);
      }
    }
    [this.minVersion, this.maxVersion] = methodVersions(secureProtocol);
  } else {
    this.minVersion = protocolVersion('minimum', minVersion, module.exports.DEFAULT_MIN_VERSION);
    this.maxVersion = protocolVersion('maximum', maxVersion, module.exports.DEFAULT_MAX_VERSION);
  }
  if (secureOptions) validateInteger(secureOptions, 'secureOptions', Number.MIN_SAFE_INTEGER);
  // The native context's id, once configSecureContext has made it.
  this.context = undefined;
}

// The options a context is made of, checked in the order Node checks them.
// The certificates, key and CAs go to rustls; the TLSv1.2 cipher list,
// curves, signature algorithms, DH parameters, CRLs and session settings
// are checked but not yet applied (rustls keeps its own safe defaults).
function configSecureContext(context, options) {
  validateObject(options, 'options');
  const { ca, cert, key, passphrase, sigalgs, privateKeyIdentifier, privateKeyEngine } = options;
  const { ciphers = module.exports.DEFAULT_CIPHERS, ecdhCurve = module.exports.DEFAULT_ECDH_CURVE || 'auto' } = options;
  const { dhparam, crl, sessionIdContext, pfx, clientCertEngine, ticketKeys, sessionTimeout } = options;
  const asList = (value) => (Array.isArray(value) ? value : [value]);
  if (ca) for (const one of asList(ca)) validateKeyOrCert('options.ca', one);
  if (cert) for (const one of asList(cert)) validateKeyOrCert('options.cert', one);
  const keys = [];
  // A key in a list may come as { pem, passphrase }.
  const keyEntry = (one) => [one?.pem !== undefined ? one.pem : one, one?.passphrase !== undefined ? one.passphrase : passphrase];
  const entries = !key ? [] : Array.isArray(key) ? key.map(keyEntry) : [[key, passphrase]];
  for (const [pem, pass] of entries) {
    validateKeyOrCert('options.key', pem);
    if (pass != null) validateString(pass, 'options.passphrase');
    keys.push(pem);
  }
  context.context = native.tls.context({ ca: ca || undefined, cert: cert || undefined, key: keys.length ? keys : undefined });
  if (sigalgs != null) {
    validateString(sigalgs, 'options.sigalgs');
    if (sigalgs === '') throw invalidArgValue('options.sigalgs', sigalgs);
  }
  if (privateKeyIdentifier != null) {
    if (privateKeyEngine == null) throw invalidArgValue('options.privateKeyEngine', privateKeyEngine);
    if (key) throw invalidArgValue('options.privateKeyIdentifier', privateKeyIdentifier);
    validateOptionalString(privateKeyIdentifier, 'options.privateKeyIdentifier');
    validateOptionalString(privateKeyEngine, 'options.privateKeyEngine');
    throw engineUnsupported();
  }
  if (ciphers != null) validateString(ciphers, 'options.ciphers');
  validateString(ecdhCurve, 'options.ecdhCurve');
  if (dhparam != null) validateKeyOrCert('options.dhparam', dhparam);
  if (crl != null) for (const one of asList(crl)) validateKeyOrCert('options.crl', one);
  if (sessionIdContext != null) validateString(sessionIdContext, 'options.sessionIdContext');
  if (pfx != null) throw unsupported('PFX (PKCS#12) certificates');
  validateOptionalString(clientCertEngine, 'options.clientCertEngine');
  if (clientCertEngine != null) throw engineUnsupported();
  if (ticketKeys != null) {
    if (!ArrayBuffer.isView(ticketKeys)) throw invalidArgType('options.ticketKeys', 'an instance of Buffer, TypedArray, or DataView', ticketKeys);
    if (ticketKeys.byteLength !== 48) throw invalidArgValue('options.ticketKeys', ticketKeys.byteLength, 'must be exactly 48 bytes');
  }
  if (sessionTimeout != null) validateInteger(sessionTimeout, 'options.sessionTimeout', -(2 ** 31), 2 ** 31 - 1);
}

// What tock cannot do yet (Node's error class for a missing feature).
const unsupported = (what) => codedError(TypeError, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `${what} is not supported by tock yet`);

// OpenSSL engines do not exist under rustls, as in a Node built without them.
const engineUnsupported = () => codedError(Error, 'ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL');

function createSecureContext(options) {
  options ??= {};
  const { honorCipherOrder, minVersion, maxVersion, secureProtocol } = options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions |= 0x400000; // SSL_OP_CIPHER_SERVER_PREFERENCE
  const context = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  configSecureContext(context, options);
  return context;
}

// ALPN protocols in their wire form: each name after its length byte.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const names = protocols.map((protocol, i) => {
      const bytes = Buffer.from(protocol);
      if (bytes.length > 255) {
        throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The byte length of the protocol at index ${i} exceeds the maximum length. It must be <= 255. Received ${bytes.length}`);
      }
      return Buffer.concat([Buffer.from([bytes.length]), bytes]);
    });
    out.ALPNProtocols = Buffer.concat(names);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
}

// --- checkServerIdentity ---

function unfqdn(host) {
  return host.replace(/[.]$/, '');
}

// Certificate names compare in ASCII lower case, label by label.
const nameLabels = (name) => unfqdn(name).replace(/[A-Z]/g, (c) => c.toLowerCase()).split('.');

// Whether a certificate name covers the host: the same labels, but for a
// first label that may hold one '*' (matching any run of characters, none
// included) — not in an IDN ('xn--') label, nor right above a top-level domain.
function hostMatches(hostLabels, pattern) {
  if (!pattern) return false;
  const labels = nameLabels(pattern);
  if (labels.length !== hostLabels.length || labels.includes('')) return false;
  if (labels.some((label) => /[^\u0021-\u007F]/u.test(label))) return false;
  for (let i = labels.length - 1; i > 0; i--) if (labels[i] !== hostLabels[i]) return false;
  const [host, first] = [hostLabels[0], labels[0]];
  const pieces = first.split('*', 3);
  if (pieces.length === 1 || first.includes('xn--')) return host === first;
  if (pieces.length > 2 || labels.length <= 2) return false;
  const [prefix, suffix] = pieces;
  return prefix.length + suffix.length <= host.length && host.startsWith(prefix) && host.endsWith(suffix);
}

// One spelling per IP address ('0:0:0:0:0:0:0:1' and '::1' are one);
// undefined for what is not an address.
function canonicalizeIP(ip) {
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) return undefined;
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

// 'DNS:a, IP Address:1.2.3.4' as a list; a name holding a comma or a quote
// comes as a JSON string (DNS:"a,b").
function splitAltNames(altNames) {
  if (!altNames.includes('"')) return altNames.split(', ');
  const names = [];
  let name = '';
  let at = 0;
  while (at < altNames.length) {
    const comma = altNames.indexOf(',', at);
    const quote = altNames.indexOf('"', at);
    if (quote !== -1 && (comma === -1 || quote < comma)) {
      name += altNames.slice(at, quote);
      const quoted = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(altNames.slice(quote));
      if (!quoted) throw codedError(SyntaxError, 'ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string');
      name += JSON.parse(quoted[0]);
      at = quote + quoted[0].length;
    } else if (comma !== -1) {
      names.push(name + altNames.slice(at, comma));
      name = '';
      at = comma + 2;
    } else {
      name += altNames.slice(at);
      at = altNames.length;
    }
  }
  names.push(name);
  return names;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
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
    const hostLabels = nameLabels(hostname);
    if (dnsNames.length > 0) {
      valid = dnsNames.some((name) => hostMatches(hostLabels, name));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some((name) => hostMatches(hostLabels, name)) : hostMatches(hostLabels, cn);
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

const kConnectOptions = Symbol('connectOptions');
const kErrorEmitted = Symbol('errorEmitted');
const kHandshakeTimeout = Symbol('handshakeTimeout');
const kSNICallback = Symbol('SNICallback');

// A TLSSocket over a net.Socket takes over its handle, at once or when it
// connects (the two are destroyed together); one made without a socket gets a handle by connect(). Until
// control is released (tls.connect does it at once, a server at
// 'secureConnection'), its errors go to '_tlsError' rather than 'error'.
function TLSSocket(socket, options) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  const tlsOptions = { ...options };
  if (tlsOptions.ALPNProtocols) convertALPNProtocols(tlsOptions.ALPNProtocols, tlsOptions);
  // A TLSSocket's handle carries its own session: TLS within it needs a stream.
  if (socket && (!(socket instanceof net.Socket) || socket instanceof TLSSocket)) {
    throw unsupported('tls.TLSSocket over a stream other than a plain net.Socket');
  }
  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  net.Socket.call(this, {
    allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
    highWaterMark: tlsOptions.highWaterMark,
    signal: tlsOptions.signal,
  });
  this._isServer = Boolean(tlsOptions.isServer);
  this._secureContext = tlsOptions.secureContext || tlsOptions.credentials || createSecureContext(tlsOptions);
  this._requestCert = Boolean(tlsOptions.requestCert) || !this._isServer;
  this._rejectUnauthorized = Boolean(tlsOptions.rejectUnauthorized);
  this.on('error', this._tlsError);
  if (tlsOptions.handshakeTimeout > 0) this.setTimeout(tlsOptions.handshakeTimeout, this._handleTimeout);
  if (!socket) return;
  this._parent = socket;
  socket.once('close', () => this.destroy());
  if (socket._handle && !socket.connecting) {
    wrapSocket(this, socket);
    return;
  }
  this.connecting = true;
  socket.once('connect', () => {
    if (this.destroyed) return;
    wrapSocket(this, socket);
    this.connecting = false;
    this.emit('connect');
  });
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

// The TLS session starts on the net.Socket's connected handle.
function wrapSocket(tlsSocket, socket) {
  tlsSocket[kAdopt](socket, tlsSocket._isServer ? 'tls.TLSSocket (accepted)' : 'tls.TLSSocket');
  tlsSocket.server = tlsSocket._tlsOptions.server ?? tlsSocket.server;
  startTls(tlsSocket);
  if (tlsSocket._tlsOptions.pauseOnConnect) {
    tlsSocket.readableFlowing = false;
    tlsSocket._readableState.flowing = false;
  }
  tlsSocket.read(0);
}

// A TLSSocket and the net.Socket under it share one handle: either one
// destroyed takes the other along.
TLSSocket.prototype._destroy = function (exception, callback) {
  if (this._parent && !this._parent.destroyed) this._parent.destroy();
  net.Socket.prototype._destroy.call(this, exception, callback);
};

// Ending waits for the handshake: what was written before goes first.
TLSSocket.prototype._final = function (callback) {
  if (this._secureEstablished) return net.Socket.prototype._final.call(this, callback);
  this.once('secure', () => this._final(callback));
};

// rustls speaks TLSv1.2 and TLSv1.3: a range reaching below TLSv1.2 asks
// for TLSv1.2 there.
const rustlsVersion = (version) => (version === 'TLSv1' || version === 'TLSv1.1' ? 'TLSv1.2' : version);

// A session rustls refuses to start (a server without a certificate, no
// protocol version left) fails the handshake, as OpenSSL's would.
function startTls(socket) {
  const options = socket._tlsOptions;
  const context = socket._secureContext;
  try {
    native.tls.start(idOf(socket[kHandle]), {
      server: socket._isServer,
      context: context.context,
      // SNI only for a name given (https.Agent gives the host's), as in Node.
      servername: options.servername ? `${options.servername}` : undefined,
      alpn: options.ALPNProtocols ? toProtocolList(options.ALPNProtocols) : undefined,
      minVersion: rustlsVersion(context.minVersion),
      maxVersion: rustlsVersion(context.maxVersion),
    });
  } catch (err) {
    if (typeof err?.code !== 'string') throw err;
    socket.destroy(tlsError(socket, err));
  }
}

// A client's TCP connection is up: the handshake starts before any write.
TLSSocket.prototype[kOnConnected] = function () {
  startTls(this);
};

TLSSocket.prototype._tlsError = function (err) {
  this.emit('_tlsError', err);
  return this._controlReleased ? err : null;
};

TLSSocket.prototype._emitTLSError = function (err) {
  const error = this._tlsError(err);
  if (error) this.emit('error', error);
};

TLSSocket.prototype._releaseControl = function () {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype._handleTimeout = function () {
  this._emitTLSError(codedError(Error, 'ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout'));
};

TLSSocket.prototype[kOnTls] = function (step, arg) {
  if (step === 'tls error') {
    this.destroy(tlsError(this, arg));
    return;
  }
  const info = native.tls.info(idOf(this[kHandle]));
  this._secureEstablished = true;
  this.alpnProtocol = info.alpn ?? false;
  if (this._tlsOptions.handshakeTimeout > 0) this.setTimeout(0, this._handleTimeout);
  if (this._isServer) this.servername = info.servername ?? false;
  else this.authorizationError = info.authorizationError ?? null;
  this.emit('secure');
};

// A failure the TLS session reported, as Node words it: OpenSSL's errors
// and hang-ups are plain Errors with a code (not Node's coded internal ones).
function tlsError(socket, { code, message }) {
  if (code.startsWith('ERR_SSL_')) {
    const reason = code.slice('ERR_SSL_'.length).toLowerCase().replaceAll('_', ' ');
    return Object.assign(new Error(`SSL routines::${reason}: ${message}`), { library: 'SSL routines', reason, code });
  }
  const err = Object.assign(new Error(code === 'ECONNRESET' && socket._isServer ? 'socket hang up' : message), { code });
  const options = socket[kConnectOptions];
  if (code === 'ECONNRESET' && options) {
    Object.assign(err, { path: options.path, host: options.host, port: options.port, localAddress: options.localAddress });
  }
  return err;
}

function toProtocolList(protocols) {
  if (Array.isArray(protocols)) return protocols.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1')));
  const bytes = Buffer.from(protocols);
  const list = [];
  for (let i = 0; i < bytes.length; i += 1 + bytes[i]) list.push(bytes.subarray(i + 1, i + 1 + bytes[i]).toString('latin1'));
  return list;
}

// The session goes with the handle: there is nothing to free before it.
TLSSocket.prototype._destroySSL = function () {};

TLSSocket.prototype.disableRenegotiation = function () {
  this._renegotiationDisabled = true;
};

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

// The key exchange of a client's session (rustls's group names, in OpenSSL's
// spelling); a server socket has none to report.
const keyExchanges = {
  X25519: { type: 'ECDH', name: 'X25519', size: 253 },
  secp256r1: { type: 'ECDH', name: 'prime256v1', size: 256 },
  secp384r1: { type: 'ECDH', name: 'secp384r1', size: 384 },
  secp521r1: { type: 'ECDH', name: 'secp521r1', size: 521 },
  X448: { type: 'ECDH', name: 'X448', size: 448 },
};

TLSSocket.prototype.getEphemeralKeyInfo = function () {
  if (this._isServer) return null;
  if (!this[kHandle] || !this._secureEstablished) return {};
  const { group } = native.tls.info(idOf(this[kHandle]));
  return group === undefined ? undefined : { ...keyExchanges[group] };
};

// OpenSSL's Finished messages: rustls does not expose them.
function finishedMessage(socket) {
  if (!socket[kHandle] || !socket._secureEstablished) return undefined;
  throw unsupported('Reading the TLS Finished messages (rustls keeps them)');
}

TLSSocket.prototype.getFinished = function () {
  return finishedMessage(this);
};

TLSSocket.prototype.getPeerFinished = function () {
  return finishedMessage(this);
};

TLSSocket.prototype.isSessionReused = function () {
  return false;
};

TLSSocket.prototype.setServername = function (name) {
  validateString(name, 'name');
  if (this._isServer) throw codedError(Error, 'ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
  this._tlsOptions.servername = name;
};

TLSSocket.prototype.setSession = function (session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  if (!ArrayBuffer.isView(session)) throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Session must be a buffer');
  this._tlsOptions.session = session;
};

TLSSocket.prototype.getSession = function () {
  return undefined;
};

TLSSocket.prototype.getTLSTicket = function () {
  return undefined;
};

// Records of at most `size` bytes of plaintext (512 to 16384).
TLSSocket.prototype.setMaxSendFragment = function (size) {
  validateInteger(size, 'size', -(2 ** 31), 2 ** 31 - 1);
  if (size < 512 || size > 16384 || !this[kHandle]) return false;
  return native.tls.setMaxSendFragment(idOf(this[kHandle]), size);
};

TLSSocket.prototype.exportKeyingMaterial = function (length, label, context) {
  validateInteger(length, 'length', 1, 2 ** 32 - 1);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw codedError(Error, 'ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established');
  return native.tls.exportKeyingMaterial(idOf(this[kHandle]), length, label, context);
};

TLSSocket.prototype.renegotiate = function (options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined && typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  if (this.destroyed) return;
  // TLSv1.3 has no renegotiation (OpenSSL's refusal), and rustls does none in TLSv1.2.
  let err = unsupported('TLS renegotiation');
  if (this.getProtocol() === 'TLSv1.3') {
    err = codedError(Error, 'ERR_SSL_WRONG_SSL_VERSION', 'error:0A00010A:SSL routines::wrong ssl version');
    Object.assign(err, { library: 'SSL routines', reason: 'wrong ssl version' });
  }
  if (callback) process.nextTick(callback, err);
  return false;
};

// --- Server ---

// A server that asked for the client's certificate checks it (a client that
// sent none is unauthorized, as with OpenSSL).
function onServerSocketSecure() {
  if (this._requestCert) {
    const id = idOf(this[kHandle]);
    const code = native.tls.info(id).authorizationError ?? (native.tls.peerCertificate(id, 0) ? null : 'UNABLE_TO_GET_ISSUER_CERT');
    if (code) {
      this.authorizationError = code;
      if (this._rejectUnauthorized) {
        this.destroy();
        return;
      }
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this.secureConnecting = false;
    this._tlsOptions.server.emit('secureConnection', this);
  }
}

function onSocketTLSError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', err, this);
  }
}

// A peer that hung up before the handshake ended.
function onSocketClose(hadError) {
  if (hadError || this._controlReleased || this[kErrorEmitted]) return;
  this[kErrorEmitted] = true;
  this._tlsOptions.server.emit('tlsClientError', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), this);
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
    SNICallback: this[kSNICallback],
    pauseOnConnect: this.pauseOnConnect,
  });
  socket.on('secure', onServerSocketSecure);
  socket[kErrorEmitted] = false;
  socket.on('close', onSocketClose);
  socket.on('_tlsError', onSocketTLSError);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') [listener, options] = [options, {}];
  else if (options == null) options = {};
  else if (typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
  this.setSecureContext(options);
  this[kHandshakeTimeout] = options.handshakeTimeout || 120000;
  if (typeof this[kHandshakeTimeout] !== 'number') throw invalidArgType('options.handshakeTimeout', 'of type number', options.handshakeTimeout);
  this[kSNICallback] = options.SNICallback;
  if (this[kSNICallback] && typeof this[kSNICallback] !== 'function') throw invalidArgType('options.SNICallback', 'of type function', options.SNICallback);
  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

// captureRejections: a rejected 'secureConnection' listener destroys its socket.
Server.prototype[Symbol.for('nodejs.rejection')] = function (err, event, socket) {
  if (event === 'secureConnection') socket.destroy(err);
  else net.Server.prototype[Symbol.for('nodejs.rejection')].call(this, err, event, socket);
};

// The options of the server's context, kept on the server as Node keeps them.
const contextOptions = [
  'key', 'cert', 'ca', 'passphrase', 'pfx', 'ciphers', 'ecdhCurve', 'dhparam', 'crl', 'sigalgs', 'minVersion', 'maxVersion',
  'secureProtocol', 'secureOptions', 'privateKeyIdentifier', 'privateKeyEngine', 'clientCertEngine', 'sessionIdContext',
];

Server.prototype.setSecureContext = function (options) {
  validateObject(options, 'options');
  for (const name of contextOptions) this[name] = options[name];
  this.honorCipherOrder = options.honorCipherOrder !== undefined ? Boolean(options.honorCipherOrder) : true;
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  const settings = { honorCipherOrder: this.honorCipherOrder, sessionTimeout: this.sessionTimeout, ticketKeys: this.ticketKeys };
  for (const name of contextOptions) settings[name] = this[name];
  this._sharedCreds = createSecureContext(settings);
};

Server.prototype.setOptions = deprecate(function (options) {
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  for (const name of contextOptions) if (options[name] !== undefined) this[name] = options[name];
  if (options.honorCipherOrder !== undefined) this.honorCipherOrder = Boolean(options.honorCipherOrder);
  else this.honorCipherOrder = true;
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
}, 'Server.prototype.setOptions() is deprecated', 'DEP0122');

Server.prototype.setTicketKeys = function (keys) {
  validateBuffer(keys, 'buffer');
  internalAssert(keys.byteLength === 48, 'Session ticket keys must be a 48-byte buffer');
  native.tls.setTicketKeys(this._sharedCreds.context, keys);
};

Server.prototype.getTicketKeys = function () {
  return native.tls.getTicketKeys(this._sharedCreds.context);
};

Server.prototype.addContext = function () {
  throw unsupported('server.addContext (SNI)');
};

// tls.createSecurePair() (deprecated): a TLS session over an in-memory pair
// of streams, which tock cannot run yet.
function SecurePair(secureContext = createSecureContext(), isServer = false) {
  if (!(secureContext instanceof SecureContext)) throw codedError(TypeError, 'ERR_TLS_INVALID_CONTEXT', 'context must be a SecureContext');
  throw unsupported(`tls.createSecurePair() (${isServer ? 'server' : 'client'})`);
}

function createServer(options, listener) {
  return new Server(options, listener);
}

// --- connect ---

function normalizeConnectArgs(args) {
  const [options, callback] = net._normalizeArgs(args);
  const extra = [args[1], args[2]].find((arg) => arg !== null && typeof arg === 'object');
  if (extra) Object.assign(options, extra);
  return [options, callback];
}

let ipServernameWarned = false;
let allowUnauthorizedWarned = false;

// NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate checks off (with a warning, once).
function getAllowUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !allowUnauthorizedWarned) {
    allowUnauthorizedWarned = true;
    process.emitWarning("Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and HTTPS requests insecure by disabling certificate verification.");
  }
  return allow;
}

function onConnectSecure() {
  const options = this[kConnectOptions];
  let error = this.authorizationError ? verifyError(this.authorizationError) : undefined;
  if (!error && !this.isSessionReused()) {
    const hostname = options.servername || options.host || options.socket?._host || 'localhost';
    error = options.checkServerIdentity(hostname, this.getPeerCertificate(true));
  }
  if (error) {
    this.authorized = false;
    this.authorizationError = error.code || error.message;
    if (options.rejectUnauthorized) {
      this.destroy(error);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.secureConnecting = false;
  this.emit('secureConnect');
  this.removeListener('end', onConnectEnd);
}

// The server hung up before the handshake ended.
function onConnectEnd() {
  if (this._hadError) return;
  this._hadError = true;
  this.destroy(tlsError(this, { code: 'ECONNRESET', message: 'Client network socket disconnected before secure TLS connection was established' }));
}

function connect(...args) {
  let [options, callback] = normalizeConnectArgs(args);
  options = {
    rejectUnauthorized: !getAllowUnauthorized(),
    ciphers: module.exports.DEFAULT_CIPHERS,
    checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  internalAssert(typeof options.checkServerIdentity === 'function', '');
  internalAssert(typeof options.minDHSize === 'number' && options.minDHSize > 0, `options.minDHSize is not a positive number: ${options.minDHSize}`);
  const context = options.secureContext || createSecureContext(options);
  const socket = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: Boolean(options.path),
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    highWaterMark: options.highWaterMark,
    signal: options.signal,
    // The name the session starts with, even over a socket already connected.
    host: options.host,
    servername: options.servername,
  });
  options.rejectUnauthorized = options.rejectUnauthorized !== false;
  socket[kConnectOptions] = options;
  if (callback) socket.once('secureConnect', callback);
  if (!options.socket) {
    if (options.timeout) socket.setTimeout(options.timeout);
    socket.connect(options);
  }
  socket._releaseControl();
  if (options.session) socket.setSession(options.session);
  if (options.servername) {
    if (!ipServernameWarned && net.isIP(options.servername)) {
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by RFC 6066. This will be ignored in a future version.', 'DeprecationWarning', 'DEP0123');
      ipServernameWarned = true;
    }
    socket.setServername(options.servername);
  }
  socket.on('secure', onConnectSecure);
  socket.prependListener('end', onConnectEnd);
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
  convertALPNProtocols,
  createSecureContext,
  createSecurePair: deprecate((...args) => new SecurePair(...args), 'tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.', 'DEP0064'),
  createServer,
  getCiphers: () => Object.values(cipherNames).map(([name]) => name.toLowerCase()),
  get rootCertificates() {
    return native.tls.rootCertificates();
  },
};

// node:_tls_common: the secure-context half of Node's internal TLS modules,
// which some programs and tests require by name; node:tls holds the contexts.

const { SecureContext, createSecureContext } = require('node/tls');

// A certificate from the TLS layer in getPeerCertificate()'s shape: its
// issuers translated in turn (a self-signed one is its own issuer), and
// infoAccess ('OCSP - URI:http://…\nCA Issuers - URI:…') as lists of values
// by access method, a quoted value being a JSON string.
function translatePeerCertificate(cert) {
  if (!cert) return null;
  if (cert.issuerCertificate != null && cert.issuerCertificate !== cert) {
    cert.issuerCertificate = translatePeerCertificate(cert.issuerCertificate);
  }
  if (cert.infoAccess != null) {
    const text = `${cert.infoAccess}`;
    cert.infoAccess = { __proto__: null };
    for (const [, method, value] of text.matchAll(/([^\n:]*):([^\n]*)(?:\n|$)/g)) {
      const parsed = value.startsWith('"') ? JSON.parse(value) : value;
      if (method in cert.infoAccess) cert.infoAccess[method].push(parsed);
      else cert.infoAccess[method] = [parsed];
    }
  }
  return cert;
}

module.exports = { SecureContext, createSecureContext, translatePeerCertificate };

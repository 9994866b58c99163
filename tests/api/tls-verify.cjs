// node:tls certificate verification on the client: a self-signed server rejected by default
// (DEPTH_ZERO_SELF_SIGNED_CERT) and accepted with rejectUnauthorized:false (authorized false with
// authorizationError), a CA-signed server without the CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE), with it
// but the wrong servername (ERR_TLS_CERT_ALTNAME_INVALID, also when not rejecting), by IP address
// without servername, the self-signed certificate trusted as its own CA, a custom checkServerIdentity
// (its error rejects; returning undefined accepts a mismatched name); then tls.checkServerIdentity called
// directly on crafted certificate objects: wildcards, IP addresses, CN-only certificates.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fixture = (name) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', name));
const ca = fixture('ca-cert.pem');
const selfCert = fixture('self-cert.pem');

const describe = (err) => `${err.code} ${JSON.stringify(err.message)}` +
  (err.reason !== undefined ? ` reason=${JSON.stringify(err.reason)}` : '') +
  (err.host !== undefined ? ` host=${JSON.stringify(err.host)}` : '');

function serve(key, cert) {
  const server = tls.createServer({ key: fixture(key), cert: fixture(cert) }, (sock) => {
    sock.on('error', () => {});
    sock.end('hi');
  });
  // Handshakes the clients abort end here; their errors depend on how far the handshake got.
  server.on('tlsClientError', () => {});
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function attempt(label, server, options) {
  return new Promise((resolve) => {
    const lines = [];
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ...options });
    client.on('secureConnect', () => {
      lines.push(`secureConnect authorized=${client.authorized} authorizationError=${client.authorizationError}`);
      client.setEncoding('utf8');
      client.on('data', (d) => lines.push(`data ${JSON.stringify(d)}`));
    });
    client.on('error', (err) => lines.push(`error ${describe(err)}`));
    client.on('close', (hadError) => {
      lines.push(`close hadError=${hadError}`);
      console.log(`${label}:\n  ${lines.join('\n  ')}`);
      resolve();
    });
  });
}

function direct(host, cert) {
  const result = tls.checkServerIdentity(host, cert);
  const shown = JSON.stringify({ subject: cert.subject, subjectaltname: cert.subjectaltname });
  console.log(`checkServerIdentity(${JSON.stringify(host)}, ${shown}) -> ${result === undefined ? 'undefined' : describe(result)}`);
  if (result) console.log(`  instanceof Error ${result instanceof Error}, cert attached ${result.cert === cert}`);
}

(async () => {
  const self = await serve('self-key.pem', 'self-cert.pem');
  await attempt('self-signed, defaults', self, { servername: 'self.test' });
  await attempt('self-signed, rejectUnauthorized false', self, { servername: 'self.test', rejectUnauthorized: false });
  await attempt('self-signed, trusted as its own ca', self, { servername: 'self.test', ca: selfCert });
  await attempt('self-signed, trusted, wrong servername', self, { servername: 'other.test', ca: selfCert });
  self.close();

  const signed = await serve('server-key.pem', 'server-cert.pem');
  await attempt('CA-signed, no ca', signed, { servername: 'localhost' });
  await attempt('CA-signed, no ca, rejectUnauthorized false', signed, { servername: 'localhost', rejectUnauthorized: false });
  await attempt('CA-signed, ca, servername localhost', signed, { servername: 'localhost', ca });
  await attempt('CA-signed, ca, by IP without servername', signed, { ca });
  await attempt('CA-signed, ca, wrong servername', signed, { servername: 'example.com', ca });
  await attempt('CA-signed, ca, wrong servername, rejectUnauthorized false', signed,
    { servername: 'example.com', ca, rejectUnauthorized: false });
  await attempt('custom checkServerIdentity returning an error', signed, {
    servername: 'localhost', ca,
    checkServerIdentity(host, cert) {
      console.log(`  (checkServerIdentity called with ${JSON.stringify(host)}, CN ${cert.subject.CN})`);
      const err = new Error('custom rejection');
      err.code = 'E_CUSTOM';
      return err;
    },
  });
  await attempt('custom checkServerIdentity accepting a wrong name', signed, {
    servername: 'example.com', ca,
    checkServerIdentity: (host) => console.log(`  (checkServerIdentity called with ${JSON.stringify(host)})`),
  });
  await attempt('custom checkServerIdentity not called when the chain fails', signed, {
    servername: 'localhost',
    checkServerIdentity: () => console.log('  (checkServerIdentity called)'),
  });
  signed.close();

  const wild = { subject: { CN: 'ignored.example.com' }, subjectaltname: 'DNS:*.example.com' };
  direct('a.example.com', wild);
  direct('A.EXAMPLE.COM', wild);
  direct('a.example.com.', wild);
  direct('a.b.example.com', wild);
  direct('example.com', wild);
  direct('ignored.example.com', { subject: { CN: 'ignored.example.com' }, subjectaltname: 'DNS:other.example.com' });
  direct('foo.example.com', { subject: {}, subjectaltname: 'DNS:f*.example.com' });
  direct('bar.example.com', { subject: {}, subjectaltname: 'DNS:f*.example.com' });
  direct('x.com', { subject: {}, subjectaltname: 'DNS:*.com' });
  direct('a.b.com', { subject: {}, subjectaltname: 'DNS:a.*.com' });
  direct('127.0.0.1', { subject: {}, subjectaltname: 'IP Address:127.0.0.1' });
  direct('127.0.0.2', { subject: {}, subjectaltname: 'IP Address:127.0.0.1' });
  direct('127.0.0.1', { subject: { CN: '127.0.0.1' }, subjectaltname: 'DNS:127.0.0.1' });
  direct('::1', { subject: {}, subjectaltname: 'IP Address:0:0:0:0:0:0:0:1' });
  direct('localhost', { subject: {}, subjectaltname: 'DNS:localhost, IP Address:127.0.0.1' });
  direct('foo.com', { subject: { CN: 'foo.com' } });
  direct('FOO.com', { subject: { CN: 'foo.com' } });
  direct('bar.com', { subject: { CN: 'foo.com' } });
  direct('a.foo.com', { subject: { CN: '*.foo.com' } });
  direct('foo.com', { subject: { CN: ['bar.com', 'foo.com'] } });
  direct('foo.com', { subject: {} });
  direct('foo.com', { subject: {}, subjectaltname: 'URI:http://foo.com/' });
  direct('foo.com', { subject: { CN: 'foo.com' }, subjectaltname: 'email:a@foo.com' });
})();

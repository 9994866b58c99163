// node:tls with a CA-signed server certificate: the client (ca: the test CA, servername 'localhost') gets
// 'secureConnect' with authorized true, getProtocol() TLSv1.3, getCipher(), ALPN negotiation (client offers
// h2 and http/1.1, the server accepts only http/1.1), the server sees servername and alpnProtocol;
// getPeerCertificate() fields (subject, issuer, subjectaltname, validity, serial, fingerprint256, ...);
// data both ways; each side's event order through end and close (only each side's own order is printed,
// the two sides run in one process). Then a second connection limited to TLSv1.2, and one without ALPN.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const fixture = (name) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', name));
const ca = fixture('ca-cert.pem');

const logs = { server: [], client: [] };
const log = (side, ...args) => logs[side].push(args.join(' '));

let accepted = 0;
const server = tls.createServer({
  key: fixture('server-key.pem'),
  cert: fixture('server-cert.pem'),
  ALPNProtocols: ['http/1.1'],
});
server.on('secureConnection', (sock) => {
  const n = ++accepted;
  const side = 'server';
  log(side, `#${n} secureConnection encrypted=${sock.encrypted} authorized=${sock.authorized}`,
    `protocol=${sock.getProtocol()} servername=${sock.servername} alpnProtocol=${sock.alpnProtocol}`);
  log(side, `#${n} peer certificate (none requested): ${JSON.stringify(sock.getPeerCertificate())}`);
  log(side, `#${n} own certificate subject: ${JSON.stringify(sock.getCertificate().subject)}`);
  let got = '';
  sock.setEncoding('utf8');
  sock.on('data', (d) => {
    got += d;
    if (got.endsWith('\n')) {
      log(side, `#${n} data ${JSON.stringify(got)}`);
      sock.write(`echo: ${got.trim()}\n`);
    }
  });
  sock.on('end', () => {
    log(side, `#${n} end`);
    sock.end();
  });
  sock.on('finish', () => log(side, `#${n} finish`));
  sock.on('close', (hadError) => {
    log(side, `#${n} close hadError=${hadError}`);
    if (n === 3) server.close(() => log(side, 'server closed'));
  });
});

function connect(n, options, next) {
  const side = 'client';
  const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca, servername: 'localhost', ...options });
  client.on('connect', () => log(side, `#${n} connect (TCP)`));
  client.on('secureConnect', () => {
    log(side, `#${n} secureConnect authorized=${client.authorized} authorizationError=${client.authorizationError}`,
      `encrypted=${client.encrypted} protocol=${client.getProtocol()} alpnProtocol=${client.alpnProtocol}`);
    if (n === 1) {
      const cipher = client.getCipher();
      log(side, `#${n} cipher ${cipher.name} ${cipher.standardName} ${cipher.version}`);
      const cert = client.getPeerCertificate();
      for (const key of ['subject', 'issuer', 'subjectaltname', 'valid_from', 'valid_to', 'serialNumber',
        'fingerprint256', 'ext_key_usage', 'ca', 'bits', 'exponent']) {
        log(side, `#${n} cert.${key} = ${JSON.stringify(cert[key])}`);
      }
      log(side, `#${n} cert.raw is a Buffer ${Buffer.isBuffer(cert.raw)}, issuerCertificate absent ${cert.issuerCertificate === undefined}`);
      const detailed = client.getPeerCertificate(true);
      log(side, `#${n} detailed issuerCertificate.subject = ${JSON.stringify(detailed.issuerCertificate && detailed.issuerCertificate.subject)}`);
      log(side, `#${n} own certificate: ${JSON.stringify(client.getCertificate())}`);
    }
    client.write(`hello ${n}\n`);
  });
  let got = '';
  client.setEncoding('utf8');
  client.on('data', (d) => {
    got += d;
    if (got.endsWith('\n')) {
      log(side, `#${n} data ${JSON.stringify(got)}`);
      client.end();
    }
  });
  client.on('end', () => log(side, `#${n} end`));
  client.on('finish', () => log(side, `#${n} finish`));
  client.on('close', (hadError) => {
    log(side, `#${n} close hadError=${hadError}`);
    if (next) next();
  });
  client.on('error', (err) => log(side, `#${n} error ${err.code} ${err.message}`));
}

server.listen(0, '127.0.0.1', () => {
  log('server', 'listening');
  connect(1, { ALPNProtocols: ['h2', 'http/1.1'] }, () =>
    connect(2, { maxVersion: 'TLSv1.2', ALPNProtocols: ['http/1.1'] }, () =>
      connect(3, {})));
});

process.on('exit', () => {
  for (const side of ['server', 'client']) {
    console.log(`--- ${side}`);
    for (const line of logs[side]) console.log(line);
  }
});

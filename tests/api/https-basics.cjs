// node:https: https.createServer with the CA-signed certificate and https.get with ca: status, headers,
// body, the response socket (encrypted, authorized, peer CN); a keep-alive https.Agent({ keepAlive: true,
// maxSockets: 1, ca }) reusing its socket (reusedSocket false then true, one server connection);
// https.request with a URL string plus options (a POST with a body); the error for a self-signed server
// and rejectUnauthorized:false accepting it; a plain http request to the https server (socket hang up);
// an http: URL given to https.get (ERR_INVALID_PROTOCOL); globalAgent defaults (keepAlive true in Node 20).
const https = require('https');
const http = require('http');
const fs = require('fs');
const path = require('path');
const fixture = (name) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', name));
const ca = fixture('ca-cert.pem');
const describe = (err) => `${err.code} ${JSON.stringify(err.message)}`;

console.log('globalAgent is an https.Agent', https.globalAgent instanceof https.Agent, 'keepAlive', https.globalAgent.keepAlive,
  'an http.Agent', https.globalAgent instanceof http.Agent,
  'defaultPort', https.globalAgent.defaultPort, 'protocol', https.globalAgent.protocol);

let connections = 0;
const server = https.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, (req, res) => {
  res.sendDate = false;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const { host, ...headers } = req.headers;
    console.log(`  server: ${req.method} ${req.url} encrypted ${req.socket.encrypted} host header present ${host !== undefined}`,
      `headers ${JSON.stringify(headers)} body ${JSON.stringify(body)}`);
    res.setHeader('X-Path', req.url);
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'Content-Type': 'text/plain' });
    res.end(`you asked for ${req.url}`);
  });
});
server.on('connection', () => connections++);
server.on('tlsClientError', (err) => console.log(`  server tlsClientError ${err.code}`));

function show(label, res, done) {
  const { date, ...headers } = res.headers;
  console.log(`${label}: ${res.statusCode} ${res.statusMessage} httpVersion ${res.httpVersion} date ${date !== undefined}`);
  console.log(`  headers ${JSON.stringify(headers)}`);
  console.log(`  socket encrypted ${res.socket.encrypted} authorized ${res.socket.authorized} peer CN ${res.socket.getPeerCertificate().subject.CN} alpn ${res.socket.alpnProtocol}`);
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (d) => (body += d));
  res.on('end', () => {
    console.log(`  body ${JSON.stringify(body)}`);
    done();
  });
}

const step = (fn) => new Promise(fn);

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  await step((done) => https.get({ host: '127.0.0.1', port, path: '/hello?x=1', ca }, (res) => show('https.get', res, done)));
  await step((done) => https.get({ host: '127.0.0.1', port, path: '/missing', ca }, (res) => show('https.get 404', res, done)));

  const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
  const before = connections;
  for (const p of ['/first', '/second', '/third']) {
    await step((done) => {
      const req = https.get({ host: '127.0.0.1', port, path: p, agent }, (res) => {
        console.log(`keep-alive ${p}: ${res.statusCode} reusedSocket ${req.reusedSocket} connection ${res.headers.connection}`);
        res.resume();
        res.on('close', done);
      });
    });
  }
  console.log('keep-alive: new server connections', connections - before,
    'free sockets', Object.values(agent.freeSockets).reduce((n, l) => n + l.length, 0));
  agent.destroy();

  await step((done) => {
    const req = https.request(`https://127.0.0.1:${port}/submit?a=b`, { method: 'POST', ca, headers: { 'Content-Type': 'text/plain' } },
      (res) => show('https.request(url, options)', res, done));
    console.log(`https.request(url, options): method ${req.method} path ${req.path} protocol ${req.protocol} host ${req.host}`);
    req.end('payload');
  });

  await step((done) => {
    const self = https.createServer({ key: fixture('self-key.pem'), cert: fixture('self-cert.pem') }, (req, res) => res.end('self'));
    self.on('tlsClientError', () => {});
    self.listen(0, '127.0.0.1', async () => {
      const selfPort = self.address().port;
      await step((next) => {
        const req = https.get({ host: '127.0.0.1', port: selfPort, servername: 'self.test' }, () => console.log('self-signed: response?'));
        req.on('error', (err) => {
          console.log(`self-signed: error ${describe(err)}`);
          next();
        });
      });
      await step((next) => https.get({ host: '127.0.0.1', port: selfPort, servername: 'self.test', rejectUnauthorized: false }, (res) => {
        console.log(`self-signed, rejectUnauthorized false: ${res.statusCode} authorized ${res.socket.authorized} authorizationError ${res.socket.authorizationError}`);
        res.setEncoding('utf8');
        res.on('data', (d) => console.log(`  body ${JSON.stringify(d)}`));
        res.on('end', next);
      }));
      self.close(done);
    });
  });

  await step((done) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/plain' }, () => console.log('plain http: response?'));
    req.on('error', (err) => {
      console.log(`plain http to the https server: error ${describe(err)}`);
      done();
    });
  });

  try {
    https.get(`http://127.0.0.1:${port}/`);
  } catch (err) {
    console.log(`https.get(http: URL) throws ${describe(err)}`);
  }
  server.close(() => console.log('server closed'));
});

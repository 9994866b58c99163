// tls.Server events: 'connection' (TCP) then 'secureConnection' for a TLS client; 'tlsClientError'
// (err, tlsSocket) when a plain TCP client sends garbage or an HTTP request (code, library, reason; the
// message is OpenSSL's own text and is not printed), when it ends mid-handshake (ECONNRESET "socket hang
// up"), when it resets before the handshake (ECONNRESET "read ECONNRESET") or after sending part of a
// ClientHello (Node then says "socket hang up"); the client's error when a plain TCP server hangs up
// during the handshake; server.close() waiting for the open connection, then a second close() failing
// with ERR_SERVER_NOT_RUNNING. Each step waits for both sides, whose lines are printed separately (their
// interleaving is not fixed).
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const fixture = (name) => fs.readFileSync(path.join(__dirname, '../fixtures/tls', name));

const describe = (err) => [err.code, JSON.stringify(err.message)].join(' ');
const describeSsl = (err) => `${err.code} library=${JSON.stringify(err.library)} reason=${JSON.stringify(err.reason)}`;

const server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') });
let step; // { server: [], client: [], pending, done }
const sides = (name) => (...args) => step[name].push(args.join(' '));
const onServer = sides('server');
const onClient = sides('client');
function settle() {
  if (--step.pending === 0) step.done();
}
function run(title, pending, body) {
  return new Promise((resolve) => {
    step = { server: [], client: [], pending, done: () => {
      console.log(`${title}\n  server: ${step.server.join('\n          ')}\n  client: ${step.client.join('\n          ')}`);
      resolve();
    } };
    body();
  });
}

server.on('connection', (sock) => onServer(`connection (TCP) ${sock instanceof net.Socket} ${sock instanceof tls.TLSSocket}`));
server.on('secureConnection', (sock) => {
  onServer(`secureConnection TLSSocket ${sock instanceof tls.TLSSocket} remoteAddress ${sock.remoteAddress} protocol ${sock.getProtocol()}`);
  sock.on('end', () => onServer('socket end'));
  sock.on('close', () => {
    onServer('socket close');
    settle();
  });
  sock.end('bye');
});
server.on('tlsClientError', (err, sock) => {
  const ssl = err.library !== undefined;
  onServer(`tlsClientError ${ssl ? describeSsl(err) : describe(err)}` +
    (err.syscall ? ` syscall=${err.syscall} errno=${err.errno}` : ''),
    `TLSSocket ${sock instanceof tls.TLSSocket} destroyed ${sock.destroyed}`);
  if (ssl) onServer(`  message contains the reason: ${err.message.includes(err.reason)}`);
  settle();
});
server.on('close', () => onServer('server close event'));

function raw(send, then = 'wait') {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    if (send) c.write(send);
    if (then === 'end') c.end();
    if (then === 'reset') c.resetAndDestroy();
  });
  c.on('data', (d) => onClient(`data ${d.length} bytes`));
  c.on('end', () => onClient('end'));
  c.on('error', (err) => onClient(`error ${describe(err)}`));
  c.on('close', () => {
    onClient('close');
    settle();
  });
}

server.listen(0, '127.0.0.1', async () => {
  await run('a TLS client', 2, () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: fixture('ca-cert.pem') });
    c.on('secureConnect', () => onClient(`secureConnect authorized ${c.authorized}`));
    c.setEncoding('utf8');
    c.on('data', (d) => onClient(`data ${JSON.stringify(d)}`));
    c.on('end', () => onClient('end'));
    c.on('close', () => {
      onClient('close');
      settle();
    });
  });
  await run('plain TCP client sending garbage', 2, () => raw('hello garbage\n'));
  await run('plain TCP client sending an HTTP request', 2, () => raw('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
  await run('plain TCP client ending before the handshake', 2, () => raw(null, 'end'));
  await run('plain TCP client ending after part of a ClientHello', 2, () => raw(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xc8, 0x01]), 'end'));
  await run('plain TCP client resetting before the handshake', 2, () => raw(null, 'reset'));
  await run('plain TCP client resetting after part of a ClientHello', 2, () => raw(Buffer.from([0x16, 0x03, 0x01]), 'reset'));

  const plain = net.createServer((sock) => sock.end());
  await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve));
  await run('TLS client of a plain TCP server that hangs up', 1, () => {
    const c = tls.connect({ port: plain.address().port, host: '127.0.0.1', servername: 'localhost' });
    c.on('secureConnect', () => onClient('secureConnect'));
    c.on('error', (err) => onClient(`error ${describe(err)} host=${err.host} port is a number ${typeof err.port === 'number'}`));
    c.on('close', (hadError) => {
      onClient(`close hadError=${hadError}`);
      settle();
    });
  });
  plain.close();

  await run('server.close() with a connection open', 3, () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: fixture('ca-cert.pem') });
    server.once('secureConnection', () => {
      server.close((err) => {
        onServer(`close callback err=${err}`);
        settle();
      });
      onServer('close() called, listening', server.listening);
    });
    c.on('data', () => onClient('data'));
    c.on('end', () => onClient('end'));
    c.on('close', () => {
      onClient('close');
      settle();
    });
  });
  server.close((err) => console.log(`second close: ${describe(err)}`));
});

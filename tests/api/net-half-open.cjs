// Half-open TCP: with allowHalfOpen true the server still writes after the client's end() (its 'end'), and the
// client reads it all; then ends itself. With the default (allowHalfOpen false) the server's writable side is
// ended for it soon after 'end': a write in the 'end' handler or the next tick still goes out, one from
// setImmediate fails with EPIPE. Each side keeps its own log (the sides' interleaving is not fixed).
const net = require('net');

const logs = { server: [], client: [] };
const server = (...a) => logs.server.push(a.join(' '));
const client = (...a) => logs.client.push(a.join(' '));
function flush(title) {
  console.log(`--- ${title}`);
  for (const side of ['server', 'client']) for (const line of logs[side].splice(0)) console.log(side, line);
}

function halfOpen(next) {
  const srv = net.createServer({ allowHalfOpen: true }, (sock) => {
    server('allowHalfOpen', sock.allowHalfOpen);
    let got = '';
    sock.on('data', (d) => (got += d));
    sock.on('end', () => {
      server('end, got', JSON.stringify(got), 'writable', sock.writable, 'readable', sock.readable);
      server('write after end returns', sock.write('one,'));
      setImmediate(() => {
        server('still writable', sock.writable, 'writableEnded', sock.writableEnded);
        sock.write('two,');
        sock.end('bye');
      });
    });
    sock.on('finish', () => server('finish'));
    sock.on('close', (hadError) => {
      server('close', hadError);
      srv.close(done);
    });
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1', () => c.end('ping'));
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('finish', () => client('finish, readable', c.readable));
    c.on('end', () => client('end, got', JSON.stringify(got)));
    c.on('close', (hadError) => {
      client('close', hadError);
      done();
    });
  });
  let pending = 2;
  const done = () => --pending || next();
}

function defaultMode() {
  flush('allowHalfOpen true');
  const srv = net.createServer((sock) => {
    server('allowHalfOpen', sock.allowHalfOpen);
    sock.on('end', () => {
      server('end, writableEnded', sock.writableEnded);
      server('write in end handler returns', sock.write('in-end,'));
      process.nextTick(() => server('next tick: writableEnded', sock.writableEnded, 'write returns', sock.write('tick,')));
      setImmediate(() => {
        server('immediate: writableEnded', sock.writableEnded, 'destroyed', sock.destroyed);
        server('write returns', sock.write('too late', (err) => server('write callback', err.code, err.message)));
      });
    });
    sock.on('error', (err) => server('error', err.code, err.message));
    sock.on('finish', () => server('finish'));
    sock.on('close', (hadError) => {
      server('close', hadError);
      srv.close(done);
    });
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: srv.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.on('connect', () => c.end());
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('end', () => {
      client('end, got', JSON.stringify(got));
      c.end();
    });
    c.on('close', (hadError) => {
      client('close', hadError);
      done();
    });
  });
  let pending = 2;
  const done = () => --pending || flush('default allowHalfOpen');
}

halfOpen(defaultMode);

// Socket options and server limits: setTimeout on an idle socket emits 'timeout' (the callback is a 'timeout'
// listener; the socket stays open) and setTimeout(0) disarms it; setNoDelay / setKeepAlive / ref / unref return
// the socket; server.getConnections; maxConnections makes the server close an extra connection (its 'drop'
// event; the client sees 'connect' then 'end'); an unref'd listening server lets the process exit.
const net = require('net');

let connections = 0;
const server = net.createServer((sock) => {
  connections++;
  sock.on('data', (d) => sock.write(`echo:${d}`));
  sock.on('end', () => sock.end());
});
server.on('drop', (data) => console.log('server drop, keys', Object.keys(data).sort().join(','), 'family', data.remoteFamily));

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1');
  c.on('connect', () => {
    console.log('setNoDelay returns socket', c.setNoDelay(true) === c, c.setNoDelay() === c);
    console.log('setKeepAlive returns socket', c.setKeepAlive(true, 1000) === c, c.setKeepAlive(false) === c);
    console.log('ref/unref return socket', c.unref() === c, c.ref() === c);
    console.log('timeout before', c.timeout);
    const ret = c.setTimeout(10, () => console.log('setTimeout callback'));
    console.log('setTimeout returns socket', ret === c, 'timeout', c.timeout);
  });
  c.once('timeout', () => {
    console.log('timeout event: destroyed', c.destroyed, 'readyState', c.readyState);
    process.nextTick(() => console.log('tick after timeout'));
    c.setTimeout(0);
    console.log('disarmed, timeout', c.timeout);
    c.write('ping');
  });
  c.once('data', (d) => {
    // The echo shows that the server has accepted this connection.
    console.log('client got', String(d));
    server.getConnections((err, count) => console.log('getConnections', err, count));
    server.maxConnections = 1;
    console.log('maxConnections', server.maxConnections);
    const extra = net.connect(port, '127.0.0.1');
    const seen = [];
    extra.on('connect', () => seen.push('connect'));
    extra.on('end', () => seen.push('end'));
    extra.on('error', (err) => seen.push(`error ${err.code}`));
    extra.on('close', (hadError) => {
      console.log('extra client:', seen.join(', '), 'close hadError', hadError);
      server.getConnections((err, count) => {
        console.log('getConnections after drop', err, count);
        c.end();
      });
    });
  });
  c.on('close', (hadError) => {
    console.log('client close', hadError, 'server connection events', connections);
    server.close(() => lastly());
  });
});

function lastly() {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    console.log('unref returns server', s.unref() === s, 'ref too', s.ref() === s);
    s.unref();
    console.log('unref\'d server listening', s.listening);
  });
  process.on('exit', (code) => console.log('exit', code, 'server still listening', s.listening));
}

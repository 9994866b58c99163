// node:dgram: bind and 'listening', sends before the bind, callbacks a tick
// after a send, messages with rinfo, connect/disconnect, errors with Node's
// codes and messages, close, all interleaved with ticks, promises and
// immediates.
const dgram = require('dgram');
const log = (...a) => console.log(...a);
const show = (f) => {
  try {
    f();
    log('no throw');
  } catch (e) {
    log(e.name, e.code, e.message);
  }
};

show(() => dgram.createSocket('udp5'));
show(() => dgram.createSocket({ type: 'udp4', lookup: 1 }));
const server = dgram.createSocket('udp4');
show(() => server.address());
show(() => server.setBroadcast(true));
show(() => server.send('x', 0, '127.0.0.1'));
show(() => server.send(42, 9, '127.0.0.1'));
show(() => server.send(Buffer.from('abc'), 2, 5, 9, '127.0.0.1'));
show(() => server.setRecvBufferSize(-1));

let received = 0;
server.on('message', (msg, rinfo) => {
  log('message', JSON.stringify(msg.toString()), rinfo.address, rinfo.family, rinfo.size, typeof rinfo.port);
  if (++received === 4) server.close(() => log('server close callback'));
});
server.on('close', () => log('server close'));
server.bind(0, '127.0.0.1', () => {
  log('bind callback', server.address().address, server.address().family);
  show(() => server.bind(0));
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  client.on('listening', () => log('client listening', client.address().address));
  process.nextTick(() => log('tick before send'));
  client.send('one', port, '127.0.0.1', (err, bytes) => log('sent one', err, bytes));
  process.nextTick(() => log('tick after send'));
  Promise.resolve().then(() => log('promise'));
  setImmediate(() => log('immediate'));
  client.send([Buffer.from('tw'), 'o'], port, '127.0.0.1', (err, bytes) => {
    log('sent two', err, bytes);
    client.send(new Uint16Array([0x6874, 0x6572]), port, '127.0.0.1', () => {
      log('sent three');
      const connected = dgram.createSocket('udp4');
      show(() => connected.disconnect());
      show(() => connected.remoteAddress());
      connected.connect(port, '127.0.0.1', () => {
        log('connected', connected.remoteAddress().port === port);
        show(() => connected.connect(port));
        show(() => connected.send('x', port, '127.0.0.1'));
        connected.send('four', (err, bytes) => {
          log('sent four', err, bytes);
          connected.disconnect();
          show(() => connected.remoteAddress());
          connected.close();
          client.close();
          show(() => client.send('late', port));
        });
      });
    });
  });
});

const taken = dgram.createSocket('udp4');
taken.bind(0, '127.0.0.1', () => {
  const again = dgram.createSocket('udp4');
  again.on('error', (e) => {
    log('bind error', e.code, e.syscall, e.message === `bind EADDRINUSE 127.0.0.1:${taken.address().port}`);
    taken.close();
    again.close();
  });
  again.bind(taken.address().port, '127.0.0.1');
});

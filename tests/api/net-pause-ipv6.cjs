// pauseOnConnect: the server's sockets start paused, no 'data' until resume(), then the bytes the client sent
// meanwhile arrive. Several clients, each started once the previous one is connected, reach the server's
// 'connection' in that order. IPv6: listening on ::1 gives address().family 'IPv6', a client connects over ::1
// and sees remoteFamily 'IPv6'; 'localhost' resolves here to 127.0.0.1 (IPv4).
const net = require('net');

function pauseOnConnect(next) {
  const serverPorts = []; // remotePort of each server 'connection', in order
  const clientPorts = {}; // client name -> its localPort
  const sockets = [];
  let finished = 0;
  const results = [];
  let closed = 0;
  let resumed = false;
  // Resume the server's sockets once all three are accepted and every client has sent its data and FIN.
  const maybeResume = () => {
    if (sockets.length < 3 || finished < 3) return;
    console.log('resuming; isPaused', sockets.map((s) => s.isPaused()).join(','), 'readableLength', sockets.map((s) => s.readableLength).join(','));
    resumed = true;
    for (const s of sockets) s.resume();
  };
  const server = net.createServer({ pauseOnConnect: true }, (sock) => {
    serverPorts.push(sock.remotePort);
    sockets.push(sock);
    console.log(`connection ${sockets.length}: isPaused ${sock.isPaused()} readableFlowing ${sock.readableFlowing}`);
    let got = '';
    sock.on('data', (d) => {
      if (!resumed) console.log('data before resume!');
      got += d;
    });
    sock.on('end', () => {
      results.push(got);
      sock.end();
    });
    sock.on('close', () => {
      if (++closed < 3) return;
      const names = serverPorts.map((p) => Object.keys(clientPorts).find((n) => clientPorts[n] === p));
      console.log('connection order', names.join(','));
      console.log('received', results.sort().join(' | '));
      server.close(next);
    });
    maybeResume();
  });
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    const start = (name, then) => {
      const c = net.connect(port, '127.0.0.1', () => {
        clientPorts[name] = c.localPort;
        c.end(`hello from ${name}`);
        if (then) then();
      });
      c.on('finish', () => {
        finished++;
        maybeResume();
      });
      c.resume();
    };
    start('A', () => start('B', () => start('C')));
  });
}

function ipv6() {
  let serverSaw = '';
  const server = net.createServer((sock) => {
    serverSaw = `v6 server: remoteAddress ${sock.remoteAddress} remoteFamily ${sock.remoteFamily} localAddress ${sock.localAddress}`;
    sock.end('bye');
  });
  server.listen(0, '::1', () => {
    const { address, family } = server.address();
    console.log('v6 listening on', address, family);
    const c = net.connect({ port: server.address().port, host: '::1' }, () => {
      console.log('v6 client: remoteAddress', c.remoteAddress, 'remoteFamily', c.remoteFamily, 'localAddress', c.localAddress);
    });
    c.on('data', (d) => console.log('v6 client got', String(d)));
    c.on('close', () => {
      server.close(() => {
        console.log(serverSaw);
        const s4 = net.createServer((sock) => sock.end()).listen(0, 'localhost', () => {
          console.log('localhost listening on', s4.address().address, s4.address().family);
          const c4 = net.connect(s4.address().port, 'localhost', () => console.log('localhost client remoteFamily', c4.remoteFamily));
          c4.resume();
          c4.on('close', () => s4.close());
        });
      });
    });
  });
}

pauseOnConnect(ipv6);

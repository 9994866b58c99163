// Unix domain sockets: a server listening on a path under os.tmpdir() reports that path as address(); a client
// connects with net.connect(path) and with { path }, echoes data; socket addresses of a pipe; listening again on a
// path in use (EADDRINUSE), connecting to a missing path (ENOENT); the socket file is removed on close.
// The path is printed as PATH. Server-side lines are collected and printed after each client closes, since the
// two sides' events do not interleave in a fixed order.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const sockPath = path.join(os.tmpdir(), `tock-net-unix-${process.pid}-${Date.now()}.sock`);
const missing = sockPath + '.missing';
const norm = (s) => String(s).split(missing).join('MISSING').split(sockPath).join('PATH');

const serverLog = [];
const server = net.createServer((sock) => {
  serverLog.push(['server connection: remoteAddress', sock.remoteAddress, 'localAddress', sock.localAddress, 'remotePort', sock.remotePort]);
  sock.on('end', () => serverLog.push(['server end']));
  sock.on('close', (hadError) => serverLog.push(['server socket close', hadError]));
  sock.on('data', (d) => sock.write(String(d).toUpperCase()));
  sock.on('end', () => sock.end());
});

server.listen(sockPath, () => {
  const addr = server.address();
  console.log('address is path', addr === sockPath, typeof addr, 'file exists', fs.existsSync(sockPath), 'is socket', fs.statSync(sockPath).isSocket());
  const second = net.createServer();
  second.on('error', (err) => {
    console.log('listen again:', err.code, norm(err.message), err.syscall, norm(err.address));
    first();
  });
  second.listen(sockPath);
});

function talk(sock, text, done) {
  let got = '';
  sock.on('connect', () => {
    console.log('client connect: remoteAddress', sock.remoteAddress, 'address()', JSON.stringify(sock.address()));
    sock.end(text);
  });
  sock.on('data', (d) => (got += d));
  sock.on('end', () => console.log('client got', JSON.stringify(got)));
  let closes = 0;
  const closed = () => {
    if (++closes < 2) return;
    for (const line of serverLog.splice(0)) console.log(...line);
    done();
  };
  sock.on('close', (hadError) => {
    console.log('client close', hadError);
    closed();
  });
  server.once('connection', (s) => s.on('close', closed));
}

function first() {
  talk(net.connect(sockPath), 'hello', second);
}

function second() {
  talk(net.createConnection({ path: sockPath }), 'again', () => {
    const bad = net.connect(missing);
    bad.on('error', (err) => console.log('missing path:', err.code, norm(err.message), err.syscall, norm(err.address)));
    bad.on('close', (hadError) => {
      console.log('missing close', hadError);
      server.close(() => console.log('server closed, file exists', fs.existsSync(sockPath)));
    });
  });
}

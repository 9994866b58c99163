// HTTP Upgrade: the server's 'upgrade' event (not 'request') gets (req, socket, head), head holding the bytes
// sent after the request's headers; it answers 101 by hand and echoes. A raw net client sends the handshake plus
// early bytes in one write; an http.request client with Upgrade headers gets 'upgrade' (res, socket, head) with
// the bytes the server wrote right after its 101, not 'response', and then talks over the socket.
const http = require('http');
const net = require('net');

const server = http.createServer(() => console.log('unexpected request event'));
server.on('upgrade', (req, socket, head) => {
  console.log('server upgrade:', req.method, req.url, 'upgrade', req.headers.upgrade, 'connection', req.headers.connection, 'req.upgrade', req.upgrade);
  console.log('server head', head.length, JSON.stringify(String(head)), 'socket is net.Socket', socket instanceof net.Socket);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n' + (req.url === '/http' ? 'welcome' : ''));
  if (head.length) socket.write(head);
  socket.on('data', (d) => socket.write(String(d).toUpperCase()));
  socket.on('end', () => socket.end());
});

function rawClient(next) {
  const sock = net.connect(server.address().port, '127.0.0.1', () => {
    sock.write('GET /raw HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\nearly');
  });
  let bytes = '';
  let sent = false;
  sock.setEncoding('utf8');
  sock.on('data', (d) => {
    bytes += d;
    // Once the 101 and the echoed early bytes are in, send more and end.
    if (!sent && bytes.endsWith('\r\n\r\nearly')) {
      sent = true;
      sock.end('ping');
    }
  });
  sock.on('close', (hadError) => {
    console.log('raw client got', JSON.stringify(bytes), 'hadError', hadError);
    next();
  });
}

function httpClient(next) {
  const req = http.request({ port: server.address().port, host: '127.0.0.1', path: '/http', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
  req.on('response', () => console.log('unexpected response event'));
  req.on('upgrade', (res, socket, head) => {
    console.log('client upgrade:', res.statusCode, res.statusMessage, JSON.stringify(res.headers), 'head', JSON.stringify(String(head)));
    console.log('client socket is net.Socket', socket instanceof net.Socket, 'destroyed', socket.destroyed);
    let got = '';
    socket.on('data', (d) => {
      got += d;
      if (got === 'HELLO') socket.end();
    });
    socket.on('close', () => {
      console.log('client echo', JSON.stringify(got));
      next();
    });
    socket.write('hello');
  });
  req.on('close', () => console.log('client request close'));
  req.end();
}

server.listen(0, '127.0.0.1', () => {
  rawClient(() => httpClient(() => server.close(() => console.log('server closed'))));
});

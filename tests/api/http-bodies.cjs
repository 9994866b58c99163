// HTTP bodies: a chunked request (no Content-Length) with request trailers, read by a server that pauses the
// request stream and resumes it later; a chunked response with res.addTrailers read by the client (res.trailers,
// rawTrailers); a Content-Length request and response; and the exact bytes of a chunked response with trailers
// as a raw net socket receives them (sendDate off, so nothing varies).
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  res.sendDate = false;
  const te = req.headers['transfer-encoding'];
  console.log(`server ${req.method} ${req.url}: content-length ${req.headers['content-length']} transfer-encoding ${te}`);
  let body = '';
  let paused = false;
  req.setEncoding('utf8');
  req.on('data', (d) => {
    if (paused) console.log('server: data while paused!');
    body += d;
    if (req.url === '/chunked' && !req.isPaused() && body.length === d.length) {
      req.pause();
      paused = true;
      console.log('server paused: isPaused', req.isPaused(), 'readableFlowing', req.readableFlowing);
      setImmediate(() => {
        paused = false;
        req.resume();
      });
    }
  });
  req.on('end', () => {
    console.log('server body', JSON.stringify(body), 'complete', req.complete, 'trailers', JSON.stringify(req.trailers), 'rawTrailers', JSON.stringify(req.rawTrailers));
    if (req.url === '/length') {
      res.writeHead(200, { 'Content-Length': Buffer.byteLength('fixed ✓'), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('fixed ✓');
      return;
    }
    res.setHeader('Trailer', 'X-Checksum, X-Count');
    res.write('part1,');
    res.write(Buffer.from('part2,'));
    res.write('');
    res.addTrailers({ 'X-Checksum': 'abc123', 'X-Count': 3 });
    res.end('part3');
  });
});

function request(options, write, next) {
  const req = http.request({ port: server.address().port, host: '127.0.0.1', agent: false, ...options }, (res) => {
    console.log(`client ${options.path}: ${res.statusCode} content-length ${res.headers['content-length']} transfer-encoding ${res.headers['transfer-encoding']} trailer ${res.headers.trailer}`);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log('client body', JSON.stringify(body), 'trailers', JSON.stringify(res.trailers), 'rawTrailers', JSON.stringify(res.rawTrailers));
    });
    res.on('close', next);
  });
  write(req);
}

function raw(next) {
  const sock = net.connect(server.address().port, '127.0.0.1', () => {
    sock.end('POST /raw HTTP/1.1\r\nHost: h\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n');
  });
  let bytes = '';
  sock.setEncoding('latin1');
  sock.on('data', (d) => (bytes += d));
  sock.on('close', () => {
    console.log('raw response:');
    console.log(JSON.stringify(bytes));
    next();
  });
}

server.listen(0, '127.0.0.1', () => {
  request({ method: 'POST', path: '/chunked' }, (req) => {
    console.log('client chunked: useChunkedEncodingByDefault', req.useChunkedEncodingByDefault);
    req.write('alpha,');
    req.write(Buffer.from('beta,'));
    req.addTrailers({ 'X-Req-Trailer': 'rt', 'x-other': 'o' });
    req.end('gamma');
  }, () => request({ method: 'POST', path: '/length', headers: { 'Content-Length': 11 } }, (req) => {
    req.write('hello ');
    req.end('world');
  }, () => raw(() => server.close(() => console.log('server closed')))));
});

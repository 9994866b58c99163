// HTTP errors and edge cases: a request to a closed port (ECONNREFUSED 'error' then 'close'), 404 and 500
// responses, res.end() again (with data: ERR_STREAM_WRITE_AFTER_END; without: ERR_STREAM_ALREADY_FINISHED, to
// the callback), res.write() after end (ERR_STREAM_WRITE_AFTER_END to the callback and 'error'), setHeader after the headers are sent
// (ERR_HTTP_HEADERS_SENT), and malformed requests over a raw socket: Node's default answer
// `HTTP/1.1 400 Bad Request` (no 'clientError' listener), then a 'clientError' listener's own answer.
const http = require('http');
const net = require('net');

let port = 0;
const norm = (s) => String(s).split(String(port)).join('PORT');

const server = http.createServer((req, res) => {
  res.sendDate = false;
  if (req.url === '/missing') {
    res.statusCode = 404;
    res.end('nope');
  } else if (req.url === '/fail') {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    console.log('server: setHeader after writeHead:', tryCode(() => res.setHeader('x-late', '1')));
    res.end('broken');
  } else {
    res.on('error', (err) => console.log('server: res error event', err.code, err.message));
    console.log('server: end returns res', res.end('once') === res);
    console.log('server: second end returns res', res.end('twice', (err) => console.log('server: second end callback', err && err.code, err && err.message)) === res);
    console.log('server: bare end returns res', res.end((err) => console.log('server: bare end callback', err.code, err.message)) === res);
    console.log('server: write after end returns', res.write('more', (err) => console.log('server: write callback', err.code)));
  }
});
const tryCode = (f) => {
  try {
    f();
    return 'no throw';
  } catch (err) {
    return `${err.code} ${err.message}`;
  }
};

function get(path, next) {
  http.get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log(`client ${path}: ${res.statusCode} ${res.statusMessage} body ${JSON.stringify(body)}`);
      next();
    });
  });
}

function raw(text, next) {
  const sock = net.connect(port, '127.0.0.1', () => sock.end(text));
  let bytes = '';
  sock.on('data', (d) => (bytes += d));
  sock.on('error', (err) => console.log('raw socket error', err.code));
  sock.on('close', () => {
    console.log(`raw ${JSON.stringify(text)} -> ${JSON.stringify(bytes)}`);
    next();
  });
}

const steps = [
  (next) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      port = probe.address().port;
      probe.close(() => {
        const req = http.get({ port, host: '127.0.0.1', agent: false });
        req.on('response', () => console.log('unexpected response'));
        req.on('error', (err) => console.log('refused:', err.code, norm(err.message), err.syscall, err.address, err.port === port ? 'PORT' : err.port));
        req.on('close', () => {
          console.log('refused request close, destroyed', req.destroyed);
          server.listen(0, '127.0.0.1', () => {
            port = server.address().port;
            next();
          });
        });
      });
    });
  },
  (next) => get('/missing', next),
  (next) => get('/fail', next),
  (next) => get('/twice', next),
  (next) => raw('GARBAGE\r\n\r\n', next),
  (next) => raw('GET / HTTP/1.1\r\nBad Header\r\n\r\n', next),
  (next) => {
    server.on('clientError', (err, socket) => {
      console.log('server clientError:', err.code, JSON.stringify(err.message), 'bytesParsed', err.bytesParsed, 'rawPacket', JSON.stringify(String(err.rawPacket)), 'writable', socket.writable);
      socket.end('HTTP/1.1 400 Custom\r\nContent-Length: 3\r\n\r\nbad');
    });
    raw('GET / HTTP/9.9\r\n\r\n', next);
  },
  (next) => server.close(next),
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else console.log('done');
})(0);

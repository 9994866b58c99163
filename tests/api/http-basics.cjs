// http.createServer + http.get: each side's event order for one GET (server 'connection', 'request', req 'end',
// res 'finish' / 'close'; client req 'socket', 'finish', 'response', res 'data' / 'end' / 'close', req 'close'),
// status and headers as Node keeps them (lowercased headers, rawHeaders case and duplicates, duplicate
// joining rules, set-cookie arrays, headersDistinct), the outgoing header API (setHeader, getHeader,
// appendHeader, removeHeader, hasHeader, getHeaderNames, getHeaders), writeHead with an object and an array.
const http = require('http');

const logs = { server: [], client: [] };
const slog = (...a) => logs.server.push(a.join(' '));
const clog = (...a) => logs.client.push(a.join(' '));

const server = http.createServer((req, res) => {
  res.sendDate = false; // no run-dependent Date header
  if (req.url.startsWith('/first')) {
    slog('request', req.method, req.url, 'httpVersion', req.httpVersion);
    slog('headers', JSON.stringify(req.headers));
    slog('rawHeaders', JSON.stringify(req.rawHeaders));
    slog('distinct x-dup', JSON.stringify(req.headersDistinct['x-dup']), 'user-agent', JSON.stringify(req.headersDistinct['user-agent']));
    req.on('end', () => slog('req end'));
    req.on('close', () => slog('req close'));
    req.resume();
    res.statusCode = 201;
    res.statusMessage = 'Made It';
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.appendHeader('set-cookie', 'c=3');
    res.setHeader('X-Number', 42);
    res.setHeader('X-Gone', 'soon');
    res.removeHeader('x-gone');
    res.appendHeader('X-List', 'one');
    res.appendHeader('X-List', ['two', 'three']);
    slog('getHeader', res.getHeader('content-type'), typeof res.getHeader('x-number'), JSON.stringify(res.getHeader('Set-Cookie')), res.getHeader('x-gone'));
    slog('hasHeader', res.hasHeader('CONTENT-TYPE'), res.hasHeader('x-gone'), 'headersSent', res.headersSent);
    slog('getHeaderNames', JSON.stringify(res.getHeaderNames()));
    slog('getHeaders', JSON.stringify(res.getHeaders()));
    res.on('finish', () => slog('res finish'));
    res.on('close', () => slog('res close, writableFinished', res.writableFinished));
    res.end('hello body', () => slog('end callback, headersSent', res.headersSent));
  } else if (req.url === '/object') {
    res.setHeader('X-Before', 'kept');
    res.writeHead(200, { 'X-Obj': 'yes', 'Content-Length': 2, 'x-multi': ['m1', 'm2'] });
    res.end('ok');
  } else {
    res.writeHead(202, 'Custom Message', ['X-Arr', '1', 'X-Arr', '2', 'Content-Type', 'text/html', 'Content-Length', '0']);
    res.end();
  }
});
server.on('connection', () => slog('connection'));

// The first request uses the global agent (keep-alive in Node 20); the others a fresh connection each.
function get(path, headers, cb, agent = false) {
  const req = http.get({ port: server.address().port, host: '127.0.0.1', path, headers, agent }, (res) => {
    clog('response', res.statusCode, JSON.stringify(res.statusMessage), 'httpVersion', res.httpVersion);
    clog('headers', JSON.stringify(res.headers));
    clog('rawHeaders', JSON.stringify(res.rawHeaders));
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => clog('res end, body', JSON.stringify(body), 'complete', res.complete));
    res.on('close', () => clog('res close'));
    if (cb) cb(req, res);
  });
  return req;
}

server.listen(0, '127.0.0.1', () => {
  const req = get('/first?x=1', {
    Host: 'example.test',
    'X-Dup': ['a', 'b'],
    'User-Agent': ['ua-1', 'ua-2'],
    Cookie: ['k=1', 'k2=2'],
    'X-Mixed-Case': 'Value',
  }, (r, res) => clog('distinct set-cookie', JSON.stringify(res.headersDistinct['set-cookie'])), http.globalAgent);
  clog('request created: method', req.method, 'path', req.path, 'host', req.host, 'getHeader', req.getHeader('x-mixed-case'));
  req.on('socket', () => clog('req socket'));
  req.on('finish', () => clog('req finish'));
  req.on('close', () => {
    clog('req close');
    get('/object', { host: 'h' }).on('close', () =>
      get('/array', { host: 'h' }, (r, res) => res.on('close', () => server.close(print))));
  });
});

function print() {
  for (const side of ['server', 'client']) {
    console.log(`--- ${side}`);
    for (const line of logs[side]) console.log(line);
  }
}

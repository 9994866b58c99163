// curl against an http server of this runtime: a GET, a POST with a body,
// chunked responses, keep-alive reuse of one connection, HEAD, a 404 and
// response headers as curl sees them.
const http = require('http');
const { execFile } = require('child_process');

let connections = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('nope\n');
    }
    if (req.url === '/chunked') {
      res.setHeader('x-kind', 'chunked');
      res.write('one,');
      setTimeout(() => res.end('two\n'), 5);
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(`${JSON.stringify({ method: req.method, url: req.url, body, agent: req.headers['user-agent'].split('/')[0] })}\n`);
  });
});
server.on('connection', () => connections++);

const curl = (args) => new Promise((resolve) => {
  execFile('curl', ['-s', '-S', '--http1.1', ...args], (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stdout, stderr }));
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(await curl([`${base}/hello?x=1`]));
  console.log(await curl(['-d', 'name=tock', `${base}/form`]));
  console.log(await curl(['-i', `${base}/chunked`]).then((r) => r.stdout.replace(/\r/g, '').replace(/^date: .*\n/im, '')));
  console.log(await curl(['-I', `${base}/`]).then((r) => r.stdout.replace(/\r/g, '').replace(/^date: .*\n/im, '')));
  console.log(await curl(['-w', '%{http_code}\n', `${base}/missing`]));
  connections = 0;
  console.log(await curl([`${base}/a`, `${base}/b`, `${base}/c`]));
  console.log('connections for three requests', connections);
  console.log(await curl(['-X', 'PUT', '-H', 'content-type: text/plain', '--data-binary', 'line one', `${base}/put`]));
  server.close(() => console.log('closed'));
});

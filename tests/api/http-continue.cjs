// Expect: 100-continue. With a 'checkContinue' listener the server gets that event instead of 'request';
// res.writeProcessing() and res.writeContinue() reach the client as 'information' (102, 100) and 'continue', and
// only then does the client send its body. Without the listener Node answers 100 Continue itself and emits
// 'request'. A 'checkContinue' listener may instead answer 417 at once: the client gets 'response', no 'continue'.
const http = require('http');

let requests = 0;
let mode = '';
const server = http.createServer((req, res) => {
  requests++;
  console.log(`server request (${mode}): expect ${req.headers.expect}`);
  echo(req, res);
});
const echo = (req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    console.log(`server body (${mode})`, JSON.stringify(body));
    res.end(`got ${body}`);
  });
};
const checkContinue = (req, res) => {
  console.log(`server checkContinue (${mode}): expect ${req.headers.expect}, method ${req.method}`);
  if (mode === 'reject') {
    res.writeHead(417, { 'Content-Type': 'text/plain' });
    res.end('no body please');
    return;
  }
  res.writeProcessing();
  res.writeContinue();
  echo(req, res);
};

function post(label, next) {
  mode = label;
  const req = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST', agent: false, headers: { Expect: '100-continue', 'Content-Length': 5 } });
  let continued = false;
  req.on('information', (info) => console.log(`client information (${label}):`, info.statusCode, info.statusMessage, JSON.stringify(info.headers)));
  req.on('continue', () => {
    continued = true;
    console.log(`client continue (${label})`);
    req.end('hello');
  });
  req.on('finish', () => console.log(`client finish (${label})`));
  req.on('response', (res) => {
    console.log(`client response (${label}):`, res.statusCode, res.statusMessage, 'after continue', continued);
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log(`client body (${label})`, JSON.stringify(body));
      if (!continued) req.destroy();
    });
  });
  req.on('close', () => {
    console.log(`client close (${label})`);
    next();
  });
}

server.listen(0, '127.0.0.1', () => {
  post('auto', () => {
    server.on('checkContinue', checkContinue);
    post('listener', () =>
      post('reject', () => {
        console.log('request events', requests);
        server.close(() => console.log('server closed'));
        server.closeAllConnections();
      }));
  });
});

// Keep-alive: an http.Agent({ keepAlive: true, maxSockets: 1 }) doing three sequential requests (each made from
// the previous response's 'close') uses one socket: one server 'connection', req.reusedSocket false, true, true,
// the same server-side socket. Then three made at once: the first takes the free pooled socket (reusedSocket
// true), the other two wait in agent.requests and get it on 'free' (Node leaves their reusedSocket false).
// Also the agent's sockets / freeSockets / requests counts, keep-alive response headers, and agent.destroy()
// closing the pooled socket (the server sees it close).
const http = require('http');

let connections = 0;
const serverSockets = [];
const server = http.createServer((req, res) => {
  res.sendDate = false;
  if (!serverSockets.includes(req.socket)) serverSockets.push(req.socket);
  res.end(`${req.url} on server socket #${serverSockets.indexOf(req.socket) + 1}`);
});
server.on('connection', (sock) => {
  connections++;
  sock.on('close', () => {
    console.log('server socket closed; connections seen', connections);
    server.close(() => console.log('server closed'));
  });
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const count = (o) => Object.values(o).reduce((n, list) => n + list.length, 0);
const counts = (when) => console.log(`${when}: sockets ${count(agent.sockets)} freeSockets ${count(agent.freeSockets)} requests ${count(agent.requests)}`);
console.log('agent keepAlive', agent.keepAlive, 'maxSockets', agent.maxSockets, 'maxFreeSockets', agent.maxFreeSockets);
agent.on('free', () => console.log('agent free'));

function get(path, done) {
  const req = http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
    console.log(`${path}: response ${res.statusCode} reusedSocket ${req.reusedSocket} connection ${res.headers.connection} keep-alive ${res.headers['keep-alive']}`);
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => console.log(`${path}: body "${body}"`));
    res.on('close', () => done && done());
  });
  console.log(`${path}: requested, shouldKeepAlive ${req.shouldKeepAlive}`);
  return req;
}

server.listen(0, '127.0.0.1', () => {
  get('/one', () => {
    counts('one closed');
    get('/two', () => get('/three', concurrent));
    counts('two requested');
  });
  counts('one requested');
});

function concurrent() {
  let left = 3;
  const one = () => {
    if (--left) return;
    setImmediate(() => {
      counts('after three more');
      agent.destroy();
      counts('after destroy');
    });
  };
  get('/a', one);
  get('/b', one);
  get('/c', one);
  counts('three requested at once');
}

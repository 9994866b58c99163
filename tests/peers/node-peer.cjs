// Node as a peer: node's http client against this runtime's server (keep-
// alive reuse, a POST body, a chunked reply), then this runtime's client
// against node's server, and raw TCP both ways.
const http = require('http');
const net = require('net');
const { execFile, spawn } = require('child_process');

const clientScript = `
const http = require('http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const port = Number(process.argv[1]);
const get = (path, body) => new Promise((resolve, reject) => {
  const req = http.request({ port, host: '127.0.0.1', path, agent, method: body ? 'POST' : 'GET' }, (res) => {
    let text = '';
    res.on('data', (c) => (text += c));
    res.on('end', () => resolve(res.statusCode + ' ' + res.headers['x-connection'] + ' ' + text));
  });
  req.on('error', reject);
  req.end(body);
});
(async () => {
  for (const path of ['/one', '/two', '/three']) console.log(await get(path));
  console.log(await get('/post', 'x'.repeat(100000)));
  agent.destroy();
})();
`;

const serverScript = `
const http = require('http');
const server = http.createServer((req, res) => {
  let length = 0;
  req.on('data', (c) => (length += c.length));
  req.on('end', () => {
    if (req.url === '/stop') { res.end('bye'); server.close(); return; }
    res.setHeader('x-seen', req.method + ' ' + req.url + ' ' + length);
    res.write('node ');
    res.end('says hi');
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

let connection = 0;
const server = http.createServer((req, res) => {
  let length = 0;
  req.on('data', (c) => (length += c.length));
  req.on('end', () => {
    res.setHeader('x-connection', String(req.socket.id));
    res.end(`${req.method} ${req.url} ${length}`);
  });
});
server.on('connection', (socket) => (socket.id = ++connection));

server.listen(0, '127.0.0.1', () => {
  execFile('node', ['-e', clientScript, String(server.address().port)], (err, stdout, stderr) => {
    console.log('node client:', err, stderr);
    console.log(stdout);
    server.close();
    const child = spawn('node', ['-e', serverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', async (data) => {
      const port = Number(data);
      const agent = new http.Agent({ keepAlive: true });
      const request = (path, body) => new Promise((resolve) => {
        const req = http.request({ port, host: '127.0.0.1', path, agent, method: body ? 'PUT' : 'GET' }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(`${res.statusCode} ${res.headers['x-seen']} ${res.headers['transfer-encoding']} ${text} reused=${req.reusedSocket}`));
        });
        req.end(body);
      });
      console.log(await request('/a'));
      console.log(await request('/b', 'body'.repeat(5000)));
      const raw = net.connect(port, '127.0.0.1', () => raw.end('GET /raw HTTP/1.0\r\n\r\n'));
      let reply = '';
      raw.on('data', (c) => (reply += c));
      raw.on('end', async () => {
        console.log(reply.split('\r\n')[0], reply.endsWith('node says hi'));
        console.log(await request('/stop'));
        agent.destroy();
      });
    });
    child.on('exit', (code) => console.log('node server exited', code));
  });
});

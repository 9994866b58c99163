// The ws package over node:http's 'upgrade': a server and a client in one
// process exchange text and binary messages, then close with a code and a
// reason.
const { WebSocketServer, WebSocket } = require('ws');
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => {
  const port = wss.address().port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/path`);
  ws.on('open', () => { console.log('client open'); ws.send('hello'); ws.send(Buffer.from([1, 2, 3])); });
  ws.on('message', (data, isBinary) => {
    console.log('client got', isBinary, data.toString());
    if (data.toString() === 'bye') ws.close(1000, 'done');
  });
  ws.on('close', (code, reason) => { console.log('client close', code, reason.toString()); wss.close(() => console.log('server closed')); });
});
wss.on('connection', (socket, req) => {
  console.log('server connection', req.url, req.headers.upgrade);
  socket.on('message', (data, isBinary) => {
    console.log('server got', isBinary, isBinary ? [...data] : data.toString());
    socket.send(isBinary ? 'binary ok' : `echo ${data}`);
    if (isBinary) socket.send('bye');
  });
  socket.on('close', (code, reason) => console.log('server close', code, reason.toString()));
});

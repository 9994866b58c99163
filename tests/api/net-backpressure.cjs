// Backpressure: the server writes 10 MiB in 1 KiB chunks to a client that has paused. write() starts returning
// false (writableLength >= writableHighWaterMark, writableNeedDrain), no 'data' reaches the paused client, and
// 'drain' comes only after the client resumes (it is resumed from setImmediate, before the loop can poll again).
// Then bytesWritten / bytesRead / received byte totals all equal 10 MiB.
const net = require('net');

const CHUNK = 1024;
const COUNT = 10 * 1024;
const TOTAL = CHUNK * COUNT;
let client;
let resumed = false;
let dataWhilePaused = 0;

const server = net.createServer((sock) => {
  console.log('server writableHighWaterMark', sock.writableHighWaterMark);
  sock.once('data', (d) => {
    console.log('server got', String(d));
    const chunk = Buffer.alloc(CHUNK, 'x');
    const returns = [];
    for (let i = 0; i < COUNT; i++) returns.push(sock.write(chunk));
    const firstFalse = returns.indexOf(false);
    console.log('some write returned false', firstFalse >= 0, 'and stayed false', returns.slice(firstFalse).every((r) => r === false));
    console.log('writableNeedDrain', sock.writableNeedDrain, 'writableLength >= highWaterMark', sock.writableLength >= sock.writableHighWaterMark);
    console.log('buffered less than all', sock.writableLength < TOTAL, 'bytesWritten counts queued bytes', sock.bytesWritten === TOTAL);
    let drains = 0;
    sock.on('drain', () => {
      if (drains++ === 0) console.log('first drain after resume', resumed, 'writableLength', sock.writableLength);
      sock.end();
    });
    sock.on('finish', () => console.log('server finish, bytesWritten', sock.bytesWritten));
    sock.on('close', (hadError) => {
      console.log('server socket close', hadError);
      server.close(() => console.log('server closed'));
    });
    // Nothing can flush the queued bytes before the next poll phase, so this runs before any 'drain'.
    setImmediate(() => {
      console.log('resuming client; data events while paused', dataWhilePaused, 'isPaused', client.isPaused());
      resumed = true;
      client.resume();
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1');
  let received = 0;
  client.on('connect', () => {
    client.pause();
    client.write('go');
  });
  client.on('data', (d) => {
    if (!resumed) dataWhilePaused++;
    received += d.length;
  });
  client.on('end', () => console.log('client end, received', received, 'bytesRead', client.bytesRead, 'equal', received === TOTAL));
  client.on('close', (hadError) => console.log('client close', hadError, 'bytesWritten', client.bytesWritten));
});

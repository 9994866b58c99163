// bench/network.py: sends N MiB over one TCP connection to whoever connects,
// writing as fast as the reader takes it (backpressure), then closes.
const net = require('net');
const mib = Number(process.argv[3]);
const chunk = Buffer.alloc(64 * 1024, 120);
const server = net.createServer((socket) => {
  let left = (mib * 1024 * 1024) / chunk.length;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!socket.write(chunk)) return socket.once('drain', pump);
    }
    socket.end();
    server.close();
  };
  pump();
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));

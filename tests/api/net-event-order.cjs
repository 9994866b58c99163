// net event order on each side of one TCP connection: 'listening', 'connection', client 'connect' then 'ready',
// 'data', 'end', 'finish', 'close' (hadError), server 'close'; with process.nextTick and Promise callbacks
// scheduled from each event (they run before the next event), and per event the setImmediate / setTimeout(0)
// scheduled from it (immediate first from I/O callbacks; no timeout from 'listening' or the close phase).
// The two sides run in one process, so only each side's own order is printed, not how they interleave.
const net = require('net');

const logs = { server: [], client: [] };
const later = []; // per event: the order of its setImmediate and setTimeout(0)
function on(side, emitter, name, { timer = true, extra } = {}) {
  emitter.on(name, (...args) => {
    const label = `${side} ${name}${extra ? ' ' + extra(...args) : ''}`;
    logs[side].push(label);
    process.nextTick(() => logs[side].push(`  tick after ${name}`));
    Promise.resolve().then(() => logs[side].push(`  microtask after ${name}`));
    const order = [];
    later.push({ label, order });
    setImmediate(() => order.push('immediate'));
    if (timer) setTimeout(() => order.push('timeout'), 0);
  });
}

const server = net.createServer();
on('server', server, 'listening', { timer: false });
on('server', server, 'connection');
on('server', server, 'close', { timer: false });
server.on('connection', (sock) => {
  on('server', sock, 'data', { extra: (d) => JSON.stringify(String(d)) });
  on('server', sock, 'end');
  on('server', sock, 'finish');
  on('server', sock, 'close', { timer: false, extra: (hadError) => `hadError=${hadError}` });
  // The server answers only once the client has spoken, then ends its side.
  sock.once('data', () => sock.end('world'));
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  on('client', client, 'connect');
  on('client', client, 'ready');
  let received = '';
  client.on('data', (d) => (received += d));
  on('client', client, 'end', { extra: () => `received=${JSON.stringify(received)}` });
  on('client', client, 'finish');
  on('client', client, 'close', { timer: false, extra: (hadError) => `hadError=${hadError}` });
  client.on('connect', () => client.write('hello'));
});

process.on('exit', () => {
  for (const side of ['server', 'client']) {
    console.log(`--- ${side}`);
    for (const line of logs[side]) console.log(line);
  }
  console.log('--- immediates and timeouts, per event');
  for (const side of ['server', 'client']) {
    for (const { label, order } of later.filter((l) => l.label.startsWith(side))) console.log(`${label}: ${order.join(', ')}`);
  }
});

// net address helpers: isIP / isIPv4 / isIPv6 on many inputs, net.SocketAddress (defaults, fields, validation),
// net.BlockList (addAddress, addRange, addSubnet, check, rules, IPv4-mapped IPv6), and the properties of a socket
// and a server before connecting / listening, and of a socket right after net.connect() (still connecting).
const net = require('net');

const inputs = ['127.0.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '1.2.3', '01.2.3.4', '1.2.3.4 ', '::', '::1',
  '2001:db8::1', 'fe80::1%eth0', '::ffff:127.0.0.1', '1::2::3', 'x', '', 'localhost', '[::1]', ':::1', 'abcd:ef01:2345:6789:abcd:ef01:2345:6789', 123, null, undefined];
for (const input of inputs) {
  console.log(JSON.stringify(input) ?? String(input), net.isIP(input), net.isIPv4(input), net.isIPv6(input));
}

console.log('--- SocketAddress');
const show = (sa) => console.log(sa instanceof net.SocketAddress, sa.address, sa.port, sa.family, sa.flowlabel);
show(new net.SocketAddress());
show(new net.SocketAddress({ address: '10.0.0.1', port: 8080 }));
show(new net.SocketAddress({ address: '::1', family: 'ipv6', port: 443, flowlabel: 7 }));
for (const bad of [{ address: 1 }, { port: -1 }, { family: 'ipv5' }, { address: 'nope' }, 'x']) {
  try {
    show(new net.SocketAddress(bad));
  } catch (err) {
    console.log('throws', err.code, err.name, err.message);
  }
}

console.log('--- BlockList');
const list = new net.BlockList();
list.addAddress('10.0.0.5');
list.addRange('192.168.1.10', '192.168.1.20');
list.addSubnet('172.16.0.0', 12);
list.addAddress('2001:db8::1', 'ipv6');
list.addSubnet('fd00::', 8, 'ipv6');
list.addAddress(new net.SocketAddress({ address: '8.8.8.8' }));
console.log(list.rules);
for (const [addr, fam] of [['10.0.0.5'], ['10.0.0.6'], ['192.168.1.10'], ['192.168.1.15'], ['192.168.1.21'], ['172.31.255.255'],
  ['172.32.0.0'], ['2001:db8::1', 'ipv6'], ['2001:db8::2', 'ipv6'], ['fdff::1', 'ipv6'], ['::ffff:10.0.0.5', 'ipv6'], ['8.8.8.8'], ['10.0.0.5', 'ipv6']]) {
  console.log('check', addr, fam ?? '', list.check(addr, fam));
}
console.log('check SocketAddress', list.check(new net.SocketAddress({ address: '8.8.8.8' })));
for (const f of [() => list.addRange('10.0.0.9', '10.0.0.1'), () => list.addSubnet('10.0.0.0', 33), () => list.check(1), () => list.addAddress('1.1.1.1', 'ipx')]) {
  try {
    f();
    console.log('no throw');
  } catch (err) {
    console.log('throws', err.code, err.name, err.message);
  }
}

console.log('--- before connect');
const props = (s) => ['readyState', 'pending', 'connecting', 'destroyed', 'remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort', 'bytesRead', 'bytesWritten', 'timeout', 'readable', 'writable', 'allowHalfOpen'].map((k) => `${k}=${s[k]}`).join(' ');
const sock = new net.Socket();
console.log(props(sock));
console.log('address()', JSON.stringify(sock.address()));
const server = net.createServer();
console.log('server listening', server.listening, 'address', server.address(), 'maxConnections', server.maxConnections);
server.listen(0, '127.0.0.1', () => {
  const { address, family } = server.address();
  console.log('server listening', server.listening, address, family, Object.keys(server.address()).join(','));
  const c = net.connect(server.address().port, '127.0.0.1');
  console.log('after connect():', props(c));
  c.on('connect', () => {
    console.log('connected:', ['readyState', 'pending', 'connecting', 'remoteAddress', 'remoteFamily', 'localAddress'].map((k) => `${k}=${c[k]}`).join(' '));
    console.log('remotePort matches', c.remotePort === server.address().port, 'localPort is a number', typeof c.localPort);
    c.end();
    c.on('close', () => {
      console.log('closed:', props(c).replace(/(remotePort|localPort)=\d+/g, '$1=N'));
      server.close();
    });
  });
  server.on('connection', (s) => s.resume());
});

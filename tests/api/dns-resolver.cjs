// dns.Resolver against a DNS server of this program's own on loopback
// (UDP, and TCP for a truncated answer): every record type, NXDOMAIN,
// SERVFAIL, ENODATA, timeouts, cancel, setServers/getServers, the promise
// API, and argument errors.
const dgram = require('dgram');
const net = require('net');
const dns = require('dns');

const types = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, NAPTR: 35, ANY: 255, CAA: 257 };

function encodeName(name) {
  const parts = name.split('.').filter(Boolean).map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}
const u16 = (n) => Buffer.from([n >> 8, n & 255]);
const u32 = (n) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const text = (s) => Buffer.concat([Buffer.from([s.length]), Buffer.from(s)]);

function parseQuery(msg) {
  let at = 12;
  const labels = [];
  while (msg[at]) {
    labels.push(msg.toString('latin1', at + 1, at + 1 + msg[at]));
    at += msg[at] + 1;
  }
  return { id: msg.readUInt16BE(0), name: labels.join('.'), type: msg.readUInt16BE(at + 1), question: msg.subarray(12, at + 5) };
}

const zone = {
  'example.test': [
    ['A', u32(0x7f000001)],
    ['A', u32(0x7f000002)],
    ['AAAA', Buffer.from('20010db8000000000000000000000001', 'hex')],
    ['MX', Buffer.concat([u16(10), encodeName('mail.example.test')])],
    ['TXT', Buffer.concat([text('v=spf1'), text('-all')])],
    ['NS', encodeName('ns1.example.test')],
    ['SOA', Buffer.concat([encodeName('ns1.example.test'), encodeName('admin.example.test'), u32(2024), u32(3600), u32(600), u32(86400), u32(60)])],
    ['CAA', Buffer.concat([Buffer.from([0, 5]), Buffer.from('issue'), Buffer.from('ca.test')])],
  ],
  '_sip._tcp.example.test': [['SRV', Buffer.concat([u16(1), u16(5), u16(5060), encodeName('sip.example.test')])]],
  'www.example.test': [['CNAME', encodeName('example.test')]],
  '55.2.0.192.in-addr.arpa': [['PTR', encodeName('host.test')], ['PTR', encodeName('alias.test')]],
  'naptr.test': [['NAPTR', Buffer.concat([u16(100), u16(10), text('S'), text('SIP+D2U'), text(''), encodeName('_sip._udp.example.test')])]],
};

function answer(query, { truncate = false } = {}) {
  const records = query.name === 'empty.test' ? [] : zone[query.name];
  const rcode = query.name === 'fail.test' ? 2 : records === undefined ? 3 : 0;
  const chosen = (records ?? []).filter(([type]) => query.type === types.ANY || types[type] === query.type);
  const flags = 0x8180 | rcode | (truncate ? 0x0200 : 0);
  const body = truncate ? [] : chosen.map(([type, data]) => Buffer.concat([encodeName(query.name), u16(types[type]), u16(1), u32(300), u16(data.length), data]));
  return Buffer.concat([u16(query.id), u16(flags), u16(1), u16(body.length), u16(0), u16(0), query.question, ...body]);
}

const udp = dgram.createSocket('udp4');
udp.on('message', (msg, rinfo) => {
  const query = parseQuery(msg);
  if (query.name === 'slow.test') return;
  udp.send(answer(query, { truncate: query.name === 'big.test' }), rinfo.port, rinfo.address);
});
const tcp = net.createServer((socket) => {
  socket.once('data', (data) => {
    const reply = answer({ ...parseQuery(data.subarray(2)), name: 'example.test' });
    socket.end(Buffer.concat([u16(reply.length), reply]));
  });
});

const show = (label) => (err, result) => console.log(label, err ? `${err.code} ${err.syscall} ${err.hostname} ${err.message}` : JSON.stringify(result));

function steps(resolver, port) {
  return [
    (done) => resolver.resolve4('example.test', (e, r) => done(show('resolve4')(e, r))),
    (done) => resolver.resolve4('example.test', { ttl: true }, (e, r) => done(show('resolve4 ttl')(e, r))),
    (done) => resolver.resolve6('example.test', (e, r) => done(show('resolve6')(e, r))),
    (done) => resolver.resolveMx('example.test', (e, r) => done(show('resolveMx')(e, r))),
    (done) => resolver.resolveTxt('example.test', (e, r) => done(show('resolveTxt')(e, r))),
    (done) => resolver.resolveNs('example.test', (e, r) => done(show('resolveNs')(e, r))),
    (done) => resolver.resolveSoa('example.test', (e, r) => done(show('resolveSoa')(e, r))),
    (done) => resolver.resolveCaa('example.test', (e, r) => done(show('resolveCaa')(e, r))),
    (done) => resolver.resolveSrv('_sip._tcp.example.test', (e, r) => done(show('resolveSrv')(e, r))),
    (done) => resolver.resolveCname('www.example.test', (e, r) => done(show('resolveCname')(e, r))),
    (done) => resolver.resolveNaptr('naptr.test', (e, r) => done(show('resolveNaptr')(e, r))),
    (done) => resolver.resolve('example.test', 'MX', (e, r) => done(show('resolve MX')(e, r))),
    (done) => resolver.resolveAny('example.test', (e, r) => done(show('resolveAny')(e, r && r.length))),
    (done) => resolver.reverse('192.0.2.55', (e, r) => done(show('reverse')(e, r))),
    (done) => resolver.resolve4('missing.test', (e, r) => done(show('nxdomain')(e, r))),
    (done) => resolver.resolve4('fail.test', (e, r) => done(show('servfail')(e, r))),
    (done) => resolver.resolve4('empty.test', (e, r) => done(show('nodata')(e, r))),
    (done) => resolver.resolve4('big.test', (e, r) => done(show('over tcp')(e, r))),
    (done) => {
      const quick = new dns.Resolver({ timeout: 50, tries: 1 });
      quick.setServers([`127.0.0.1:${port}`]);
      quick.resolve4('slow.test', (e, r) => done(show('timeout')(e, r)));
    },
    (done) => {
      let left = 2;
      const each = (e, r) => {
        show('cancelled')(e, r);
        if (--left === 0) done();
      };
      resolver.resolve4('slow.test', each);
      resolver.resolveTxt('slow.test', each);
      try {
        resolver.setServers(['127.0.0.1']);
      } catch (e) {
        console.log(e.code, e.message.replace(/\d+/g, 'N'));
      }
      setImmediate(() => resolver.cancel());
    },
    (done) => {
      const promises = new dns.promises.Resolver();
      promises.setServers([`127.0.0.1:${port}`]);
      promises.resolve4('example.test').then((r) => show('promise')(null, r))
        .then(() => promises.resolveMx('missing.test'))
        .catch((e) => show('promise rejection')(e))
        .then(done);
    },
  ];
}

udp.bind(0, '127.0.0.1', () => {
  const { port } = udp.address();
  tcp.listen(port, '127.0.0.1', () => {
    const resolver = new dns.Resolver();
    resolver.setServers([`127.0.0.1:${port}`, '[::1]:5353', '10.0.0.1']);
    console.log(resolver.getServers().map((s) => s.replace(String(port), 'PORT')));
    resolver.setServers([`127.0.0.1:${port}`]);
    for (const bad of [() => resolver.setServers('x'), () => resolver.setServers(['nope']), () => resolver.resolve4(1, () => {}),
      () => resolver.resolve('a', 'BOGUS', () => {}), () => resolver.resolve4('a'), () => new dns.Resolver({ timeout: 4.5 }),
      () => resolver.reverse('not-an-ip', () => {})]) {
      try {
        bad();
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
    }
    const queue = steps(resolver, port);
    const next = () => {
      const step = queue.shift();
      if (step) step(next);
      else {
        udp.close();
        tcp.close();
      }
    };
    next();
  });
});

// dns.lookup and dns.lookupService: 'localhost' with family 4 (option, number argument, 'IPv4' string)
// and with all:true; IP literals (no resolution; a v6 literal ignores family 4); the empty hostname;
// 'nonexistent.invalid' failing with ENOTFOUND (message, code, errno, syscall, hostname); lookupService of
// 127.0.0.1 port 22 (localhost / ssh from /etc/hosts and /etc/services here); dns.promises.lookup and
// lookupService; callbacks are never synchronous; the argument validation errors (family, hints, all,
// order, verbatim, hostname, callback; lookupService address, port, missing arguments), which
// dns.promises throws synchronously too. Lookups run one at a time: concurrent ones can finish in any
// order.
const dns = require('dns');

const describe = (err) => `${err.name} ${err.code} ${JSON.stringify(err.message)}` +
  ['errno', 'syscall', 'hostname'].filter((k) => err[k] !== undefined).map((k) => ` ${k}=${JSON.stringify(err[k])}`).join('');

function lookup(label, ...args) {
  return new Promise((resolve) => {
    let returned = false;
    dns.lookup(...args, (err, address, family) => {
      console.log(`${label}: ${err ? describe(err) : `err ${err}`} address ${JSON.stringify(address)} family ${family} async ${returned}`);
      resolve();
    });
    returned = true;
  });
}

function throws(label, fn) {
  try {
    fn();
    console.log(`${label}: no throw`);
  } catch (err) {
    console.log(`${label}: throws ${describe(err)}`);
  }
}

(async () => {
  console.log('getDefaultResultOrder', dns.getDefaultResultOrder(), 'ADDRCONFIG', dns.ADDRCONFIG, 'V4MAPPED', dns.V4MAPPED, 'ALL', dns.ALL);
  await lookup('localhost family 4', 'localhost', { family: 4 });
  await lookup('localhost family 4 all', 'localhost', { family: 4, all: true });
  await lookup('localhost family argument 4', 'localhost', 4);
  await lookup("localhost family 'IPv4'", 'localhost', { family: 'IPv4' });
  await lookup('localhost family 4 with hints', 'localhost', { family: 4, hints: dns.ADDRCONFIG | dns.V4MAPPED });
  await lookup('localhost family 4 order ipv4first', 'localhost', { family: 4, order: 'ipv4first' });
  await lookup('127.0.0.1', '127.0.0.1');
  await lookup('127.0.0.1 all', '127.0.0.1', { all: true });
  await lookup('::1', '::1');
  await lookup('::1 family 4', '::1', { family: 4 });
  await lookup('::1 all', '::1', { all: true });
  await lookup('10.1.2.3 family 6', '10.1.2.3', 6);
  await lookup('empty hostname', '');
  await lookup('empty hostname all', '', { all: true });
  await lookup('null hostname', null);
  await lookup('nonexistent.invalid', 'nonexistent.invalid');
  await lookup('nonexistent.invalid all', 'nonexistent.invalid', { all: true });

  await new Promise((resolve) => {
    let returned = false;
    dns.lookupService('127.0.0.1', 22, (err, hostname, service) => {
      console.log(`lookupService 127.0.0.1 22: err ${err} hostname ${hostname} service ${service} async ${returned}`);
      resolve();
    });
    returned = true;
  });

  const p = dns.promises;
  console.log('promises.lookup localhost family 4:', JSON.stringify(await p.lookup('localhost', { family: 4 })));
  console.log('promises.lookup localhost 4 all:', JSON.stringify(await p.lookup('localhost', { family: 4, all: true })));
  console.log('promises.lookup 127.0.0.1:', JSON.stringify(await p.lookup('127.0.0.1')));
  console.log('promises.lookup ::1 all:', JSON.stringify(await p.lookup('::1', { all: true })));
  await p.lookup('nonexistent.invalid').then(
    (r) => console.log('promises.lookup nonexistent.invalid resolved', r),
    (err) => console.log(`promises.lookup nonexistent.invalid: rejects ${describe(err)}`));
  console.log('promises.lookupService 127.0.0.1 22:', JSON.stringify(await p.lookupService('127.0.0.1', 22)));
  console.log('dns.promises === require("dns/promises")', p === require('dns/promises'));

  throws('family 5', () => dns.lookup('localhost', { family: 5 }, () => {}));
  throws('family argument 7', () => dns.lookup('localhost', 7, () => {}));
  throws("family 'IPv5'", () => dns.lookup('localhost', { family: 'IPv5' }, () => {}));
  throws('hints 999', () => dns.lookup('localhost', { hints: 999 }, () => {}));
  throws("hints 'x'", () => dns.lookup('localhost', { hints: 'x' }, () => {}));
  throws('all 1', () => dns.lookup('localhost', { all: 1 }, () => {}));
  throws("order 'x'", () => dns.lookup('localhost', { order: 'x' }, () => {}));
  throws("verbatim 'x'", () => dns.lookup('localhost', { verbatim: 'x' }, () => {}));
  throws('hostname 123', () => dns.lookup(123, () => {}));
  throws('hostname {}', () => dns.lookup({}, () => {}));
  throws('no callback', () => dns.lookup('localhost'));
  throws('options but no callback', () => dns.lookup('localhost', { family: 4 }));
  throws("callback 'x'", () => dns.lookup('localhost', {}, 'x'));
  throws("lookupService address 'x'", () => dns.lookupService('x', 22, () => {}));
  throws("lookupService port 'abc'", () => dns.lookupService('127.0.0.1', 'abc', () => {}));
  throws('lookupService port 70000', () => dns.lookupService('127.0.0.1', 70000, () => {}));
  throws('lookupService port -1', () => dns.lookupService('127.0.0.1', -1, () => {}));
  throws('lookupService no port', () => dns.lookupService('127.0.0.1'));
  throws('lookupService no callback', () => dns.lookupService('127.0.0.1', 22));
  throws("lookupService callback 'x'", () => dns.lookupService('127.0.0.1', 22, 'x'));
  // dns.promises validates before making a promise: it throws rather than rejecting.
  throws('promises.lookup family 5', () => p.lookup('localhost', { family: 5 }).catch(() => {}));
  throws('promises.lookup hostname 123', () => p.lookup(123).catch(() => {}));
  throws("promises.lookupService address 'x'", () => p.lookupService('x', 22).catch(() => {}));
  throws('promises.lookupService port 70000', () => p.lookupService('127.0.0.1', 70000).catch(() => {}));
})();

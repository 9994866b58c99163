// dns.Resolver and dns.promises.Resolver: DNS queries sent by tock itself,
// as c-ares does for Node, over the loop's UDP sockets (node:dgram), with a
// TCP retry for a truncated answer. A Resolver's `_handle` is its Channel:
// the servers, the queries in flight, the timeout and tries. The wire
// format is Rust's (native.dns.encodeQuery / decodeAnswer, hickory-proto).

const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const { validatePort, net: { isIP } } = require('internal/net');
const timers = require('internal/timers').timers;

// c-ares's defaults as Node 20 has them: 2 s for the first try, 4 tries.
const defaultTimeout = 2000;
const defaultTries = 4;

// `queryA ENOTFOUND example.org`: c-ares's failures carry no errno.
function dnsException(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = undefined;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

// The name servers /etc/resolv.conf lists, as c-ares reads them at start.
function systemServers() {
  let text = '';
  try {
    text = require('node/fs').readFileSync('/etc/resolv.conf', 'latin1');
  } catch {
    // None: c-ares falls back to the local host.
  }
  const servers = [];
  for (const line of text.split('\n')) {
    const [keyword, address] = line.trim().split(/\s+/);
    if (keyword === 'nameserver' && address && isIP(address.split('%')[0])) servers.push([address, 53]);
  }
  return servers.length ? servers : [['127.0.0.1', 53]];
}

// '1.2.3.4', '1.2.3.4:53', '::1', '[::1]:53' → [address, port].
function parseServer(server, index) {
  if (typeof server !== 'string') throw invalidArgType(`servers[${index}]`, 'of type string', server);
  let address = server;
  let port = 53;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracketed) {
    address = bracketed[1];
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else if (isIP(server) !== 6) {
    const withPort = /^([^:]+):(\d+)$/.exec(server);
    if (withPort) [address, port] = [withPort[1], Number(withPort[2])];
  }
  if (!isIP(address)) throw codedError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${server}`);
  return [address, validatePort(port)];
}

function formatServer([address, port]) {
  if (port === 53) return address;
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

// One query: sent to each server in turn, `tries` rounds, each round's
// wait twice the last; the first answer (or the last failure) settles it.
class Query {
  constructor(channel, name, type, callback) {
    this.channel = channel;
    this.name = name;
    this.type = type;
    this.callback = callback;
    this.id = (Math.random() * 0x10000) | 0;
    this.bytes = native.dns.encodeQuery(this.id, name, type);
    this.attempt = 0;
    this.timer = null;
    this.server = null;
    this.lastError = 'ETIMEOUT';
  }

  send() {
    const { channel } = this;
    const servers = channel.servers;
    if (this.attempt >= servers.length * channel.tries) return this.finish(this.lastError);
    const round = Math.floor(this.attempt / servers.length);
    this.server = channel.serverSocket(servers[this.attempt % servers.length]);
    this.attempt++;
    this.server.send(this);
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      this.lastError = 'ETIMEOUT';
      this.retry();
    }, channel.timeout * 2 ** round);
  }

  retry() {
    if (this.timer) timers.clearTimeout(this.timer);
    this.timer = null;
    this.server?.forget(this);
    this.server = null;
    this.send();
  }

  answered(answer) {
    if (answer.truncated) {
      if (this.timer) timers.clearTimeout(this.timer);
      this.timer = null;
      this.server.forget(this);
      askOverTcp(this, this.server.address);
      return;
    }
    if (answer.rcode !== 'NOERROR') return this.finish(answer.rcode);
    this.finish(null, answer.answers);
  }

  finish(code, answers) {
    if (!this.channel.pending.delete(this)) return;
    if (this.timer) timers.clearTimeout(this.timer);
    this.timer = null;
    this.server?.forget(this);
    this.server = null;
    this.callback(code, answers);
  }
}

// A truncated UDP answer is asked again over TCP (two length bytes first).
function askOverTcp(query, [address, port]) {
  const net = require('node/net');
  const socket = net.connect({ host: address, port });
  let received = Buffer.alloc(0);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(query.bytes.byteLength);
  socket.write(length);
  socket.write(Buffer.from(query.bytes));
  query.tcp = socket;
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    if (received.length < 2 || received.length < 2 + received.readUInt16BE(0)) return;
    socket.destroy();
    const answer = native.dns.decodeAnswer(received.subarray(2, 2 + received.readUInt16BE(0)));
    if (!answer || answer.id !== query.id) query.finish('EBADRESP');
    else query.finish(answer.rcode === 'NOERROR' ? null : answer.rcode, answer.answers);
  });
  socket.on('error', () => query.finish('ECONNREFUSED'));
  socket.on('end', () => query.finish('EBADRESP'));
}

// The UDP socket a channel keeps for one server while queries wait on it.
class ServerSocket {
  constructor(channel, address) {
    this.channel = channel;
    this.address = address;
    this.waiting = new Map();
    this.ready = false;
    this.unsent = [];
    const dgram = require('node/dgram');
    const family = isIP(address[0]);
    this.socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    const local = family === 6 ? channel.localAddress.v6 : channel.localAddress.v4;
    if (local) this.socket.bind(0, local);
    this.socket.on('message', (message) => {
      const answer = native.dns.decodeAnswer(message);
      const query = answer?.response ? this.waiting.get(answer.id) : undefined;
      if (query) query.answered(answer);
    });
    this.socket.on('error', (err) => {
      // A refusal (ICMP) on the connected socket: every query waiting on
      // this server goes on to the next one.
      this.close();
      for (const query of [...this.waiting.values(), ...this.unsent]) {
        query.lastError = err.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'ESERVFAIL';
        query.retry();
      }
    });
    this.socket.connect(address[1], address[0], () => {
      this.ready = true;
      for (const query of this.unsent.splice(0)) this.transmit(query);
    });
  }

  send(query) {
    this.waiting.set(query.id, query);
    if (this.ready) this.transmit(query);
    else this.unsent.push(query);
  }

  transmit(query) {
    if (this.waiting.get(query.id) === query) this.socket.send(new Uint8Array(query.bytes));
  }

  forget(query) {
    if (this.waiting.get(query.id) === query) this.waiting.delete(query.id);
    const at = this.unsent.indexOf(query);
    if (at !== -1) this.unsent.splice(at, 1);
    if (this.waiting.size === 0) this.close();
  }

  close() {
    if (this.channel.sockets.get(this.key) !== this) return;
    this.channel.sockets.delete(this.key);
    try {
      this.socket.close();
    } catch {
      // Closed already.
    }
  }

  get key() {
    return formatServer(this.address);
  }
}

class Channel {
  constructor(timeout, tries) {
    this.timeout = timeout;
    this.tries = tries;
    this.servers = systemServers();
    this.pending = new Set();
    this.sockets = new Map();
    this.localAddress = { v4: undefined, v6: undefined };
  }

  getServers() {
    return this.servers.map(([address, port]) => [address, port]);
  }

  serverSocket(address) {
    const key = formatServer(address);
    let socket = this.sockets.get(key);
    if (!socket) {
      socket = new ServerSocket(this, address);
      this.sockets.set(key, socket);
    }
    return socket;
  }

  query(name, type, callback) {
    const query = new Query(this, name, type, callback);
    this.pending.add(query);
    if (query.bytes === undefined) {
      process.nextTick(() => query.finish('EBADNAME'));
    } else if (this.servers.length === 0) {
      process.nextTick(() => query.finish('ECONNREFUSED'));
    } else {
      query.send();
    }
    return query;
  }

  cancel() {
    for (const query of [...this.pending]) {
      query.tcp?.destroy();
      query.finish('ECANCELLED');
    }
  }
}

function validateResolverOptions(options) {
  if (options === undefined) return { timeout: defaultTimeout, tries: defaultTries };
  if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
  const integer = (name, fallback, min) => {
    const value = options[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number') throw invalidArgType(`options.${name}`, 'of type number', value);
    if (!Number.isInteger(value)) {
      throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.${name}" is out of range. It must be an integer. Received ${inspect(value)}`);
    }
    if (value < min || value > 2 ** 31 - 1) {
      throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.${name}" is out of range. It must be >= ${min} && <= ${2 ** 31 - 1}. Received ${inspect(value)}`);
    }
    return value;
  };
  const timeout = integer('timeout', -1, -1);
  const tries = integer('tries', defaultTries, 1);
  return { timeout: timeout > 0 ? timeout : defaultTimeout, tries };
}

const rrtypes = {
  A: 'queryA', AAAA: 'queryAaaa', ANY: 'queryAny', CAA: 'queryCaa', CNAME: 'queryCname', MX: 'queryMx',
  NAPTR: 'queryNaptr', NS: 'queryNs', PTR: 'queryPtr', SOA: 'querySoa', SRV: 'querySrv', TXT: 'queryTxt',
};

// The records of an answer as each resolve* gives them.
function shape(type, answers, ttl) {
  if (type === 'ANY') return answers.map(([kind, record]) => ({ ...record, type: kind }));
  const records = answers.filter(([kind]) => kind === type).map(([, record]) => record);
  switch (type) {
    case 'A':
    case 'AAAA':
      return ttl ? records : records.map((r) => r.address);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return records.map((r) => r.value);
    case 'TXT':
      return records.map((r) => r.entries);
    case 'SOA':
      return records[0];
    default:
      return records;
  }
}

// The IP of `reverse` as the name its PTR record has.
function reverseName(ip) {
  if (isIP(ip) === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const groups = ip.split('::');
  const head = groups[0] ? groups[0].split(':') : [];
  const tail = groups.length > 1 && groups[1] ? groups[1].split(':') : [];
  const full = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail];
  const digits = full.map((g) => g.padStart(4, '0')).join('');
  return `${[...digits].reverse().join('.')}.ip6.arpa`;
}

// What /etc/hosts says of an address, as c-ares reads it before asking a
// server: every name of its lines but the first, which is the canonical
// one (Node reports a host's aliases). Undefined when it says nothing.
function hostsNames(ip) {
  let text;
  try {
    text = require('node/fs').readFileSync('/etc/hosts', 'latin1');
  } catch {
    return undefined;
  }
  const names = [];
  for (const line of text.split('\n')) {
    const [address, ...hosts] = line.split('#')[0].trim().split(/\s+/);
    if (address === ip) names.push(...hosts);
  }
  return names.length ? names.slice(1) : undefined;
}

class ResolverBase {
  constructor(options) {
    const { timeout, tries } = validateResolverOptions(options);
    this._handle = new Channel(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(formatServer);
  }

  setServers(servers) {
    if (!Array.isArray(servers)) throw invalidArgType('servers', 'an instance of Array', servers);
    const parsed = servers.map(parseServer);
    if (this._handle.pending.size) {
      throw codedError(Error, 'ERR_DNS_SET_SERVERS_FAILED', `c-ares failed to set servers: "There are pending queries." [${inspect(servers)}]`);
    }
    this._handle.servers = parsed;
    for (const socket of [...this._handle.sockets.values()]) socket.close();
  }

  setLocalAddress(ipv4, ipv6) {
    if (typeof ipv4 !== 'string') throw invalidArgType('ipv4', 'of type string', ipv4);
    if (ipv6 !== undefined && typeof ipv6 !== 'string') throw invalidArgType('ipv6', 'of type string', ipv6);
    const local = { v4: undefined, v6: undefined };
    for (const address of [ipv4, ipv6]) {
      if (address === undefined) continue;
      const family = isIP(address);
      const slot = family === 4 ? 'v4' : family === 6 ? 'v6' : null;
      if (!slot || local[slot] !== undefined) {
        throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `Invalid IP address.`);
      }
      local[slot] = address;
    }
    this._handle.localAddress = local;
  }

}

// One resolve (the name and type checked by the caller), then
// `settle(err, result)`.
function resolveWith(resolver, name, type, options, settle) {
  const syscall = rrtypes[type];
  const ttl = Boolean(options?.ttl);
  resolver._handle.query(name, type, (code, answers) => {
    if (code) return settle(dnsException(code, syscall, name));
    const result = shape(type, answers, ttl);
    if (result === undefined || (Array.isArray(result) && result.length === 0)) {
      return settle(dnsException('ENODATA', syscall, name));
    }
    settle(null, result);
  });
}

function reverseWith(resolver, ip, settle) {
  if (typeof ip !== 'string') throw invalidArgType('ip', 'of type string', ip);
  if (!isIP(ip)) {
    const err = dnsException('EINVAL', 'getHostByAddr', ip);
    err.errno = -22;
    throw err;
  }
  const known = hostsNames(ip);
  if (known) {
    process.nextTick(settle, null, known);
    return;
  }
  resolver._handle.query(reverseName(ip), 'PTR', (code, answers) => {
    if (code) return settle(dnsException(code, 'getHostByAddr', ip));
    settle(null, shape('PTR', answers));
  });
}

function settled(start) {
  const { promise, resolve, reject } = Promise.withResolvers();
  start((err, result) => (err ? reject(err) : resolve(result)));
  return promise;
}

function checkRrtype(rrtype) {
  if (typeof rrtype !== 'string') throw invalidArgType('rrtype', 'of type string', rrtype);
  if (!Object.hasOwn(rrtypes, rrtype)) {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'rrtype' is invalid. Received ${inspect(rrtype)}`);
  }
}

function checkName(name) {
  if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
}

function checkCallback(callback) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
}

// dns.Resolver: callbacks.
class Resolver extends ResolverBase {
  resolve(hostname, rrtype, callback) {
    if (typeof rrtype === 'function') [callback, rrtype] = [rrtype, 'A'];
    else if (rrtype === undefined) rrtype = 'A';
    checkName(hostname);
    checkRrtype(rrtype);
    checkCallback(callback);
    resolveWith(this, hostname, rrtype, undefined, callback);
    return {};
  }

  reverse(ip, callback) {
    checkCallback(callback);
    reverseWith(this, ip, callback);
    return {};
  }
}

// dns.promises.Resolver: promises.
class PromiseResolver extends ResolverBase {
  resolve(hostname, rrtype = 'A') {
    checkName(hostname);
    checkRrtype(rrtype);
    return settled((settle) => resolveWith(this, hostname, rrtype, undefined, settle));
  }

  reverse(ip) {
    return settled((settle) => reverseWith(this, ip, settle));
  }
}

const methods = {
  resolveAny: 'ANY', resolve4: 'A', resolve6: 'AAAA', resolveCaa: 'CAA', resolveCname: 'CNAME', resolveMx: 'MX',
  resolveNs: 'NS', resolveTxt: 'TXT', resolveSrv: 'SRV', resolvePtr: 'PTR', resolveNaptr: 'NAPTR', resolveSoa: 'SOA',
};
for (const [method, type] of Object.entries(methods)) {
  Resolver.prototype[method] = function (hostname, options, callback) {
    if (typeof options === 'function') [callback, options] = [options, undefined];
    checkName(hostname);
    checkCallback(callback);
    resolveWith(this, hostname, type, options, callback);
    return {};
  };
  PromiseResolver.prototype[method] = function (hostname, options) {
    checkName(hostname);
    return settled((settle) => resolveWith(this, hostname, type, options, settle));
  };
}

module.exports = { Resolver, PromiseResolver, methods };

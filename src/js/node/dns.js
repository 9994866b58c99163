// node:dns. lookup and lookupService ask the system resolver
// (getaddrinfo / getnameinfo on the blocking pool, src/host/dns.rs): what
// /etc/hosts and nsswitch say, as Node's do. resolve*, reverse and the
// servers are a default Resolver's (internal/dns.js), shared with
// dns.promises.

const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const { Resolver, PromiseResolver, methods } = require('internal/dns');

let defaultOrder = 'verbatim';

const families = new Map([[0, 0], [4, 4], [6, 6], ['IPv4', 4], ['IPv6', 6]]);

// `getaddrinfo ENOTFOUND nope.invalid`
function dnsException({ code, errno, syscall }, hostname) {
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  Object.assign(err, { errno, code, syscall });
  if (hostname) err.hostname = hostname;
  return err;
}

function validateFamily(family, name = "property 'options.family'") {
  if (!families.has(family)) {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${name} must be one of: 0, 4, 6. Received ${inspect(family)}`);
  }
  return families.get(family);
}

function lookupOptions(options) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === 'number' || typeof options === 'string') {
    family = validateFamily(options, "argument 'family'");
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    if (options.family !== undefined && options.family !== null) family = validateFamily(options.family);
    if (options.hints !== undefined) {
      if (typeof options.hints !== 'number') throw invalidArgType('options.hints', 'of type number', options.hints);
      if ((options.hints & ~(native.dns.ADDRCONFIG | native.dns.V4MAPPED | native.dns.ALL)) !== 0) {
        throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'hints' is invalid. Received ${options.hints}`);
      }
      hints = options.hints;
    }
    if (options.all !== undefined) {
      if (typeof options.all !== 'boolean') throw invalidArgType('options.all', 'of type boolean', options.all);
      all = options.all;
    }
    if (options.verbatim !== undefined) {
      if (typeof options.verbatim !== 'boolean') throw invalidArgType('options.verbatim', 'of type boolean', options.verbatim);
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order !== undefined) {
      if (!['verbatim', 'ipv4first', 'ipv6first'].includes(options.order)) {
        throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.order' must be one of: 'verbatim', 'ipv4first', 'ipv6first'. Received ${inspect(options.order)}`);
      }
      order = options.order;
    }
  }
  return { family, hints, all, order };
}

function lookup(hostname, options, callback) {
  if (hostname && typeof hostname !== 'string') throw invalidArgType('hostname', 'of type string', hostname);
  if (typeof options === 'function') [callback, options] = [options, undefined];
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  const { family, hints, all, order } = lookupOptions(options);
  if (!hostname) {
    process.nextTick(() => (all ? callback(null, []) : callback(null, null, family === 6 ? 6 : 4)));
    return {};
  }
  const ipFamily = require('node/net').isIP(hostname);
  if (ipFamily) {
    process.nextTick(() => (all ? callback(null, [{ address: hostname, family: ipFamily }]) : callback(null, hostname, ipFamily)));
    return {};
  }
  native.dns.lookup(hostname, family, hints, (failure, found) => {
    if (failure) return callback(dnsException(failure, hostname));
    let addresses = found.map(([address, family]) => ({ address, family }));
    if (order === 'ipv4first') addresses.sort((a, b) => a.family - b.family);
    else if (order === 'ipv6first') addresses.sort((a, b) => b.family - a.family);
    if (all) return callback(null, addresses);
    if (addresses.length === 0) return callback(dnsException({ code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo' }, hostname));
    callback(null, addresses[0].address, addresses[0].family);
  });
  return {};
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) {
    throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "address", "port", and "callback" arguments must be specified');
  }
  if (!require('node/net').isIP(address)) {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'address' is invalid. Received ${inspect(address)}`);
  }
  if (typeof port !== 'number' && typeof port !== 'string' || !Number.isInteger(+port) || +port < 0 || +port > 65535 || `${port}`.trim() === '') {
    throw codedError(RangeError, 'ERR_SOCKET_BAD_PORT', `Port should be >= 0 and < 65536. Received type ${typeof port} (${inspect(port)}).`);
  }
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  native.dns.lookupService(address, +port, (failure, hostname, service) => {
    if (failure) return callback(dnsException(failure, address));
    callback(null, hostname, service);
  });
  return {};
}

function setDefaultResultOrder(order) {
  if (order !== 'ipv4first' && order !== 'verbatim' && order !== 'ipv6first') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'dnsOrder' must be one of: 'verbatim', 'ipv4first'. Received ${inspect(order)}`);
  }
  defaultOrder = order;
}

const codes = [
  'NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY', 'BADNAME', 'BADFAMILY', 'BADRESP',
  'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM', 'DESTRUCTION', 'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS',
  'NOTINITIALIZED', 'LOADIPHLPAPI', 'ADDRGETNETWORKPARAMS', 'CANCELLED',
];

// Bad arguments throw at once, as in Node; failures reject.
const promises = {
  lookup(hostname, options) {
    const { promise, resolve, reject } = Promise.withResolvers();
    lookup(hostname, options, (err, address, family) => {
      if (err) reject(err);
      else resolve(Array.isArray(address) ? address : { address, family });
    });
    return promise;
  },
  lookupService(address, port) {
    const { promise, resolve, reject } = Promise.withResolvers();
    lookupService(address, port, (err, hostname, service) => (err ? reject(err) : resolve({ hostname, service })));
    return promise;
  },
  setDefaultResultOrder,
  getDefaultResultOrder: () => defaultOrder,
};

module.exports = {
  lookup,
  lookupService,
  setDefaultResultOrder,
  getDefaultResultOrder: () => defaultOrder,
  ADDRCONFIG: native.dns.ADDRCONFIG,
  V4MAPPED: native.dns.V4MAPPED,
  ALL: native.dns.ALL,
  Resolver,
  promises,
};
promises.Resolver = PromiseResolver;
for (const code of codes) module.exports[code] = promises[code] = `E${code}`;

// The default resolvers, made at first use; dns.setServers replaces them
// (a new channel, so queries in flight are left alone, as in Node).
let defaults;
function defaultResolvers() {
  if (!defaults) {
    const resolver = new Resolver();
    const promiseResolver = new PromiseResolver();
    promiseResolver._handle = resolver._handle;
    defaults = { resolver, promiseResolver };
  }
  return defaults;
}

function setServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  const promiseResolver = new PromiseResolver();
  promiseResolver._handle = resolver._handle;
  defaults = { resolver, promiseResolver };
}
module.exports.setServers = promises.setServers = setServers;
module.exports.getServers = promises.getServers = () => defaultResolvers().resolver.getServers();
for (const method of ['resolve', 'reverse', ...Object.keys(methods)]) {
  module.exports[method] = (...args) => defaultResolvers().resolver[method](...args);
  promises[method] = (...args) => defaultResolvers().promiseResolver[method](...args);
}

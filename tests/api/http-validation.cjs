// http's synchronous checks and tables: http.STATUS_CODES samples, http.METHODS (length, order, entries),
// http.validateHeaderName / validateHeaderValue errors, setHeader / appendHeader / getHeader argument errors on
// an OutgoingMessage (a ClientRequest that is never sent), and http.maxHeaderSize.
const http = require('http');

const tryIt = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (err) {
    console.log(label, 'throws', err.code, err.name, JSON.stringify(err.message));
  }
};

for (const code of [100, 101, 200, 201, 204, 301, 304, 400, 401, 404, 418, 425, 429, 451, 500, 502, 503, 511, 599]) {
  console.log(code, JSON.stringify(http.STATUS_CODES[code]));
}
console.log('STATUS_CODES count', Object.keys(http.STATUS_CODES).length);
console.log('METHODS length', http.METHODS.length, 'sorted', http.METHODS.join(',') === [...http.METHODS].sort().join(','));
console.log('METHODS', http.METHODS.join(' '));
console.log('has GET/QUERY/PURGE/TRACE', ['GET', 'QUERY', 'PURGE', 'TRACE'].map((m) => http.METHODS.includes(m)).join(','));
console.log('maxHeaderSize', http.maxHeaderSize);

console.log('--- validateHeaderName');
for (const name of ['X-Good', 'x_ok.1~!#$%&\'*+^`|', 'bad name', 'bad:colon', '', 'ü', 'a\r\nb', 123, undefined]) {
  tryIt(JSON.stringify(name) ?? 'undefined', () => http.validateHeaderName(name));
}
console.log('--- validateHeaderValue');
for (const [name, value] of [['x', 'fine'], ['x', 'tab\tok'], ['x', 'bad\nvalue'], ['x', 'bad\rvalue'], ['x', 'nul\0'], ['x', 'latin1 é'],
  ['x', 'emoji 😀'], ['x', undefined], ['x', 42], ['x', ['a', 'b\n']], ['x', '']]) {
  tryIt(JSON.stringify(value) ?? 'undefined', () => http.validateHeaderValue(name, value));
}

console.log('--- OutgoingMessage header errors');
// A request with createConnection returning a dummy stream is never sent; destroyed at the end.
const req = http.request({ host: '127.0.0.1', port: 9, createConnection: () => new (require('stream').PassThrough)() });
req.on('error', () => {});
tryIt('setHeader bad name', () => req.setHeader('bad name', 'v'));
tryIt('setHeader bad value', () => req.setHeader('x-bad', 'a\nb'));
tryIt('setHeader undefined value', () => req.setHeader('x-undef', undefined));
tryIt('setHeader name not string', () => req.setHeader(42, 'v'));
tryIt('appendHeader bad name', () => req.appendHeader('b@d name', 'v'));
tryIt('getHeader no name', () => req.getHeader());
tryIt('removeHeader no name', () => req.removeHeader());
tryIt('hasHeader number', () => req.hasHeader(1));
tryIt('setHeader ok returns request', () => req.setHeader('X-Ok', ['1', 2]) === req);
console.log('getHeader X-Ok', JSON.stringify(req.getHeader('x-ok')), 'names', JSON.stringify(req.getHeaderNames()), 'raw', JSON.stringify(req.getRawHeaderNames()));
tryIt('bad method', () => http.request({ method: 'GE T', host: '127.0.0.1' }));
tryIt('bad path', () => http.request({ path: '/a b', host: '127.0.0.1' }));
tryIt('bad protocol', () => http.request({ protocol: 'https:', host: '127.0.0.1' }));
tryIt('bad header in options', () => http.request({ host: '127.0.0.1', headers: { 'bad name': '1' } }));
req.destroy();

// Checks require of mime (ESM-only, via require(esm)), mime-types, content-type ("exports" string), bytes, qs (with deps), ms, iconv-lite (not "browser").
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['mime', 'mime-types', 'content-type', 'bytes', 'qs', 'side-channel', 'ms', 'iconv-lite', 'iconv-lite/encodings']) console.log(s, '->', where(s));
console.log(require('mime').default.getType('md'), require('mime-types').contentType('json'), require('content-type').format({ type: 'image/svg+xml' }));
console.log(require('bytes').format(1048576, { unitSeparator: ' ' }), require('ms')('2d'), require('qs').parse('x=1&x=2'));
const iconv = require('iconv-lite');
console.log(iconv.decode(iconv.encode('héllo', 'utf16le'), 'utf16le'), iconv.encode('abc', 'utf8').toString('base64'));

// node:querystring: parsing (plus signs, repeats, malformed escapes, custom
// separators, maxKeys) and formatting (arrays, odd values, escaping).
const qs = require('node:querystring');
const same = require('querystring') === qs;

const show = (value) => console.log(JSON.stringify(value), Object.getPrototypeOf(value) === null);
show(qs.parse('a=1&b=2&a=3&c'));
show(qs.parse('x=hello+world&y=%E2%82%AC&z=%zz&w=%'));
show(qs.parse('a:1;b:2', ';', ':'));
show(qs.parse('a=1&&b=&=c'));
show(qs.parse('k1=1&k2=2&k3=3', null, null, { maxKeys: 2 }));
show(qs.parse(''));
show(qs.decode('q=%41', '&', '=', { decodeURIComponent: (s) => s.toLowerCase() }));

console.log(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: NaN, e: null, f: {}, g: 10n, h: 'é€' }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'));
console.log(qs.encode({ w: 'a b' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }));
console.log(qs.stringify('nope'), qs.stringify(null), JSON.stringify(qs.stringify({})));
console.log(qs.escape("a b&c=d/é!'()*~"), qs.unescape('a%20b%zz'), qs.unescapeBuffer('%41%42+c').toString());
try {
  qs.escape('\ud800');
} catch (err) {
  console.log(err.name, err.code, err.message);
}
console.log(same, Object.keys(qs).sort().join());

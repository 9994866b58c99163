// URL, URLSearchParams and node:url file-URL helpers.
const u = new URL('https://user:pw@a.com:8080/x/y?b=2&a=1#z');
console.log(u.href, u.origin, u.host, u.port, u.pathname, u.search, u.hash, String(u), JSON.stringify({u}));
console.log(u);
u.searchParams.append('c', 'd e'); console.log(u.href, [...u.searchParams], u.searchParams.get('a'), u.searchParams.size);
u.pathname = '/q r'; u.hash = ''; console.log(u.href);
console.log(new URL('../z', 'file:///tmp/a/b').href, URL.canParse('nope'), new URLSearchParams({a: 1, b: 'x y'}).toString());
try { new URL('nope') } catch (e) { console.log(e.code, e.message, e.input, e.name) }
const { fileURLToPath, pathToFileURL } = require('url');
console.log(fileURLToPath('file:///tmp/a%20b'), pathToFileURL('/tmp/a b#?%').href, pathToFileURL('/tmp/dir/').href);
try { fileURLToPath('http://x/y') } catch (e) { console.log(e.code, e.message) }
console.log(new URLSearchParams('a=1&b=2&a=3').getAll('a'), new URLSearchParams('?x=1'));

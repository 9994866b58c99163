// node:crypto hashing and randomness: createHash md5 / sha1 / sha256 / sha512 digests (hex, base64,
// base64url, latin1, Buffer) of strings (utf8, latin1, hex, base64 input encodings) and buffers, update()
// chaining, copy(), crypto.hash(), a Hash used as a stream; digest twice / update after digest
// (ERR_CRYPTO_HASH_FINALIZED, while Hmac's second digest is empty); createHmac with string and Buffer keys;
// unknown algorithms; randomBytes / randomFillSync sizes and errors, the async randomBytes; randomUUID's
// format; timingSafeEqual and its errors; getRandomValues (same array back, limits, DOMException names).
// Random values themselves are never printed.
const crypto = require('crypto');

const describe = (err) => `${err.name} ${err.code} ${JSON.stringify(err.message)}`;
function show(label, fn) {
  try {
    const result = fn();
    console.log(`${label}: ${Buffer.isBuffer(result) ? `<Buffer ${result.toString('hex')}>` : JSON.stringify(result)}`);
  } catch (err) {
    console.log(`${label}: throws ${describe(err)}`);
  }
}

const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'héllo wörld €'];
for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
  for (const input of inputs) {
    show(`${algorithm}(${JSON.stringify(input)}) hex`, () => crypto.createHash(algorithm).update(input).digest('hex'));
  }
  show(`${algorithm}("abc") base64`, () => crypto.createHash(algorithm).update('abc').digest('base64'));
  show(`${algorithm}(Buffer 0..255) base64url`, () => crypto.createHash(algorithm).update(Buffer.from(Array.from({ length: 256 }, (_, i) => i))).digest('base64url'));
}
show('sha256 of 1 MiB of "a"', () => crypto.createHash('sha256').update(Buffer.alloc(1 << 20, 'a')).digest('hex'));
show('SHA256 (upper case name)', () => crypto.createHash('SHA256').update('abc').digest('hex'));
show('sha256 digest() Buffer', () => crypto.createHash('sha256').update('abc').digest());
show("sha1 digest('latin1') length", () => crypto.createHash('sha1').update('abc').digest('latin1').length);
show("sha1 digest('buffer')", () => crypto.createHash('sha1').update('abc').digest('buffer'));
show('md5 of latin1 input "héllo"', () => crypto.createHash('md5').update('héllo', 'latin1').digest('hex'));
show('md5 of hex input "616263"', () => crypto.createHash('md5').update('616263', 'hex').digest('hex'));
show('md5 of base64 input "YWJj"', () => crypto.createHash('md5').update('YWJj', 'base64').digest('hex'));
show('md5 of a Uint8Array', () => crypto.createHash('md5').update(new Uint8Array([97, 98, 99])).digest('hex'));
show('md5 of a DataView', () => crypto.createHash('md5').update(new DataView(new Uint8Array([97, 98, 99]).buffer)).digest('hex'));

const chained = crypto.createHash('sha256');
console.log('update returns the hash', chained.update('a') === chained);
show('chained a+b+c equals abc', () => chained.update('b').update(Buffer.from('c')).digest('hex') === crypto.createHash('sha256').update('abc').digest('hex'));
const original = crypto.createHash('sha1').update('ab');
const copy = original.copy();
show('copy continued with c', () => copy.update('c').digest('hex'));
show('original continued with d', () => original.update('d').digest('hex'));
show("crypto.hash('sha1', 'abc')", () => crypto.hash('sha1', 'abc'));
show("crypto.hash('md5', 'abc', 'base64')", () => crypto.hash('md5', 'abc', 'base64'));
show("crypto.hash('sha256', Buffer, 'buffer')", () => crypto.hash('sha256', Buffer.from('abc'), 'buffer'));
show("getHashes() includes md5 sha1 sha256 sha512", () => ['md5', 'sha1', 'sha256', 'sha512'].every((a) => crypto.getHashes().includes(a)));

const streamed = crypto.createHash('sha256');
streamed.on('readable', () => {
  const data = streamed.read();
  if (data) console.log(`Hash as a stream: ${data.toString('hex')}`);
});
streamed.write('ab');
console.log('Hash as a stream: write returned');
streamed.end('c');
console.log('Hash as a stream: end returned');
streamed.on('end', () => console.log('Hash as a stream: end event'));
streamed.on('finish', () => console.log('Hash as a stream: finish event'));

const done = crypto.createHash('sha256');
done.update('x');
done.digest('hex');
show('digest twice', () => done.digest('hex'));
show('update after digest', () => done.update('y'));
show('copy after digest', () => done.copy());
show("createHash('nope')", () => crypto.createHash('nope'));
show('createHash(5)', () => crypto.createHash(5));
show('update(5)', () => crypto.createHash('sha256').update(5));
show('update() nothing', () => crypto.createHash('sha256').update());

show('hmac sha256 string key', () => crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
show('hmac md5 string key', () => crypto.createHmac('md5', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
show('hmac sha1 Buffer key base64', () => crypto.createHmac('sha1', Buffer.from('key')).update('data').digest('base64'));
show('hmac sha512 empty key and data', () => crypto.createHmac('sha512', '').digest('hex'));
show('hmac sha256 long key (hashed first)', () => crypto.createHmac('sha256', 'k'.repeat(100)).update('data').digest('hex'));
const hmac = crypto.createHmac('sha256', 'key');
console.log('hmac update returns the hmac', hmac.update('a') === hmac);
hmac.digest('hex');
show('hmac digest twice (hex)', () => hmac.digest('hex'));
show('hmac digest twice (Buffer)', () => hmac.digest());
show('hmac update after digest', () => hmac.update('b'));
show("createHmac('nope', 'key')", () => crypto.createHmac('nope', 'key'));
show("createHmac('sha256') no key", () => crypto.createHmac('sha256'));
show("createHmac('sha256', 5)", () => crypto.createHmac('sha256', 5));

for (const size of [0, 1, 16, 1000]) {
  show(`randomBytes(${size}) length`, () => crypto.randomBytes(size).length);
}
show('randomBytes(16) is a Buffer', () => Buffer.isBuffer(crypto.randomBytes(16)));
show('two randomBytes(32) differ', () => !crypto.randomBytes(32).equals(crypto.randomBytes(32)));
show('randomBytes(-1)', () => crypto.randomBytes(-1));
show("randomBytes('x')", () => crypto.randomBytes('x'));
show('randomBytes(2 ** 31)', () => crypto.randomBytes(2 ** 31));
show('randomBytes(1.5) length', () => crypto.randomBytes(1.5).length);
show('randomFillSync returns its buffer', () => {
  const buf = Buffer.alloc(8);
  return crypto.randomFillSync(buf) === buf;
});
show('randomFillSync offset 4 leaves 0..3', () => {
  const buf = Buffer.alloc(8);
  crypto.randomFillSync(buf, 4);
  return buf.subarray(0, 4).toString('hex');
});
let returned = false;
crypto.randomBytes(24, (err, buf) => console.log(`randomBytes(24, cb): err ${err} length ${buf.length} async ${returned}`));
returned = true;

const uuidFormat = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
show('randomUUID() format', () => Array.from({ length: 50 }, () => crypto.randomUUID()).every((u) => uuidFormat.test(u)));
show('randomUUID() distinct', () => new Set(Array.from({ length: 50 }, () => crypto.randomUUID())).size);
show('randomUUID({ disableEntropyCache: true }) format', () => uuidFormat.test(crypto.randomUUID({ disableEntropyCache: true })));
show('randomUUID(5)', () => crypto.randomUUID(5));
show('globalThis.crypto.randomUUID format', () => uuidFormat.test(globalThis.crypto.randomUUID()));

show('timingSafeEqual equal', () => crypto.timingSafeEqual(Buffer.from('secret'), Buffer.from('secret')));
show('timingSafeEqual different', () => crypto.timingSafeEqual(Buffer.from('secret'), Buffer.from('secreT')));
show('timingSafeEqual empty', () => crypto.timingSafeEqual(Buffer.alloc(0), Buffer.alloc(0)));
show('timingSafeEqual Uint8Array and Buffer', () => crypto.timingSafeEqual(new Uint8Array([1, 2]), Buffer.from([1, 2])));
show('timingSafeEqual lengths 1 and 2', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
show('timingSafeEqual strings', () => crypto.timingSafeEqual('a', 'a'));
show('timingSafeEqual Buffer and string', () => crypto.timingSafeEqual(Buffer.from('a'), 'a'));

const arr = new Uint8Array(16);
show('getRandomValues returns the same array', () => crypto.getRandomValues(arr) === arr);
show('getRandomValues Uint32Array(4) length', () => crypto.getRandomValues(new Uint32Array(4)).length);
show('getRandomValues BigInt64Array(2) length', () => crypto.getRandomValues(new BigInt64Array(2)).length);
show('getRandomValues 65536 bytes', () => crypto.getRandomValues(new Uint8Array(65536)).length);
for (const [label, make] of [['65537 bytes', () => new Uint8Array(65537)], ['Float32Array', () => new Float32Array(2)],
  ['DataView', () => new DataView(new ArrayBuffer(4))], ['nothing', () => undefined]]) {
  try {
    crypto.getRandomValues(make());
    console.log(`getRandomValues ${label}: no throw`);
  } catch (err) {
    console.log(`getRandomValues ${label}: throws ${err.name} code ${err.code} DOMException ${err instanceof DOMException} ${JSON.stringify(err.message)}`);
  }
}
show('globalThis.crypto.getRandomValues Int16Array(3) length', () => globalThis.crypto.getRandomValues(new Int16Array(3)).length);
show('webcrypto is globalThis.crypto', () => crypto.webcrypto === globalThis.crypto);
show('getRandomValues detached from webcrypto', () => {
  const { getRandomValues } = globalThis.crypto;
  return getRandomValues(new Uint8Array(2));
});

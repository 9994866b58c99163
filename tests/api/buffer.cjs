// Buffer: encodings, construction, comparison, numbers, inspect, errors; TextEncoder/TextDecoder.
const b = Buffer.from('héllo wörld');
console.log(b, b.length, b.toString(), b.toString('hex'), b.toString('base64'), b.toString('base64url'), b.toString('latin1'));
console.log(Buffer.from('aGVsbG8', 'base64').toString(), Buffer.from('68656c6c6f', 'hex'), Buffer.alloc(3, 'ab'), Buffer.alloc(60));
console.log(Buffer.concat([Buffer.from('a'), Buffer.from('bc')]), Buffer.byteLength('héllo'), Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(1)));
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), b.equals(Buffer.from('héllo wörld')), b.slice(1, 3), b.subarray(-3), b.subarray(2) instanceof Buffer);
const w = Buffer.alloc(6); console.log(w.write('héllo', 1), w, w.toJSON(), JSON.stringify(Buffer.from('hi')));
console.log(b.readUInt16LE(0), b.readUInt32BE(1), w.writeUInt32LE(0xdeadbeef, 2), w, b.indexOf('l'), b.includes('wör'), b.lastIndexOf('l'));
console.log(new TextEncoder().encode('hé'), new TextDecoder().decode(new Uint8Array([104, 195, 169])), [Buffer.from('x')], {b: Buffer.from('xyz')});
try { Buffer.from('x', 'nope') } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(-1) } catch (e) { console.log(e.code, e.message) }
try { Buffer.from(5) } catch (e) { console.log(e.code, e.message) }
try { b.readUInt32LE(20) } catch (e) { console.log(e.code, e.message) }
console.log(Buffer.from([256, 1, -1]), Buffer.from(new Uint16Array([258, 3])), Buffer.from('€').toString('ascii'), Buffer.from('ÿ', 'latin1'), Buffer.alloc(0), require('buffer').kMaxLength);
console.log(b.toString('utf8', 1, 4), b.toString(undefined, 100), typeof Buffer.prototype.readBigUInt64LE, Buffer.from([1,2,3,4]).swap16());
console.log(Buffer.from('aGk', 'base64url'), Buffer.from('AQID', 'base64').toString('hex'), Buffer.from('ff00', 'hex').readInt16BE(0));
console.log(Buffer.from('hi', 'utf16le'), Buffer.from([0x68, 0, 0x69, 0]).toString('ucs2'), Buffer.byteLength('aGk=', 'base64'));
const big = Buffer.alloc(8); big.writeBigUInt64BE(2n ** 63n); console.log(big, big.readBigUInt64BE(), big.writeDoubleLE(1.5), big.readDoubleLE());
console.log(Buffer.from('abc').compare(Buffer.from('abd')), Buffer.from('xyz').fill('ab'), Buffer.alloc(4).fill(0x41, 1, 3), Buffer.from('a\u00e9').toString('ascii'));
const src = Buffer.from('source'); const dst = Buffer.alloc(4); console.log(src.copy(dst, 1, 2), dst);
const { Buffer: B, kMaxLength, constants } = require('buffer'); console.log(B === Buffer, kMaxLength === constants.MAX_LENGTH);
console.log(new TextDecoder('utf-16le').decode(Buffer.from('ok', 'utf16le')), new TextEncoder().encodeInto('héllo', new Uint8Array(3)));
try { new TextDecoder('utf8', { fatal: true }).decode(new Uint8Array([0xff])) } catch (e) { console.log(e.code, e.name) }
console.log(Buffer.from('€uro').toString('latin1'), Buffer.from('\u00ff\u0100', 'latin1'), Buffer.from('not base64!!', 'base64'));
console.log(Buffer.alloc(10, 'abc').toString(), Buffer.alloc(7, 'ab').toString(), Buffer.alloc(5).fill('xyz', 1, 4).toString('hex'), Buffer.alloc(3, 'é').toString('hex'), Buffer.alloc(9, 'abcd').toString(), Buffer.alloc(4).fill('hello').toString(), Buffer.alloc(1, 'ab').toString());
const b = Buffer.from('abcabcabc');
console.log(b.indexOf('c'), b.indexOf('bc', 2), b.indexOf('x'), b.lastIndexOf('abc'), b.lastIndexOf('abc', 5), b.lastIndexOf('c', 1), b.indexOf(''), b.indexOf('', 20), b.lastIndexOf('abcabcabcabc'), b.indexOf(99), b.includes('cab'), b.indexOf('a', -3), b.lastIndexOf('b', -2));
console.log(Buffer.compare(Buffer.from('b'), Buffer.from('ab')), Buffer.from('abc').compare(Buffer.from('abc')), Buffer.from('ab').equals(Buffer.from('abc')), Buffer.compare(Buffer.from('ab'), Buffer.from('abc')));

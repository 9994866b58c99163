// node:zlib: the sync calls, the callback calls and the streams of every
// engine round-trip; Node's errors for bad input, a missing dictionary,
// truncated data and bad options; gunzip of several members; crc32.
const zlib = require('zlib');
const show = (label, f) => {
  try {
    const r = f();
    console.log(label, Buffer.isBuffer(r) ? JSON.stringify(r.toString()) : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, e.message);
  }
};
const text = 'hello hello hello zlib '.repeat(20);
for (const [c, d] of [['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'], ['brotliCompress', 'brotliDecompress'], ['gzip', 'unzip'], ['deflate', 'unzip']]) {
  show(`${c}/${d}`, () => zlib[`${d}Sync`](zlib[`${c}Sync`](text)).toString() === text);
}
const gz = zlib.gzipSync('abc');
show('members', () => zlib.gunzipSync(Buffer.concat([gz, zlib.gzipSync('def'), Buffer.alloc(4)])));
show('garbage', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('garbage')])));
show('trailing', () => zlib.inflateSync(Buffer.concat([zlib.deflateSync('a'), Buffer.from('zz')])));
show('truncated', () => zlib.gunzipSync(gz.subarray(0, 10)));
show('not zlib', () => zlib.inflateSync(Buffer.from('nope nope')));
const dict = Buffer.from('hello world dictionary');
const withDict = zlib.deflateSync('hello world', { dictionary: dict });
show('dictionary', () => zlib.inflateSync(withDict, { dictionary: dict }));
show('no dictionary', () => zlib.inflateSync(withDict));
show('bad dictionary', () => zlib.inflateSync(withDict, { dictionary: Buffer.from('other') }));
show('brotli bad', () => zlib.brotliDecompressSync(Buffer.from('nope')));
show('level', () => zlib.deflateSync('x', { level: 10 }));
show('windowBits', () => zlib.gzipSync('x', { windowBits: 8 }));
show('type', () => zlib.deflateSync(42));
show('param', () => zlib.createBrotliCompress({ params: { 10000: 0 } }));
show('crc32', () => [zlib.crc32('hello'), zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32(Buffer.from('hello world'))]);
show('constants', () => [zlib.constants.Z_SYNC_FLUSH, zlib.Z_BEST_COMPRESSION, zlib.codes.Z_DATA_ERROR, zlib.codes['-3']]);

zlib.gzip(text, (err, compressed) => {
  console.log('gzip callback', err, compressed.length > 0);
  zlib.gunzip(compressed, (err2, plain) => {
    console.log('gunzip callback', err2, plain.toString() === text);
    zlib.inflate(Buffer.from('bad'), (err3) => {
      console.log('inflate callback', err3.code, err3.message);
      const deflate = zlib.createDeflate();
      const inflate = zlib.createInflate();
      const out = [];
      inflate.on('data', (chunk) => out.push(chunk));
      inflate.on('end', () => console.log('stream end', Buffer.concat(out).toString(), deflate.bytesWritten, inflate.bytesWritten > 0));
      deflate.pipe(inflate);
      deflate.write('first ');
      deflate.flush(() => {
        console.log('flushed');
        deflate.end('second');
      });
    });
  });
});

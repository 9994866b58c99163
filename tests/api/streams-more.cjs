// process.stdin (empty here), string_decoder, backpressure and 'drain', object mode, destroy, Duplex.
const { StringDecoder } = require('string_decoder');
const { Readable, Writable, Duplex, finished } = require('stream');
const d = new StringDecoder('utf8');
const euro = Buffer.from('€');
console.log(JSON.stringify(d.write(euro.subarray(0, 1))), JSON.stringify(d.write(euro.subarray(1))), JSON.stringify(d.end(Buffer.from([0xe2]))));
let chunks = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  console.log('stdin', JSON.stringify(chunks.join('')));
  const slow = new Writable({ highWaterMark: 4, write(c, e, cb) { setTimeout(cb, 1); } });
  const results = [];
  for (let i = 0; i < 4; i++) results.push(slow.write('ab'));
  console.log('write results', results, slow.writableLength, slow.writableNeedDrain);
  slow.on('drain', () => {
    console.log('drain', slow.writableLength);
    const objs = new Readable({ objectMode: true, read() {} });
    objs.push({ n: 1 }); objs.push([2]); objs.push(null);
    const got = [];
    objs.on('data', (o) => got.push(o)).on('end', () => {
      console.log('objects', got);
      const r = new Readable({ read() {} });
      r.on('error', (e) => console.log('error event', e.message));
      r.on('close', () => {
        console.log('close after destroy', r.destroyed);
        const echo = new Duplex({ read() {}, write(c, e, cb) { this.push(c.toString().toUpperCase()); cb(); }, final(cb) { this.push(null); cb(); } });
        echo.on('data', (c) => console.log('duplex', c.toString()));
        finished(echo, (err) => console.log('duplex finished', err));
        echo.write('hi'); echo.end('there');
        console.log(echo instanceof Writable, echo instanceof Readable);
      });
      r.destroy(new Error('boom'));
    });
  });
});

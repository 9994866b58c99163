// node:stream and fs streams: createReadStream events, ranges, async iteration, readline, pipeline, Writable order of end callback / finish / close, errors.
const fs = require('fs'); const path = require('path'); const os = require('os');
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');
const { pipeline: pipelineP } = require('stream/promises');
const readline = require('readline');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's1-')); const at = (n) => path.join(dir, n);
fs.writeFileSync(at('in.txt'), 'alpha\nbeta\r\ngamma\n\ndelta');
(async () => {
  const rs = fs.createReadStream(at('in.txt'), { encoding: 'utf8', highWaterMark: 8 });
  const events = [];
  rs.on('open', (fd) => events.push(`open ${typeof fd}`));
  rs.on('ready', () => events.push('ready'));
  rs.on('data', (c) => events.push(`data ${JSON.stringify(c)}`));
  await new Promise((r) => rs.on('close', r));
  rs.on('end', () => events.push('end (late)'));
  console.log(events, rs.bytesRead);

  let text = '';
  for await (const chunk of fs.createReadStream(at('in.txt'), { start: 2, end: 9 })) text += chunk;
  console.log(JSON.stringify(text));

  const rl = readline.createInterface({ input: fs.createReadStream(at('in.txt')), crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) lines.push(line);
  console.log(lines);

  const upper = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); } });
  await pipelineP(fs.createReadStream(at('in.txt')), upper, fs.createWriteStream(at('out.txt')));
  console.log(JSON.stringify(fs.readFileSync(at('out.txt'), 'utf8')));

  const ws = fs.createWriteStream(at('w.txt'));
  const order = [];
  ws.on('open', () => order.push('open'));
  ws.on('finish', () => order.push('finish'));
  ws.on('close', () => { order.push('close'); console.log(order, ws.bytesWritten, fs.readFileSync(at('w.txt'), 'utf8')); next(); });
  console.log(ws.write('one '), ws.write(Buffer.from('two ')));
  ws.end('three', () => order.push('end callback'));
})();

function next() {
  const collected = [];
  const sink = new Writable({ write(chunk, enc, cb) { collected.push(chunk.toString()); setImmediate(cb); } });
  Readable.from(['a', 'b', 'c']).pipe(new PassThrough()).pipe(sink).on('finish', () => {
    console.log('sink', collected);
    const bad = fs.createReadStream(at('missing'));
    bad.on('error', (e) => console.log('error', e.code, e.syscall));
    bad.on('close', () => {
      console.log('closed after error');
      pipeline(fs.createReadStream(at('missing')), new PassThrough(), (err) => {
        console.log('pipeline', err.code);
        const r = new Readable({ read() {} });
        r.push('x'); r.push('y'); r.push(null);
        r.on('readable', () => { let c; while ((c = r.read()) !== null) console.log('read', c.toString()); });
        r.on('end', () => { console.log('readable end'); fs.rmSync(dir, { recursive: true }); });
      });
    });
  });
}

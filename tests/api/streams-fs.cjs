// fs streams under backpressure, object-mode transforms into files, append and ranges, stream errors.
const fs = require('fs'); const path = require('path'); const os = require('os');
const { Writable, Transform, Readable } = require('stream');
const { pipeline } = require('stream/promises');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's4-')); const at = (n) => path.join(dir, n);
(async () => {
  // 1 MB through a slow writable: backpressure pauses the file stream.
  fs.writeFileSync(at('big'), Buffer.alloc(1024 * 1024, 'x'));
  let writes = 0, pauses = 0, bytes = 0;
  const rs = fs.createReadStream(at('big'));
  rs.on('pause', () => pauses++);
  const slow = new Writable({ highWaterMark: 1024, write(c, e, cb) { writes++; bytes += c.length; setImmediate(cb); } });
  await new Promise((resolve) => rs.pipe(slow).on('finish', resolve));
  console.log('bytes', bytes, 'writes', writes, 'paused', pauses > 0);
  // Object-mode transform with async work, into a file.
  const lines = new Transform({
    objectMode: true,
    transform(obj, e, cb) { setTimeout(() => cb(null, `${obj.id}:${obj.name}\n`), 1); },
  });
  await pipeline(Readable.from([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }]), lines, fs.createWriteStream(at('objs.txt')));
  console.log(fs.readFileSync(at('objs.txt'), 'utf8'));
  // Append mode, start offset, and reading a range.
  const ws = fs.createWriteStream(at('objs.txt'), { flags: 'a' });
  ws.write('4:d\n'); ws.end();
  await new Promise((r) => ws.on('close', r));
  const range = await new Promise((resolve) => { let s = ''; fs.createReadStream(at('objs.txt'), { start: 4, end: 11, encoding: 'utf8' }).on('data', (d) => (s += d)).on('end', () => resolve(s)); });
  console.log(JSON.stringify(range));
  // Errors: writing to a directory path, reading a directory.
  const bad = fs.createWriteStream(dir);
  bad.on('error', (e) => console.log('write error', e.code, e.syscall));
  await new Promise((r) => bad.on('close', r));
  const badRead = fs.createReadStream(dir);
  badRead.on('error', (e) => console.log('read error', e.code, e.syscall));
  badRead.resume();
  await new Promise((r) => badRead.on('close', r));
  try { await pipeline(fs.createReadStream(at('nope')), fs.createWriteStream(at('copy'))); } catch (e) { console.log('pipeline rejects', e.code); }
  fs.rmSync(dir, { recursive: true });
})();

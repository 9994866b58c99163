// The tick-by-tick order of stream events: push/data/end/close, write callbacks/end callback/finish/close, Transform data/end/finish, paused reads.
const { Readable, Writable, Transform, PassThrough } = require('stream');
const log = (...a) => console.log(...a);
const r = new Readable({ read() {} });
r.on('data', (c) => log('data', c.toString()));
r.on('end', () => log('end'));
r.on('close', () => log('close'));
r.push('a');
log('after push a');
process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => log('micro 1'));
r.push('b');
r.push(null);
log('sync done');
setImmediate(() => {
  log('--- writable');
  const w = new Writable({ write(c, e, cb) { log('write', c.toString()); cb(); } });
  w.on('finish', () => log('finish'));
  w.on('close', () => log('w close'));
  log('ret', w.write('x', () => log('cb x')));
  w.write('y', () => log('cb y'));
  w.end(() => log('end cb'));
  process.nextTick(() => log('tick 2'));
  log('sync 2 done');
  setImmediate(() => {
    log('--- transform');
    const t = new Transform({ transform(c, e, cb) { cb(null, c.toString() + '!'); }, flush(cb) { cb(null, 'flushed'); } });
    t.on('data', (c) => log('t data', c.toString()));
    t.on('end', () => log('t end'));
    t.on('finish', () => log('t finish'));
    t.on('close', () => log('t close'));
    t.write('1'); t.end('2');
    log('sync 3 done');
    setImmediate(() => {
      log('--- paused read');
      const p = new PassThrough();
      p.write('abc'); p.write('def');
      log('read', String(p.read()), String(p.read(2)));
      p.end();
      p.on('end', () => log('p end'));
      p.resume();
    });
  });
});

// Abort across APIs: setInterval iterator, events.on, EventTarget once/signal/stopImmediatePropagation, fs.readFile callback (called at once, as Node), exec.
const { setInterval: every, setImmediate: soon } = require('timers/promises');
const { on, once, EventEmitter } = require('events');
const fs = require('fs');
const { exec } = require('child_process');
(async () => {
  const ac = new AbortController();
  let n = 0;
  try {
    for await (const v of every(5, 'tick', { signal: ac.signal })) {
      console.log(v, ++n);
      if (n === 3) ac.abort();
    }
  } catch (e) { console.log('interval', e.name, e.code); }
  const ee = new EventEmitter();
  const ac2 = new AbortController();
  setTimeout(() => { ee.emit('x', 1); ee.emit('x', 2); ac2.abort('done'); }, 5);
  try { for await (const [v] of on(ee, 'x', { signal: ac2.signal })) console.log('on', v); } catch (e) { console.log('on ended', e.name, e.cause); }
  console.log(await soon('immediate value'));
  const et = new EventTarget();
  const ac3 = new AbortController();
  et.addEventListener('e', () => console.log('first'), { once: true });
  et.addEventListener('e', (ev) => { console.log('second'); ev.stopImmediatePropagation(); });
  et.addEventListener('e', () => console.log('third'));
  et.addEventListener('e', () => console.log('with signal'), { signal: ac3.signal });
  et.dispatchEvent(new Event('e'));
  ac3.abort();
  et.dispatchEvent(new Event('e'));
  const [ev] = await Promise.all([once(et, 'ready'), Promise.resolve().then(() => et.dispatchEvent(new Event('ready')))]);
  console.log('once on EventTarget', ev.type);
  fs.readFile(__filename, { signal: AbortSignal.abort() }, (err) => console.log('readFile cb', err.name));
  console.log('after readFile call');
  exec('exec sleep 5', { signal: AbortSignal.timeout(30) }, (err) => console.log('exec', err.name, err.code, err.cmd));
})();

// AbortController / AbortSignal (abort, timeout, any, onabort order), DOMException, EventTarget, and { signal } on timers/promises, events.once, fs.promises.readFile and spawn.
const ac = new AbortController();
console.log(ac.signal.aborted, ac.signal.reason, typeof EventTarget, typeof Event, typeof DOMException);
ac.signal.addEventListener('abort', (e) => console.log('abort event', e.type, e.target === ac.signal, e.constructor.name), { once: true });
ac.signal.onabort = () => console.log('onabort');
ac.abort();
console.log(ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason.code, ac.signal.reason instanceof DOMException, ac.signal.reason instanceof Error);
try { ac.signal.throwIfAborted() } catch (e) { console.log('thrown', e.name) }
const { setTimeout: sleep } = require('timers/promises');
const ac2 = new AbortController();
sleep(1000, 'v', { signal: ac2.signal }).catch((e) => console.log('sleep', e.name, e.code, e.message, e.cause === r));
const r = new Error('stop'); ac2.abort(r);
sleep(10, 'x', { signal: AbortSignal.abort('why') }).catch((e) => console.log('pre-aborted', e.name, e.cause));
const t = AbortSignal.timeout(20);
t.addEventListener('abort', () => console.log('timeout signal', t.reason.name, t.reason.message, t.reason.code));
const any = AbortSignal.any([t, new AbortController().signal]);
any.onabort = () => console.log('any aborted', any.reason.name);
require('events').once(new (require('events'))(), 'never', { signal: AbortSignal.timeout(30) }).catch((e) => console.log('once', e.name, e.code, e.cause.name));
require('fs').promises.readFile(__filename, { signal: AbortSignal.abort() }).catch((e) => console.log('readFile', e.name, e.code, e.message));
const et = new EventTarget();
et.addEventListener('ping', { handleEvent(e) { console.log('handleEvent', e.type, e.cancelable, e.defaultPrevented); } });
const ev = new Event('ping', { cancelable: true });
console.log('dispatch', et.dispatchEvent(ev));
console.log(String(new DOMException('m', 'NotFoundError')), new DOMException('m', 'NotFoundError').code);
const cp = require('child_process');
const child = cp.spawn('sleep', ['5'], { signal: AbortSignal.timeout(50) });
child.on('error', (e) => console.log('child error', e.name, e.code));
child.on('exit', (c, s) => console.log('child exit', c, s));

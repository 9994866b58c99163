// diagnostics_channel: a tracing channel's events around a sync call, a throw,
// a promise and a callback, in Node's order.
const dc = require('diagnostics_channel');
const tc = dc.tracingChannel('t');
const seen = [];
tc.subscribe({ start: () => seen.push('start'), end: () => seen.push('end'), asyncStart: () => seen.push('asyncStart'), asyncEnd: () => seen.push('asyncEnd'), error: (c) => seen.push('error ' + c.error.message) });
console.log(tc.traceSync((a) => a * 2, {}, null, 21), seen.splice(0));
try { tc.traceSync(() => { throw new Error('x'); }); } catch (e) { console.log('threw', e.message, seen.splice(0)); }
tc.tracePromise(async () => 5).then((v) => {
  console.log('promise', v, seen.splice(0));
  tc.traceCallback((cb) => setImmediate(() => cb(null, 7)), -1, {}, null, (e, v2) => { console.log('callback', v2, seen.splice(0)); });
});

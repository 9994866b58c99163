// The Chrome Trace Event Format (Perfetto, chrome://tracing) of a recorded
// run: macrotasks and microtasks as slices, awaits as flows, idle time on a
// track of its own.

const { where } = require('internal/trace/text');

function chromeTrace(events) {
  const us = (ms) => Math.round(ms * 1000);
  const out = [{ name: 'process_name', ph: 'M', pid: 1, args: { name: 'tock' } }];
  let open = null;
  let lastMicrotask = null;
  const closeMicrotask = (t) => {
    if (lastMicrotask) {
      lastMicrotask.dur = Math.max(1, us(t) - lastMicrotask.ts);
      lastMicrotask = null;
    }
  };
  let flow = 0;
  const flows = new Map();
  for (const e of events) {
    if (e.type === 'task') {
      open = { name: e.label, cat: 'macrotask', ph: 'X', ts: us(e.t), dur: 1, pid: 1, tid: 1, args: { task: e.task } };
      out.push(open);
    } else if (e.type === 'taskEnd' && open) {
      closeMicrotask(e.t);
      open.dur = Math.max(1, us(e.t) - open.ts);
      open = null;
    } else if (e.type === 'microtask' || e.type === 'resume') {
      closeMicrotask(e.t);
      const name = e.type === 'resume' ? `await continuation of ${e.fn}` : e.label;
      lastMicrotask = { name, cat: 'microtask', ph: 'X', ts: us(e.t), dur: 1, pid: 1, tid: 1, args: { site: where(e.site) } };
      out.push(lastMicrotask);
      if (e.type === 'resume') {
        const id = flows.get(where(e.site));
        if (id !== undefined) {
          out.push({ name: 'await', cat: 'await', ph: 'f', bp: 'e', id, ts: us(e.t) + 1, pid: 1, tid: 1 });
          flows.delete(where(e.site));
        }
      }
    } else if (e.type === 'await') {
      flow += 1;
      flows.set(where(e.site), flow);
      out.push({ name: 'await', cat: 'await', ph: 's', id: flow, ts: us(e.t), pid: 1, tid: 1, args: { fn: e.fn, awaited: e.awaited } });
    } else if (e.type === 'idle') {
      const span = e.waitMs == null ? { ph: 'i', s: 't' } : { ph: 'X', dur: us(e.waitMs) };
      out.push({ name: 'idle', cat: 'loop', ...span, ts: us(e.t), pid: 1, tid: 2, args: { next: e.next, io: e.io } });
    } else if (e.type !== 'checkpoint') {
      out.push({ name: e.type, cat: e.type, ph: 'i', s: 't', ts: us(e.t), pid: 1, tid: 1, args: e });
    }
  }
  return JSON.stringify({ traceEvents: out, displayTimeUnit: 'ms' });
}


module.exports = chromeTrace;

// The tracer: every macrotask, microtask, async-function call, suspension
// and resumption of a run, recorded as events and rendered as a text
// timeline, JSON lines, a Chrome trace or an HTML replay; plus diagnostics of
// async misuse. Loaded only with `tock trace`, `--trace` or `--diagnose`.
//
// Sources are instrumented at load time (src/trace/instrument.rs): `await x`
// becomes `__tockTrace.r(await __tockTrace.a(x, site), site)` and async
// functions call `__tockTrace.enter(site)`. The loop reports checkpoints,
// task ends and idle periods through the `traceLoop` hook.

const tracing = require('internal/tracing');

tracing.trace = createTracer(native.trace);

function createTracer({ format, out, diagnose, blockThresholdMs }) {
  const IntrinsicPromise = Promise;
  const promiseThen = Promise.prototype.then;
  const promiseCatch = Promise.prototype.catch;
  const promiseFinally = Promise.prototype.finally;
  const promiseResolve = Promise.resolve;
  const { apply } = Reflect;
  const cwd = native.cwd();

  const events = [];
  const streaming = format === 'text' || format === 'json';
  const keep = format === 'chrome' || format === 'html'; // need the whole run at the end
  if (streaming && out) native.traceOpen(out);
  let pendingText = [];
  let eventCount = 0;
  let taskCount = 0;
  // I/O operations in flight: id → { label, at, start }.
  const ioOps = new Map();
  let ioCount = 0;
  let task = null; // the running macrotask
  let inCheckpoint = false;
  let finished = false;
  const sites = [];
  const diagnosed = new Set();
  const rejectSites = new WeakMap();
  const pendingAwaits = []; // site id → count of unresumed awaits
  let handlerKind = null; // set by catch()/finally() for the then() they call

  const short = (file) => (file && file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file);

  // Sites are looked up once; their text and JSON forms are cached beside
  // them (non-enumerable) for the hot await/resume events.
  function site(id) {
    let s = sites[id];
    if (s === undefined) {
      const [file, line, column, fn, , previous] = native.traceSite(id);
      s = sites[id] = { file: short(file), line, column, fn };
      Object.defineProperties(s, {
        previous: { value: previous },
        where: { value: `${s.file}:${line}` },
        json: { value: JSON.stringify(s) },
        fnJson: { value: JSON.stringify(fn) },
        lines: { value: Array.from({ length: 6 }, () => Object.create(null)) },
      });
    }
    return s;
  }

  // "file:line" of the first frame outside tock.
  function callerSite() {
    const stack = new Error().stack.split('\n');
    for (let i = 1; i < stack.length; i++) {
      const m = /\(?([^\s(]+):(\d+):(\d+)\)?$/.exec(stack[i]);
      if (m) return { file: short(m[1]), line: +m[2], column: +m[3] };
    }
    return undefined;
  }
  const where = (s) => (s ? s.where || `${s.file}:${s.line}` : '?');

  function emit(type, fields) {
    fields.type = type;
    return record(fields);
  }

  // Stamps and writes an event: `{ type, ...fields, t, task }`.
  function record(event) {
    if (format === undefined) return event; // --diagnose alone keeps no timeline
    event.t = Math.round(native.now() * 1000) / 1000;
    if (task !== null && event.task === undefined) event.task = task.id;
    eventCount += 1;
    if (keep) events.push(event);
    else if (format === 'json') pendingText.push(JSON.stringify(event) + '\n');
    else if (format === 'text') pendingText.push(textLine(event));
    // Long tasks (a million awaits in one) must not hold their whole trace.
    if (pendingText.length >= 4096) flush();
    return event;
  }

  function flush() {
    if (pendingText.length > 0) {
      native.traceWrite(pendingText.join(''));
      pendingText = [];
    }
  }

  function diagnostic(kind, key, message, at) {
    if (diagnosed.has(key)) return;
    diagnosed.add(key);
    emit('diagnostic', { kind, message, site: at });
    if (diagnose && format !== 'text') native.write(2, `tock diagnose: ${message}\n`);
  }

  // The await events, by far the most frequent: written straight from their
  // parts, without building an event object unless the whole run is kept.
  // `detail` is what was awaited (await) or the outcome (resume).
  function hot(type, s, detail, resumer) {
    eventCount += 1;
    if (format === 'text') {
      // The lines of a site repeat (a loop awaits a million times): build
      // each once, cached by (kind, resumer, indentation) then by detail.
      // They are plain ASCII, which keeps QuickJS strings narrow and cheap.
      const cache = s.lines[(type === 'await' ? (resumer === 'its caller' ? 0 : 2) : 4) + (inCheckpoint ? 1 : 0)];
      let line = cache[detail];
      if (line === undefined) {
        const indent = inCheckpoint ? '      ' : '    ';
        line = cache[detail] =
          type === 'await'
            ? `${indent}~ ${s.fn} awaits ${detail} at ${s.where}: suspends, control returns to ${resumer}\n`
            : `${indent}- microtask: await continuation: ${s.fn} resumes after ${s.where} (${detail})\n`;
      }
      pendingText.push(line);
      if (pendingText.length >= 4096) flush();
      return;
    }
    const t = Math.round(native.now() * 1000) / 1000;
    const taskId = task === null ? undefined : task.id;
    if (format === 'json') {
      const fields = type === 'await' ? `"awaited":"${detail}","resumer":"${resumer}"` : `"outcome":"${detail}"`;
      const taskField = taskId === undefined ? '' : `,"task":${taskId}`;
      pendingText.push(`{"type":"${type}","fn":${s.fnJson},"site":${s.json},${fields},"t":${t}${taskField}}\n`);
      if (pendingText.length >= 4096) flush();
    } else if (keep) {
      events.push(
        type === 'await'
          ? { type, fn: s.fn, site: s, awaited: detail, resumer, t, task: taskId }
          : { type, fn: s.fn, site: s, outcome: detail, t, task: taskId },
      );
    }
  }

  function idleText(e) {
    const waits = [];
    if (e.next) waits.push(`${e.next} due in ${e.waitMs} ms`);
    if (e.io) waits.push(`I/O (${e.io} in flight)`);
    if (!waits.length) return `waiting ${e.waitMs} ms`;
    return `waiting for ${waits.join(' or ')}`;
  }

  // --- text timeline ---
  const pad = (t) => t.toFixed(2).padStart(9);
  function textLine(e) {
    const indent = inCheckpoint ? '      ' : '    ';
    switch (e.type) {
      case 'task':
        return `\n[${pad(e.t)} ms] ▶ task #${e.task} ${e.label}\n`;
      case 'checkpoint':
        return `    ── microtask checkpoint\n`;
      case 'taskEnd':
        return `  ◀ end of task #${e.task} (${e.duration.toFixed(2)} ms)\n`;
      case 'idle':
        return `\n[${pad(e.t)} ms] … idle: ${idleText(e)}\n`;
      case 'microtask':
        return `${indent}- microtask: ${e.label}${e.site ? ` (${where(e.site)})` : ''}\n`;
      case 'call':
        return `${indent}→ call async ${e.fn}() (${where(e.site)})\n`;
      case 'await':
        return `${indent}~ ${e.fn} awaits ${e.awaited} at ${where(e.site)}: suspends, control returns to ${e.resumer}\n`;
      case 'resume':
        return `${indent}- microtask: await continuation: ${e.fn} resumes after ${where(e.site)} (${e.outcome})\n`;
      case 'console':
        return `${indent}${e.stream === 2 ? '⚠' : '✎'} console: ${JSON.stringify(e.text)}\n`;
      case 'schedule':
        return `${indent}+ ${e.what} #${e.id}${e.label ? ` ${e.label}` : ''}${e.delay !== undefined ? ` (${e.delay} ms)` : ''} ${e.what === 'I/O' ? 'started' : 'scheduled'} at ${where(e.site)}\n`;
      case 'clear':
        return `${indent}− ${e.what} #${e.id} cleared\n`;
      case 'settle':
        return `${indent}✓ the promise ${e.fn} awaits at ${where(e.awaitedAt)} is fulfilled: its continuation is queued\n`;
      case 'reject':
        return `${indent}✗ promise rejected at ${where(e.site)}: ${e.reason}\n`;
      case 'diagnostic':
        return `${indent}‼ ${e.kind}: ${e.message}\n`;
      case 'exit':
        return `\n[${pad(e.t)} ms] ■ exit ${e.code}: ${e.reason}\n`;
      default:
        return `${indent}${e.type}\n`;
    }
  }

  // --- instrumentation entry points (called by rewritten sources) ---
  const hooks = {
    enter(id) {
      const s = site(id);
      emit('call', { fn: s.fn, site: s });
    },
    // `await value` becomes `__tockTrace.r(await __tockTrace.a(value, id), id)`.
    // `a` returns what `await` would resolve anyway, so no job is added or
    // moved; `r` reports a fulfilled resumption from inside the continuation.
    a(value, id) {
      const s = sites[id] || site(id);
      let awaited;
      if (value instanceof IntrinsicPromise) {
        const [state] = native.promiseState(value);
        awaited = state === 0 ? 'a pending Promise' : state === 1 ? 'a fulfilled Promise' : 'a rejected Promise';
        // A rejection skips `r`: this reaction runs just before the continuation.
        if (state !== 1) apply(promiseThen, value, [undefined, rejected[id] || (rejected[id] = onRejected(id, s))]);
        if (state === 0 && format !== undefined) native.traceWatch(value, id);
      } else if (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function') {
        awaited = 'a thenable';
        // What `await` does with a thenable (PromiseResolve), done here so the
        // outcome can be watched.
        value = apply(promiseResolve, IntrinsicPromise, [value]);
        apply(promiseThen, value, [undefined, rejected[id] || (rejected[id] = onRejected(id, s))]);
      } else {
        awaited = plainValue[value === null ? 'null' : typeof value];
        if (!warnedPlain[id]) {
          warnedPlain[id] = true;
          diagnostic('await-non-promise', `await:${id}`, `await on ${awaited} at ${where(s)}: it waits for nothing, yet resumes only after a microtask`, s);
        }
      }
      if (format !== undefined) hot('await', s, awaited, inCheckpoint || task === null ? 'the microtask queue' : 'its caller');
      pendingAwaits[id] = (pendingAwaits[id] | 0) + 1;
      if (awaited === 'a pending Promise' || awaited === 'a thenable') waitStarted(id, s);
      return value;
    },
    r(value, id) {
      waitEnded(id);
      pendingAwaits[id] -= 1;
      if (format !== undefined) hot('resume', sites[id], 'fulfilled');
      return value;
    },
  };
  Object.defineProperty(globalThis, '__tockTrace', { value: hooks, enumerable: false });

  // Awaits in sequence that did not need to be: when an await really waits
  // right after one it does not depend on (paired at load time) also waited.
  const waits = []; // site id → { start, end } of its last real wait
  function waitStarted(id, s) {
    const now = native.now();
    waits[id] = { start: now, end: undefined };
    const before = s.previous >= 0 ? waits[s.previous] : undefined;
    if (before !== undefined && before.end !== undefined && !diagnosed.has(`seq:${id}`)) {
      const first = site(s.previous);
      diagnostic(
        'sequential-awaits',
        `seq:${id}`,
        `awaits at ${where(first)} and ${where(s)} wait one after the other (the first waited ${(before.end - before.start).toFixed(0)} ms), ` +
          `but the second does not use the first's result: start both, then await Promise.all([...])`,
        s,
      );
    }
  }
  function waitEnded(id) {
    const wait = waits[id];
    if (wait !== undefined && wait.end === undefined) wait.end = native.now();
  }

  const warnedPlain = []; // await sites already reported for awaiting plain values
  const plainValue = {};
  for (const type of ['null', 'undefined', 'boolean', 'number', 'bigint', 'string', 'symbol', 'object', 'function']) {
    plainValue[type] = `a plain value (${type})`;
  }

  // The reactions that report an await resuming with a rejection, one per site.
  const rejected = [];
  function onRejected(id, s) {
    return () => {
      waitEnded(id);
      pendingAwaits[id] -= 1;
      if (format !== undefined) hot('resume', s, 'rejected');
    };
  }

  // then/catch/finally callbacks report themselves when they run.
  function wrapHandler(handler, kind, at) {
    if (typeof handler !== 'function') return handler;
    return function (value) {
      emit('microtask', { kind, label: `${kind} callback`, site: at });
      return apply(handler, this, [value]);
    };
  }
  Object.defineProperty(Promise.prototype, 'then', {
    value: {
      then(onFulfilled, onRejected) {
        const at = callerSite();
        const kind = handlerKind;
        handlerKind = null;
        return apply(promiseThen, this, [wrapHandler(onFulfilled, kind || 'then', at), wrapHandler(onRejected, kind || 'catch', at)]);
      },
    }.then,
    writable: true,
    configurable: true,
  });
  for (const [name, original] of [['catch', promiseCatch], ['finally', promiseFinally]]) {
    Object.defineProperty(Promise.prototype, name, {
      value: {
        [name](...args) {
          handlerKind = name;
          return apply(original, this, args);
        },
      }[name],
      writable: true,
      configurable: true,
    });
  }

  // What still keeps the process alive, each with where it was created.
  function liveWork() {
    const handles = native.liveHandles().map((h) => h[tracing.kTraceLabel] || 'a handle');
    for (const [id, op] of ioOps) handles.push(`I/O #${id} ${op.label} started at ${where(op.at)}`);
    return handles;
  }

  function stillAlive() {
    const handles = liveWork();
    for (const [id, count] of pendingAwaits.entries()) {
      if (count > 0 && site(id).fn === '<top level>') handles.push(`the top-level await at ${where(site(id))}`);
    }
    return handles;
  }

  function finish(code, reason) {
    if (finished) return;
    finished = true;
    if (task !== null) endTask();
    if (reason !== undefined && !reason.startsWith('interrupted (') && !reason.startsWith('nothing left')) {
      const alive = liveWork();
      if (alive.length > 0) diagnostic('exit-with-pending-work', 'exit', `exit (${reason}) while still pending: ${alive.join('; ')}`);
    }
    for (const [id, count] of pendingAwaits.entries()) {
      if (count > 0 && site(id).fn === '<top level>') {
        const s = site(id);
        diagnostic('unsettled-await', `tla:${id}`, `top-level await at ${where(s)} never settled`, s);
      }
    }
    emit('exit', { code, reason });
    if (format === 'chrome' || format === 'html') {
      const path = out || (format === 'chrome' ? 'tock-trace.json' : 'tock-trace.html');
      native.traceOpen(path);
      native.traceWrite(format === 'chrome' ? chromeTrace() : htmlReplay());
      native.write(2, `tock: ${format} trace written to ${path}\n`);
    }
    flush();
  }

  function endTask() {
    const duration = native.now() - task.start;
    emit('taskEnd', { duration });
    if (duration > blockThresholdMs) {
      diagnostic(
        'blocked-loop',
        `block:${task.id}`,
        `task #${task.id} (${task.label}) ran ${duration.toFixed(0)} ms without yielding: CPU-bound work blocks the loop, and await cannot help`,
        task.site,
      );
    }
    task = null;
    inCheckpoint = false;
    flush();
  }

  const tracer = {
    task(kind, label, at, extra) {
      if (task !== null) endTask();
      taskCount += 1;
      task = { id: taskCount, kind, label, start: native.now(), site: at };
      emit('task', { task: task.id, kind, label, site: at, ...extra });
    },
    // Synchronous file I/O after the main script: every other task waits.
    syncIo(name) {
      if (task === null || task.kind === 'main') return;
      const at = callerSite();
      diagnostic(
        'sync-io',
        `sync:${where(at)}`,
        `fs.${name}Sync at ${where(at)} blocks the loop inside ${task.label}: nothing else runs until it returns; fs.promises.${name} or fs.${name} would let other tasks go on`,
        at,
      );
    },
    // An operation failed for want of file descriptors: too much at once.
    ioFailed(id, code) {
      if (code !== 'EMFILE') return;
      const op = ioOps.get(id);
      diagnostic(
        'too-many-open-files',
        'emfile',
        `${op ? `I/O #${id} ${op.label} (started at ${where(op.at)})` : 'an I/O operation'} failed with EMFILE: ${ioOps.size} operations were in flight; run fewer at once (batches instead of one Promise.all over everything)`,
        op?.at,
      );
    },
    // An I/O operation starts (file work on the pool, a child process)…
    ioStart(label) {
      ioCount += 1;
      const at = callerSite();
      ioOps.set(ioCount, { label, at, start: native.now() });
      emit('schedule', { what: 'I/O', id: ioCount, label, site: at });
      return ioCount;
    },
    // …and each of its completions runs as a macrotask of its own.
    ioTask(id, step, last) {
      const op = ioOps.get(id);
      if (op === undefined) return;
      if (last) ioOps.delete(id);
      const ms = (native.now() - op.start).toFixed(2);
      const what = `I/O #${id} ${op.label}${step ? `: ${step}` : ''}`;
      tracer.task('io', `${what} (${last ? 'done' : 'in progress'} after ${ms} ms)`, op.at, { io: id, last });
    },
    // What the loop and the natives report: a task starting (its kind, and
    // its label or the Timeout / Immediate it runs), timers and immediates
    // scheduled and cleared, checkpoints, idle time, settlements, signals.
    loop(event, a, b, c, d) {
      if (event === 'task') {
        tracer.task(a, typeof b === 'object' && b !== null ? b[tracing.kTraceLabel] : b);
      } else if (event === 'schedule') {
        // (what, id, delay, the Timeout or Immediate): it is labelled here.
        const at = callerSite();
        emit('schedule', { what: a, id: b, delay: c, site: at });
        const from = at ? `${at.file}:${at.line}` : '';
        d[tracing.kTraceLabel] =
          a === 'immediate' ? `immediate #${b}${from ? ` (from ${from})` : ''}` : `${a} #${b} (${c} ms${from ? `, from ${from}` : ''})`;
      } else if (event === 'clear') {
        emit('clear', { what: a, id: b });
      } else if (event === 'checkpoint') {
        if (task === null) tracer.task('callback', 'host callback');
        emit('checkpoint', {});
        inCheckpoint = true;
      } else if (event === 'taskEnd') {
        if (task !== null) endTask();
      } else if (event === 'settle') {
        const s = site(a);
        emit('settle', { state: 'fulfilled', awaitedAt: s, fn: s.fn });
      } else if (event === 'interrupt') {
        // A signal that ends the process (a is its number): the loop dies by
        // it once the trace is complete.
        const alive = stillAlive();
        const name = a === 2 ? 'Ctrl-C' : Object.keys(native.signals).find((n) => native.signals[n] === a);
        diagnostic(
          'interrupted',
          'interrupt',
          `interrupted (${name}); still keeping the process alive: ${alive.length ? alive.join('; ') : 'nothing'}`,
        );
        if (!diagnose || format === 'text') native.write(2, `tock: interrupted; still pending: ${alive.join('; ') || 'nothing'}\n`);
        finish(128 + a, `interrupted (${name})`);
      } else if (event === 'idle') {
        emit('idle', { waitMs: a, next: b ? b[tracing.kTraceLabel] : undefined, io: c || undefined });
        flush();
      }
    },
    microtask(kind, label, at) {
      emit('microtask', { kind, label, site: at });
    },
    console(stream, text) {
      emit('console', { stream, text });
    },
    rejection(promise, reason, handled) {
      if (handled) return;
      const at = callerSite();
      rejectSites.set(promise, at);
      let shown;
      try {
        shown = reason instanceof Error ? `${reason.name}: ${reason.message}` : require('internal/inspect').inspect(reason);
      } catch {
        shown = '<reason>';
      }
      emit('reject', { site: at, reason: shown });
    },
    unhandled(promise, reason) {
      const at = rejectSites.get(promise);
      const created = reason instanceof Error ? require('internal/errors').firstFrame(reason) : undefined;
      const shown = reason instanceof Error ? `${reason.name}: ${reason.message}` : require('internal/inspect').inspect(reason);
      diagnostic(
        'unhandled-rejection',
        `unhandled:${eventCount}`,
        `unhandled rejection (${shown}): rejected at ${where(at)}${created ? `, error created at ${created}` : ''}; nothing handled it once the microtask queue was empty`,
        at,
      );
    },
    callerSite,
    finish,
  };
  return tracer;

  // --- Chrome Trace Event Format (Perfetto, chrome://tracing) ---
  function chromeTrace() {
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

  // --- HTML replay: one self-contained page ---
  function htmlReplay() {
    const files = new Set();
    for (const e of events) if (e.site && e.site.file) files.add(e.site.file);
    const sources = {};
    for (const file of files) {
      const text = native.sourceText(file.startsWith('/') ? file : `${cwd}/${file}`) ?? native.sourceText(file);
      if (text !== undefined) sources[file] = text;
    }
    const data = JSON.stringify({ program: short(process.argv[1] || '[eval]'), events, sources }).replace(/</g, '\\u003c');
    return native.traceViewer.replace('/*TRACE-DATA*/null', data);
  }
}

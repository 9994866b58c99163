// The tracer's recorder: every macrotask, microtask, async-function call,
// suspension and resumption of a run, recorded as events. Rendered by
// internal/trace/text.js (the timeline; JSON lines are the events
// themselves), chrome.js and html.js; internal/trace/diagnostics.js words
// the diagnostics of async misuse noticed here. Loaded only with
// `tock trace`, `--trace` or `--diagnose`.
//
// Sources are instrumented at load time (src/trace/instrument.rs): `await x`
// becomes `__tockTrace.r(await __tockTrace.a(x, site), site)` and async
// functions call `__tockTrace.enter(site)`. The loop and the I/O layer
// report tasks, checkpoints, idle periods, timers and I/O requests through
// the `traceLoop` hook (`loop(event, …)`).

const tracing = require('internal/tracing');
const { textLine, where } = require('internal/trace/text');
const chromeTrace = require('internal/trace/chrome');
const htmlReplay = require('internal/trace/html');
const diagnostics = require('internal/trace/diagnostics');

tracing.trace = createTracer(native.trace.options);

function createTracer({ format, out, diagnose, blockThresholdMs }) {
  const IntrinsicPromise = Promise;
  const promiseThen = Promise.prototype.then;
  const promiseCatch = Promise.prototype.catch;
  const promiseFinally = Promise.prototype.finally;
  const promiseResolve = Promise.resolve;
  const { apply } = Reflect;
  const cwd = native.process.cwd();

  const events = [];
  const streaming = format === 'text' || format === 'json';
  const keep = format === 'chrome' || format === 'html'; // need the whole run at the end
  if (streaming && out) native.trace.open(out);
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
      const [file, line, column, fn, , previous] = native.trace.site(id);
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
    // Deep enough to get past tock's own frames (the natives, this tracer).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 64;
    const stack = new Error().stack.split('\n');
    Error.stackTraceLimit = limit;
    for (let i = 1; i < stack.length; i++) {
      const m = /\(?([^\s(]+):(\d+):(\d+)\)?$/.exec(stack[i]);
      if (m) return { file: short(m[1]), line: +m[2], column: +m[3] };
    }
    return undefined;
  }

  function emit(type, fields) {
    fields.type = type;
    return record(fields);
  }

  // Stamps and writes an event: `{ type, ...fields, t, task }`.
  function record(event) {
    if (format === undefined) return event; // --diagnose alone keeps no timeline
    event.t = Math.round(native.process.now() * 1000) / 1000;
    if (task !== null && event.task === undefined) event.task = task.id;
    eventCount += 1;
    if (keep) events.push(event);
    else if (format === 'json') pendingText.push(JSON.stringify(event) + '\n');
    else if (format === 'text') pendingText.push(textLine(event, inCheckpoint));
    // Long tasks (a million awaits in one) must not hold their whole trace.
    if (pendingText.length >= 4096) flush();
    return event;
  }

  function flush() {
    if (pendingText.length > 0) {
      native.trace.write(pendingText.join(''));
      pendingText = [];
    }
  }

  function diagnostic(kind, key, message, at) {
    if (diagnosed.has(key)) return;
    diagnosed.add(key);
    emit('diagnostic', { kind, message, site: at });
    if (diagnose && format !== 'text') native.process.write(2, `tock diagnose: ${message}\n`);
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
    const t = Math.round(native.process.now() * 1000) / 1000;
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
        const [state] = native.modules.promiseState(value);
        awaited = state === 0 ? 'a pending Promise' : state === 1 ? 'a fulfilled Promise' : 'a rejected Promise';
        // A rejection skips `r`: this reaction runs just before the continuation.
        if (state !== 1) apply(promiseThen, value, [undefined, rejected[id] || (rejected[id] = onRejected(id, s))]);
        if (state === 0 && format !== undefined) native.trace.watch(value, id);
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
          diagnostic(...diagnostics.awaitNonPromise(id, awaited, s));
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
    const now = native.process.now();
    waits[id] = { start: now, end: undefined };
    const before = s.previous >= 0 ? waits[s.previous] : undefined;
    if (before !== undefined && before.end !== undefined && !diagnosed.has(`seq:${id}`)) {
      const first = site(s.previous);
      diagnostic(...diagnostics.sequentialAwaits(id, first, s, before.end - before.start));
    }
  }
  function waitEnded(id) {
    const wait = waits[id];
    if (wait !== undefined && wait.end === undefined) wait.end = native.process.now();
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
    const handles = native.timers.liveHandles().map((h) => h[tracing.kTraceLabel] || 'a handle');
    for (const op of ioOps.values()) handles.push(`I/O #${op.n} ${op.label} started at ${where(op.at)}`);
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
      if (alive.length > 0) diagnostic(...diagnostics.exitWithPendingWork(reason, alive));
    }
    for (const [id, count] of pendingAwaits.entries()) {
      if (count > 0 && site(id).fn === '<top level>') {
        const s = site(id);
        diagnostic(...diagnostics.unsettledAwait(id, s));
      }
    }
    emit('exit', { code, reason });
    if (format === 'chrome' || format === 'html') {
      const path = out || (format === 'chrome' ? 'tock-trace.json' : 'tock-trace.html');
      native.trace.open(path);
      native.trace.write(format === 'chrome' ? chromeTrace(events) : htmlReplay(events, short(process.argv[1] || '[eval]'), cwd));
      native.process.write(2, `tock: ${format} trace written to ${path}\n`);
    }
    flush();
  }

  function endTask() {
    const duration = native.process.now() - task.start;
    emit('taskEnd', { duration });
    if (duration > blockThresholdMs) {
      diagnostic(...diagnostics.blockedLoop(task, duration));
    }
    task = null;
    inCheckpoint = false;
    flush();
  }

  const tracer = {
    task(kind, label, at, extra) {
      if (task !== null) endTask();
      taskCount += 1;
      task = { id: taskCount, kind, label, start: native.process.now(), site: at };
      emit('task', { task: task.id, kind, label, site: at, ...extra });
    },
    // Synchronous file I/O after the main script: every other task waits.
    // (The I/O layer reports these and the three below: APIs only describe
    // their requests; ids are the I/O layer's, numbers the trace's.)
    syncIo(name) {
      if (task === null || task.kind === 'main') return;
      const at = callerSite();
      diagnostic(...diagnostics.syncIo(name, at, task));
    },
    // A synchronous node:sqlite call after the main script that held the
    // loop longer than the threshold.
    syncSqlite(what, ms) {
      if (task === null || task.kind === 'main' || ms <= blockThresholdMs) return;
      const at = callerSite();
      diagnostic(...diagnostics.syncSqlite(what, ms, at, task));
    },
    // An operation failed for want of file descriptors: too much at once.
    ioFailed(id, code) {
      if (code !== 'EMFILE') return;
      const op = ioOps.get(id);
      diagnostic(...diagnostics.tooManyOpenFiles(op, ioOps.size));
    },
    // An I/O operation starts (file work on the pool, a child process)…
    ioStart(id, label) {
      ioCount += 1;
      const at = callerSite();
      ioOps.set(id, { n: ioCount, label, at, start: native.process.now() });
      emit('schedule', { what: 'I/O', id: ioCount, label, site: at });
    },
    // …and each of its completions runs as a macrotask of its own.
    ioTask(id, step, last) {
      const op = ioOps.get(id);
      if (op === undefined) return;
      if (last) ioOps.delete(id);
      const ms = (native.process.now() - op.start).toFixed(2);
      const what = `I/O #${op.n} ${op.label}${step ? `: ${step}` : ''}`;
      tracer.task('io', `${what} (${last ? 'done' : 'in progress'} after ${ms} ms)`, op.at, { io: op.n, last });
    },
    // What the loop and the natives report: a task starting (its kind, and
    // its label or the Timeout / Immediate it runs), timers and immediates
    // scheduled and cleared, checkpoints, idle time, settlements, signals.
    loop(event, a, b, c, d) {
      if (event === 'task') {
        tracer.task(a, typeof b === 'object' && b !== null ? b[tracing.kTraceLabel] : b);
      } else if (event === 'ioStart' || event === 'ioTask' || event === 'ioFailed' || event === 'syncIo' || event === 'syncSqlite' || event === 'console') {
        tracer[event](a, b, c);
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
        const name = a === 2 ? 'Ctrl-C' : Object.keys(native.child.signals).find((n) => native.child.signals[n] === a);
        diagnostic(...diagnostics.interrupted(name, alive));
        if (!diagnose || format === 'text') native.process.write(2, `tock: interrupted; still pending: ${alive.join('; ') || 'nothing'}\n`);
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
      diagnostic(...diagnostics.unhandledRejection(eventCount, shown, at, created));
    },
    callerSite,
    finish,
  };
  return tracer;
}

// The globals a program sees, the built-in modules, and the hooks the
// event loop calls.

const { console, process, timers } = internals;

const define = (name, value) =>
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });

define('global', globalThis);
define('console', console);
define('process', process);
for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask']) {
  define(name, timers[name]);
}
const performance = {
  now: () => native.now(),
  timeOrigin: native.timeOrigin,
  toJSON() {
    return { timeOrigin: this.timeOrigin };
  },
};
define('performance', performance);

// The URI functions fail with V8's message, which programs print and match
// ("URI malformed"), not the engine's ("expecting surrogate pair").
for (const name of ['encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent']) {
  const original = globalThis[name];
  define(name, {
    [name](uri) {
      try {
        return original(uri);
      } catch (err) {
        if (err instanceof URIError) throw new URIError('URI malformed');
        throw err;
      }
    },
  }[name]);
}

// Layers compiled on first use (src/host/mod.rs, ON_DEMAND).
const loaded = new Set();
internals.load = (layer) => {
  if (loaded.has(layer)) return;
  loaded.add(layer);
  native.layer(layer)(native, internals);
};
// Globals from those layers load them when first read.
for (const [name, layer] of [
  ['Buffer', 'buffer'], ['TextEncoder', 'buffer'], ['TextDecoder', 'buffer'],
  ['URL', 'url'], ['URLSearchParams', 'url'],
  ['AbortController', 'abort'], ['AbortSignal', 'abort'], ['EventTarget', 'abort'], ['Event', 'abort'],
  ['DOMException', 'abort'],
]) {
  Object.defineProperty(globalThis, name, {
    get() {
      internals.load(layer);
      define(name, internals[name]);
      return internals[name];
    },
    set(value) {
      define(name, value);
    },
    enumerable: false,
    configurable: true,
  });
}
const fromLayer = (layer, pick) => () => {
  internals.load(layer);
  return pick();
};

const { builtins } = internals;
builtins.set('process', () => process);
builtins.set('timers', () => {
  const { Timeout, Immediate, ...api } = timers;
  return { ...api, promises: internals.timersPromises };
});
builtins.set('timers/promises', () => internals.timersPromises);
builtins.set('events', () => internals.EventEmitter);
builtins.set('console', () => console);
builtins.set('path', () => {
  const path = { ...internals.path };
  path.posix = path;
  return path;
});
builtins.set('util', () => internals.util);
builtins.set('buffer', fromLayer('buffer', () => internals.bufferModule));
builtins.set('url', fromLayer('url', () => internals.url));
builtins.set('fs', fromLayer('fs', () => internals.fs));
builtins.set('fs/promises', fromLayer('fs', () => internals.fsPromises));
builtins.set('child_process', fromLayer('child_process', () => internals.childProcess));
builtins.set('os', fromLayer('os', () => internals.os));
builtins.set('stream', fromLayer('stream', () => internals.stream));
builtins.set('stream/promises', fromLayer('stream', () => internals.streamPromises));
builtins.set('string_decoder', fromLayer('stream', () => ({ StringDecoder: internals.StringDecoder })));
builtins.set('readline', fromLayer('readline', () => internals.readline));
builtins.set('assert', fromLayer('assert', () => internals.assert));
builtins.set('assert/strict', fromLayer('assert', () => internals.assert.strict));
builtins.set('perf_hooks', () => ({ performance }));
builtins.set('tty', () => ({ isatty: (fd) => Number.isInteger(fd) && native.isatty(fd) }));
builtins.set('readline/promises', fromLayer('readline', () => internals.readline.promises));

// A child made by child_process.fork talks to its parent on this descriptor.
if (process.env.NODE_CHANNEL_FD !== undefined) {
  const fd = Number(process.env.NODE_CHANNEL_FD);
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  internals.load('ipc');
  internals.setupChannel(process, fd, true);
}

// process.stdin: a file stream on descriptor 0, made when first used.
let stdin;
Object.defineProperty(process, 'stdin', {
  get() {
    if (stdin === undefined) {
      internals.load('fs');
      stdin = internals.openStdin();
      stdin.isTTY = native.isatty(0) || undefined;
      stdin.fd = 0;
    }
    return stdin;
  },
  enumerable: true,
  configurable: true,
});

native.setHooks({
  runTimer: internals.runTimer,
  runImmediate: internals.runImmediate,
  runTicks: internals.runTicks,
  processRejections: internals.processRejections,
  rejectTracker: internals.rejectTracker,
  fatalException: internals.fatalException,
  beforeExit: () => {
    if (internals.trace) internals.trace.task('beforeExit', "'beforeExit' event");
    process.emit('beforeExit', process.exitCode ?? 0);
  },
  exit: internals.onLoopEnd,
  runMain: internals.runMain,
  evalScript: internals.evalScript,
  runTest262: internals.runTest262,
  builtin: (name) => internals.builtin(name),
  loadCommonJS: internals.loadCommonJS,
  // Called only when tracing, once trace.js (loaded after this file) has set internals.trace.
  traceLoop: (event, a, b, c) => internals.trace.loop(event, a, b, c),
});

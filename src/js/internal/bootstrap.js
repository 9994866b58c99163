// The globals a program sees, the built-in modules, and the hooks the
// event loop calls.

require('internal/promise_keyed');
const { console } = require('internal/console');
const processModule = require('internal/process');
const { process } = processModule;
const timersModule = require('internal/timers');
const { timers } = timersModule;
const errors = require('internal/errors');
const modules = require('internal/modules');

const define = (name, value) =>
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });

define('global', globalThis);
define('console', console);
define('process', process);
for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask']) {
  define(name, timers[name]);
}

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

// Globals defined by modules loaded when the global is first read.
for (const [name, id] of [
  ['Buffer', 'internal/buffer'], ['TextEncoder', 'internal/buffer'], ['TextDecoder', 'internal/buffer'],
  ['URL', 'internal/url'], ['URLSearchParams', 'internal/url'],
  ['AbortController', 'internal/abort'], ['AbortSignal', 'internal/abort'], ['EventTarget', 'internal/abort'],
  ['Event', 'internal/abort'], ['DOMException', 'internal/abort'],
  ['performance', 'node/perf_hooks'],
  ['MessageChannel', 'internal/messaging'], ['MessagePort', 'internal/messaging'], ['MessageEvent', 'internal/messaging'],
  ['BroadcastChannel', 'internal/messaging'], ['structuredClone', 'internal/messaging'],
]) {
  Object.defineProperty(globalThis, name, {
    get() {
      const value = require(id)[name];
      define(name, value);
      return value;
    },
    set(value) {
      define(name, value);
    },
    enumerable: false,
    configurable: true,
  });
}

// In a worker: its context, and its output and errors sent to the parent.
if (native.workers.isWorker) require('internal/worker').setup(processModule);

// A child made by child_process.fork talks to its parent on this descriptor.
if (process.env.NODE_CHANNEL_FD !== undefined && !native.workers.isWorker) {
  const fd = Number(process.env.NODE_CHANNEL_FD);
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  require('internal/ipc').setupChannel(process, fd, true);
}

// process.stdin: a file stream on descriptor 0, made when first used.
let stdin;
Object.defineProperty(process, 'stdin', {
  get() {
    if (stdin === undefined) {
      stdin = require('internal/fs').openStdin();
      stdin.isTTY = native.process.isatty(0) || undefined;
      stdin.fd = 0;
    }
    return stdin;
  },
  enumerable: true,
  configurable: true,
});

const tracing = require('internal/tracing');
native.process.setHooks({
  runTimer: timersModule.runTimer,
  runImmediate: timersModule.runImmediate,
  runTicks: processModule.runTicks,
  processRejections: processModule.processRejections,
  rejectTracker: processModule.rejectTracker,
  fatalException: errors.fatalException,
  beforeExit: () => process.emit('beforeExit', process.exitCode ?? 0),
  exit: processModule.onLoopEnd,
  runMain: modules.runMain,
  evalScript: modules.evalScript,
  runTest262: modules.runTest262,
  builtin: modules.builtin,
  loadCommonJS: modules.loadCommonJS,
  // Called only when tracing.
  traceLoop: (...args) => tracing.trace.loop(...args),
});

if (native.tracing) require('internal/trace');

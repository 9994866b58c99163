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
define('Buffer', internals.Buffer);
define('TextEncoder', internals.TextEncoder);
define('TextDecoder', internals.TextDecoder);
define('URL', internals.URL);
define('URLSearchParams', internals.URLSearchParams);

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
builtins.set('buffer', () => internals.bufferModule);
builtins.set('url', () => internals.url);
builtins.set('fs', () => internals.fs);
builtins.set('fs/promises', () => internals.fsPromises);
builtins.set('child_process', () => internals.childProcess);
builtins.set('os', () => internals.os);

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

// process: the nextTick queue, Node's bookkeeping of unhandled rejections,
// warnings, exit, and the facts about this process.

const tracing = require('internal/tracing');

const { EventEmitter } = require('internal/events');
const { inspect } = require('internal/inspect');
const { codedError, invalidArgType } = require('internal/errors');

class Process extends EventEmitter {}
Object.defineProperty(Process, 'name', { value: 'process' });
const process = new Process();

// --- nextTick queue: drained FIFO before promise jobs (task_queues.js) ---
const tickQueue = [];
let tickHead = 0;
let exiting = false;

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  if (exiting) return;
  if (tickHead === tickQueue.length) native.timers.scheduleTicks();
  const site = tracing.trace ? tracing.trace.callerSite() : undefined;
  tickQueue.push({ callback, args, site });
}

function runTicks() {
  while (tickHead < tickQueue.length) {
    const { callback, args, site } = tickQueue[tickHead];
    tickQueue[tickHead++] = undefined;
    if (site) tracing.trace.microtask('nextTick', 'nextTick callback', site);
    try {
      if (args.length === 0) callback();
      else Reflect.apply(callback, undefined, args);
    } catch (err) {
      require('internal/errors').fatalException(err);
    }
  }
  tickQueue.length = 0;
  tickHead = 0;
}

// --- unhandled rejections (promises.js): a rejection is reported once the
// microtask queue is empty and it still has no handler ---
const mode = native.process.unhandledRejections;
const maybeUnhandled = new WeakMap();
let pendingUnhandled = [];
const handledLate = [];
let lastRejectionId = 0;

function rejectTracker(promise, reason, handled) {
  if (tracing.trace) tracing.trace.rejection(promise, reason, handled);
  if (!handled) {
    maybeUnhandled.set(promise, { reason, uid: ++lastRejectionId, warned: false });
    pendingUnhandled.push(promise);
    return;
  }
  const info = maybeUnhandled.get(promise);
  if (info === undefined) return;
  maybeUnhandled.delete(promise);
  if (info.warned) handledLate.push({ promise, uid: info.uid });
}

// Node's test: an object with an own `stack` (which runs a Proxy's trap). An
// Error's stack is the engine's, not an own property here: asked natively.
const isErrorLike = (v) =>
  v !== null && typeof v === 'object' && (Object.prototype.hasOwnProperty.call(v, 'stack') || native.modules.isError(v));

// What an unhandled rejection of a non-error ends the process with.
class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    super(
      'This error originated either by throwing inside of an async function without a catch block, ' +
        'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
        `"${require('internal/errors').noSideEffectsToString(reason)}".`,
    );
    // Node's frames for it are its own internals; so are tock's.
    this.stack = `${this.name}: ${this.message}\n    at processRejections (tock:process)`;
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', { value: 'UnhandledPromiseRejection', configurable: true, writable: true });
const unhandledRejectionError = (reason) => new UnhandledPromiseRejection(reason);

function warnUnhandled(uid, reason) {
  process.emitWarning(isErrorLike(reason) ? reason.stack : inspect(reason), 'UnhandledPromiseRejectionWarning');
  const warning = new Error(
    'Unhandled promise rejection. This error originated either by throwing inside of an async function ' +
      'without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the ' +
      'process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`. ' +
      `(rejection id: ${uid})`,
  );
  warning.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(warning);
}

function processRejections() {
  while (handledLate.length > 0) {
    const { promise, uid } = handledLate.shift();
    if (!process.emit('rejectionHandled', promise)) {
      const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${uid})`);
      warning.name = 'PromiseRejectionHandledWarning';
      process.emitWarning(warning);
    }
  }
  const pending = pendingUnhandled;
  pendingUnhandled = [];
  for (const promise of pending) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined || info.warned) continue;
    info.warned = true;
    const { reason, uid } = info;
    if (tracing.trace) tracing.trace.unhandled(promise, reason);
    const asError = () => (isErrorLike(reason) ? reason : unhandledRejectionError(reason));
    switch (mode) {
      case 'strict':
        require('internal/errors').fatalException(asError(), 'unhandledRejection');
        if (!process.emit('unhandledRejection', reason, promise)) warnUnhandled(uid, reason);
        break;
      case 'warn':
        process.emit('unhandledRejection', reason, promise);
        warnUnhandled(uid, reason);
        break;
      case 'warn-with-error-code':
        if (!process.emit('unhandledRejection', reason, promise)) {
          warnUnhandled(uid, reason);
          process.exitCode = 1;
        }
        break;
      case 'none':
        process.emit('unhandledRejection', reason, promise);
        break;
      default: // throw
        if (!process.emit('unhandledRejection', reason, promise)) require('internal/errors').fatalException(asError(), 'unhandledRejection');
    }
  }
}

// --- warnings ---
let warnedOnce = false;
function emitWarning(warning, type, code) {
  if (type !== null && typeof type === 'object') ({ type, code } = type);
  if (typeof warning === 'string') {
    warning = new Error(warning);
    warning.name = typeof type === 'string' ? type : 'Warning';
    if (code !== undefined) warning.code = code;
  } else if (!(warning instanceof Error)) {
    throw invalidArgType('warning', 'of type string or an instance of Error', warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) throw warning;
  }
  nextTick(() => process.emit('warning', warning));
}

function printWarning(warning) {
  const code = warning.code ? `[${warning.code}] ` : '';
  let text = `(tock:${native.process.pid}) ${code}${warning.name}: ${warning.message}\n`;
  if (!warnedOnce) {
    warnedOnce = true;
    text += '(Use `tock --trace-warnings ...` to show where the warning was created)\n';
  }
  native.process.write(2, text);
}

// --- exit ---
let exitCode;
function validExitCode(code) {
  if (code === undefined || code === null) return undefined;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  if (Number.isInteger(code)) return code;
  throw invalidArgType('code', 'of type number', code);
}

// Ends the process now; the trace, if any, is completed first.
function terminate(code, reason) {
  if (tracing.trace) tracing.trace.finish(code, reason);
  native.process.exit(code);
}

// Emits 'exit' once, then ends the process with process.exitCode.
function exitWith(code, reason = 'process.exit()') {
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    if (exitCode === undefined) exitCode = code;
    try {
      process.emit('exit', exitCode ?? 0);
    } catch (err) {
      native.process.write(2, require('internal/errors').fatalReport(err));
      terminate(7, "an 'exit' listener threw");
    }
  }
  terminate(exitCode ?? code ?? 0, reason);
}

// The loop is empty: 'exit', and the final code (13 for an unsettled top-level await).
function onLoopEnd(mainPending) {
  exiting = true;
  process._exiting = true;
  process.emit('exit', exitCode ?? 0);
  if (mainPending && exitCode === undefined) {
    native.process.write(2, `Warning: Detected unsettled top-level await at file://${process.argv[1]}\n\n\n`);
    if (tracing.trace) tracing.trace.finish(13, 'unsettled top-level await: nothing left that could settle it');
    return 13;
  }
  if (tracing.trace) tracing.trace.finish(exitCode ?? 0, 'nothing left to do: no timers, immediates or pending I/O');
  return exitCode ?? 0;
}

function hrtime(previous) {
  const [s, ns] = native.process.hrtime();
  if (previous === undefined) return [s, ns];
  let seconds = s - previous[0];
  let nanos = ns - previous[1];
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1e9;
  }
  return [seconds, nanos];
}
hrtime.bigint = () => {
  const [s, ns] = native.process.hrtime();
  return BigInt(s) * 1000000000n + BigInt(ns);
};

// process.stdout / stderr: each write reaches the descriptor at once, as
// Node's on Linux (so they never need 'drain'); an emitter, so streams can
// pipe into them. A failed write fails as a Node Writable's does: its
// callback gets the error in a later tick, then the stream is destroyed and
// emits 'error' and 'close' in the tick after (writes made meanwhile are
// still tried). A file's error reads as fs's (`ENOSPC: no space left on
// device, write`), a pipe's as net's (`write EPIPE`).
function stream(fd) {
  const kind = native.process.handleType(fd);
  const out = Object.assign(new (require('internal/events').EventEmitter)(), {
    fd,
    writable: true,
    destroyed: false,
    write(chunk, encoding, callback) {
      if (typeof encoding === 'function') callback = encoding;
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
      }
      return write(chunk, typeof callback === 'function' ? callback : undefined, false);
    },
    end(chunk, encoding, callback) {
      if (chunk !== undefined && typeof chunk !== 'function') this.write(chunk, encoding);
    },
  });
  if (kind === 'TTY') out.isTTY = true;

  // `fromConsole`: as Node's console, a failed console.* write is nobody's
  // concern unless the stream has 'error' listeners.
  function write(chunk, callback, fromConsole) {
    if (out.destroyed) {
      const err = require('internal/errors').codedError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
      if (callback) nextTick(callback, err);
      return false;
    }
    if (relay !== undefined) {
      // A worker's output goes to its parent, which writes it.
      relay(fd, chunk);
      if (callback) nextTick(callback, null);
      return true;
    }
    // console.* output is reported to the tracer by the write itself.
    const failed = native.process.write(fd, chunk, fromConsole === true);
    if (failed === undefined) {
      if (callback) nextTick(callback, null);
      return true;
    }
    const err = kind === 'FILE' ? fileError(failed) : require('internal/errors').errnoException(failed);
    nextTick(() => {
      if (callback) callback(err);
      if (fromConsole && out.listenerCount('error') === 0) out.once('error', ignore);
      if (out.destroyed) return;
      out.destroyed = true;
      out.writable = false;
      nextTick(() => {
        out.emit('error', err);
        out.emit('close');
      });
    });
    return false;
  }
  writers.set(out, { write, method: out.write });
  return out;
}
let relay;
exports.relayOutput = (send) => {
  relay = send;
};

// Each stream's own write, for console.* (not reachable from programs). A
// program that replaced process.stdout or its write method sees console
// output go through its replacement, as in Node.
const writers = new WeakMap();
const ignore = () => {};
exports.consoleWrite = (fd, text) => {
  const stream = fd === 2 ? process.stderr : process.stdout;
  const own = writers.get(stream);
  if (own !== undefined && stream.write === own.method) own.write(text, undefined, true);
  else stream.write(text);
};

// fs.writeSync's error, with its properties in Node's order.
function fileError(info) {
  const err = require('internal/errors').uvException(info);
  const { code } = err;
  delete err.code;
  err.code = code;
  return err;
}


const memoryUsage = () => native.process.memoryUsage();
memoryUsage.rss = () => native.process.memoryUsage().rss;

// process.env as in Node: values become strings, and changes reach the real
// environment (child processes, UV_THREADPOOL_SIZE before the first I/O).
function environment(variables) {
  // The process's environment is shared with workers made with SHARE_ENV:
  // a read sees what any thread set.
  const live = (target, key) => {
    if (typeof key !== 'string' || !native.process.sharesEnv) return;
    const value = native.process.getEnv(key);
    if (value === undefined) delete target[key];
    else target[key] = value;
  };
  return new Proxy(variables, {
    get(target, key) {
      live(target, key);
      return target[key];
    },
    has(target, key) {
      live(target, key);
      return key in target;
    },
    set(target, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      target[key] = `${value}`;
      native.process.setEnv(key, target[key]);
      return true;
    },
    defineProperty(target, key, descriptor) {
      if (!('value' in descriptor)) {
        throw require('internal/errors').codedError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY', "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!descriptor.configurable || !descriptor.writable || !descriptor.enumerable) {
        throw require('internal/errors').codedError(
          TypeError,
          'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' only accepts a configurable, writable, and enumerable data descriptor",
        );
      }
      target[key] = `${descriptor.value}`;
      native.process.setEnv(key, target[key]);
      return true;
    },
    deleteProperty(target, key) {
      delete target[key];
      if (typeof key === 'string') native.process.setEnv(key, undefined);
      return true;
    },
  });
}

// A signal's number, from its name ('SIGTERM') or the number itself.
function signalNumber(signal) {
  if (typeof signal === 'number') return signal;
  const number = typeof signal === 'string' && Object.hasOwn(native.child.signals, signal) ? native.child.signals[signal] : undefined;
  if (number === undefined) throw require('internal/errors').codedError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  return number;
}
exports.signalNumber = signalNumber;

// process.kill(pid, signal): signal 0 only checks that the process exists.
function kill(pid, signal = 'SIGTERM') {
  if (typeof pid !== 'number' || !Number.isInteger(pid)) throw require('internal/errors').invalidArgType('pid', 'of type number', pid);
  const code = native.child.kill(pid, signalNumber(signal));
  if (code !== undefined) {
    const err = new Error(`kill ${code}`);
    Object.assign(err, { errno: -({ ESRCH: 3, EPERM: 1, EINVAL: 22 }[code] ?? 0), code, syscall: 'kill' });
    throw err;
  }
  return true;
}

const [uid, gid, euid, egid] = native.process.processIds;

// The Node release whose behaviour tock follows: packages check it.
const nodeVersion = '20.20.2';

Object.assign(process, {
  title: 'tock',
  kill,
  getuid: () => uid,
  getgid: () => gid,
  geteuid: () => euid,
  getegid: () => egid,
  version: `v${nodeVersion}`,
  // TLS is rustls, not OpenSSL; like Deno and Bun, tock still names the
  // OpenSSL release of the Node it follows, which packages test for TLS.
  versions: { node: nodeVersion, tock: native.process.version, quickjs: native.process.engineVersion, openssl: '3.0.19', rustls: '0.23' },
  release: { name: 'tock' },
  argv: native.process.argv,
  argv0: 'tock',
  execArgv: native.process.execArgv,
  execPath: native.process.execPath,
  env: environment(native.process.env),
  pid: native.process.pid,
  ppid: native.process.ppid,
  platform: native.process.platform,
  arch: native.process.arch,
  features: {},
  config: { variables: {} },
  stdout: stream(1),
  stderr: stream(2),
  nextTick,
  emitWarning,
  hrtime,
  memoryUsage,
  cwd: () => native.process.cwd(),
  chdir: (dir) => native.process.chdir(`${dir}`),
  uptime: () => native.process.now() / 1000,
  exit(code) {
    if (code !== undefined) process.exitCode = code;
    exitWith(exitCode ?? 0);
  },
  reallyExit: (code) => native.process.exit(code ?? 0),
  // Node's hook for an uncaught error: true when a listener handled it.
  _fatalException(err) {
    const handled = process.listenerCount('uncaughtException') > 0;
    require('internal/errors').fatalException(err);
    return handled;
  },
  abort: () => native.process.exit(134),
  umask: () => 0o22,
  _exiting: false,
});
Object.defineProperty(process, 'exitCode', {
  get: () => exitCode,
  set: (code) => {
    exitCode = validExitCode(code);
  },
  enumerable: true,
  configurable: false,
});
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', enumerable: false });

// Signals: the first listener for 'SIGINT', 'SIGTERM'… starts watching it.
// A signal that arrives when no listener is left ends the process the
// default way, as it would without any.
const watchedSignals = new Set();
const signalOf = (event) => (typeof event === 'string' && Object.hasOwn(native.child.signals, event) ? native.child.signals[event] : undefined);
process.on('newListener', (event) => {
  const signo = signalOf(event);
  if (signo === undefined || event === 'SIGKILL' || event === 'SIGSTOP') return;
  native.signals.listened(signo, true);
  if (watchedSignals.has(event)) return;
  watchedSignals.add(event);
  native.signals.watch(signo, () => {
    if (process.listenerCount(event) > 0) return process.emit(event, event, signo);
    if (tracing.trace) tracing.trace.finish(128 + signo, `killed by ${event}`);
    native.signals.toDefault(signo);
  });
});
process.on('removeListener', (event) => {
  const signo = signalOf(event);
  if (signo !== undefined && process.listenerCount(event) === 0) native.signals.listened(signo, false);
});
// Node's options of the command line (src/cli.rs) that the process honours.
const execArgv = new Set(process.execArgv);
if (execArgv.has('--no-deprecation')) process.noDeprecation = true;
if (execArgv.has('--throw-deprecation')) process.throwDeprecation = true;
if (execArgv.has('--trace-deprecation')) process.traceDeprecation = true;
if (!execArgv.has('--no-warnings')) process.on('warning', printWarning);
if (execArgv.has('--expose-gc') || execArgv.has('--expose_gc')) globalThis.gc = native.process.gc;

exports.process = process;
exports.runTicks = runTicks;
exports.rejectTracker = rejectTracker;
exports.processRejections = processRejections;
exports.exitWith = exitWith;
exports.terminate = terminate;
exports.onLoopEnd = onLoopEnd;

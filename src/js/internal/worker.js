// What both sides of a worker need beyond the public API: in a worker, its
// context (parentPort, workerData…), its output relayed to the parent, and
// an uncaught error reported there; in the parent, the worker's output
// streams and the error rebuilt.

const messaging = require('internal/messaging');

const context = native.workers.isWorker ? native.workers.context() : undefined;
const parentPort = context ? messaging.createPort(context.publicPort) : null;
const internalPort = context ? messaging.createPort(context.internalPort) : null;

exports.parentPort = parentPort;
exports.workerData = context ? context.workerData : null;
exports.environmentData = context?.environmentData instanceof Map ? context.environmentData : new Map();
const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];
const defaults = [48, 2048, 0, 4];
exports.resourceLimits = context
  ? Object.fromEntries(limitNames.map((name, i) => [name, context.resourceLimits[i] > 0 ? context.resourceLimits[i] : defaults[i]]))
  : {};

// Inside a worker: announce it, and send its output to the parent.
exports.setup = (processModule) => {
  if (!internalPort) return;
  internalPort.unref();
  processModule.relayOutput((fd, chunk) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : new Uint8Array(chunk);
    internalPort.postMessage({ type: 'stdio', stream: fd === 2 ? 'stderr' : 'stdout', chunk: bytes });
  });
  const refuse = (what) => {
    throw require('internal/errors').codedError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', `${what} is not supported in workers`);
  };
  const unsupported = (what) => Object.assign(() => refuse(what), { disabled: true });
  const { process } = processModule;
  // A worker's title and debug port are the process's: setting them does nothing.
  for (const name of ['title', 'debugPort']) {
    const value = process[name];
    Object.defineProperty(process, name, { get: () => value, set() {}, enumerable: true, configurable: true });
  }
  for (const name of ['chdir', 'setuid', 'setgid', 'seteuid', 'setegid', 'initgroups', 'setgroups', 'abort', 'send', 'disconnect']) {
    process[name] = unsupported(`process.${name}()`);
  }
  for (const name of ['channel', 'connected']) {
    Object.defineProperty(process, name, { get: () => refuse(`process.${name}`), enumerable: false, configurable: true });
  }
  const umask = process.umask;
  process.umask = (mask) => (mask === undefined ? umask() : unsupported('Setting process.umask()')());
  internalPort.postMessage({ type: 'online' });
};

const errorTypes = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError'];

// An uncaught error, as Node sends it to the parent: an error keeps its
// type (the nearest standard one) and its own properties; anything else is
// cloned, or shown.
function serializeError(error) {
  if (native.modules.isError(error) || isRebuiltError(error)) {
    let type = 'Error';
    for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const name = Object.hasOwn(proto, 'constructor') ? proto.constructor?.name : undefined;
      if (errorTypes.includes(name) && globalThis[name]?.prototype === proto) {
        type = name;
        break;
      }
    }
    const properties = {};
    const keys = new Set(['name', 'message', 'stack'].filter((key) => key in error));
    for (const key of Object.getOwnPropertyNames(error)) keys.add(key);
    for (const key of keys) {
      try {
        const descriptor = Object.getOwnPropertyDescriptor(error, key);
        const value = error[key];
        if (typeof value === 'function') continue;
        properties[key] = { value: messaging.structuredClone(value), enumerable: descriptor ? descriptor.enumerable : false };
      } catch {}
    }
    return { kind: 'error', type, properties };
  }
  if (typeof error === 'symbol') return { kind: 'symbol', description: error.description };
  try {
    return { kind: 'value', value: messaging.structuredClone(error) };
  } catch {
    return { kind: 'shown', text: require('internal/inspect').inspect(error) };
  }
}

// An error another worker sent (below), met again: still an error.
const isRebuiltError = (value) => value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Error]';

exports.deserializeError = (serialized) => {
  if (serialized.kind === 'value') return serialized.value;
  if (serialized.kind === 'symbol') return Symbol.for(serialized.description);
  if (serialized.kind === 'shown') return serialized.text;
  const error = Object.create(globalThis[serialized.type].prototype);
  for (const [key, { value, enumerable }] of Object.entries(serialized.properties)) {
    Object.defineProperty(error, key, { value, enumerable, writable: true, configurable: true });
  }
  Object.defineProperty(error, Symbol.toStringTag, { value: 'Error', writable: true, configurable: true });
  return error;
};

// Inside a worker: an uncaught error goes to the parent's 'error' event
// (nothing is printed here).
exports.reportUncaught = (error) => {
  internalPort.postMessage({ type: 'error', error: serializeError(error) });
};

// The parent's worker.stdout / stderr: what the worker wrote, piped to this
// process's own unless the worker was made with `stdout: true` (`stderr`).
exports.parentSideStdio = (worker, stream, wanted) => {
  const { Readable } = require('node/stream');
  const readable = new Readable({ read() {} });
  if (!wanted) readable.pipe(process[stream], { end: false });
  return readable;
};

// Delivers what still waits on a port, now.
exports.drain = (port, deliver) => {
  for (;;) {
    const received = messaging.receiveMessageOnPort(port);
    if (received === undefined) return;
    deliver(received.message);
  }
};

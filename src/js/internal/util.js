// node:util — promisify/callbackify, inspect and format, type checks, and
// the small helpers programs reach for.

const { inspect, format, formatWithOptions } = require('internal/inspect');
const { invalidArgType } = require('internal/errors');
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original) {
  if (typeof original !== 'function') throw invalidArgType('original', 'of type function', original);
  const custom = original[kCustomPromisify];
  if (custom !== undefined) {
    if (typeof custom !== 'function') throw invalidArgType('util.promisify.custom', 'of type function', custom);
    return Object.defineProperty(custom, kCustomPromisify, { value: custom, enumerable: false, writable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [
        ...args,
        (err, ...values) => {
          if (err) return reject(err);
          resolve(values[0]);
        },
      ]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throw invalidArgType('original', 'of type function', original);
  function callbackified(...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') throw invalidArgType('last argument', 'of type function', callback);
    const onRejected = (reason) => {
      if (!reason) {
        const err = require('internal/errors').codedError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
        err.reason = reason;
        reason = err;
      }
      process.nextTick(callback, reason);
    };
    Reflect.apply(original, this, args).then((value) => process.nextTick(callback, null, value), onRejected);
  }
  return callbackified;
}

const warned = new Set();
function deprecate(fn, message, code) {
  return function deprecated(...args) {
    const key = code ?? message;
    if (!warned.has(key)) {
      warned.add(key);
      process.emitWarning(message, 'DeprecationWarning', code);
    }
    return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
  };
}

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const types = {
  isPromise: (v) => v instanceof Promise,
  isDate: (v) => v instanceof Date,
  isRegExp: (v) => v instanceof RegExp,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isWeakMap: (v) => v instanceof WeakMap,
  isWeakSet: (v) => v instanceof WeakSet,
  isNativeError: (v) => native.modules.isError(v),
  isProxy: (v) => native.modules.proxyDetails(v) !== undefined,
  isAsyncFunction: (v) => typeof v === 'function' && (tag(v) === 'AsyncFunction' || tag(v) === 'AsyncGeneratorFunction'),
  isGeneratorFunction: (v) => typeof v === 'function' && (tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction'),
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isTypedArray: (v) => typedArrayTag.call(v) !== undefined,
  isUint8Array: (v) => typedArrayTag.call(v) === 'Uint8Array',
};

// Deep equality lives with node:assert, loaded when first needed.
function isDeepStrictEqual(a, b) {
  return require('internal/assert').isDeepStrictEqual(a, b);
}

// debuglog(section): a logger printing to stderr when NODE_DEBUG names the
// section (comma-separated, `*` wildcards), as `SECTION PID: message`.
function debuglog(section, callback) {
  const name = `${section}`.toUpperCase();
  let enabled;
  const isEnabled = () => {
    enabled ??= `${process.env.NODE_DEBUG ?? ''}`
      .split(/[\s,]+/)
      .filter(Boolean)
      .some((pattern) => new RegExp(`^${pattern.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(name));
    return enabled;
  };
  const logger = (...args) => {
    if (!isEnabled()) return;
    process.stderr.write(`${name} ${process.pid}: ${format(...args)}\n`);
  };
  Object.defineProperty(logger, 'enabled', { get: isEnabled, configurable: true, enumerable: true });
  if (typeof callback === 'function') callback(logger);
  return logger;
}

// util._extend(target, source): the own enumerable keys of source copied
// onto target (Object.assign's ancestor; deprecated in the docs only).
function extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

exports.util = {
  _extend: extend,
  debuglog,
  debug: debuglog,
  isDeepStrictEqual,
  inspect,
  format,
  formatWithOptions,
  promisify,
  callbackify,
  deprecate,
  inherits,
  types,
  isArray: Array.isArray,
};

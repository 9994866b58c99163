// The engine's intrinsics that the structured clone (src/engine/clone.rs)
// reads and builds values with, captured before any program runs: a
// program that replaces Map.prototype.forEach or globalThis.Date does not
// change what postMessage or structuredClone copy.

const { apply, getPrototypeOf } = Reflect;
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const TypedArray = getPrototypeOf(Uint8Array);
const typed = {
  buffer: getter(TypedArray.prototype, 'buffer'),
  offset: getter(TypedArray.prototype, 'byteOffset'),
  length: getter(TypedArray.prototype, 'length'),
};
const dataView = {
  buffer: getter(DataView.prototype, 'buffer'),
  offset: getter(DataView.prototype, 'byteOffset'),
  length: getter(DataView.prototype, 'byteLength'),
};
// In the order of QuickJS's typed array kinds (JS_GetTypedArrayType).
const views = [
  Uint8ClampedArray, Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array,
  BigInt64Array, BigUint64Array, globalThis.Float16Array, Float32Array, Float64Array,
];
const unboxers = [Boolean, Number, String, BigInt].map((type) => type.prototype.valueOf);
const { forEach: mapForEach, set: mapSet } = Map.prototype;
const { forEach: setForEach, add: setAdd } = Set.prototype;
const { getTime } = Date.prototype;
const regexpSource = getter(RegExp.prototype, 'source');
const regexpFlags = getter(RegExp.prototype, 'flags');
const errorTypes = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
const { hasOwn, defineProperty } = Object;
const functionToString = Function.prototype.toString;
const { DOMException } = require('internal/abort');
const NativeDate = Date;
const NativeRegExp = RegExp;
const NativeMap = Map;
const NativeSet = Set;
const NativeBigInt = BigInt;
const NativeObject = Object;

// V8's words for what cannot be cloned: a function's source, a symbol's
// description, `#<Class>` for an object.
function describe(value) {
  if (typeof value === 'function') return apply(functionToString, value, []);
  if (typeof value === 'symbol') return value.toString();
  let name = 'Object';
  try {
    const proto = getPrototypeOf(value);
    const ctor = proto && hasOwn(proto, 'constructor') ? proto.constructor : undefined;
    if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '') name = ctor.name;
  } catch {}
  return `#<${name}>`;
}

function unbox(value) {
  for (const valueOf of unboxers) {
    try {
      return apply(valueOf, value, []);
    } catch {}
  }
  return undefined;
}

// A view's buffer, byte offset and length (elements of a typed array, bytes of a DataView).
const parts = (getters) => (value) => [apply(getters.buffer, value, []), apply(getters.offset, value, []), apply(getters.length, value, [])];

module.exports = {
  describe,
  digits: (value) => `${value}`,
  bigint: (digits) => NativeBigInt(digits),
  unbox,
  box: (primitive) => NativeObject(primitive),
  time: (date) => apply(getTime, date, []),
  date: (time) => new NativeDate(time),
  regexpSource: (regexp) => apply(regexpSource, regexp, []),
  regexpFlags: (regexp) => apply(regexpFlags, regexp, []),
  newRegExp: (source, flags) => new NativeRegExp(source, flags),
  mapEntries(map) {
    const out = [];
    apply(mapForEach, map, [(value, key) => out.push(key, value)]);
    return out;
  },
  newMap: () => new NativeMap(),
  mapSet: (map, key, value) => apply(mapSet, map, [key, value]),
  setValues(set) {
    const out = [];
    apply(setForEach, set, [(value) => out.push(value)]);
    return out;
  },
  newSet: () => new NativeSet(),
  setAdd: (set, value) => apply(setAdd, set, [value]),
  typedView: parts(typed),
  dataView: parts(dataView),
  newView: (kind, buffer, offset, length) => (kind === null || kind === undefined ? new DataView(buffer, offset, length) : new views[kind](buffer, offset, length)),
  // V8 keeps an error's type (one of the standard ones, else Error), its
  // message, stack and cause.
  errorParts(error) {
    const name = `${error.name}`;
    const message = hasOwn(error, 'message') ? `${error.message}` : undefined;
    const stack = typeof error.stack === 'string' ? error.stack : undefined;
    return [hasOwn(errorTypes, name) ? name : 'Error', message, stack, hasOwn(error, 'cause') ? error.cause : undefined];
  },
  hasCause: (error) => hasOwn(error, 'cause'),
  newError(name, message, stack) {
    const error = message === undefined ? new errorTypes[name]() : new errorTypes[name](message);
    if (stack !== undefined) defineProperty(error, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    return error;
  },
  setCause: (error, cause) => defineProperty(error, 'cause', { value: cause, writable: true, configurable: true, enumerable: false }),
  dataCloneError: (message) => new DOMException(message, 'DataCloneError'),
  missingTransfer: () =>
    require('internal/errors').codedError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST', 'Object that needs transfer was found in message but not listed in transferList'),
  // MessagePort.prototype (set by messaging.js): a port in a message must be transferred.
  portPrototype: undefined,
};

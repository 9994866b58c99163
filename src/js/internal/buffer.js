// Buffer (global and node:buffer): a Uint8Array subclass with Node's
// encodings, plus TextEncoder / TextDecoder. Encoding and decoding are
// native (src/host/buffer.rs); everything else is plain typed-array work.

const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const customInspect = inspect.custom;
const INSPECT_MAX_BYTES = 50;
const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;

// Node's arrangement: instances are FastBuffers, whose prototype is also
// Buffer.prototype, so `new Uint8Array`-style construction stays fast while
// `Buffer(...)` keeps its legacy call signature.
class FastBuffer extends Uint8Array {}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw invalidArgType('string', 'of type string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'name', { value: 'Buffer' });
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);

function normalizeEncoding(encoding) {
  if (encoding == null || encoding === 'utf8' || encoding === 'utf-8') return 'utf8';
  switch (String(encoding).toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

function encodingOrThrow(encoding) {
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw codedError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
  return normalized;
}

// Node writes large integers with digit separators: 4_294_967_297.
function outOfRange(name, range, value) {
  let received = inspect(value);
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) received = received.replace(/\B(?=(\d{3})+$)/g, '_');
  return codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

function validateSize(size) {
  if (typeof size !== 'number') throw invalidArgType('size', 'of type number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
}

// The ArrayBuffers that, in Node, would be slices of its shared pool
// (Buffer.from of a short string, a small allocUnsafe): postMessage copies
// them rather than detaching them, as Node does its pool.
const pooled = new WeakSet();
exports.pooled = pooled;
const poolable = (buffer) => {
  if (buffer.length < Buffer.poolSize >>> 1) pooled.add(buffer.buffer);
  return buffer;
};

function fromString(string, encoding) {
  const bytes = native.buffer.encode(string, encodingOrThrow(encoding));
  return poolable(new FastBuffer(bytes));
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
      if (offset > value.byteLength) throw codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
      const size = length === undefined ? value.byteLength - offset : +length || 0;
      if (offset + size > value.byteLength) throw codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
      return new FastBuffer(value, offset, size);
    }
    const primitive = value.valueOf && value.valueOf();
    if (primitive != null && primitive !== value) return Buffer.from(primitive, encodingOrOffset, length);
    if (ArrayBuffer.isView(value) || typeof value.length === 'number') {
      const copy = new FastBuffer(value.length >>> 0);
      if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array) && value.BYTES_PER_ELEMENT === undefined) {
        copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      } else {
        for (let i = 0; i < copy.length; i++) copy[i] = value[i];
      }
      return copy;
    }
    if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const string = value[Symbol.toPrimitive]('string');
      if (typeof string === 'string') return fromString(string, encodingOrOffset);
    }
  }
  throw invalidArgType(
    'first argument',
    'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object',
    value,
  );
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buffer = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) buffer.fill(fill, encoding);
  return buffer;
};
Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return poolable(new FastBuffer(size));
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
Buffer.poolSize = 8192;
Buffer.isBuffer = (value) => value instanceof Buffer;
Buffer.isEncoding = (encoding) => typeof encoding === 'string' && encoding.length > 0 && normalizeEncoding(encoding) !== undefined;

Buffer.byteLength = function byteLength(value, encoding) {
  if (typeof value !== 'string') {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    throw invalidArgType('string', 'of type string or an instance of Buffer or ArrayBuffer', value);
  }
  const normalized = normalizeEncoding(encoding) ?? 'utf8';
  if (normalized === 'utf8') return native.buffer.utf8Length(value);
  if (normalized === 'latin1' || normalized === 'ascii') return value.length;
  if (normalized === 'utf16le') return value.length * 2;
  return native.buffer.encode(value, normalized).byteLength;
};

Buffer.concat = function concat(list, totalLength) {
  if (!Array.isArray(list)) throw invalidArgType('list', 'an instance of Array', list);
  list.forEach((item, i) => {
    if (!(item instanceof Uint8Array)) throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', item);
  });
  const size = totalLength === undefined ? list.reduce((sum, b) => sum + b.length, 0) : totalLength;
  const out = Buffer.alloc(size);
  let at = 0;
  for (const item of list) {
    if (at >= size) break;
    const part = item.length > size - at ? item.subarray(0, size - at) : item;
    out.set(part, at);
    at += part.length;
  }
  return out;
};

Buffer.compare = function compare(a, b) {
  if (!(a instanceof Uint8Array)) throw invalidArgType('buf1', 'an instance of Buffer or Uint8Array', a);
  if (!(b instanceof Uint8Array)) throw invalidArgType('buf2', 'an instance of Buffer or Uint8Array', b);
  return compareBytes(a, b);
};

// memcmp and memmem are native: these run over whole files.
const compareBytes = (a, b) => native.buffer.compare(a, b);

// Node clamps start/end to the buffer, treating non-numbers as absent.
function clampIndex(value, length, fallback) {
  if (value === undefined) return fallback;
  value = Math.trunc(+value) || 0;
  if (value < 0) return Math.max(length + value, 0);
  return Math.min(value, length);
}

const proto = Buffer.prototype;

// Methods that hand `this` to a native need a Uint8Array: Node's own fail
// on anything else too (with V8's wording, which this keeps close to).
function bytesOf(self, method) {
  if (!(self instanceof Uint8Array)) throw new TypeError(`Buffer.prototype.${method} called on an object that is not a Buffer or Uint8Array`);
  if (self.buffer.detached) throw new TypeError(`Cannot perform Buffer.prototype.${method} on a detached ArrayBuffer`);
  return self;
}

proto.toString = function toString(encoding, start, end) {
  bytesOf(this, 'toString');
  if (arguments.length === 0) return native.buffer.decode(this, 'utf8', 0, this.length);
  start = start === undefined ? 0 : Math.max(Math.trunc(+start) || 0, 0);
  end = end === undefined ? this.length : Math.min(Math.trunc(+end) || 0, this.length);
  if (end <= start) return '';
  return native.buffer.decode(this, encodingOrThrow(encoding), start, end);
};
proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw invalidArgType('argument', 'of type string', string);
  if (typeof offset === 'string') [offset, length, encoding] = [0, undefined, offset];
  else if (typeof length === 'string') [length, encoding] = [undefined, length];
  offset = offset === undefined ? 0 : offset >>> 0;
  if (offset > this.length) throw outOfRange('offset', `>= 0 && <= ${this.length}`, offset);
  const room = this.length - offset;
  length = length === undefined ? room : Math.min(length >>> 0, room);
  const normalized = encodingOrThrow(encoding);
  const bytes = new Uint8Array(native.buffer.encode(string, normalized));
  let count = Math.min(bytes.length, length);
  // A character that does not fit whole is not written at all.
  if (normalized === 'utf8' && count < bytes.length) while (count > 0 && (bytes[count] & 0xc0) === 0x80) count--;
  if (normalized === 'utf16le') count -= count % 2;
  this.set(count === bytes.length ? bytes : bytes.subarray(0, count), offset);
  return count;
};

proto.toJSON = function toJSON() {
  return { type: 'Buffer', data: Array.from(this) };
};

proto.equals = function equals(other) {
  bytesOf(this, 'equals');
  if (!(other instanceof Uint8Array)) throw invalidArgType('otherBuffer', 'an instance of Buffer or Uint8Array', other);
  bytesOf(other, 'equals');
  return this === other || compareBytes(this, other) === 0;
};

proto.compare = function compare(target, targetStart = 0, targetEnd = target?.length, sourceStart = 0, sourceEnd = this.length) {
  bytesOf(this, 'compare');
  if (!(target instanceof Uint8Array)) throw invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
  bytesOf(target, 'compare');
  return compareBytes(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

proto.copy = function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
  if (!(target instanceof Uint8Array)) throw invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
  sourceEnd = Math.min(sourceEnd, this.length);
  const count = Math.max(Math.min(sourceEnd - sourceStart, target.length - targetStart), 0);
  if (count > 0) target.set(this.subarray(sourceStart, sourceStart + count), targetStart);
  return count;
};

proto.slice = function slice(start, end) {
  const length = this.length;
  start = clampIndex(start, length, 0);
  end = clampIndex(end, length, length);
  return new FastBuffer(this.buffer, this.byteOffset + start, Math.max(end - start, 0));
};

proto.fill = function fill(value, offset, end, encoding) {
  if (typeof offset === 'string') [offset, end, encoding] = [0, this.length, offset];
  else if (typeof end === 'string') [end, encoding] = [this.length, end];
  offset = offset === undefined ? 0 : offset;
  end = end === undefined ? this.length : end;
  if (typeof offset !== 'number') throw invalidArgType('offset', 'of type number', offset);
  if (typeof end !== 'number') throw invalidArgType('end', 'of type number', end);
  if (offset < 0 || offset > this.length) throw outOfRange('offset', `>= 0 && <= ${this.length}`, offset);
  if (end < 0 || end > this.length) throw outOfRange('end', `>= 0 && <= ${this.length}`, end);
  if (typeof value === 'number' || typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(this, value & 255, offset, end);
    return this;
  }
  const bytes = typeof value === 'string' ? fromString(value, encoding) : value;
  if (bytes.length === 0) {
    if (typeof value === 'string' && value.length === 0) return Uint8Array.prototype.fill.call(this, 0, offset, end);
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'value' is invalid. Received ${inspect(value)}`);
  }
  if (bytes.length === 1) return Uint8Array.prototype.fill.call(this, bytes[0], offset, end);
  // Lay the pattern down once, then double the filled part until done.
  this.set(bytes.subarray(0, Math.min(bytes.length, end - offset)), offset);
  for (let filled = bytes.length; offset + filled < end; filled *= 2) {
    this.copyWithin(offset + filled, offset, offset + Math.min(filled, end - offset - filled));
  }
  return this;
};

function searchBytes(value, encoding) {
  if (typeof value === 'number') return Uint8Array.of(value & 255);
  if (typeof value === 'string') return fromString(value, encoding);
  if (value instanceof Uint8Array) return value;
  throw invalidArgType('value', 'one of type number or string or an instance of Buffer or Uint8Array', value);
}

proto.indexOf = function indexOf(value, byteOffset = 0, encoding) {
  bytesOf(this, 'indexOf');
  if (typeof byteOffset === 'string') [byteOffset, encoding] = [0, byteOffset];
  const needle = searchBytes(value, encoding);
  const from = clampIndex(byteOffset, this.length, 0);
  if (needle.length === 0) return Math.min(from, this.length);
  return native.buffer.indexOf(this, needle, from, false);
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset = this.length, encoding) {
  bytesOf(this, 'lastIndexOf');
  if (typeof byteOffset === 'string') [byteOffset, encoding] = [this.length, byteOffset];
  const needle = searchBytes(value, encoding);
  const from = Math.min(clampIndex(byteOffset, this.length, this.length), this.length - needle.length);
  if (from < 0) return -1;
  if (needle.length === 0) return from;
  return native.buffer.indexOf(this, needle, from, true);
};
proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

for (const [size, name] of [[2, 'swap16'], [4, 'swap32'], [8, 'swap64']]) {
  proto[name] = function () {
    if (this.length % size !== 0) {
      throw codedError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size * 8}-bits`);
    }
    for (let i = 0; i < this.length; i += size) this.subarray(i, i + size).reverse();
    return this;
  };
}

// readUInt8 … writeBigInt64BE, through a DataView; every name Node has, with
// its lowercase-`int` aliases.
const numberKinds = [
  ['UInt8', 'Uint8', 1], ['Int8', 'Int8', 1],
  ['UInt16', 'Uint16', 2], ['Int16', 'Int16', 2],
  ['UInt32', 'Uint32', 4], ['Int32', 'Int32', 4],
  ['Float', 'Float32', 4], ['Double', 'Float64', 8],
  ['BigUInt64', 'BigUint64', 8], ['BigInt64', 'BigInt64', 8],
];
const view = (buffer) => new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
function checkOffset(buffer, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw invalidArgType('offset', 'of type number', offset);
  if (!Number.isInteger(offset) || offset < 0 || offset > buffer.length - size) {
    if (buffer.length - size < 0) throw codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
    throw outOfRange('offset', Number.isInteger(offset) ? `>= 0 and <= ${buffer.length - size}` : 'an integer', offset);
  }
  return offset;
}
for (const [nodeName, viewName, size] of numberKinds) {
  const endians = size === 1 ? [['', false]] : [['LE', true], ['BE', false]];
  for (const [suffix, little] of endians) {
    const get = DataView.prototype[`get${viewName}`];
    const set = DataView.prototype[`set${viewName}`];
    const read = function (offset) {
      offset = checkOffset(this, offset, size);
      return get.call(view(this), offset, little);
    };
    const write = function (value, offset) {
      offset = checkOffset(this, offset, size);
      set.call(view(this), offset, value, little);
      return offset + size;
    };
    for (const alias of new Set([nodeName, nodeName.replace('UInt', 'Uint')])) {
      proto[`read${alias}${suffix}`] = read;
      proto[`write${alias}${suffix}`] = write;
    }
  }
}

proto[customInspect] = function (recurseTimes, ctx) {
  bytesOf(this, 'inspect');
  const shown = Math.min(INSPECT_MAX_BYTES, this.length);
  let text = native.buffer.decode(this, 'hex', 0, shown).replace(/(.{2})(?!$)/g, '$1 ');
  const remaining = this.length - INSPECT_MAX_BYTES;
  if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return `<${this.constructor.name} ${text}>`;
};

// --- TextEncoder / TextDecoder (WHATWG Encoding, the UTF-8 and UTF-16LE parts) ---

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }
  encode(input = '') {
    return new Uint8Array(native.buffer.encode(`${input}`, 'utf8'));
  }
  encodeInto(source, destination) {
    const bytes = this.encode(source);
    let written = Math.min(bytes.length, destination.length);
    while (written > 0 && written < bytes.length && (bytes[written] & 0xc0) === 0x80) written--;
    destination.set(bytes.subarray(0, written));
    const read = native.buffer.decode(bytes, 'utf8', 0, written).length;
    return { read, written };
  }
}

const decoderLabels = new Map([
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['unicode-1-1-utf-8', 'utf-8'],
  ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['latin1', 'windows-1252'], ['iso-8859-1', 'windows-1252'],
  ['ascii', 'windows-1252'], ['windows-1252', 'windows-1252'],
]);
class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  constructor(label = 'utf-8', options = {}) {
    const encoding = decoderLabels.get(`${label}`.trim().toLowerCase());
    if (encoding === undefined) {
      throw codedError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
    }
    this.#encoding = encoding;
    this.#fatal = Boolean(options.fatal);
    this.#ignoreBOM = Boolean(options.ignoreBOM);
  }
  get encoding() {
    return this.#encoding;
  }
  get fatal() {
    return this.#fatal;
  }
  get ignoreBOM() {
    return this.#ignoreBOM;
  }
  decode(input) {
    if (input === undefined) return '';
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const kind = { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'windows-1252': 'latin1' }[this.#encoding];
    let text = native.buffer.decode(bytes, kind, 0, bytes.length);
    if (this.#fatal && kind === 'utf8' && !native.buffer.isUtf8(bytes)) {
      throw codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${this.#encoding}`);
    }
    if (!this.#ignoreBOM && text.charCodeAt(0) === 0xfeff && kind !== 'latin1') text = text.slice(1);
    return text;
  }
}

exports.Buffer = Buffer;
exports.FastBuffer = FastBuffer;
exports.normalizeEncoding = normalizeEncoding;
exports.bufferModule = {
  Buffer,
  SlowBuffer: Buffer,
  atob: globalThis.atob,
  btoa: globalThis.btoa,
  INSPECT_MAX_BYTES,
  kMaxLength,
  kStringMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  isUtf8(input) {
    if (input instanceof ArrayBuffer) input = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw invalidArgType('input', 'an instance of ArrayBuffer, Buffer, or TypedArray', input);
    return native.buffer.isUtf8(input);
  },
};
exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;

// node:zlib: Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
// BrotliCompress and BrotliDecompress as Transform streams over the engines
// of src/host/zlib.rs. As in Node, a stream's chunks are compressed on the
// threadpool (each result an I/O completion), the `*Sync` calls at once,
// and the callback forms are a stream fed one buffer.

const { Buffer, FastBuffer } = require('internal/buffer');
const { Transform, finished } = require('internal/stream').stream;
const { codedError, invalidArgType } = require('internal/errors');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0,
  BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11,
  BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30,
  BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6,
  BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
  BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1,
  BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
};
Object.freeze(constants);

const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const [name, value] of Object.entries(codes)) codes[value] = name;
Object.freeze(codes);

const kFlushFlag = Symbol('kFlushFlag');
const kMaxLength = 2 ** 32;

function outOfRange(name, range, value) {
  return codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
}

// A numeric option: its value, or the default when absent.
function rangeOrDefault(value, name, lower, upper, fallback) {
  if (value === undefined || Number.isNaN(value)) return fallback;
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isFinite(value)) throw outOfRange(name, 'a finite number', value);
  if (value < lower || value > upper) throw outOfRange(name, `>= ${lower} and <= ${upper}`, value);
  return value;
}

function zlibError(info) {
  const err = new Error(info.message);
  err.errno = info.errno;
  err.code = info.code;
  return err;
}

// The base of every engine's stream: options checked as Node checks them,
// chunks through the engine, output pushed in `chunkSize` pieces.
function ZlibBase(opts, kind, engineOptions, flushes) {
  let chunkSize = constants.Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const { lowest, highest, flush: defaultFlush, finish: defaultFinish, full } = flushes;
  let flush = defaultFlush;
  let finishFlush = defaultFinish;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!Number.isFinite(chunkSize)) chunkSize = constants.Z_DEFAULT_CHUNK;
    else if (chunkSize < constants.Z_MIN_CHUNK) throw outOfRange('options.chunkSize', `>= ${constants.Z_MIN_CHUNK}`, chunkSize);
    flush = rangeOrDefault(opts.flush, 'options.flush', lowest, highest, defaultFlush);
    finishFlush = rangeOrDefault(opts.finishFlush, 'options.finishFlush', lowest, highest, defaultFinish);
    maxOutputLength = rangeOrDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this._hadError = false;
  this.bytesWritten = 0;
  this._kind = kind;
  this._engineOptions = engineOptions;
  this._handle = typeof kind === 'string' ? native.zlib.create(kind, engineOptions) : undefined;
  if (this._handle === undefined) throw codedError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
  this._outBufferSize = chunkSize;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = full;
  this._maxOutputLength = maxOutputLength;
  this._info = opts?.info;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

// The old name of bytesWritten (DEP0108).
let warnedBytesRead = false;
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  get() {
    if (!warnedBytesRead) {
      warnedBytesRead = true;
      process.emitWarning('zlib.bytesRead is deprecated and will change its meaning in the future. Use zlib.bytesWritten instead.', 'DeprecationWarning', 'DEP0108');
    }
    return this.bytesWritten;
  },
  set(value) {
    this.bytesWritten = value;
  },
  configurable: true,
});

Object.defineProperty(ZlibBase.prototype, '_closed', {
  get() {
    return !this._handle;
  },
  configurable: true,
});

ZlibBase.prototype.reset = function () {
  if (!this._handle) throw codedError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
  native.zlib.close(this._handle);
  this._handle = native.zlib.create(this._kind, this._engineOptions);
};

ZlibBase.prototype._flush = function (callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype.flush = function (kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    const marker = Buffer.alloc(0);
    marker[kFlushFlag] = kind;
    this.write(marker, '', callback);
  }
};

ZlibBase.prototype.close = function (callback) {
  if (callback) {
    if (this.closed) process.nextTick(callback);
    else finished(this, callback);
  }
  this.destroy();
};

ZlibBase.prototype._destroy = function (err, callback) {
  if (this._handle) native.zlib.close(this._handle);
  this._handle = null;
  callback(err);
};

// A chunk and flush the engine takes: bytes, and a flush it knows.
function checkChunk(chunk) {
  if (!ArrayBuffer.isView(chunk)) throw invalidArgType('chunk', 'an instance of Buffer, TypedArray, or DataView', chunk);
  return chunk instanceof Uint8Array ? chunk : new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

ZlibBase.prototype._transform = function (chunk, encoding, callback) {
  chunk = checkChunk(chunk);
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk carries the finishing flush too.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = Math.max(flushFlag, this._finishFlushFlag);
  }
  if (typeof this._handle !== 'number') return process.nextTick(callback, codedError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed'));
  native.zlib.process(this._handle, chunk, flushFlag | 0, (failure, output, taken) => {
    if (!this._handle || this.destroyed) return callback();
    if (failure) {
      this._hadError = true;
      return this.destroy(zlibError(failure));
    }
    this.bytesWritten += taken;
    const bytes = new FastBuffer(output);
    for (let at = 0; at < bytes.length && !this.destroyed; at += this._chunkSize) {
      this.push(bytes.subarray(at, Math.min(bytes.length, at + this._chunkSize)));
    }
    // Input the engine left: its stream ended before it, and so does ours.
    if (taken < chunk.byteLength) this.push(null);
    callback();
  });
};

ZlibBase.prototype._processChunk = function (chunk, flushFlag, callback) {
  if (typeof callback === 'function') {
    const marker = Buffer.from(chunk);
    marker[kFlushFlag] = flushFlag;
    this.write(marker, '', callback);
    return undefined;
  }
  return processChunkSync(this, chunk, flushFlag);
};

function processChunkSync(engine, chunk, flushFlag) {
  chunk = checkChunk(chunk);
  if (typeof engine._handle !== 'number') throw codedError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
  const [failure, output, taken] = native.zlib.processSync(engine._handle, chunk, flushFlag | 0);
  if (failure) {
    engine._hadError = true;
    engine.close();
    throw zlibError(failure);
  }
  if (output.byteLength > engine._maxOutputLength) {
    engine.close();
    throw codedError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${engine._maxOutputLength} bytes`);
  }
  engine.bytesWritten += taken;
  return new FastBuffer(output);
}

// --- the zlib engines ---

const zlibFlushes = {
  lowest: constants.Z_NO_FLUSH, highest: constants.Z_BLOCK, flush: constants.Z_NO_FLUSH,
  finish: constants.Z_FINISH, full: constants.Z_FULL_FLUSH,
};

function zlibOptions(opts, mode) {
  const decompressing = mode === constants.INFLATE || mode === constants.GUNZIP || mode === constants.UNZIP;
  let windowBits = constants.Z_DEFAULT_WINDOWBITS;
  if (opts?.windowBits !== undefined && !(decompressing && opts.windowBits === 0)) {
    // 8 is deflate's (made 9, as zlib does), never gzip's.
    const lowest = constants.Z_MIN_WINDOWBITS + (mode === constants.GZIP ? 1 : 0);
    windowBits = rangeOrDefault(opts.windowBits, 'options.windowBits', lowest, constants.Z_MAX_WINDOWBITS, windowBits);
  }
  const level = rangeOrDefault(opts?.level, 'options.level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL, constants.Z_DEFAULT_COMPRESSION);
  const memLevel = rangeOrDefault(opts?.memLevel, 'options.memLevel', constants.Z_MIN_MEMLEVEL, constants.Z_MAX_MEMLEVEL, constants.Z_DEFAULT_MEMLEVEL);
  const strategy = rangeOrDefault(opts?.strategy, 'options.strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_DEFAULT_STRATEGY);
  let dictionary = opts?.dictionary;
  if (dictionary !== undefined && !ArrayBuffer.isView(dictionary)) {
    if (dictionary instanceof ArrayBuffer || dictionary instanceof SharedArrayBuffer) {
      dictionary = new Uint8Array(dictionary);
    } else {
      throw invalidArgType('options.dictionary', 'an instance of Buffer, TypedArray, DataView, or ArrayBuffer', dictionary);
    }
  } else if (dictionary !== undefined && !(dictionary instanceof Uint8Array)) {
    dictionary = new Uint8Array(dictionary.buffer, dictionary.byteOffset, dictionary.byteLength);
  }
  return { level, windowBits, memLevel, strategy, dictionary };
}

function Zlib(opts, mode, kind) {
  const engineOptions = zlibOptions(opts, mode);
  ZlibBase.call(this, opts, kind, engineOptions, zlibFlushes);
  this._level = engineOptions.level;
  this._strategy = engineOptions.strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

Zlib.prototype.params = function (level, strategy, callback) {
  rangeOrDefault(level, 'level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL);
  rangeOrDefault(strategy, 'strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(constants.Z_SYNC_FLUSH, () => {
      if (this._handle) native.zlib.params(this._handle, typeof level === 'number' ? level : constants.Z_DEFAULT_COMPRESSION);
      this._level = level;
      this._strategy = strategy;
      callback?.();
    });
  } else {
    process.nextTick(callback);
  }
};

const classes = {};
for (const [name, mode, kind] of [
  ['Deflate', constants.DEFLATE, 'deflate'],
  ['Inflate', constants.INFLATE, 'inflate'],
  ['Gzip', constants.GZIP, 'gzip'],
  ['Gunzip', constants.GUNZIP, 'gunzip'],
  ['DeflateRaw', constants.DEFLATERAW, 'deflateRaw'],
  ['InflateRaw', constants.INFLATERAW, 'inflateRaw'],
  ['Unzip', constants.UNZIP, 'unzip'],
]) {
  const Class = {
    [name]: function (opts) {
      if (!(this instanceof Class)) return new Class(opts);
      Zlib.call(this, opts, mode, kind);
    },
  }[name];
  Object.setPrototypeOf(Class.prototype, Zlib.prototype);
  Object.setPrototypeOf(Class, Zlib);
  classes[name] = Class;
}

// --- brotli ---

const brotliFlushes = {
  lowest: constants.BROTLI_OPERATION_PROCESS, highest: constants.BROTLI_OPERATION_EMIT_METADATA,
  flush: constants.BROTLI_OPERATION_PROCESS, finish: constants.BROTLI_OPERATION_FINISH,
  full: constants.BROTLI_OPERATION_FLUSH,
};

// The values each Brotli parameter takes, by its id.
const encoderRanges = [[0, 2], [0, 11], [10, 30], [0, 24], [0, 1], [0, 2 ** 32 - 1], [0, 1], [0, 3], [0, 120]];
const decoderRanges = [[0, 1], [0, 1]];

function brotliOptions(opts, kind) {
  const params = opts?.params;
  // The parameters each side knows: the encoder's MODE…NDIRECT, the
  // decoder's two.
  const highest = kind === 'brotliCompress' ? constants.BROTLI_PARAM_NDIRECT : constants.BROTLI_DECODER_PARAM_LARGE_WINDOW;
  const options = { quality: constants.BROTLI_DEFAULT_QUALITY, lgwin: constants.BROTLI_DEFAULT_WINDOW };
  if (params !== undefined) {
    if (params === null || typeof params !== 'object') throw invalidArgType('options.params', 'of type object', params);
    for (const key of Object.keys(params)) {
      const value = params[key];
      const id = Number(key);
      if (String(id) !== key || id > highest) {
        throw codedError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${key} is not a valid Brotli parameter`);
      }
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw invalidArgType('options.params[key]', 'of type number', value);
      }
      const [lowest, top] = (kind === 'brotliCompress' ? encoderRanges : decoderRanges)[id];
      if (Number(value) < lowest || Number(value) > top) {
        throw codedError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
      }
      if (kind === 'brotliCompress' && id === constants.BROTLI_PARAM_QUALITY) options.quality = Number(value);
      if (kind === 'brotliCompress' && id === constants.BROTLI_PARAM_LGWIN) options.lgwin = Number(value);
    }
  }
  return options;
}

function Brotli(opts, kind) {
  ZlibBase.call(this, opts, kind, brotliOptions(opts, kind), brotliFlushes);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

for (const [name, kind] of [['BrotliCompress', 'brotliCompress'], ['BrotliDecompress', 'brotliDecompress']]) {
  const Class = {
    [name]: function (opts) {
      if (!(this instanceof Class)) return new Class(opts);
      Brotli.call(this, opts, kind);
    },
  }[name];
  Object.setPrototypeOf(Class.prototype, Brotli.prototype);
  Object.setPrototypeOf(Class, Brotli);
  classes[name] = Class;
}

// --- one-buffer calls ---

function asBuffer(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return buffer instanceof Uint8Array ? buffer : new FastBuffer(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer || buffer instanceof SharedArrayBuffer) return new FastBuffer(buffer);
  throw invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', buffer);
}

function zlibBuffer(engine, buffer, callback) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  buffer = asBuffer(buffer);
  const chunks = [];
  let length = 0;
  engine.on('data', (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
    if (length > engine._maxOutputLength) {
      engine.destroy(codedError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${engine._maxOutputLength} bytes`));
    }
  });
  engine.on('error', (err) => {
    engine.removeAllListeners('end');
    callback(err);
  });
  engine.on('end', () => {
    const result = Buffer.concat(chunks, length);
    engine.close();
    callback(null, engine._info ? { buffer: result, engine } : result);
  });
  engine.end(buffer);
}

function zlibBufferSync(engine, buffer) {
  const result = processChunkSync(engine, asBuffer(buffer), engine._finishFlushFlag);
  engine.close();
  return engine._info ? { buffer: result, engine } : result;
}

const calls = {};
for (const [call, name] of [
  ['deflate', 'Deflate'], ['inflate', 'Inflate'], ['gzip', 'Gzip'], ['gunzip', 'Gunzip'],
  ['deflateRaw', 'DeflateRaw'], ['inflateRaw', 'InflateRaw'], ['unzip', 'Unzip'],
  ['brotliCompress', 'BrotliCompress'], ['brotliDecompress', 'BrotliDecompress'],
]) {
  const Class = classes[name];
  calls[`create${name}`] = (options) => new Class(options);
  calls[call] = (buffer, options, callback) => {
    if (typeof options === 'function') [callback, options] = [options, {}];
    return zlibBuffer(new Class(options), buffer, callback);
  };
  calls[`${call}Sync`] = (buffer, options) => zlibBufferSync(new Class(options), buffer);
}

function crc32(data, value = 0) {
  if (typeof data === 'string') data = Buffer.from(data);
  else if (!ArrayBuffer.isView(data)) throw invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  if (typeof value !== 'number') throw invalidArgType('value', 'of type number', value);
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return native.zlib.crc32(bytes, value >>> 0);
}

module.exports = { ...classes, ...calls, crc32 };
Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  codes: { enumerable: true, writable: false, value: codes },
});
// Node's old top-level copies of the constants: read-only, not enumerable.
for (const [key, value] of Object.entries(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, value, writable: false });
}

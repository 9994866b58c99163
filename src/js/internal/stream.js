// node:stream — Readable, Writable, Duplex, Transform, PassThrough, with
// pipe / pipeline / finished — and node:string_decoder, which setEncoding
// needs. The state machines follow Node's: a readable pulls with _read until
// its buffer reaches highWaterMark, flows through 'data' or is read on
// 'readable'; a writable queues writes behind one _write at a time and says
// 'drain' once a full buffer empties. Events that Node defers go through
// process.nextTick, as in Node.
const { Buffer } = require('internal/buffer');
const { EventEmitter } = require('internal/events');
const { codedError, invalidArgType } = require('internal/errors');

// --- string_decoder ---

// Bytes in, strings out, holding back a character split across chunks.
class StringDecoder {
  constructor(encoding = 'utf8') {
    const normalized = require('internal/buffer').normalizeEncoding(encoding);
    if (normalized === undefined) throw codedError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    this.encoding = normalized;
    this.pending = Buffer.alloc(0);
  }
  // How many bytes at the end of `bytes` start a character not yet complete.
  #incomplete(bytes) {
    switch (this.encoding) {
      case 'utf8': {
        for (let back = 1; back <= Math.min(3, bytes.length); back++) {
          const byte = bytes[bytes.length - back];
          if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
          const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
          return needs > back ? back : 0;
        }
        return 0;
      }
      case 'utf16le': return bytes.length % 2;
      case 'base64': case 'base64url': return bytes.length % 3;
      default: return 0;
    }
  }
  write(chunk) {
    if (typeof chunk === 'string') return chunk;
    let bytes = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const keep = this.#incomplete(bytes);
    this.pending = Buffer.from(bytes.subarray(bytes.length - keep));
    bytes = bytes.subarray(0, bytes.length - keep);
    return bytes.toString(this.encoding);
  }
  end(chunk) {
    const text = chunk === undefined ? '' : this.write(chunk);
    const rest = this.pending.length ? this.pending.toString(this.encoding) : '';
    this.pending = Buffer.alloc(0);
    return text + rest;
  }
}

// --- shared ---

function destroyImpl(stream, err, callback) {
  const state = stream._readableState ?? stream._writableState;
  if (state.destroyed) {
    if (typeof callback === 'function') callback(err);
    return stream;
  }
  for (const s of [stream._readableState, stream._writableState]) {
    if (!s) continue;
    s.destroyed = true;
    if (err) s.errored ??= err;
  }
  stream._destroy(err ?? null, (err2) => {
    // Closed once _destroy is done; 'error' and 'close' follow a tick later.
    for (const s of [stream._readableState, stream._writableState]) if (s) s.closed = true;
    process.nextTick(() => {
      if (err2) {
        for (const s of [stream._readableState, stream._writableState]) if (s) s.errored = err2;
        stream.emit('error', err2);
      }
      if (state.emitClose) stream.emit('close');
      if (typeof callback === 'function') callback(err2);
    });
  });
  return stream;
}

// Back to new, for a socket that connects again: a side switched off
// (readable / writable false) stays ended.
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    Object.assign(r, { destroyed: false, closed: false, errored: null, reading: false, endScheduled: false });
    r.ended = r.endEmitted = r.readable === false;
  }
  if (w) {
    Object.assign(w, { destroyed: false, closed: false, errored: null, finalCalled: false, prefinished: false, finishScheduled: false });
    w.ending = w.ended = w.finished = w.writable === false;
  }
}

function notImplemented(method) {
  return codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${method} method is not implemented`);
}

// --- Readable ---

function readableState(options, stream) {
  const objectMode = Boolean(options.objectMode || options.readableObjectMode);
  return {
    objectMode,
    highWaterMark: options.readableHighWaterMark ?? options.highWaterMark ?? (objectMode ? 16 : 16384),
    buffer: [],
    length: 0,
    flowing: null,
    ended: false,
    endEmitted: false,
    reading: false,
    // True until the first _read returns: data pushed before then is
    // emitted later, never inside the push (as in Node).
    sync: true,
    needReadable: false,
    emittedReadable: false,
    destroyed: false,
    closed: false,
    errored: null,
    decoder: null,
    encoding: null,
    autoDestroy: options.autoDestroy !== false,
    emitClose: options.emitClose !== false,
    stream,
  };
}

function Readable(options = {}) {
  if (!(this instanceof Readable)) return new Readable(options);
  EventEmitter.call(this, options);
  this._readableState = readableState(options, this);
  if (options.encoding) this.setEncoding(options.encoding);
  if (typeof options.read === 'function') this._read = options.read;
  if (typeof options.destroy === 'function') this._destroy = options.destroy;
}
Object.setPrototypeOf(Readable.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Readable, EventEmitter);

// The first 'data' listener starts the flow; a 'readable' one stops it.
Readable.prototype.on = function on(event, listener) {
  const result = EventEmitter.prototype.on.call(this, event, listener);
  const state = this._readableState;
  if (event === 'data' && state.flowing !== false) {
    this.resume();
  } else if (event === 'readable' && !state.endEmitted) {
    state.flowing = false;
    state.needReadable = true;
    if (state.length > 0) emitReadable(this);
    else if (!state.reading) process.nextTick(() => this.read(0));
  }
  return result;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype._read = function () {
  throw notImplemented('_read()');
};
Readable.prototype._destroy = function (err, callback) {
  callback(err);
};

Readable.prototype.push = function push(chunk, encoding) {
  const state = this._readableState;
  state.reading = false;
  // The end: 'readable' once more (at once, unless inside the first
  // _read), and 'end' when a read finds the buffer empty.
  if (chunk === null) {
    if (state.ended) return false;
    state.ended = true;
    const rest = state.decoder?.end();
    if (rest) {
      state.buffer.push(rest);
      state.length += rest.length;
    }
    if (state.sync) {
      emitReadable(this);
    } else {
      state.needReadable = false;
      state.emittedReadable = true;
      emitReadableNow(this);
    }
    return false;
  }
  if (state.ended) {
    process.nextTick(() => this.emit('error', codedError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF')));
    return false;
  }
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      chunk = state.decoder && (encoding ?? 'utf8') === state.encoding ? chunk : Buffer.from(chunk, encoding);
    } else if (!(chunk instanceof Uint8Array)) {
      throw invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
    }
    if (state.decoder && typeof chunk !== 'string') chunk = state.decoder.write(chunk);
    if (chunk.length === 0) return state.length < state.highWaterMark;
  }
  addChunk(this, chunk);
  maybeReadMore(this);
  return state.length < state.highWaterMark;
};

Readable.prototype.unshift = function unshift(chunk) {
  const state = this._readableState;
  if (!state.objectMode && typeof chunk === 'string') chunk = Buffer.from(chunk);
  state.buffer.unshift(chunk);
  state.length += state.objectMode ? 1 : chunk.length;
};

function addChunk(stream, chunk) {
  const state = stream._readableState;
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    stream.emit('data', chunk);
  } else {
    state.buffer.push(chunk);
    state.length += state.objectMode ? 1 : chunk.length;
    if (state.needReadable) emitReadable(stream);
    if (state.flowing) process.nextTick(() => flow(stream));
  }
}

// Calls _read unless a read is pending, the stream has ended or its buffer
// is full (an empty buffer never is, even with a highWaterMark of 0).
function maybeRead(stream) {
  const state = stream._readableState;
  if (state.reading || state.ended || state.destroyed || (state.length > 0 && state.length >= state.highWaterMark)) return;
  state.reading = true;
  state.sync = true;
  try {
    stream._read(state.highWaterMark);
  } catch (err) {
    stream.destroy(err);
  }
  state.sync = false;
}

function maybeReadMore(stream) {
  const state = stream._readableState;
  if (state.readingMore) return;
  state.readingMore = true;
  process.nextTick(() => {
    state.readingMore = false;
    if (!state.reading && !state.ended && (state.flowing || state.length < state.highWaterMark)) maybeRead(stream);
  });
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (state.emittedReadable) return;
  state.emittedReadable = true;
  process.nextTick(emitReadableNow, stream);
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length > 0 || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

// A flowing stream's buffer goes out as 'data'; then it reads on, or ends.
function flow(stream) {
  const state = stream._readableState;
  if (!state.flowing) return;
  while (state.flowing && state.buffer.length > 0) {
    const chunk = state.buffer.shift();
    state.length -= state.objectMode ? 1 : chunk.length;
    stream.emit('data', chunk);
  }
  if (state.ended && state.length === 0) endReadable(stream);
  else if (state.flowing) maybeRead(stream);
}

function endReadable(stream) {
  const state = stream._readableState;
  if (state.endEmitted || state.endScheduled) return;
  state.endScheduled = true;
  process.nextTick(() => {
    // Data still buffered: 'end' waits for a later read to drain it.
    state.endScheduled = false;
    if (state.endEmitted || state.length !== 0 || state.destroyed) return;
    state.endEmitted = true;
    stream.emit('end');
    const writable = stream._writableState;
    if (writable && !writable.ending && stream.allowHalfOpen === false) {
      // Without half-open, the writable side ends a tick after 'end'.
      process.nextTick(() => {
        if (!stream.writableEnded && !stream.destroyed) stream.end();
      });
    } else if (state.autoDestroy && (!writable || (writable.autoDestroy && (writable.finished || writable.writable === false)))) {
      stream.destroy();
    }
  });
}

Readable.prototype.read = function read(n) {
  const state = this._readableState;
  if (n === 0 || state.length === 0) {
    if (state.ended) endReadable(this);
    else maybeRead(this);
    if (state.length === 0) state.needReadable = true;
    return null;
  }
  let chunk;
  if (state.objectMode) {
    chunk = state.buffer.shift();
    state.length -= 1;
  } else if (n === undefined || n >= state.length) {
    if (n !== undefined && n > state.length && !state.ended) {
      state.needReadable = true;
      maybeRead(this);
      return null;
    }
    chunk = state.decoder ? state.buffer.join('') : state.buffer.length === 1 ? state.buffer[0] : Buffer.concat(state.buffer);
    state.buffer = [];
    state.length = 0;
  } else {
    const all = state.decoder ? state.buffer.join('') : Buffer.concat(state.buffer);
    chunk = all.slice(0, n);
    state.buffer = [all.slice(n)];
    state.length -= n;
  }
  if (state.ended && state.length === 0) endReadable(this);
  else maybeRead(this);
  if (chunk !== undefined && chunk !== null) this.emit('data', chunk);
  return chunk;
};

Readable.prototype.setEncoding = function setEncoding(encoding) {
  const state = this._readableState;
  state.decoder = new StringDecoder(encoding);
  state.encoding = state.decoder.encoding;
  state.buffer = state.buffer.map((chunk) => state.decoder.write(chunk)).filter((s) => s.length > 0);
  state.length = state.buffer.reduce((sum, s) => sum + s.length, 0);
  return this;
};

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = true;
    process.nextTick(() => {
      if (!state.reading) maybeRead(this);
      this.emit('resume');
      flow(this);
    });
  }
  return this;
};

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  return this;
};

Readable.prototype.isPaused = function isPaused() {
  return this._readableState.flowing === false;
};

Readable.prototype.destroy = function destroy(err, callback) {
  return destroyImpl(this, err, callback);
};
Readable.prototype._undestroy = undestroy;

Readable.prototype.pipe = function pipe(destination, options = {}) {
  const source = this;
  const endDestination = options.end !== false && destination !== process.stdout && destination !== process.stderr;
  const onData = (chunk) => {
    if (destination.write(chunk) === false) {
      source.pause();
      destination.once('drain', () => source.resume());
    }
  };
  source.on('data', onData);
  // The pipe comes apart ('unpipe') when the source ends — for an ended
  // destination, once it has finished.
  let unpiped = false;
  const unpipe = () => {
    if (unpiped) return;
    unpiped = true;
    source.removeListener('data', onData);
    destination.emit('unpipe', source);
  };
  if (endDestination) {
    source.once('end', () => destination.end());
    destination.once('finish', unpipe);
    destination.once('close', unpipe);
  } else {
    source.once('end', unpipe);
  }
  source.once('close', () => source.removeListener('data', onData));
  destination.emit('pipe', source);
  source.resume();
  return destination;
};

Readable.prototype.unpipe = function unpipe() {
  this.removeAllListeners('data');
  this.pause();
  return this;
};

Readable.prototype[Symbol.asyncIterator] = async function* () {
  const stream = this;
  const state = stream._readableState;
  let error = null;
  let wake = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', notify);
  stream.on('end', notify);
  stream.on('close', notify);
  stream.on('error', (err) => {
    error = err;
    notify();
  });
  try {
    while (true) {
      const chunk = state.destroyed && !state.endEmitted ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (state.endEmitted || state.closed || (state.destroyed && !error)) {
        return;
      } else {
        await new Promise((resolve) => { wake = resolve; });
      }
    }
  } finally {
    if (!state.endEmitted) stream.destroy();
  }
};

Object.defineProperty(Readable.prototype, 'readableEnded', { get() { return this._readableState.endEmitted; } });
Object.defineProperty(Readable.prototype, 'readableLength', { get() { return this._readableState.length; } });
Object.defineProperty(Readable.prototype, 'readableFlowing', {
  get() {
    return this._readableState.flowing;
  },
  set(flowing) {
    this._readableState.flowing = flowing;
  },
  configurable: true,
});
Object.defineProperty(Readable.prototype, 'readableHighWaterMark', { get() { return this._readableState.highWaterMark; } });
Object.defineProperty(Readable.prototype, 'readableObjectMode', { get() { return this._readableState.objectMode; } });
Object.defineProperty(Readable.prototype, 'errored', {
  get() {
    return this._readableState?.errored ?? this._writableState?.errored ?? null;
  },
  configurable: true,
});
Object.defineProperty(Readable.prototype, 'destroyed', { get() { return (this._readableState ?? this._writableState).destroyed; } });
Object.defineProperty(Readable.prototype, 'closed', { get() { return this._readableState?.closed ?? false; }, configurable: true });
// readable / writable: not ended, destroyed or errored, nor set false.
Object.defineProperty(Readable.prototype, 'readable', {
  get() {
    const state = this._readableState;
    return Boolean(state) && state.readable !== false && !state.destroyed && !state.errored && !state.endEmitted;
  },
  set(value) {
    if (this._readableState) this._readableState.readable = Boolean(value);
  },
  configurable: true,
});

// Readable.from(iterable): each value a chunk (object mode unless told
// otherwise). A sync iterable is pulled synchronously, as in Node; an async
// one (or a promise among the values) a value at a time.
Readable.from = function from(iterable, options = {}) {
  if (typeof iterable === 'string' || iterable instanceof Uint8Array) {
    return new Readable({ objectMode: true, ...options, read() { this.push(iterable); this.push(null); } });
  }
  const isAsync = typeof iterable?.[Symbol.asyncIterator] === 'function';
  const iterator = isAsync ? iterable[Symbol.asyncIterator]() : iterable?.[Symbol.iterator]?.();
  if (!iterator) throw invalidArgType('iterable', 'an Iterable', iterable);
  let reading = false;
  async function pullAsync(stream, first) {
    try {
      let value = first;
      while (true) {
        if (value === undefined) {
          const step = await iterator.next();
          if (step.done) return stream.push(null);
          value = step.value;
        }
        if (!stream.push(await value)) break;
        value = undefined;
      }
    } catch (err) {
      stream.destroy(err);
    } finally {
      reading = false;
    }
  }
  return new Readable({
    objectMode: true,
    ...options,
    read() {
      if (reading) return;
      reading = true;
      if (isAsync) return pullAsync(this);
      try {
        while (true) {
          const { value, done } = iterator.next();
          if (done) return this.push(null);
          if (typeof value?.then === 'function') return pullAsync(this, value);
          if (!this.push(value)) break;
        }
      } catch (err) {
        this.destroy(err);
      }
      reading = false;
    },
    destroy(err, callback) {
      Promise.resolve(iterator.return?.()).then(() => callback(err), callback);
    },
  });
};

// --- Writable ---

function writableState(options, stream) {
  const objectMode = Boolean(options.objectMode || options.writableObjectMode);
  return {
    objectMode,
    highWaterMark: options.writableHighWaterMark ?? options.highWaterMark ?? (objectMode ? 16 : 16384),
    decodeStrings: options.decodeStrings !== false,
    defaultEncoding: options.defaultEncoding ?? 'utf8',
    length: 0,
    buffered: [],
    writing: false,
    corked: 0,
    ending: false,
    ended: false,
    finalCalled: false,
    finished: false,
    needDrain: false,
    // Write callbacks not yet called: 'finish' waits for them.
    pendingcb: 0,
    prefinished: false,
    finishScheduled: false,
    // end() callbacks, called just before 'finish'.
    onFinished: [],
    destroyed: false,
    closed: false,
    errored: null,
    autoDestroy: options.autoDestroy !== false,
    emitClose: options.emitClose !== false,
    stream,
  };
}

function Writable(options = {}) {
  if (!(this instanceof Writable) && !(this instanceof Duplex)) return new Writable(options);
  EventEmitter.call(this, options);
  initWritable(this, options);
}
Object.setPrototypeOf(Writable.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Writable, EventEmitter);

function initWritable(stream, options) {
  stream._writableState = writableState(options, stream);
  if (typeof options.write === 'function') stream._write = options.write;
  if (typeof options.writev === 'function') stream._writev = options.writev;
  if (typeof options.final === 'function') stream._final = options.final;
  if (typeof options.destroy === 'function') stream._destroy = options.destroy;
}

const writableMethods = {
  _write(chunk, encoding, callback) {
    if (this._writev) return this._writev([{ chunk, encoding }], callback);
    throw notImplemented('_write()');
  },
  _destroy(err, callback) {
    callback(err);
  },
  write(chunk, encoding, callback) {
    const state = this._writableState;
    if (typeof encoding === 'function') [callback, encoding] = [encoding, null];
    encoding = encoding || state.defaultEncoding;
    if (chunk === null) throw codedError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    if (!state.objectMode) {
      if (typeof chunk === 'string') {
        if (state.decodeStrings) [chunk, encoding] = [Buffer.from(chunk, encoding), 'buffer'];
      } else if (chunk instanceof Uint8Array) {
        encoding = 'buffer';
      } else {
        throw invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
      }
    }
    const err = state.ending
      ? codedError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end')
      : state.destroyed ? codedError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed') : null;
    if (err) {
      process.nextTick(() => {
        callback?.(err);
        if (!state.destroyed) this.destroy(err);
      });
      return false;
    }
    state.length += state.objectMode ? 1 : chunk.length;
    state.pendingcb++;
    const room = state.length < state.highWaterMark;
    if (!room) state.needDrain = true;
    const entry = { chunk, encoding, callback };
    if (state.writing || state.corked || state.errored) state.buffered.push(entry);
    else doWrite(this, entry);
    return room;
  },
  end(chunk, encoding, callback) {
    const state = this._writableState;
    if (typeof chunk === 'function') [callback, chunk, encoding] = [chunk, null, null];
    else if (typeof encoding === 'function') [callback, encoding] = [encoding, null];
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    if (state.corked) {
      state.corked = 1;
      this.uncork();
    }
    if (typeof callback === 'function') {
      if (state.finished) process.nextTick(callback);
      else state.onFinished.push(callback);
    }
    if (!state.ending) {
      state.ending = true;
      finishMaybe(this);
      state.ended = true;
    }
    return this;
  },
  cork() {
    this._writableState.corked++;
  },
  uncork() {
    const state = this._writableState;
    if (state.corked > 0 && --state.corked === 0 && !state.writing) clearBuffer(this);
  },
  setDefaultEncoding(encoding) {
    this._writableState.defaultEncoding = encoding;
    return this;
  },
  destroy(err, callback) {
    return destroyImpl(this, err, callback);
  },
  _undestroy: undestroy,
};

function doWrite(stream, { chunk, encoding, callback }) {
  const size = stream._writableState.objectMode ? 1 : chunk.length;
  writeWith(stream, size, [callback], (done) => stream._write(chunk, encoding, done));
}

// Several buffered writes in one `_writev` call (a socket's corked head
// and body go out in one system call).
function doWritev(stream, entries) {
  const state = stream._writableState;
  const size = entries.reduce((n, { chunk }) => n + (state.objectMode ? 1 : chunk.length), 0);
  const chunks = entries.map(({ chunk, encoding }) => ({ chunk, encoding }));
  chunks.allBuffers = entries.every(({ chunk }) => typeof chunk !== 'string');
  writeWith(stream, size, entries.map(({ callback }) => callback), (done) => stream._writev(chunks, done));
}

function writeWith(stream, size, callbacks, start) {
  const state = stream._writableState;
  state.writing = true;
  let sync = true;
  start((err) => {
    state.writing = false;
    state.length -= size;
    if (err) {
      state.errored = err;
      const fail = () => {
        for (const callback of callbacks) {
          state.pendingcb--;
          callback?.(err);
        }
        stream.destroy(err);
      };
      return sync ? process.nextTick(fail) : fail();
    }
    if (state.buffered.length && !state.corked) clearBuffer(stream);
    const after = () => {
      if (state.needDrain && state.length === 0) {
        state.needDrain = false;
        stream.emit('drain');
      }
      for (const callback of callbacks) {
        state.pendingcb--;
        callback?.(null);
      }
      finishMaybe(stream);
    };
    if (sync) process.nextTick(after);
    else after();
  });
  sync = false;
}

// Writes what was buffered, one by one or all at once with `_writev`;
// never recursively (a write that completes at once comes back here).
function clearBuffer(stream) {
  const state = stream._writableState;
  if (state.bufferProcessing) return;
  state.bufferProcessing = true;
  while (state.buffered.length && !state.writing && !state.corked && !state.errored && !state.destroyed) {
    if (state.buffered.length > 1 && typeof stream._writev === 'function') doWritev(stream, state.buffered.splice(0));
    else doWrite(stream, state.buffered.shift());
  }
  state.bufferProcessing = false;
}

// Once everything written is flushed: _final (if any), then — a tick after
// the last write callback — the end() callbacks and 'finish', as in Node.
function finishMaybe(stream) {
  const state = stream._writableState;
  if (!state.ending || state.length > 0 || state.writing || state.buffered.length) return;
  if (state.finished || state.errored || state.destroyed) return;
  if (!state.finalCalled) {
    state.finalCalled = true;
    if (typeof stream._final === 'function') {
      state.pendingcb++;
      stream._final((err) => {
        state.pendingcb--;
        if (err) return stream.destroy(err);
        state.prefinished = true;
        stream.emit('prefinish');
        finishMaybe(stream);
      });
      return;
    }
    state.prefinished = true;
    stream.emit('prefinish');
  }
  if (!state.prefinished || state.pendingcb > 0 || state.finishScheduled) return;
  state.finishScheduled = true;
  process.nextTick(() => {
    if (state.finished || state.destroyed) return;
    state.finished = true;
    for (const callback of state.onFinished.splice(0)) callback();
    stream.emit('finish');
    const readable = stream._readableState;
    if (state.autoDestroy && (!readable || (readable.autoDestroy && (readable.endEmitted || readable.readable === false)))) stream.destroy();
  });
}

Object.assign(Writable.prototype, writableMethods);
Object.defineProperty(Writable.prototype, 'writable', {
  get() {
    const state = this._writableState;
    return Boolean(state) && state.writable !== false && !state.destroyed && !state.errored && !state.ending;
  },
  set(value) {
    if (this._writableState) this._writableState.writable = Boolean(value);
  },
  configurable: true,
});
for (const [name, get] of Object.entries({
  writableEnded: (s) => s.ending,
  writableFinished: (s) => s.finished,
  writableLength: (s) => s.length,
  writableHighWaterMark: (s) => s.highWaterMark,
  writableObjectMode: (s) => s.objectMode,
  writableNeedDrain: (s) => s.needDrain,
  writableCorked: (s) => s.corked,
})) {
  Object.defineProperty(Writable.prototype, name, { get() { return get(this._writableState); }, configurable: true });
}
Object.defineProperty(Writable.prototype, 'errored', { get() { return this._writableState.errored ?? null; }, configurable: true });
Object.defineProperty(Writable.prototype, 'destroyed', { get() { return this._writableState.destroyed; }, configurable: true });
Object.defineProperty(Writable.prototype, 'closed', { get() { return this._writableState?.closed ?? false; }, configurable: true });

// --- Duplex, Transform, PassThrough ---

function Duplex(options = {}) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  initWritable(this, options);
  this.allowHalfOpen = options.allowHalfOpen !== false;
  // A side switched off is born ended.
  if (options.readable === false) Object.assign(this._readableState, { readable: false, ended: true, endEmitted: true });
  if (options.writable === false) Object.assign(this._writableState, { writable: false, ending: true, ended: true, finished: true });
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);
for (const name of Object.getOwnPropertyNames(Writable.prototype)) {
  if (name === 'constructor' || name === 'destroy' || Object.hasOwn(Duplex.prototype, name)) continue;
  Object.defineProperty(Duplex.prototype, name, Object.getOwnPropertyDescriptor(Writable.prototype, name));
}
// A Duplex is also a Writable, as `instanceof` says in Node.
Object.defineProperty(Writable, Symbol.hasInstance, {
  value(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    return this === Writable && object?._writableState !== undefined;
  },
});

function Transform(options = {}) {
  if (!(this instanceof Transform)) return new Transform(options);
  Duplex.call(this, options);
  // Its _read needs no first call: pushes may emit at once (Node does the same).
  this._readableState.sync = false;
  if (typeof options.transform === 'function') this._transform = options.transform;
  if (typeof options.flush === 'function') this._flush = options.flush;
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);
Transform.prototype._transform = function () {
  throw notImplemented('_transform()');
};
Transform.prototype._write = function (chunk, encoding, callback) {
  this._transform(chunk, encoding, (err, data) => {
    if (err) return callback(err);
    if (data !== undefined && data !== null) this.push(data);
    callback();
  });
};
Transform.prototype._read = function () {};
Transform.prototype._final = function (callback) {
  const done = (err, data) => {
    if (err) return callback(err);
    if (data !== undefined && data !== null) this.push(data);
    this.push(null);
    callback();
  };
  if (typeof this._flush === 'function') this._flush(done);
  else done();
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, encoding, callback) {
  callback(null, chunk);
};

// --- finished, pipeline ---

function finished(stream, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}];
  if (stream._readableState === undefined && stream._writableState === undefined && typeof stream.setHeader === 'function') {
    return finishedMessage(stream, callback);
  }
  // Once done, the listeners stay (as in Node): a stray 'error' later
  // is not an uncaught one.
  let done = false;
  const once = (err) => {
    if (done) return;
    done = true;
    callback.call(stream, err);
  };
  const readable = stream._readableState !== undefined && stream.readable !== false && options.readable !== false;
  const writable = stream._writableState !== undefined && options.writable !== false;
  let ended = !readable || stream._readableState?.endEmitted;
  let wrote = !writable || stream._writableState?.finished;
  const onEnd = () => {
    ended = true;
    if (wrote) once();
  };
  const onFinish = () => {
    wrote = true;
    if (ended) once();
  };
  const onError = (err) => once(err);
  const onClose = () => {
    if (ended && wrote) return once();
    once(codedError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
  };
  stream.on('end', onEnd);
  stream.on('finish', onFinish);
  stream.on('error', onError);
  stream.on('close', onClose);
  const cleanup = () => {
    stream.removeListener('end', onEnd);
    stream.removeListener('finish', onFinish);
    stream.removeListener('error', onError);
    stream.removeListener('close', onClose);
  };
  if (ended && wrote) process.nextTick(once);
  return cleanup;
}

// An http message (an OutgoingMessage keeps no stream state) is done when it
// closes (a request also when aborted); closing unwritten is premature.
function finishedMessage(message, callback) {
  let done = false;
  const once = (err) => {
    if (done) return;
    done = true;
    cleanup();
    callback.call(message, err);
  };
  const onError = (err) => once(err);
  const onClose = () => once(message.errored ?? (message.writableFinished ? undefined : codedError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close')));
  const events = { error: onError, close: onClose, abort: onClose };
  for (const [name, listener] of Object.entries(events)) message.on(name, listener);
  const cleanup = () => {
    for (const [name, listener] of Object.entries(events)) message.removeListener(name, listener);
  };
  if (message.closed) process.nextTick(() => once(message.errored ?? undefined));
  return cleanup;
}

function pipeline(...streams) {
  const callback = typeof streams.at(-1) === 'function' ? streams.pop() : undefined;
  if (Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "streams" argument must be specified');
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  streams = streams.map((s, i) => (i === 0 && typeof s.pipe !== 'function' ? Readable.from(s) : s));
  let error;
  let pending = streams.length;
  let reported = false;
  // The first error, or the last stream done, ends the pipeline, once.
  const done = (err) => {
    if (reported) return;
    if (err) {
      error = err;
      for (const s of streams) if (!s.destroyed) s.destroy();
    }
    if (--pending === 0 || err) {
      reported = true;
      process.nextTick(() => callback(error));
    }
  };
  // process.stdout and stderr are never ended: the pipeline is done when the
  // stream before them is.
  const last = streams.at(-1);
  if (last === process.stdout || last === process.stderr) pending -= 1;
  streams.forEach((s, i) => {
    if (s === process.stdout || s === process.stderr) return;
    finished(s, { readable: i < streams.length - 1 || s._writableState === undefined, writable: i > 0 }, done);
  });
  for (let i = 0; i < streams.length - 1; i++) streams[i].pipe(streams[i + 1]);
  return streams.at(-1);
}

// An abort destroys the stream with an AbortError; the listener goes once
// the stream is done.
function addAbortSignal(signal, stream) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) throw invalidArgType('signal', 'an instance of AbortSignal', signal);
  if (typeof stream?.destroy !== 'function' || (stream._readableState === undefined && stream._writableState === undefined)) {
    throw invalidArgType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }
  const onAbort = () => stream.destroy(require('internal/abort').abortError(signal));
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    finished(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

const promises = {
  pipeline: (...streams) => new Promise((resolve, reject) => pipeline(...streams, (err) => (err ? reject(err) : resolve()))),
  finished: (stream, options) => new Promise((resolve, reject) => finished(stream, options ?? {}, (err) => (err ? reject(err) : resolve()))),
};

const Stream = function Stream(options) {
  EventEmitter.call(this, options);
};
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Stream, EventEmitter);
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.assign(Stream, { Stream, Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, addAbortSignal, promises });

exports.stream = Stream;
exports.streamPromises = promises;
exports.StringDecoder = StringDecoder;

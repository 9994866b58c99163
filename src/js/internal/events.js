// node:events — EventEmitter with Node's internal shape (`_events`,
// `_eventsCount`, `_maxListeners`, so programs that inspect an emitter see
// what Node shows), 'error' semantics, once wrappers, the max-listeners
// warning, and the static helpers `once`, `on`, `listenerCount`.

const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const errorMonitor = Symbol('events.errorMonitor');
const captureRejectionSymbol = Symbol.for('nodejs.rejection');
let defaultMaxListeners = 10;

function EventEmitter(options) {
  EventEmitter.init.call(this, options);
}

EventEmitter.init = function init(options) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  const capture = options?.captureRejections;
  if (capture && typeof capture !== 'boolean') {
    throw require('internal/errors').invalidArgType('options.captureRejections', 'of type boolean', capture);
  }
  this[kCapture] = capture || EventEmitter.prototype[kCapture];
};

// captureRejections: a listener's rejected promise goes to the emitter's
// Symbol.for('nodejs.rejection') method, or else to its 'error' event.
function captureRejection(emitter, result, type, args) {
  try {
    const then = result?.then;
    if (typeof then === 'function') then.call(result, undefined, (err) => process.nextTick(rejected, emitter, err, type, args));
  } catch (err) {
    emitter.emit('error', err);
  }
}

function rejected(emitter, err, type, args) {
  if (typeof emitter[captureRejectionSymbol] === 'function') {
    emitter[captureRejectionSymbol](err, type, ...args);
    return;
  }
  const capture = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = capture;
  }
}

function checkListener(listener) {
  if (typeof listener !== 'function') throw require('internal/errors').invalidArgType('listener', 'of type function', listener);
}

function maxListenersOf(target) {
  return target._maxListeners === undefined ? defaultMaxListeners : target._maxListeners;
}

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  const max = maxListenersOf(target);
  if (max > 0 && existing.length > max && !existing.warned) {
    existing.warned = true;
    const warning = new Error(
      `Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} listeners ` +
        `added to ${require('internal/inspect').inspect(target, { depth: -1 })}. MaxListeners is ${max}. ` +
        'Use emitter.setMaxListeners() to increase limit',
    );
    warning.name = 'MaxListenersExceededWarning';
    warning.emitter = target;
    warning.type = type;
    warning.count = existing.length;
    process.emitWarning(warning);
  }
  return target;
}

function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return Reflect.apply(this.listener, this.target, args);
  }
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

const proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

proto.setMaxListeners = function setMaxListeners(n) {
  if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
    throw require('internal/errors').codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "n" is out of range. It must be a non-negative number. Received ${require('internal/inspect').inspect(n)}`);
  }
  this._maxListeners = n;
  return this;
};
proto.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

// The common case — listeners for a type other than 'error', one or two
// arguments — avoids building an argument array (streams and readline emit
// per chunk and per line).
proto.emit = function emit(type) {
  const events = this._events;
  if (type !== 'error' && events !== undefined && !this[kCapture]) {
    const handler = events[type];
    if (typeof handler === 'function') {
      const n = arguments.length;
      if (n === 1) handler.call(this);
      else if (n === 2) handler.call(this, arguments[1]);
      else if (n === 3) handler.call(this, arguments[1], arguments[2]);
      else Reflect.apply(handler, this, Array.prototype.slice.call(arguments, 1));
      return true;
    }
  }
  return emitSlow(this, type, Array.prototype.slice.call(arguments, 1));
};

function emitSlow(emitter, type, args) {
  let doError = type === 'error';
  const events = emitter._events;
  if (events !== undefined) {
    if (doError && events[errorMonitor] !== undefined) emitter.emit(errorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) {
    const er = args[0];
    if (er instanceof Error) {
      require('internal/errors').thrownByEmitter.add(er);
      throw er;
    }
    const err = require('internal/errors').codedError(Error, 'ERR_UNHANDLED_ERROR', `Unhandled error. (${require('internal/inspect').inspect(er)})`);
    err.context = er;
    throw err;
  }
  const handler = events[type];
  if (handler === undefined) return false;
  for (const listener of typeof handler === 'function' ? [handler] : handler.slice()) {
    const result = Reflect.apply(listener, emitter, args);
    if (emitter[kCapture]) captureRejection(emitter, result, type, args);
  }
  return true;
}

proto.addListener = function addListener_(type, listener) {
  return addListener(this, type, listener, false);
};
proto.on = proto.addListener;
proto.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};
proto.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};
proto.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

proto.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    }
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (type === undefined) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    return this;
  }
  // With 'removeListener' listeners, each removal is announced.
  if (type === undefined) {
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') this.removeListener(type, listeners);
  else if (listeners !== undefined) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const listener = events[type];
  if (listener === undefined) return [];
  if (typeof listener === 'function') return unwrap ? [listener.listener || listener] : [listener];
  return unwrap ? listener.map((l) => l.listener || l) : listener.slice();
}
proto.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};
proto.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};
proto.listenerCount = function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined || events[type] === undefined) return 0;
  const list = events[type];
  if (typeof list === 'function') return listener === undefined || list === listener || list.listener === listener ? 1 : 0;
  if (listener === undefined) return list.length;
  return list.filter((l) => l === listener || l.listener === listener).length;
};
proto.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// events.once(emitter, name, { signal }): a promise of the next event's
// arguments; an 'error' event rejects it, and so does an aborted signal.
// The emitter may also be an EventTarget.
function once(emitter, name, options = {}) {
  const signal = options?.signal;
  if (signal?.aborted) return Promise.reject(require('internal/abort').abortError(signal));
  return new Promise((resolve, reject) => {
    if (typeof emitter.on !== 'function' && typeof emitter.addEventListener === 'function') {
      emitter.addEventListener(name, (event) => resolve([event]), { once: true, signal });
      signal?.addEventListener('abort', () => reject(require('internal/abort').abortError(signal)), { once: true });
      return;
    }
    const cleanup = () => {
      emitter.removeListener(name, resolver);
      emitter.removeListener('error', errorListener);
      signal?.removeEventListener('abort', onAbort);
    };
    const errorListener = (err) => {
      cleanup();
      reject(err);
    };
    const resolver = (...args) => {
      cleanup();
      resolve(args);
    };
    const onAbort = () => {
      cleanup();
      reject(require('internal/abort').abortError(signal));
    };
    emitter.once(name, resolver);
    if (name !== 'error') emitter.once('error', errorListener);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// events.on(emitter, name, { signal }): an async iterator of events'
// argument arrays.
function on(emitter, name, options = {}) {
  const signal = options?.signal;
  if (signal?.aborted) throw require('internal/abort').abortError(signal);
  const queued = [];
  const waiting = [];
  let failure = null;
  let finished = false;
  const listener = (...args) => {
    const next = waiting.shift();
    if (next) next.resolve({ value: args, done: false });
    else queued.push(args);
  };
  const errorListener = (err) => {
    finished = true;
    const next = waiting.shift();
    if (next) next.reject(err);
    else failure = err;
    iterator.return();
  };
  emitter.on(name, listener);
  if (name !== 'error') emitter.on('error', errorListener);
  signal?.addEventListener('abort', () => errorListener(require('internal/abort').abortError(signal)), { once: true });
  const iterator = {
    next() {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
      if (failure !== null) {
        const err = failure;
        failure = null;
        return Promise.reject(err);
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      emitter.removeListener(name, listener);
      emitter.removeListener('error', errorListener);
      finished = true;
      for (const next of waiting.splice(0)) next.resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      errorListener(err);
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}

// The default for emitters made after (and ones that never ran init).
EventEmitter.prototype[kCapture] = false;
Object.defineProperty(EventEmitter, 'captureRejections', {
  get: () => EventEmitter.prototype[kCapture],
  set: (value) => {
    if (typeof value !== 'boolean') throw require('internal/errors').invalidArgType('EventEmitter.captureRejections', 'of type boolean', value);
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  get: () => defaultMaxListeners,
  set: (n) => {
    defaultMaxListeners = n;
  },
  enumerable: true,
});
Object.assign(EventEmitter, {
  EventEmitter,
  once,
  on,
  errorMonitor,
  captureRejectionSymbol,
  usingDomains: false,
  listenerCount: (emitter, type) => emitter.listenerCount(type),
  getEventListeners(emitter, type) {
    if (typeof emitter.listeners === 'function') return emitter.listeners(type);
    const { EventTarget, kListeners } = require('internal/abort');
    if (emitter instanceof EventTarget) return emitter[kListeners](type);
    throw require('internal/errors').invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
  },
  getMaxListeners: (emitter) => emitter.getMaxListeners(),
  setMaxListeners(n = defaultMaxListeners, ...targets) {
    if (targets.length === 0) defaultMaxListeners = n;
    else for (const target of targets) target.setMaxListeners(n);
  },
});

exports.EventEmitter = EventEmitter;

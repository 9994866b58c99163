// EventEmitter: what `process` needs now, the base of node:events later.

const kEvents = Symbol('kEvents');

class EventEmitter {
  constructor() {
    this[kEvents] = new Map();
    this._maxListeners = undefined;
  }

  on(name, listener) { return addListener(this, name, listener, false, false); }
  addListener(name, listener) { return addListener(this, name, listener, false, false); }
  prependListener(name, listener) { return addListener(this, name, listener, true, false); }
  once(name, listener) { return addListener(this, name, listener, false, true); }
  prependOnceListener(name, listener) { return addListener(this, name, listener, true, true); }

  off(name, listener) { return this.removeListener(name, listener); }
  removeListener(name, listener) {
    const list = events(this).get(name);
    if (!list) return this;
    const at = list.findLastIndex((entry) => entry.listener === listener);
    if (at !== -1) {
      list.splice(at, 1);
      if (list.length === 0) events(this).delete(name);
      if (events(this).has('removeListener')) this.emit('removeListener', name, listener);
    }
    return this;
  }

  removeAllListeners(name) {
    if (name === undefined) events(this).clear();
    else events(this).delete(name);
    return this;
  }

  emit(name, ...args) {
    const list = events(this).get(name);
    if (!list || list.length === 0) {
      if (name === 'error') {
        const err = args[0];
        if (err instanceof Error) throw err;
        const wrapped = new Error('Unhandled error. (' + internals.inspect(err) + ')');
        wrapped.code = 'ERR_UNHANDLED_ERROR';
        wrapped.context = err;
        throw wrapped;
      }
      return false;
    }
    for (const entry of list.slice()) {
      if (entry.once) this.removeListener(name, entry.listener);
      Reflect.apply(entry.listener, this, args);
    }
    return true;
  }

  listeners(name) { return (events(this).get(name) || []).map((e) => e.listener); }
  rawListeners(name) { return this.listeners(name); }
  listenerCount(name) { return (events(this).get(name) || []).length; }
  eventNames() { return [...events(this).keys()]; }
  setMaxListeners(n) { this._maxListeners = n; return this; }
  getMaxListeners() { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; }
}
EventEmitter.defaultMaxListeners = 10;

function events(emitter) {
  if (!emitter[kEvents]) emitter[kEvents] = new Map();
  return emitter[kEvents];
}

function addListener(emitter, name, listener, prepend, once) {
  if (typeof listener !== 'function') {
    const err = new TypeError('The "listener" argument must be of type function. Received ' + internals.describeReceived(listener));
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const map = events(emitter);
  if (map.has('newListener')) emitter.emit('newListener', name, listener);
  let list = map.get(name);
  if (!list) map.set(name, (list = []));
  if (prepend) list.unshift({ listener, once });
  else list.push({ listener, once });
  return emitter;
}

internals.EventEmitter = EventEmitter;
internals.kEvents = kEvents;

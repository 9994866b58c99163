// Cancellation: the EventTarget, Event, DOMException, AbortController and
// AbortSignal globals, and the AbortError that Node's APIs reject with when
// their `signal` aborts (timers/promises, events.once/on, fs, child_process).

// --- DOMException ---

const domExceptionCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

class DOMException extends Error {
  #name;
  constructor(message = '', options = 'Error') {
    super(`${message}`, typeof options === 'object' && options !== null && 'cause' in options ? { cause: options.cause } : undefined);
    this.#name = typeof options === 'object' && options !== null ? `${options.name ?? 'Error'}` : `${options}`;
  }
  get name() {
    return this.#name;
  }
  get code() {
    return domExceptionCodes[this.#name] ?? 0;
  }
}
for (const [name, code] of Object.entries(domExceptionCodes)) {
  const constant = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  Object.defineProperty(DOMException, constant, { value: code, enumerable: true });
}

// Node's AbortError: what an aborted operation rejects with (`cause`: the reason).
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// --- Event, EventTarget ---

const kStop = Symbol('stopImmediatePropagation');
class Event {
  #type;
  #cancelable;
  #defaultPrevented = false;
  #timeStamp = performance.now();
  target = null;
  currentTarget = null;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw require('internal/errors').codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    this.#type = `${type}`;
    this.#cancelable = Boolean(options?.cancelable);
    this.bubbles = Boolean(options?.bubbles);
    this.composed = Boolean(options?.composed);
    this[kStop] = false;
  }
  get type() {
    return this.#type;
  }
  get cancelable() {
    return this.#cancelable;
  }
  get defaultPrevented() {
    return this.#defaultPrevented;
  }
  get timeStamp() {
    return this.#timeStamp;
  }
  get isTrusted() {
    return false;
  }
  preventDefault() {
    if (this.#cancelable) this.#defaultPrevented = true;
  }
  stopImmediatePropagation() {
    this[kStop] = true;
  }
  stopPropagation() {}
}

const kListeners = Symbol('kListeners');

class EventTarget {
  #listeners = new Map();
  // events.getEventListeners(target, type).
  [kListeners](type) {
    return (this.#listeners.get(`${type}`) ?? []).map((entry) => entry.listener);
  }
  addEventListener(type, listener, options) {
    if (listener === null || listener === undefined) return;
    const once = typeof options === 'object' && options !== null && Boolean(options.once);
    const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
    if (signal?.aborted) return;
    let list = this.#listeners.get(`${type}`);
    if (!list) this.#listeners.set(`${type}`, (list = []));
    if (list.some((entry) => entry.listener === listener)) return;
    const entry = { listener, once };
    list.push(entry);
    signal?.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true });
  }
  removeEventListener(type, listener) {
    const list = this.#listeners.get(`${type}`);
    if (!list) return;
    const index = list.findIndex((entry) => entry.listener === listener);
    if (index !== -1) list.splice(index, 1);
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw require('internal/errors').invalidArgType('event', 'an instance of Event', event);
    event.target = this;
    event.currentTarget = this;
    for (const entry of [...(this.#listeners.get(event.type) ?? [])]) {
      if (entry.once) this.removeEventListener(event.type, entry.listener);
      try {
        if (typeof entry.listener === 'function') entry.listener.call(this, event);
        else entry.listener.handleEvent(event);
      } catch (err) {
        // A throwing listener does not stop the others: it is uncaught, later.
        process.nextTick(() => {
          throw err;
        });
      }
      if (event[kStop]) break;
    }
    event.currentTarget = null;
    return !event.defaultPrevented;
  }
}

// --- AbortController, AbortSignal ---

const kAbort = Symbol('abort');
class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #onabort = null;
  #onabortRegistered = false;
  constructor(key) {
    super();
    if (key !== kAbort) throw new TypeError('Illegal constructor');
  }
  get aborted() {
    return this.#aborted;
  }
  get reason() {
    return this.#reason;
  }
  throwIfAborted() {
    if (this.#aborted) throw this.#reason;
  }
  // An event handler attribute: it takes its place among the listeners
  // when first set, as in the DOM and Node.
  get onabort() {
    return this.#onabort;
  }
  set onabort(handler) {
    this.#onabort = typeof handler === 'function' ? handler : null;
    if (this.#onabortRegistered) return;
    this.#onabortRegistered = true;
    this.addEventListener('abort', (event) => this.#onabort?.call(this, event));
  }
  [kAbort](reason) {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    this.dispatchEvent(new Event('abort'));
  }
  static abort(reason) {
    const signal = new AbortSignal(kAbort);
    signal[kAbort](reason);
    return signal;
  }
  // Aborts after `ms`; its timer keeps no process alive, as in Node.
  static timeout(ms) {
    const signal = new AbortSignal(kAbort);
    setTimeout(() => signal[kAbort](new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
    return signal;
  }
  static any(signals) {
    const signal = new AbortSignal(kAbort);
    const aborted = signals.find((s) => s.aborted);
    if (aborted) {
      signal[kAbort](aborted.reason);
      return signal;
    }
    for (const s of signals) s.addEventListener('abort', () => signal[kAbort](s.reason), { once: true });
    return signal;
  }
}

class AbortController {
  #signal = new AbortSignal(kAbort);
  get signal() {
    return this.#signal;
  }
  abort(reason) {
    this.#signal[kAbort](reason);
  }
}

for (const [cls, name] of [[AbortSignal, 'AbortSignal'], [AbortController, 'AbortController'], [EventTarget, 'EventTarget'], [Event, 'Event']]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
}

// For the APIs that take `{ signal }`: rejects or errors with AbortError.
exports.abortError = (signal) => new AbortError(undefined, { cause: signal.reason });
exports.AbortError = AbortError;
exports.kListeners = kListeners;
Object.assign(exports, { DOMException, Event, EventTarget, AbortController, AbortSignal });

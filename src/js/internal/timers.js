// Timers: Timeout and Immediate objects over the Rust timer heap and
// immediate queue (the loop calls back `runTimer` / `runImmediate`), and
// queueMicrotask.

const tracing = require('internal/tracing');

const { invalidArgType } = require('internal/errors');
const TIMEOUT_MAX = 2 ** 31 - 1;
const kId = Symbol('timerId');
const kRefed = Symbol('refed');

function validateCallback(callback) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
}

class Timeout {
  constructor(callback, after, args, isRepeat) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(
          `${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`,
          'TimeoutOverflowWarning',
        );
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = true;
    this[kId] = 0;
    start(this);
  }

  refresh() {
    if (!(this instanceof Timeout) || this._idleTimeout === -1) return this; // cleared
    if (!native.timers.refresh(this[kId])) start(this); // a fired timer is re-armed, as in Node
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      native.timers.ref(this[kId], true);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      native.timers.ref(this[kId], false);
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    return this[kId];
  }
}

function start(timer) {
  timer._destroyed = false;
  timer[kId] = native.timers.start(timer, timer._idleTimeout, timer._repeat !== null);
  if (!timer[kRefed]) native.timers.ref(timer[kId], false);
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true);
}

function clearTimeout(timer) {
  if (timer == null) return;
  if (typeof timer === 'number' || typeof timer === 'string') timer = native.timers.object(Number(timer));
  if (!(timer instanceof Timeout)) return;
  native.timers.clear(timer[kId]);
  timer._idleTimeout = -1;
  timer._destroyed = true;
}

// Called by the loop for each due timer, in Node's order.
function runTimer(timer) {
  if (timer._repeat === null) timer._destroyed = true;
  const args = timer._timerArgs;
  if (args === undefined) timer._onTimeout();
  else Reflect.apply(timer._onTimeout, timer, args);
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[kId] = native.timers.immediateStart(this);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      native.timers.immediateRef(this[kId], true);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      native.timers.immediateRef(this[kId], false);
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

function clearImmediate(immediate) {
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  native.timers.immediateClear(immediate[kId]);
  immediate._destroyed = true;
}

// Called by the loop in the check phase.
function runImmediate(immediate) {
  immediate._destroyed = true;
  const args = immediate._argv;
  if (args === undefined) immediate._onImmediate();
  else Reflect.apply(immediate._onImmediate, immediate, args);
}

// A microtask of its own; an exception in it is an uncaught exception.
const resolved = Promise.resolve();
const promiseThen = Promise.prototype.then; // the original, even when tracing wraps it
function queueMicrotask(callback) {
  validateCallback(callback);
  const site = tracing.trace ? tracing.trace.callerSite() : undefined;
  promiseThen.call(resolved, () => {
    if (site) tracing.trace.microtask('queueMicrotask', 'queueMicrotask callback', site);
    try {
      callback();
    } catch (err) {
      require('internal/errors').fatalException(err);
    }
  });
}

// util.promisify(setTimeout) and (setImmediate) are timers/promises' own,
// loaded when first asked for, as in Node.
for (const [timer, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(timer, Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: true,
    get: () => require('node/timers/promises')[name],
  });
}

exports.timers = { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate, queueMicrotask, Timeout, Immediate };
exports.runTimer = runTimer;
exports.runImmediate = runImmediate;

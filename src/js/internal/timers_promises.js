// node:timers/promises — the timer functions as promises, and setInterval as
// an async iterator.

const { setTimeout: setTimer, setImmediate: setImmediateTimer, setInterval: setIntervalTimer, clearInterval, clearTimeout, clearImmediate } = require('internal/timers').timers;

function unrefIf(handle, options) {
  if (options && options.ref === false) handle.unref();
  return handle;
}

// With `{ signal }`, an abort clears the timer and rejects with AbortError;
// as in Node, the promise then settles through a `finally` that removes the
// abort listener (which costs the same promise jobs as there).
function abortable(options, start) {
  const signal = options?.signal;
  if (signal?.aborted) return Promise.reject(require('internal/abort').abortError(signal));
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const cancel = start(resolve);
    if (signal) {
      onAbort = () => {
        cancel();
        reject(require('internal/abort').abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return onAbort ? promise.finally(() => signal.removeEventListener('abort', onAbort)) : promise;
}

const promises = {
  setTimeout(delay, value, options) {
    return abortable(options, (resolve) => {
      const timer = unrefIf(setTimer(() => resolve(value), delay), options);
      return () => clearTimeout(timer);
    });
  },
  setImmediate(value, options) {
    return abortable(options, (resolve) => {
      const immediate = unrefIf(setImmediateTimer(() => resolve(value)), options);
      return () => clearImmediate(immediate);
    });
  },
  setInterval(delay, value, options) {
    const signal = options?.signal;
    let ticks = 0;
    const waiting = [];
    const interval = unrefIf(
      setIntervalTimer(() => {
        const next = waiting.shift();
        if (next) next.resolve({ value, done: false });
        else ticks++;
      }, delay),
      options,
    );
    let aborted = signal?.aborted ? require('internal/abort').abortError(signal) : null;
    if (aborted) clearInterval(interval);
    signal?.addEventListener('abort', () => {
      clearInterval(interval);
      aborted = require('internal/abort').abortError(signal);
      for (const next of waiting.splice(0)) next.reject(aborted);
    }, { once: true });
    return {
      next() {
        if (aborted) return Promise.reject(aborted);
        if (ticks > 0) {
          ticks--;
          return Promise.resolve({ value, done: false });
        }
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        clearInterval(interval);
        for (const next of waiting.splice(0)) next.resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  },
};
promises.scheduler = {
  wait: (delay, options) => promises.setTimeout(delay, undefined, options),
  yield: () => promises.setImmediate(),
};

exports.timersPromises = promises;

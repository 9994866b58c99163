// node:timers/promises — the timer functions as promises, and setInterval as
// an async iterator.

const { setTimeout: setTimer, setImmediate: setImmediateTimer, setInterval: setIntervalTimer, clearInterval } = internals.timers;

function unrefIf(handle, options) {
  if (options && options.ref === false) handle.unref();
  return handle;
}

const promises = {
  setTimeout(delay, value, options) {
    return new Promise((resolve) => unrefIf(setTimer(() => resolve(value), delay), options));
  },
  setImmediate(value, options) {
    return new Promise((resolve) => unrefIf(setImmediateTimer(() => resolve(value)), options));
  },
  setInterval(delay, value, options) {
    let ticks = 0;
    const waiting = [];
    const interval = unrefIf(
      setIntervalTimer(() => {
        const next = waiting.shift();
        if (next) next({ value, done: false });
        else ticks++;
      }, delay),
      options,
    );
    return {
      next() {
        if (ticks > 0) {
          ticks--;
          return Promise.resolve({ value, done: false });
        }
        return new Promise((resolve) => waiting.push(resolve));
      },
      return() {
        clearInterval(interval);
        for (const next of waiting.splice(0)) next({ value: undefined, done: true });
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

internals.timersPromises = promises;

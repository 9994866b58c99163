// Inside a timer callback, immediates always beat zero-delay timers.
setTimeout(() => {
  setTimeout(() => console.log('timeout 0'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('nextTick'));
}, 1);

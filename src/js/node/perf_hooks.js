// node:perf_hooks — the global performance.
const performance = {
  now: () => native.process.now(),
  timeOrigin: native.process.timeOrigin,
  toJSON() {
    return { timeOrigin: this.timeOrigin };
  },
};

module.exports = { performance };

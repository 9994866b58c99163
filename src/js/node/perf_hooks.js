// node:perf_hooks — the global performance.
const performance = {
  now: () => native.now(),
  timeOrigin: native.timeOrigin,
  toJSON() {
    return { timeOrigin: this.timeOrigin };
  },
};

module.exports = { performance };

// node:worker_threads, as the main thread sees it. Worker itself (threads
// with their own loop, messages between them) is the workers issue's: until
// it lands the module has no Worker, so feature tests see it missing.

module.exports = {
  isMainThread: true,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  markAsUntransferable() {},
  isMarkedAsUntransferable: () => false,
  getEnvironmentData: () => undefined,
  setEnvironmentData() {},
};

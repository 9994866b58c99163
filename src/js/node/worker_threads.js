// node:worker_threads. A Worker runs its program on a thread of its own,
// with its own engine and event loop (src/worker.rs); the two sides talk
// over two channels: the public one (worker.postMessage / parentPort) and
// an internal one on which the worker reports that it is online, its
// output, and an uncaught error. Its end arrives as an I/O completion of
// this loop, after everything it posted.

const { path } = require('internal/path');
const { EventEmitter } = require('internal/events');
const { codedError, invalidArgType } = require('internal/errors');
const messaging = require('internal/messaging');
const worker = require('internal/worker');

const { MessagePort, createPort } = messaging;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kHandle = Symbol('kHandle');
const kOnExit = Symbol('kOnExit');
const kOnInternal = Symbol('kOnInternal');

const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];

function validateOptions(filename, options = {}) {
  for (const name of ['execArgv', 'argv']) {
    if (options[name] && !Array.isArray(options[name])) {
      throw invalidArgType(`options.${name}`, 'an instance of Array', options[name]);
    }
  }
  if (options.env !== undefined && options.env !== SHARE_ENV && (options.env === null || typeof options.env !== 'object')) {
    throw invalidArgType('options.env', 'of type object or one of undefined, null, or worker_threads.SHARE_ENV', options.env);
  }
  if (options.name !== undefined && typeof options.name !== 'string') {
    throw invalidArgType('options.name', 'of type string', options.name);
  }
  if (options.eval) {
    if (typeof filename !== 'string') {
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', "The property 'options.eval' must be false when 'filename' is not a string. Received true");
    }
    // Code with module syntax runs as an ES module (Node 20's detection).
    return isModuleCode(filename) ? { options, code: null, file: dataUrl(filename) } : { options, code: filename, file: null };
  }
  let file = filename;
  if (file instanceof URL || (file !== null && typeof file === 'object' && typeof file.href === 'string')) {
    const url = new URL(file.href);
    if (url.protocol === 'data:') return { options, code: null, file: url.href };
    if (url.protocol !== 'file:') {
      throw codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    }
    file = require('internal/url').url.fileURLToPath(url);
  } else if (typeof file !== 'string') {
    throw invalidArgType('filename', 'of type string or an instance of URL', filename);
  } else if (!path.isAbsolute(file) && !/^\.\.?[\\/]/.test(file)) {
    const wrap = file.startsWith('file://') ? ' Wrap file:// URLs with `new URL`.' : file.startsWith('data:') ? ' Wrap data: URLs with `new URL`.' : '';
    throw codedError(
      TypeError,
      'ERR_WORKER_PATH',
      `The worker script or module filename must be an absolute path or a relative path starting with './' or '../'.${wrap} Received "${file}"`,
    );
  }
  return { options, code: null, file: path.resolve(file) };
}

function isModuleCode(code) {
  if (!/\b(import|export)\b/.test(code)) return false;
  try {
    new Function(code);
    return false;
  } catch (err) {
    return err instanceof SyntaxError;
  }
}

const dataUrl = (code) => `data:text/javascript,${encodeURIComponent(code)}`;

// Flags a worker may not be given: those of the whole process, and any
// Node does not know.
const workerFlags = new Set([
  '--no-warnings', '--no-deprecation', '--throw-deprecation', '--trace-deprecation', '--pending-deprecation',
  '--trace-warnings', '--unhandled-rejections', '--enable-source-maps', '--preserve-symlinks', '--conditions', '-C',
  '--require', '-r', '--import', '--experimental-vm-modules', '--stack-trace-limit', '--trace-uncaught', '--expose-internals',
  '--no-experimental-global-navigator', '--experimental-default-type', '--input-type', '--experimental-detect-module', '--no-experimental-fetch',
]);
function checkExecArgv(execArgv) {
  const bad = execArgv.filter((arg) => arg.startsWith('-') && !workerFlags.has(arg.split('=')[0]));
  if (bad.length > 0) throw codedError(Error, 'ERR_WORKER_INVALID_EXEC_ARGV', `Initiated Worker with invalid execArgv flags: ${bad.join(', ')}`);
}

class Worker extends EventEmitter {
  [kHandle];
  #port;
  #internal;
  #exitCode;
  #terminating = [];
  #threadId;
  #resourceLimits;
  constructor(filename, options) {
    super();
    const checked = validateOptions(filename, options);
    options = checked.options;
    const env =
      options.env === SHARE_ENV ? null : Object.fromEntries(Object.entries(options.env ?? process.env).map(([k, v]) => [k, `${v}`]));
    const limits = options.resourceLimits ?? {};
    const resourceLimits = limitNames.map((name) => (typeof limits[name] === 'number' && limits[name] > 0 ? limits[name] : -1));
    const script = checked.file ?? '[worker eval]';
    if (options.execArgv) checkExecArgv(options.execArgv.map(String));
    const [list, portIds] = transferOf(options.transferList);
    const spec = {
      file: checked.file,
      code: checked.code,
      argv: [script.startsWith('data:') ? '[worker eval]' : script, ...(options.argv || []).map(String)],
      execArgv: (options.execArgv || process.execArgv).map(String),
      env,
      name: options.name ?? '',
      workerData: options.workerData,
      environmentData: worker.environmentData,
      resourceLimits,
    };
    const [threadId, publicId, internalId, handle] = native.workers.spawn(spec, list, portIds, (code, why) => this[kOnExit](code, why));
    messaging.detachPorts(portIds);
    this[kHandle] = handle;
    this.#threadId = threadId;
    this.#resourceLimits = Object.fromEntries(limitNames.map((name, i) => [name, resourceLimits[i] > 0 ? resourceLimits[i] : defaultLimit(name)]));
    this.#port = createPort(publicId);
    this.#port.on('message', (message) => this.emit('message', message));
    this.#port.on('messageerror', (error) => this.emit('messageerror', error));
    this.#port.unref();
    this.#internal = createPort(internalId);
    this.#internal.on('message', (message) => this[kOnInternal](message));
    this.#internal.unref();
    this.stdin = null;
    this.stdout = worker.parentSideStdio(this, 'stdout', Boolean(options.stdout));
    this.stderr = worker.parentSideStdio(this, 'stderr', Boolean(options.stderr));
    process.nextTick(() => process.emit('worker', this));
  }
  get threadId() {
    return this.#threadId;
  }
  get resourceLimits() {
    return this.#exitCode === undefined ? { ...this.#resourceLimits } : {};
  }
  postMessage(...args) {
    if (this.#exitCode !== undefined) return;
    this.#port.postMessage(...args);
  }
  ref() {
    if (this.#exitCode === undefined) native.workers.ref(this[kHandle], true);
  }
  unref() {
    if (this.#exitCode === undefined) native.workers.ref(this[kHandle], false);
  }
  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
    }
    if (this.#exitCode !== undefined) {
      if (typeof callback === 'function') process.nextTick(callback, null, this.#exitCode);
      return Promise.resolve(undefined);
    }
    // The process waits for the worker it is stopping, even an unref'd one.
    this.ref();
    return new Promise((resolve) => {
      this.#terminating.push((code) => {
        if (typeof callback === 'function') callback(null, code);
        resolve(code);
      });
      native.workers.terminate(this[kHandle]);
    });
  }
  getHeapSnapshot() {
    return Promise.reject(codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The getHeapSnapshot() method is not implemented'));
  }
  get performance() {
    return { eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }) };
  }
  [kOnInternal](message) {
    switch (message?.type) {
      case 'online':
        this.emit('online');
        break;
      case 'stdio':
        this[message.stream].push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
        break;
      case 'error':
        this.emit('error', worker.deserializeError(message.error));
        break;
    }
  }
  [kOnExit](code, why) {
    // Everything the worker posted is delivered before its 'exit'.
    worker.drain(this.#port, (message) => this.emit('message', message));
    worker.drain(this.#internal, (message) => this[kOnInternal](message));
    native.workers.exited(this[kHandle]);
    this.#exitCode = code;
    this.#threadId = -1;
    this.stdout.push(null);
    this.stderr.push(null);
    if (why === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.emit('error', codedError(Error, why, 'Worker terminated due to reaching memory limit: JS heap out of memory'));
    } else if (why !== undefined) {
      this.emit('error', codedError(Error, 'ERR_WORKER_INIT_FAILED', `Worker initialization failure: ${why}`));
    }
    for (const resolve of this.#terminating.splice(0)) resolve(code);
    this.emit('exit', code);
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }
}

function defaultLimit(name) {
  return { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 2048, codeRangeSizeMb: 0, stackSizeMb: 4 }[name];
}

// workerData's transfer list: ArrayBuffers and MessagePorts.
function transferOf(transferList) {
  if (transferList === null || typeof transferList?.[Symbol.iterator] !== 'function') return [undefined, []];
  return messaging.transferList([...transferList], undefined);
}

function setEnvironmentData(key, value) {
  if (value === undefined) worker.environmentData.delete(key);
  else worker.environmentData.set(key, value);
}

module.exports = {
  isMainThread: !native.workers.isWorker,
  threadId: native.workers.threadId,
  parentPort: worker.parentPort,
  workerData: worker.workerData,
  resourceLimits: worker.resourceLimits,
  SHARE_ENV,
  Worker,
  MessageChannel: messaging.MessageChannel,
  MessagePort,
  BroadcastChannel: messaging.BroadcastChannel,
  receiveMessageOnPort: messaging.receiveMessageOnPort,
  markAsUntransferable: messaging.markAsUntransferable,
  postMessageToThread: () => Promise.reject(codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The postMessageToThread() method is not implemented')),
  moveMessagePortToContext: (port) => port,
  getEnvironmentData: (key) => worker.environmentData.get(key),
  setEnvironmentData,
};

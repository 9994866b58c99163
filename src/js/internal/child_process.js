// node:child_process. spawn() is the one asynchronous primitive (the Rust
// side reports each output chunk, the exit and the close as I/O callbacks);
// exec and execFile collect its output. spawnSync is the synchronous one,
// under execSync and execFileSync.

const { Buffer, FastBuffer } = require('internal/buffer');
const { EventEmitter } = require('internal/events');
const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const { Writable } = require('internal/stream').stream;

const { HandleReadable: ChildReadable } = require('internal/stream_handle');

// The writable end of a child's stdin; end() closes it.
class ChildWritable extends Writable {
  #id;
  constructor(id) {
    super();
    this.#id = id;
  }
  // Each write calls back once the child's pipe has taken it (so 'drain'
  // waits for a slow child), or with net's error (`write EPIPE`).
  _write(chunk, encoding, callback) {
    if (chunk.length === 0) return callback();
    native.child.write(this.#id, chunk, (failed) => callback(failed === undefined ? undefined : require('internal/errors').errnoException(failed)));
  }
  _final(callback) {
    native.child.write(this.#id, undefined, () => callback());
  }
}

// Node names only the code: `spawn nope ENOENT`.
function spawnError({ code, errno }, syscall, file, args) {
  const err = new Error(`${syscall} ${file} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = `${syscall} ${file}`;
  err.path = file;
  err.spawnargs = args;
  return err;
}

class ChildProcess extends EventEmitter {
  #id;
  #refed = true;
  #alive = true;
  #exited = false;
  #closed = false;
  #outputs = [];
  constructor() {
    super();
    this.pid = undefined;
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
  }
  // Starts the program; errors surface as an 'error' event, as in Node.
  spawn(options) {
    this.spawnfile = options.file;
    this.spawnargs = [options.argv0 ?? options.file, ...options.args];
    let exit = [null, null];
    const started = native.child.spawn(options, (event, a, b) => {
      switch (event) {
        case 'stdout': return this.stdout?.push(new FastBuffer(a));
        case 'stderr': return this.stderr?.push(new FastBuffer(a));
        case 'stdout-end':
          return this.stdout?.push(null);
        case 'stderr-end':
          return this.stderr?.push(null);
        case 'exit':
          exit = [a ?? null, b ?? null];
          [this.exitCode, this.signalCode] = exit;
          this.#exited = true;
          this.#updateRef();
          // As in Node, the exited child's stdin is done with.
          this.stdin?.destroy();
          for (const stream of [this.stdout, this.stderr]) if (stream && !stream.used) stream.resume();
          // As in Node, a child's IPC channel is drained and closed
          // ('message'…, 'disconnect') before its 'exit'.
          if (this.connected) this.once('disconnect', () => process.nextTick(emitExit));
          else emitExit();
          return;
        case 'close':
          native.child.forget(this.#id);
          this.#closed = true;
          maybeClose();
      }
    });
    // 'close' comes once the child has exited ('exit' emitted) and its
    // stdout and stderr streams have closed, as in Node.
    let exited = false;
    let openOutputs = 0;
    const maybeClose = () => {
      if (exited && this.#closed && openOutputs === 0) this.emit('close', ...exit);
    };
    const emitExit = () => {
      exited = true;
      this.emit('exit', ...exit);
      maybeClose();
    };
    if (started.error !== undefined) {
      // Could not start: 'error' at once, 'close' (with the negative errno)
      // once the pipes are closed, in a later turn.
      const err = spawnError(started.error, 'spawn', options.file, options.args);
      process.nextTick(() => this.emit('error', err));
      setImmediate(() => this.emit('close', started.error.errno, null));
      return;
    }
    this.#id = started.id;
    this.pid = started.pid;
    if (started.ipc >= 0) {
      require('internal/ipc').setupChannel(this, started.ipc, false);
    }
    process.nextTick(() => this.emit('spawn'));
    const [stdin, stdout, stderr] = options.stdio;
    if (stdin === 'pipe') {
      this.stdin = new ChildWritable(this.#id);
    }
    const output = (fd) => {
      const stream = new ChildReadable((reading) => {
        native.child.read(this.#id, fd, reading);
        this.#updateRef();
      });
      openOutputs += 1;
      stream.once('close', () => {
        openOutputs -= 1;
        maybeClose();
      });
      this.#outputs.push(stream);
      return stream;
    };
    if (stdout === 'pipe') this.stdout = output(1);
    if (stderr === 'pipe') this.stderr = output(2);
    this.stdio = [this.stdin, this.stdout, this.stderr];
  }
  // As in Node, the process and each output pipe are handles of their own:
  // until its pipes are closed, the child keeps the loop alive unless
  // unref'd, and each output while it is being read. Once the child has
  // exited, a paused output (which may never be read to its end) does not
  // hold the loop, as a stopped libuv stream does not.
  #updateRef() {
    if (this.#id === undefined) return;
    const paused = (stream) => !stream.reading && !stream.done;
    const held = this.#refed && !(this.#exited && this.#outputs.some(paused));
    const alive = !this.#closed && (held || this.#outputs.some((stream) => stream.reading));
    if (alive !== this.#alive) {
      this.#alive = alive;
      native.child.ref(this.#id, alive);
    }
  }
  kill(signal = 'SIGTERM') {
    if (this.pid === undefined || this.exitCode !== null || this.signalCode !== null) return false;
    const error = native.child.kill(this.pid, require('internal/process').signalNumber(signal));
    if (error !== undefined) return false;
    this.killed = true;
    return true;
  }
  ref() {
    this.#refed = true;
    this.#updateRef();
  }
  unref() {
    this.#refed = false;
    this.#updateRef();
  }
}

// --- options ---

function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') return [stdio, stdio, stdio];
  return [0, 1, 2].map((i) => {
    const mode = stdio[i];
    if (mode === undefined || mode === null || mode === 'pipe' || mode === 'overlapped') return 'pipe';
    if (mode === 'inherit' || mode === i || mode === process[['stdin', 'stdout', 'stderr'][i]]) return 'inherit';
    if (mode === 'ignore') return 'ignore';
    // A descriptor of ours (or a stream's), which the child gets a copy of.
    if (Number.isInteger(mode) && mode >= 0) return mode;
    if (typeof mode === 'object' && Number.isInteger(mode.fd) && mode.fd >= 0) return mode.fd;
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'stdio' is invalid. Received ${inspect(mode)}`);
  });
}

function normalizeSpawn(file, args, options) {
  if (typeof file !== 'string') throw invalidArgType('file', 'of type string', file);
  if (file.length === 0) {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'file' cannot be empty. Received ''");
  }
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    if (typeof args === 'object') [options, args] = [args, []];
    else throw invalidArgType('args', 'of type object', args);
  }
  args = (args ?? []).map(String);
  options = options ?? {};
  if (typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
  if (options.shell) {
    const command = [file, ...args].join(' ');
    args = ['-c', command];
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
  }
  const env = options.env ?? process.env;
  const cwd = options.cwd == null ? undefined : require('internal/fs').fsPathOf(options.cwd, 'options.cwd');
  return {
    file,
    args,
    argv0: options.argv0,
    detached: Boolean(options.detached),
    cwd,
    env: Object.entries(env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, `${v}`]),
    stdio: normalizeStdio(options.stdio),
    ipc: Boolean(options[kIpc]),
    options,
  };
}

const kIpc = Symbol('ipc');

// fork(module): another tock running `module`, with an IPC channel. The
// child finds it through NODE_CHANNEL_FD, as a Node child would.
function fork(modulePath, args, options) {
  if (args !== undefined && args !== null && !Array.isArray(args)) [options, args] = [args, []];
  options = { ...options };
  const modulePathString = require('internal/fs').fsPathOf(modulePath, 'modulePath');
  const stdio = (options.stdio ?? (options.silent ? 'pipe' : 'inherit'));
  const stdioList = (typeof stdio === 'string' ? [stdio, stdio, stdio] : stdio).filter((s) => s !== 'ipc');
  const env = { ...(options.env ?? process.env), NODE_CHANNEL_FD: '3', NODE_CHANNEL_SERIALIZATION_MODE: 'json' };
  const execArgv = options.execArgv ?? process.execArgv;
  return spawn(options.execPath ?? process.execPath, [...execArgv, modulePathString, ...(args ?? [])], {
    ...options,
    stdio: stdioList,
    env,
    shell: false,
    [kIpc]: true,
  });
}

function spawn(file, args, options) {
  const spec = normalizeSpawn(file, args, options);
  const child = new ChildProcess();
  child.spawn(spec);
  const killSignal = spec.options.killSignal ?? 'SIGTERM';
  if (spec.options.timeout > 0) {
    const timer = setTimeout(() => child.kill(killSignal), spec.options.timeout);
    child.once('exit', () => clearTimeout(timer));
  }
  // `{ signal }`: an abort kills the child and reports an AbortError.
  const signal = spec.options.signal;
  if (signal) {
    const onAbort = () => {
      if (child.kill(killSignal)) child.emit('error', require('internal/abort').abortError(signal));
    };
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

// --- exec / execFile: collect the output, report failure as an error ---

function execFile(file, args, options, callback) {
  if (typeof args === 'function') [callback, args, options] = [args, [], {}];
  else if (typeof options === 'function') [callback, options] = [options, Array.isArray(args) ? {} : args];
  if (!Array.isArray(args)) [options, args] = [args ?? options, []];
  options = { encoding: 'utf8', maxBuffer: 1024 * 1024, ...options };
  if (callback !== undefined && typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  const cmd = [file, ...args].join(' ');
  const child = spawn(file, args, options);
  const stdout = [];
  const stderr = [];
  let failure = null;
  // Each stream keeps at most maxBuffer bytes; past that the child is killed.
  const collect = (into, name) => {
    let size = 0;
    return (chunk) => {
      if (failure !== null) return;
      const room = options.maxBuffer - size;
      size += chunk.length;
      if (size <= options.maxBuffer) return into.push(chunk);
      into.push(chunk.subarray(0, room));
      failure = codedError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
      child.kill(options.killSignal ?? 'SIGTERM');
    };
  };
  child.stdout?.on('data', collect(stdout, 'stdout'));
  child.stderr?.on('data', collect(stderr, 'stderr'));
  const text = (chunks) => {
    const all = Buffer.concat(chunks);
    return options.encoding && options.encoding !== 'buffer' ? all.toString(options.encoding) : all;
  };
  let done = false;
  const finish = (err) => {
    if (done) return;
    done = true;
    callback?.(err, text(stdout), text(stderr));
  };
  child.on('error', (err) => {
    err.cmd = cmd;
    finish(err);
  });
  child.on('close', (code, signal) => {
    if (failure) return finish(failure);
    if (code === 0 && signal === null) return finish(null);
    const shownErr = text(stderr);
    const err = new Error(`Command failed: ${cmd}\n${shownErr}`);
    err.code = code < 0 ? undefined : code;
    err.killed = child.killed;
    err.signal = signal;
    err.cmd = cmd;
    finish(err);
  });
  return child;
}

function exec(command, options, callback) {
  if (typeof command !== 'string') throw invalidArgType('command', 'of type string', command);
  if (typeof options === 'function') [callback, options] = [options, {}];
  return execFile(command, [], { ...options, shell: options?.shell ?? true }, callback);
}

// util.promisify(exec / execFile) resolves { stdout, stderr }.
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
for (const fn of [exec, execFile]) {
  Object.defineProperty(fn, kCustomPromisify, {
    enumerable: false,
    value: (...args) => {
      let child;
      const promise = new Promise((resolve, reject) => {
        child = fn(...args, (err, stdout, stderr) => {
          if (err) {
            err.stdout = stdout;
            err.stderr = stderr;
            reject(err);
          } else {
            resolve({ stdout, stderr });
          }
        });
      });
      promise.child = child;
      return promise;
    },
  });
}

// --- synchronous ---

function spawnSync(file, args, options) {
  const spec = normalizeSpawn(file, args, options);
  const input = spec.options.input;
  const result = native.child.spawnSync({
    ...spec,
    input: input === undefined ? undefined : typeof input === 'string' ? Buffer.from(input, spec.options.encoding) : input,
  });
  if (result.error !== undefined) {
    const error = spawnError(result.error, 'spawnSync', spec.file, spec.args);
    return { error, status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }
  const encoding = spec.options.encoding;
  const decode = (bytes) => {
    if (bytes === null) return null;
    const buffer = new FastBuffer(bytes);
    return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
  };
  const stdout = decode(result.stdout);
  const stderr = decode(result.stderr);
  return { status: result.status ?? null, signal: result.signal ?? null, output: [null, stdout, stderr], pid: result.pid, stdout, stderr };
}

// execSync / execFileSync: stdout; stderr goes to ours unless stdio says otherwise.
function execFileSyncWith(file, args, options, cmd) {
  const inheritStderr = options.stdio === undefined;
  const result = spawnSync(file, args, { ...options, stdio: options.stdio ?? ['pipe', 'pipe', 'pipe'] });
  if (inheritStderr && result.stderr && result.stderr.length) process.stderr.write(result.stderr);
  if (result.error) {
    result.error.cmd = cmd;
    throw Object.assign(result.error, result);
  }
  if (result.status !== 0 || result.signal !== null) {
    const err = new Error(`Command failed: ${cmd}${result.stderr && result.stderr.length ? `\n${result.stderr.toString()}` : ''}`);
    const { status, signal, output, pid, stdout, stderr } = result;
    throw Object.assign(err, { status, signal, output, pid, stdout, stderr });
  }
  return result.stdout;
}

function execSync(command, options = {}) {
  return execFileSyncWith(command, [], { ...options, shell: options.shell ?? true }, command);
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args)) [options, args] = [args, []];
  options = options ?? {};
  return execFileSyncWith(file, args, options, [file, ...args].join(' '));
}

exports.childProcess = { ChildProcess, spawn, fork, exec, execFile, spawnSync, execSync, execFileSync };

// Error reports as Node prints them: the throw site (file:line, the source
// line and a caret), then the error with its stack, then the runtime version.

const { inspect } = require('internal/inspect');

// Stacks in V8's format, as Node programs expect to read them:
// "Error: message\n    at f (/path/file.js:1:2)", without tock's own frames.
// CommonJS code is compiled inside a one-line wrapper, so columns on its first
// line are shifted back.
const commonjsFiles = new Set();
function prepareStackTrace(err, callsites) {
  let header;
  try {
    header = Error.prototype.toString.call(err);
  } catch {
    header = 'Error';
  }
  const lines = [header];
  for (let i = 0; i < callsites.length; i++) {
    const site = callsites[i];
    const file = site.getFileName();
    if (file === undefined || file === null || file.startsWith('tock:') || file === 'native') continue;
    const line = site.getLineNumber();
    let column = site.getColumnNumber();
    if (line === 1 && commonjsFiles.has(file)) column -= native.modules.commonjsWrapperLength;
    let name = site.getFunctionName();
    if (name === '<eval>' || name === '<anonymous>') name = '';
    // The body of a CommonJS module, called by the loader: Node's name for it.
    if (!name && commonjsFiles.has(file) && isLoaderCall(callsites, i + 1)) name = 'Object.<anonymous>';
    const location = `${file}:${line}:${column}`;
    lines.push(name ? `    at ${name} (${location})` : `    at ${location}`);
  }
  return lines.join('\n');
}
// QuickJS-ng reads it through an accessor on Error: assign, don't define.
Error.prepareStackTrace = prepareStackTrace;

function isLoaderCall(callsites, from) {
  for (let i = from; i < callsites.length; i++) {
    const file = callsites[i].getFileName();
    if (file === 'tock:internal/modules') return true;
    if (file !== 'native' && file !== undefined && file !== null) return false;
  }
  return false;
}

// The stack as Node would print it, even for errors whose stack a program replaced.
function stackOf(err) {
  let stack;
  try {
    stack = err.stack;
  } catch {}
  let header;
  try {
    header = Error.prototype.toString.call(err);
  } catch {
    header = 'Error';
  }
  if (typeof stack !== 'string' || stack === '') return header;
  if (stack.startsWith(header) || /^\w*(Error|Exception)\b/.test(stack)) return stack.replace(/\n$/, '');
  return `${header}\n${stack.replace(/\n$/, '')}`;
}

// "    at f (/x/y.js:3:9)" → { file, line, column } of the first frame of
// an error's stack, or of a stack itself.
function throwSite(err) {
  let stack;
  try {
    stack = typeof err === 'string' ? err : err && err.stack;
  } catch {}
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n')) {
    const m = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (m && !m[1].startsWith('tock:')) return { file: m[1], line: +m[2], column: +m[3] };
  }
  return undefined;
}

// Errors an EventEmitter threw for want of an 'error' listener: Node's
// report starts at its own events.js, not at a line of the program.
exports.thrownByEmitter = new WeakSet();

// `file:line`, the source line and a caret under the column, or '' when
// the place is unknown or not the program's.
function sourceContext(site) {
  if (!site) return '';
  const text = native.modules.sourceLine(site.file, site.line);
  if (text === undefined) return `${site.file}:${site.line}\n`;
  return `${site.file}:${site.line}\n${text}\n${' '.repeat(Math.max(0, site.column - 1))}^\n`;
}

// Node's caret marks the throw statement; the engine's column marks the
// thrown expression (or the Error call). The site moves back to the `throw`
// before it on that line; a site with no `throw` before it (a stale engine
// backtrace) is not shown.
function atThrow(site) {
  if (!site) return undefined;
  const text = native.modules.sourceLine(site.file, site.line);
  if (text === undefined) return site;
  const before = text.slice(0, Math.max(0, site.column - 1));
  const at = before.search(/\bthrow\b(?!.*\bthrow\b)/);
  return at < 0 ? undefined : { ...site, column: at + 1 };
}

const hint = '(Use `tock --trace-uncaught ...` to show where the exception was thrown)\n';

// Does what Node's fatal-exception reporter reads of an object work? It
// reads the stack (for an Error, with its name); a Proxy whose traps throw,
// a revoked one or throwing getters fail here, and get the short report.
const kProbe = Symbol('probe');
function readable(err) {
  try {
    void err[kProbe];
    if (typeof err.stack !== 'string' && err instanceof Error) return false;
    if (err instanceof Error) void `${err.name}`;
    return true;
  } catch {
    return false;
  }
}

// A value as a string, or '' when converting it throws (a Symbol…).
function asString(value) {
  try {
    return `${value}`;
  } catch {
    return '';
  }
}

// The report of an error that ends the process, laid out as Node's
// (ReportFatalException): the throw site, then the error inspected; a thrown
// primitive as a string after its site; what cannot be read, as a string
// with the --trace-uncaught hint. `backtrace` is the engine's stack at the
// throw, which a thrown non-Error carries no other way. Never throws.
function fatalReport(err, backtrace) {
  // test262 runs judge negative tests by the error's constructor.
  const marker = native.process.test262 ? `Test262:UncaughtError:${errorName(err)}\n` : '';
  let body;
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
    body = `\n${sourceContext(atThrow(throwSite(backtrace)))}${asString(err)}\n${hint}`;
  } else {
    let trace;
    if (readable(err)) {
      try {
        trace = inspect(err, { colors: false, customInspect: false, depth: 5 });
      } catch {}
    }
    // Where it was thrown (the engine's stack at the throw), else where it was made.
    // An Error shows where it was made (at the `throw` on that line, if any),
    // another object where the engine saw it thrown.
    const made = throwSite(err);
    const site = exports.thrownByEmitter.has(err) ? undefined : made ? (atThrow(made) ?? made) : atThrow(throwSite(backtrace));
    const arrow = sourceContext(site);
    if (trace !== undefined) body = `${arrow ? `${arrow}\n` : ''}${trace}\n`;
    else {
      let name;
      let message;
      try {
        ({ name, message } = err);
      } catch {}
      if (name === undefined || message === undefined) body = `${asString(err)}\n${hint}`;
      else body = `${arrow}${asString(name)}: ${asString(message)}\n${hint}`;
    }
  }
  return `${marker}${body}\ntock ${native.process.version}\n`;
}

function errorName(err) {
  try {
    return (err !== null && typeof err === 'object' && err.constructor && err.constructor.name) || typeof err;
  } catch {
    return typeof err;
  }
}

let handlingFatal = false;

// Node's triggerUncaughtException: 'uncaughtException' listeners may handle
// the error; otherwise it is reported and the process exits with code 1
// (7 when a listener itself throws), after the 'exit' event.
function fatalException(err, origin = 'uncaughtException', backtrace = undefined) {
  const process = globalThis.process;
  if (handlingFatal) {
    native.process.write(2, fatalReport(err, backtrace));
    require('internal/process').terminate(7, 'an uncaughtException listener threw');
  }
  try {
    process.emit('uncaughtExceptionMonitor', err, origin);
    if (process.listenerCount('uncaughtException') > 0) {
      handlingFatal = true;
      process.emit('uncaughtException', err, origin);
      handlingFatal = false;
      return;
    }
  } catch (inner) {
    native.process.write(2, fatalReport(inner));
    require('internal/process').terminate(7, 'an uncaughtException listener threw');
  }
  if (native.workers.isWorker) require('internal/worker').reportUncaught(err);
  else native.process.write(2, fatalReport(err, backtrace));
  require('internal/process').exitWith(1, `uncaught ${origin === 'unhandledRejection' ? 'rejection' : 'exception'}: ${errorName(err)}`);
}

// Node's internal errors name their code in the stack's first line:
// `TypeError [ERR_INVALID_ARG_TYPE]: …`.
function codedError(Type, code, message) {
  const err = new Type(message);
  err.code = code;
  withCodeInStack(err, code);
  return err;
}

function withCodeInStack(err, code) {
  const stack = err.stack;
  if (typeof stack === 'string' && stack.startsWith(`${err.name}:`)) {
    const value = `${err.name} [${code}]${stack.slice(err.name.length)}`;
    Object.defineProperty(err, 'stack', { value, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(err, 'toString', {
    value() {
      return `${this.name} [${code}]: ${this.message}`;
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
exports.withCodeInStack = withCodeInStack;

// Failed system calls. Every native reports one the same way — `{ code,
// errno, description, syscall, path?, dest?, address?, port? }`
// (src/os/errno.rs, SystemError) — and Node words it in two ways:
//
// a file call (Node's uvException): `ENOENT: no such file or directory,
// open 'x'`, with errno, code, syscall, path and dest;
exports.uvException = ({ code, errno, description, syscall, path, dest }) => {
  let message = `${code}: ${description}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  return err;
};

// a pipe or socket call (Node's errnoException / exceptionWithHostPort):
// `write EPIPE`, `connect ECONNREFUSED 127.0.0.1:9`.
exports.errnoException = ({ code, errno, syscall, address, port }) => {
  let message = `${syscall} ${code}`;
  if (address !== undefined) message += port !== undefined ? ` ${address}:${port}` : ` ${address}`;
  const err = new Error(message);
  Object.assign(err, { errno, code, syscall });
  if (address !== undefined) err.address = address;
  if (port !== undefined) err.port = port;
  return err;
};

// V8's side-effect-free string of a value (NoSideEffectsToString), as in
// Node's unhandled-rejection message: no getter, trap or toString runs.
exports.noSideEffectsToString = function noSideEffectsToString(value) {
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (typeof value === 'symbol') return value.toString();
  if (value === null || typeof value !== 'object') return `${value}`;
  const target = unproxied(value);
  if (target === null) return '[object Object]';
  if (native.modules.isError(target)) {
    const name = dataProperty(target, 'name');
    const message = dataProperty(target, 'message');
    const head = name === undefined ? 'Error' : `${name}`;
    return message === undefined || message === '' ? head : `${head}: ${message}`;
  }
  if (dataProperty(target, 'toString') === Object.prototype.toString) {
    const constructor = dataProperty(target, 'constructor');
    const name = typeof constructor === 'function' ? dataProperty(constructor, 'name') : undefined;
    if (typeof name === 'string' && name !== '') return `#<${name}>`;
  }
  const tag = dataProperty(target, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : builtinTag(target)}]`;
};

// A Proxy's target (through any number of proxies); null once revoked.
function unproxied(value) {
  let details;
  while ((details = native.modules.proxyDetails(value)) !== undefined) {
    if (details === null) return null;
    value = details[0];
  }
  return value;
}

// A data property found along the prototype chain; an accessor reads as undefined.
function dataProperty(object, key) {
  for (let o = unproxied(object); o !== null && o !== undefined; o = unproxied(Object.getPrototypeOf(o))) {
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor !== undefined) return 'value' in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

function builtinTag(object) {
  if (Array.isArray(object)) return 'Array';
  if (object instanceof Date) return 'Date';
  if (object instanceof RegExp) return 'RegExp';
  if (object instanceof Boolean) return 'Boolean';
  if (object instanceof Number) return 'Number';
  if (object instanceof String) return 'String';
  return 'Object';
}


exports.stackOf = stackOf;
exports.throwSite = throwSite;
exports.firstFrame = (err) => {
  const site = throwSite(err);
  return site && `${site.file}:${site.line}`;
};
exports.commonjsFiles = commonjsFiles;
exports.fatalException = fatalException;
exports.fatalReport = fatalReport;
exports.codedError = codedError;
// Node's wording: 'The "path" argument', 'The first argument', 'The "options.x" property'.
exports.invalidArgType = (name, expected, actual) => {
  const subject = name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE', `The ${subject} must be ${expected}. Received ${require('internal/inspect').describeReceived(actual)}`);
};

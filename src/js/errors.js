// Error reports as Node prints them: the throw site (file:line, the source
// line and a caret), then the error with its stack, then the runtime version.

const { inspect } = internals;

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
    if (line === 1 && commonjsFiles.has(file)) column -= native.commonjsWrapperLength;
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
    if (file === 'tock:modules') return true;
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

// "    at f (/x/y.js:3:9)" → { file, line, column } of the first frame.
function throwSite(err) {
  let stack;
  try {
    stack = err && err.stack;
  } catch {}
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n')) {
    const m = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (m && !m[1].startsWith('tock:')) return { file: m[1], line: +m[2], column: +m[3] };
  }
  return undefined;
}

function sourceContext(err) {
  const site = throwSite(err);
  if (!site) return '';
  const text = native.sourceLine(site.file, site.line);
  if (text === undefined) return `${site.file}:${site.line}\n`;
  return `${site.file}:${site.line}\n${text}\n${' '.repeat(Math.max(0, site.column - 1))}^\n\n`;
}

function describeError(err) {
  if (err instanceof Error || (err !== null && typeof err === 'object' && 'stack' in err)) {
    return inspect(err, { colors: false });
  }
  return `Uncaught ${inspect(err, { colors: false })}`;
}

// The full report of an error that ends the process.
function fatalReport(err) {
  // test262 runs judge negative tests by the error's constructor.
  const marker = native.test262 ? `Test262:UncaughtError:${errorName(err)}\n` : '';
  return `${marker}${sourceContext(err)}${describeError(err)}\n\ntock ${native.version}\n`;
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
function fatalException(err, origin = 'uncaughtException') {
  const process = globalThis.process;
  if (handlingFatal) {
    native.write(2, fatalReport(err));
    internals.terminate(7, 'an uncaughtException listener threw');
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
    native.write(2, fatalReport(inner));
    internals.terminate(7, 'an uncaughtException listener threw');
  }
  native.write(2, fatalReport(err));
  internals.exitWith(1, `uncaught ${origin === 'unhandledRejection' ? 'rejection' : 'exception'}: ${errorName(err)}`);
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
internals.withCodeInStack = withCodeInStack;

internals.stackOf = stackOf;
internals.throwSite = throwSite;
internals.firstFrame = (err) => {
  const site = throwSite(err);
  return site && `${site.file}:${site.line}`;
};
internals.commonjsFiles = commonjsFiles;
internals.fatalException = fatalException;
internals.fatalReport = fatalReport;
internals.codedError = codedError;
// Node's wording: 'The "path" argument', 'The first argument', 'The "options.x" property'.
internals.invalidArgType = (name, expected, actual) => {
  const subject = name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE', `The ${subject} must be ${expected}. Received ${internals.describeReceived(actual)}`);
};

// node:assert (and node:assert/strict): the checks, Node's deep-equality
// rules, and AssertionError with Node's code, operator and messages.

const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');

class AssertionError extends Error {
  constructor(options) {
    const { message, actual, expected, operator, stackStartFn, generated } = options;
    super(message ?? defaultMessage(actual, expected, operator));
    this.generatedMessage = generated ?? message === undefined;
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    if (stackStartFn) Error.captureStackTrace(this, stackStartFn);
    require('internal/errors').withCodeInStack(this, 'ERR_ASSERTION');
  }
  get name() {
    return 'AssertionError';
  }
  toString() {
    return `AssertionError [ERR_ASSERTION]: ${this.message}`;
  }
}

const show = (value) => inspect(value, { depth: 1000, sorted: true });

function defaultMessage(actual, expected, operator) {
  switch (operator) {
    case 'strictEqual':
      return `Expected values to be strictly equal:\n\n${show(actual)} !== ${show(expected)}\n`;
    case 'deepStrictEqual':
      return diff(actual, expected, 'Expected values to be strictly deep-equal:');
    case 'deepEqual':
      return `Expected values to be loosely deep-equal:\n\n${show(actual)}\n\nshould loosely deep-equal\n\n${show(expected)}`;
    case 'notStrictEqual':
      return `Expected "actual" to be strictly unequal to: ${show(expected)}`;
    case 'notDeepStrictEqual':
      return `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`;
    case 'notDeepEqual':
      return `"actual" deepEqual "expected"`;
    case 'fail':
      return 'Failed';
    default:
      return `${show(actual)} ${operator} ${show(expected)}`;
  }
}

// Node's "+ actual - expected" view: both sides inspected one property per
// line, common lines kept ('  '), the rest marked; short primitives side by
// side, and a caret under the first difference of two one-liners.
function diff(actual, expected, header) {
  const lines = (value) => inspect(value, { compact: false, sorted: true, depth: 1000 }).split('\n');
  const a = lines(actual);
  const b = lines(expected);
  // Two values that look the same (two functions, say) but are not equal.
  if (a.join('\n') === b.join('\n')) return `Values have same structure but are not reference-equal:\n\n${a.join('\n')}\n`;
  if (a.length === 1 && b.length === 1) {
    const total = a[0].length + b[0].length;
    const primitive = (v) => typeof v !== 'object' || v === null;
    if (total <= 12 && primitive(actual) && primitive(expected)) return `${header}\n\n${a[0]} !== ${b[0]}\n`;
    let indicator = '';
    if (total < 80) {
      let i = 0;
      while (i < a[0].length && a[0][i] === b[0][i]) i++;
      if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
    }
    return `${header}\n+ actual - expected\n\n+ ${a[0]}\n- ${b[0]}${indicator}`;
  }
  // Longest common subsequence of lines, then a walk that prints each
  // differing stretch as its '+' lines, then its '-' lines.
  const table = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let added = [];
  let removed = [];
  const flush = () => {
    out.push(...added.map((l) => `+ ${l}`), ...removed.map((l) => `- ${l}`));
    added = [];
    removed = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && table[i + 1][j] >= table[i][j + 1])) {
      added.push(a[i++]);
    } else {
      removed.push(b[j++]);
    }
  }
  flush();
  return `${header}\n+ actual - expected\n\n${out.join('\n')}`;
}

function fail(options) {
  if (options.message instanceof Error) throw options.message;
  throw new AssertionError(options);
}

// --- deep equality (Node's rules for strict and loose comparison) ---

const tag = (value) => Object.prototype.toString.call(value);
const ownKeys = (object) => [
  ...Object.keys(object),
  ...Object.getOwnPropertySymbols(object).filter((s) => Object.prototype.propertyIsEnumerable.call(object, s)),
];

function isDeepEqual(a, b, strict, memo = new Map()) {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return !strict && (typeof a !== 'object' || a === null) && (typeof b !== 'object' || b === null) ? a == b : false;
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date) {
    if (a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (a instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  } else if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt || a instanceof Symbol) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
  // Cycles: a pair already being compared counts as equal.
  const seen = memo.get(a);
  if (seen?.has(b)) return true;
  if (seen) seen.add(b);
  else memo.set(a, new Set([b]));

  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    outer: for (const x of a) {
      if (b.has(x)) continue;
      if (typeof x !== 'object' || x === null) {
        if (strict) return false;
      }
      for (const y of b) if (isDeepEqual(x, y, strict, memo)) continue outer;
      return false;
    }
  } else if (a instanceof Map) {
    if (a.size !== b.size) return false;
    outer: for (const [key, value] of a) {
      if (b.has(key)) {
        if (!isDeepEqual(value, b.get(key), strict, memo)) return false;
        continue;
      }
      for (const [otherKey, otherValue] of b) {
        if (isDeepEqual(key, otherKey, strict, memo) && isDeepEqual(value, otherValue, strict, memo)) continue outer;
      }
      return false;
    }
  }
  const keysA = strict ? ownKeys(a) : Object.keys(a);
  const keysB = strict ? ownKeys(b) : Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
    if (!isDeepEqual(a[key], b[key], strict, memo)) return false;
  }
  return true;
}

// --- the checks ---

// assert.ok's message quotes the call, as Node's does, when the source is at hand.
function okMessage(stackStartFn) {
  const probe = {};
  Error.captureStackTrace(probe, stackStartFn);
  const site = require('internal/errors').throwSite(probe);
  const text = site && native.modules.sourceLine(site.file, site.line);
  const call = text === undefined ? undefined : callText(text, site.column);
  if (call) return `The expression evaluated to a falsy value:\n\n  ${call}\n`;
  return 'The expression evaluated to a falsy value';
}

// The assert call around `column` in a line (the engine's column falls
// somewhere inside it): the innermost enclosing call named ok/assert/strict.
function callText(line, column) {
  let found;
  for (let open = line.indexOf('('); open !== -1 && open < column; open = line.indexOf('(', open + 1)) {
    const callee = /[\w$.]+$/.exec(line.slice(0, open));
    if (!callee || !/(^|\.)(ok|assert|strict)$/.test(callee[0])) continue;
    let depth = 0;
    for (let i = open; i < line.length; i++) {
      if (line[i] === '(') depth++;
      else if (line[i] === ')' && --depth === 0) {
        if (i >= column - 1) found = line.slice(callee.index, i + 1);
        break;
      }
    }
  }
  return found;
}

function ok(...args) {
  innerOk(ok, args);
}

function innerOk(fn, args) {
  if (args.length === 0) {
    fail({ message: 'No value argument passed to `assert.ok()`', generated: true, actual: undefined, expected: true, operator: '==', stackStartFn: fn });
  }
  const [value, message] = args;
  if (!value) fail({ generated: message === undefined, message: message ?? okMessage(fn), actual: value, expected: true, operator: '==', stackStartFn: fn });
}

function assert(...args) {
  innerOk(assert, args);
}

function compare(name, operator, test) {
  const check = {
    [name](actual, expected, message) {
      if (arguments.length < 2) throw invalidArgType('expected', 'specified', undefined);
      if (test(actual, expected)) return;
      if (message instanceof Error) throw message;
      if (message === undefined || message === null) fail({ actual, expected, operator, stackStartFn: check });
      // As Node 20: for the two that show a comparison, a falsy message is no
      // message and any other takes the place of the comparison's first line;
      // the others show the message as it is.
      if (operator !== 'strictEqual' && operator !== 'deepStrictEqual') {
        fail({ actual, expected, message: String(message), generated: !message, operator, stackStartFn: check });
      }
      if (!message) fail({ actual, expected, operator, stackStartFn: check });
      const generated = defaultMessage(actual, expected, operator);
      const rest = generated.includes('\n') ? generated.slice(generated.indexOf('\n')) : '';
      fail({ actual, expected, message: `${String(message)}${rest}`, generated: false, operator, stackStartFn: check });
    },
  }[name];
  return check;
}

// What throws/rejects compare the error with: a class, a RegExp, a
// validation function, or an object whose keys must match.
function matches(err, expected, fn, message) {
  if (expected === undefined) return;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) throw err;
    if (expected.call({}, err) === true) return;
    fail({ generated: message === undefined, actual: err, expected, message: message ?? `The ${fn.name === 'rejects' ? 'rejection' : 'error'} validation function is expected to return "true". Received false`, operator: fn.name, stackStartFn: fn });
  }
  if (expected instanceof RegExp) {
    if (expected.test(String(err))) return;
    fail({ generated: message === undefined, actual: err, expected, message: message ?? `The input did not match the regular expression ${expected}. Input:\n\n${show(String(err))}\n`, operator: fn.name, stackStartFn: fn });
  }
  for (const key of Object.keys(expected)) {
    const want = expected[key];
    const have = err?.[key];
    const same = want instanceof RegExp && typeof have === 'string' ? want.test(have) : isDeepEqual(have, want, true);
    if (!same) {
      fail({ generated: message === undefined, actual: err, expected, message: message ?? `Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   ${key}: ${show(have)}\n-   ${key}: ${show(want)}\n  }`, operator: fn.name, stackStartFn: fn });
    }
  }
}

function expectedName(expected) {
  return typeof expected === 'function' && expected.prototype !== undefined && expected.name ? ` (${expected.name})` : '';
}

function throws(fn, expected, message) {
  if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (err) {
    matches(err, expected, throws, message);
    return;
  }
  fail({ actual: undefined, expected, operator: 'throws', message: `Missing expected exception${expectedName(expected)}${message ? `: ${message}` : '.'}`, stackStartFn: throws });
}

function doesNotThrow(fn, expected, message) {
  if (typeof expected === 'string') message = expected;
  try {
    fn();
  } catch (err) {
    fail({ actual: err, expected, operator: 'doesNotThrow', message: `Got unwanted exception${message ? `: ${message}` : '.'}\nActual message: "${err?.message}"`, stackStartFn: doesNotThrow });
  }
}

// Node's check of what rejects/doesNotReject wait on: a thenable (its
// `then` read outside the try, so that reading it fails as it does in Node).
function thenable(promiseOrFn) {
  const promise = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
  const isThenable = promise !== null && (typeof promise === 'object' || typeof promise === 'function') && typeof promise.then === 'function';
  if (!isThenable) {
    if (typeof promiseOrFn === 'function') {
      throw codedError(TypeError, 'ERR_INVALID_RETURN_VALUE', `Expected instance of Promise to be returned from the "promiseFn" function but got ${require('internal/inspect').describeReceived(promise).replace(/^R/, 'r').replace(/^received /, '')}.`);
    }
    throw invalidArgType('promiseFn', 'of type function or an instance of Promise', promiseOrFn);
  }
  return promise;
}

async function rejects(promiseOrFn, expected, message) {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  const promise = thenable(promiseOrFn);
  try {
    await promise;
  } catch (err) {
    matches(err, expected, rejects, message);
    return;
  }
  fail({ actual: undefined, expected, operator: 'rejects', message: `Missing expected rejection${expectedName(expected)}${message ? `: ${message}` : '.'}`, stackStartFn: rejects });
}

async function doesNotReject(promiseOrFn, expected, message) {
  if (typeof expected === 'string') message = expected;
  const promise = thenable(promiseOrFn);
  try {
    await promise;
  } catch (err) {
    fail({ actual: err, expected, operator: 'doesNotReject', message: `Got unwanted rejection${message ? `: ${message}` : '.'}\nActual message: "${err?.message}"`, stackStartFn: doesNotReject });
  }
}

function matchCheck(name, wanted) {
  const check = {
    [name](string, regexp, message) {
      if (!(regexp instanceof RegExp)) throw invalidArgType('regexp', 'an instance of RegExp', regexp);
      if (typeof string !== 'string') {
        fail({ generated: message === undefined, actual: string, expected: regexp, operator: name, message: message ?? `The "string" argument must be of type string. Received type ${typeof string} (${show(string)})`, stackStartFn: check });
      }
      if (regexp.test(string) !== wanted) {
        const text = wanted ? 'did not match' : 'was expected not to match';
        fail({ generated: message === undefined, actual: string, expected: regexp, operator: name, message: message ?? `The input ${text} the regular expression ${regexp}. Input:\n\n${show(string)}\n`, stackStartFn: check });
      }
    },
  }[name];
  return check;
}

Object.assign(assert, {
  AssertionError,
  ok,
  equal: compare('equal', '==', (a, b) => a == b || (a !== a && b !== b)),
  notEqual: compare('notEqual', '!=', (a, b) => !(a == b || (a !== a && b !== b))),
  strictEqual: compare('strictEqual', 'strictEqual', Object.is),
  notStrictEqual: compare('notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b)),
  deepEqual: compare('deepEqual', 'deepEqual', (a, b) => isDeepEqual(a, b, false)),
  notDeepEqual: compare('notDeepEqual', 'notDeepEqual', (a, b) => !isDeepEqual(a, b, false)),
  deepStrictEqual: compare('deepStrictEqual', 'deepStrictEqual', (a, b) => isDeepEqual(a, b, true)),
  notDeepStrictEqual: compare('notDeepStrictEqual', 'notDeepStrictEqual', (a, b) => !isDeepEqual(a, b, true)),
  throws,
  doesNotThrow,
  rejects,
  doesNotReject,
  match: matchCheck('match', true),
  doesNotMatch: matchCheck('doesNotMatch', false),
  // fail(message) and the deprecated fail(actual, expected[, message[, operator]]).
  fail(...args) {
    if (args.length < 2) fail({ message: args[0] ?? 'Failed', generated: args[0] === undefined, operator: 'fail', stackStartFn: assert.fail });
    const [actual, expected, message, operator = args.length === 2 ? '!=' : 'fail'] = args;
    fail({ actual, expected, message: args.length === 2 ? undefined : message, operator, stackStartFn: assert.fail });
  },
  ifError(value) {
    if (value === null || value === undefined) return;
    const shown = typeof value === 'object' && typeof value.message === 'string' ? value.message : show(value);
    fail({ actual: value, expected: null, operator: 'ifError', message: `ifError got unwanted exception: ${shown}`, stackStartFn: assert.ifError });
  },
});

// assert/strict: the same checks with the loose ones made strict.
function strict(...args) {
  innerOk(strict, args);
}
Object.assign(strict, assert, {
  equal: assert.strictEqual,
  notEqual: assert.notStrictEqual,
  deepEqual: assert.deepStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict = strict;
strict.strict = strict;

exports.assert = assert;
exports.isDeepStrictEqual = (a, b) => isDeepEqual(a, b, true);

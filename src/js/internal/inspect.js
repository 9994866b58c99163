// util.inspect and util.format, following Node's output rules: nesting to
// depth 2, lines broken past 80 columns, up to three inner levels combined on
// one line, number arrays grouped in aligned columns, circular references
// marked `<ref *1>` / `[Circular *1]`.

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kObjectType = 0;
const kArrayExtrasType = 1;
const kMinLineWidth = 16;

const styles = {
  special: 36, number: 33, bigint: 33, boolean: 33, undefined: 90, null: 1,
  string: 32, symbol: 32, date: 35, regexp: 31, module: 4,
};

function inspect(value, options) {
  const ctx = {
    seen: [],
    // The objects of `seen` (the path from the root), for an O(1) cycle test.
    onPath: new Set(),
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
    depth: 2,
    colors: false,
    compact: 3,
    breakLength: 80,
    maxArrayLength: 100,
    maxStringLength: 10000,
    sorted: false,
    showHidden: false,
    showProxy: false,
    getters: false,
    // Characters written so far at each indentation level: past 2 ** 27 the
    // rest is shown at minimum depth, so a huge graph cannot run for minutes.
    budget: {},
  };
  if (options) {
    for (const key of Object.keys(options)) if (key in ctx && options[key] !== undefined) ctx[key] = options[key];
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  ctx.stylize = ctx.colors ? stylizeWithColor : (s) => s;
  return formatValue(ctx, value, 0, true);
}
inspect.custom = customInspect;
inspect.defaultOptions = { depth: 2, colors: false, compact: 3, breakLength: 80 };

function stylizeWithColor(str, type) {
  const code = styles[type];
  if (code === undefined) return str;
  const off = code === 1 ? 22 : code === 4 ? 24 : 39;
  return `\u001b[${code}m${str}\u001b[${off}m`;
}

const ansi = /\u001b\[\d\d?m/g;
function visibleLength(str) {
  return str.replace(ansi, '').length;
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx.stylize, value, ctx);
  if (value === null) return ctx.stylize('null', 'null');

  // A Proxy is shown by its target, so that no trap runs (Node's rule).
  const proxy = native.modules.proxyDetails(value);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy[0];
  }

  const maybeCustom = value[customInspect];
  if (typeof maybeCustom === 'function' && maybeCustom !== inspect) {
    const depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
    const result = maybeCustom.call(value, depth, { ...ctx, depth }, inspect);
    if (result !== value) {
      if (typeof result !== 'string') return formatValue(ctx, result, recurseTimes);
      return result.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
    }
  }

  if (ctx.onPath.has(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map([[value, index]]);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function strEscape(str) {
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
  }
  const special = quote === "'" ? escapedSingle : quote === '"' ? escapedDouble : escapedBacktick;
  if (!special.test(str)) return quote + str + quote;
  special.lastIndex = 0;
  return quote + str.replace(special, escapeOne) + quote;
}

// What Node escapes in a quoted string: control characters (C0 and C1), the
// quote and the backslash, and lone surrogates (as `\ud83d`).
const escapable = String.raw`[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const escapedSingle = new RegExp(`${escapable}|'`, 'g');
const escapedDouble = new RegExp(`${escapable}|"`, 'g');
const escapedBacktick = new RegExp(`${escapable}|\``, 'g');
const named = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\\': '\\\\' };
function escapeOne(c) {
  if (c in named) return named[c];
  const code = c.charCodeAt(0);
  if (code >= 0xd800) return `\\u${code.toString(16)}`;
  if (code < 0x20 || code >= 0x7f) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  return `\\${c}`;
}

function formatNumber(stylize, n) {
  return stylize(Object.is(n, -0) ? '-0' : `${n}`, 'number');
}

function formatPrimitive(stylize, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (ctx.compact !== true && value.length > kMinLineWidth && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        return value
          .split(/(?<=\n)/)
          .map((line) => stylize(strEscape(line), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return stylize(strEscape(value), 'string') + trailer;
    }
    case 'number': return formatNumber(stylize, value);
    case 'bigint': return stylize(`${value}n`, 'bigint');
    case 'boolean': return stylize(`${value}`, 'boolean');
    case 'undefined': return stylize('undefined', 'undefined');
    default: return stylize(value.toString(), 'symbol');
  }
}

function getConstructorName(obj) {
  let depth = 0;
  while (obj !== null && obj !== undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value.name;
    }
    obj = Object.getPrototypeOf(obj);
    if (depth++ === 0 && obj === null) return null;
  }
  return null;
}

// A module namespace object: sealed, without prototype, its tag fixed.
function isModuleNamespace(value) {
  const tag = Object.getOwnPropertyDescriptor(value, Symbol.toStringTag);
  return !Object.isExtensible(value) && tag !== undefined && tag.value === 'Module' && !tag.writable && !tag.enumerable;
}

function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

// Own enumerable keys, symbols last; with `showHidden`, every own key.
function getKeys(value, showHidden) {
  const keys = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (showHidden || Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
  }
  return keys;
}

// Brand checks: a Map or Set whose prototype was removed is still one (only
// tried then: a failed check throws, which costs a stack trace).
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const hasBrand = (sizeOf, value) => {
  try {
    sizeOf.call(value);
    return true;
  } catch {
    return false;
  }
};
const setValues = Set.prototype.values;
const mapEntries = Map.prototype.entries;
const isMap = (value, constructor) => value instanceof Map || (constructor === null && hasBrand(mapSize, value));
const isSet = (value, constructor) => value instanceof Set || (constructor === null && hasBrand(setSize, value));

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag).get;
const isTypedArray = (v) => typedArrayTag.call(v) !== undefined;
const isIndex = (key) => typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key);
const isBoxed = (v) => v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt || v instanceof Symbol;

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  const constructor = getConstructorName(value);
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || (tag !== '' && tag === constructor)) tag = '';
  let base = '';
  let formatter = () => [];
  let braces;
  let noIterator = true;
  let extrasType = kObjectType;

  if (Array.isArray(value)) {
    keys = getKeys(value, ctx.showHidden).filter((k) => !isIndex(k));
    const prefix = constructor !== 'Array' || tag !== '' ? getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = kArrayExtrasType;
    formatter = formatArray;
    noIterator = false;
  } else if (isSet(value, constructor)) {
    const size = setSize.call(value);
    keys = getKeys(value, ctx.showHidden);
    const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
    formatter = formatSet;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
    noIterator = false;
  } else if (isMap(value, constructor)) {
    const size = mapSize.call(value);
    keys = getKeys(value, ctx.showHidden);
    const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
    formatter = formatMap;
    if (size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
    noIterator = false;
  } else if (isTypedArray(value)) {
    keys = getKeys(value, ctx.showHidden).filter((k) => !isIndex(k));
    const fallback = typedArrayTag.call(value);
    const prefix = getPrefix(constructor, tag === fallback ? '' : tag, fallback, `(${value.length})`);
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    formatter = formatTypedArray;
    extrasType = kArrayExtrasType;
    noIterator = false;
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (Object.prototype.toString.call(value) === '[object Arguments]') {
      braces[0] = '[Arguments] [';
      braces[1] = ']';
      extrasType = kArrayExtrasType;
      keys = keys.filter((k) => !isIndex(k));
      formatter = formatArray;
      if (value.length === 0 && keys.length === 0) return '[Arguments] []';
    } else if (constructor === null && tag === 'Module' && isModuleNamespace(value)) {
      braces[0] = '[Module: null prototype] {';
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (constructor === 'Object' && !(value instanceof Error)) {
      if (tag !== '') braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return ctx.stylize(base, 'special');
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if (keys.length === 0) return ctx.stylize(base, 'regexp');
    } else if (value instanceof Date) {
      base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0) return ctx.stylize(base, 'date');
    } else if (value instanceof Error) {
      base = formatError(value, ctx);
      keys = keys.filter((k) => k !== 'stack' && k !== 'message');
      if (Object.prototype.hasOwnProperty.call(value, 'cause') && !keys.includes('cause')) keys.push('cause');
      if (keys.length === 0) return base;
    } else if (value instanceof Promise) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (value instanceof WeakSet || value instanceof WeakMap) {
      braces[0] = `${getPrefix(constructor, tag, value instanceof WeakSet ? 'WeakSet' : 'WeakMap')}{`;
      formatter = () => [ctx.stylize('<items unknown>', 'special')];
    } else if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
      braces[0] = `${getPrefix(constructor, tag, value instanceof ArrayBuffer ? 'ArrayBuffer' : 'SharedArrayBuffer')}{`;
      formatter = formatArrayBuffer;
    } else if (value instanceof DataView) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      formatter = (ctx, view, recurseTimes) => [
        `byteLength: ${formatNumber(ctx.stylize, view.byteLength)}`,
        `byteOffset: ${formatNumber(ctx.stylize, view.byteOffset)}`,
        `buffer: ${formatValue(ctx, view.buffer, recurseTimes)}`,
      ];
    } else if (isBoxed(value)) {
      const primitive = value.valueOf();
      const type = typeof primitive;
      const name = type === 'bigint' ? 'BigInt' : type[0].toUpperCase() + type.slice(1);
      base = `[${name}: ${formatPrimitive((s) => s, primitive, ctx)}]`;
      if (type === 'string') keys = keys.filter((k) => !isIndex(k));
      if (keys.length === 0) return ctx.stylize(base, type);
    } else {
      if (keys.length === 0) return `${getPrefix(constructor, tag, 'Object')}{}`;
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth) {
    const name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    return ctx.stylize(constructor === null ? name : `[${name}]`, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.onPath.add(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType));
  ctx.seen.pop();
  ctx.onPath.delete(value);

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      base = base === '' ? reference : `${reference} ${base}`;
    }
  }
  const result = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const written = (ctx.budget[ctx.indentationLvl] || 0) + result.length;
  ctx.budget[ctx.indentationLvl] = written;
  if (written > 2 ** 27) ctx.depth = -1;
  return result;
}

function formatProxy(ctx, [target, handler], recurseTimes) {
  if (recurseTimes > ctx.depth) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const output = [formatValue(ctx, target, recurseTimes), formatValue(ctx, handler, recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, output, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

function getFunctionBase(value, constructor, tag) {
  const source = Function.prototype.toString.call(value);
  if (source.startsWith('class') && source.endsWith('}')) {
    let base = `[class ${value.name || '(anonymous)'}`;
    const superClass = Object.getPrototypeOf(value);
    if (superClass && superClass !== Function.prototype && superClass.name) base += ` extends ${superClass.name}`;
    return base + ']';
  }
  const kind = Object.prototype.toString.call(value).slice(8, -1);
  const type = kind === 'AsyncFunction' || kind === 'GeneratorFunction' || kind === 'AsyncGeneratorFunction' ? kind : 'Function';
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += value.name === '' || typeof value.name !== 'string' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null && constructor !== 'Function') base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag && tag !== type) base += ` [${tag}]`;
  return base;
}

function formatError(err, ctx) {
  let stack = require('internal/errors').stackOf ? require('internal/errors').stackOf(err) : `${err}`;
  if (!stack.includes('\n    at')) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  return stack;
}

function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const limit = Math.min(ctx.maxArrayLength, length);
  const output = [];
  for (let i = 0; i < length && output.length < limit; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      let holes = 1;
      while (i + 1 < length && !Object.prototype.hasOwnProperty.call(value, i + 1)) {
        holes++;
        i++;
      }
      output.push(ctx.stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined'));
    } else {
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayExtrasType));
    }
  }
  const remaining = length - limit;
  if (remaining > 0 && output.length >= limit) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatTypedArray(ctx, value) {
  const limit = Math.min(ctx.maxArrayLength, value.length);
  const output = [];
  for (let i = 0; i < limit; i++) output.push(formatPrimitive(ctx.stylize, value[i], ctx));
  const remaining = value.length - limit;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatArrayBuffer(ctx, value) {
  const bytes = new Uint8Array(value);
  let hex = Array.from(bytes.slice(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ');
  if (bytes.length > 50) hex += ` ... ${bytes.length - 50} more byte${bytes.length - 50 > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${hex}>`, `byteLength: ${formatNumber(ctx.stylize, value.byteLength)}`];
}

function formatSet(ctx, value, recurseTimes) {
  const output = [];
  ctx.indentationLvl += 2;
  // The built-in iterator: the Set's own prototype may be gone or replaced.
  for (const v of setValues.call(value)) output.push(formatValue(ctx, v, recurseTimes));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const output = [];
  ctx.indentationLvl += 2;
  for (const [k, v] of mapEntries.call(value)) output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx, value, recurseTimes) {
  const [state, result] = native.modules.promiseState(value);
  if (state === 0) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === 2 ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatProperty(ctx, value, recurseTimes, key, type) {
  let str;
  const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined || !('get' in desc || 'set' in desc)) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = formatGetter(ctx, value, recurseTimes, desc);
  } else {
    str = ctx.stylize(desc.set !== undefined ? '[Setter]' : 'undefined', desc.set !== undefined ? 'special' : 'undefined');
  }
  if (type === kArrayExtrasType) return str;
  let name;
  if (typeof key === 'symbol') name = `[${ctx.stylize(key.toString(), 'symbol')}]`;
  else if (desc.enumerable === false) name = `[${key.replace(escapedSingle, escapeOne)}]`;
  else if (isIdentifier(key)) name = key;
  else name = ctx.stylize(strEscape(key), 'string');
  return name + ': ' + str;
}

// Whether a key prints unquoted; the same few keys come back on every object.
const identifiers = new Map();
function isIdentifier(key) {
  let plain = identifiers.get(key);
  if (plain === undefined) {
    plain = /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key);
    if (identifiers.size < 1000) identifiers.set(key, plain);
  }
  return plain;
}

// `[Getter]`, or with the `getters` option the value it returns (or what
// it threw), as Node shows it.
function formatGetter(ctx, value, recurseTimes, desc) {
  const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const { getters, stylize } = ctx;
  const wanted = getters === true || (getters === 'get' && desc.set === undefined) || (getters === 'set' && desc.set !== undefined);
  if (!wanted) return stylize(`[${label}]`, 'special');
  try {
    const got = desc.get.call(value);
    ctx.indentationLvl += 2;
    let shown;
    if (got === null) shown = `${stylize(`[${label}:`, 'special')} ${stylize('null', 'null')}${stylize(']', 'special')}`;
    else if (typeof got === 'object') shown = `${stylize(`[${label}]`, 'special')} ${formatValue(ctx, got, recurseTimes)}`;
    else shown = `${stylize(`[${label}:`, 'special')} ${formatPrimitive(stylize, got, ctx)}${stylize(']', 'special')}`;
    ctx.indentationLvl -= 2;
    return shown;
  } catch (err) {
    return `${stylize(`[${label}:`, 'special')} <Inspection threw (${err.message})>${stylize(']', 'special')}`;
  }
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    totalLength += ctx.colors ? visibleLength(entry) : entry.length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  const entries = output.length;
  if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
  // Up to `compact` (3) inner levels may share one line when they fit.
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
    }
  }
  // `+`, not a template or Array.prototype.join: those copy every piece,
  // while `+` lets the engine keep them as a rope, so a deep graph's output
  // is not copied once per level. The rope is kept shallow (the engine
  // rebalances a deep one, walking all of it): the small pieces are joined
  // first and the entries pairwise.
  const indentation = indentations[ctx.indentationLvl] ?? (indentations[ctx.indentationLvl] = '\n' + ' '.repeat(ctx.indentationLvl));
  const open = (base ? base + ' ' : '') + braces[0] + indentation + '  ';
  return open + (join(output, ',' + indentation + '  ', 0, output.length) + (indentation + braces[1]));
}

const indentations = [];

function join(output, separator, from, to) {
  if (to - from === 0) return '';
  if (to - from === 1) return output[from];
  const middle = (from + to) >>> 1;
  return join(output, separator, from, middle) + (separator + join(output, separator, middle, to));
}

// Lays out many short array entries in aligned columns, aiming for a block
// about as tall as it is wide (characters being ~2.5 times taller than wide).
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--; // leave "... more items" alone
  const separatorSpace = 2; // ", "
  const dataLen = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = ctx.colors ? visibleLength(output[i]) : output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    // Numbers are right-aligned, everything else left-aligned.
    let padStart = value !== undefined;
    if (padStart) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const grouped = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let line = '';
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
        line += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
      }
      if (padStart) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
        line += output[j].padStart(padding, ' ');
      } else {
        line += output[j];
      }
      grouped.push(line);
    }
    if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
    return grouped;
  }
  return output;
}

// Node's test for `%s`: is the toString an object would use a built-in one
// (then it is inspected instead)? A Proxy is judged by its target, with no
// trap run.
const builtInObjects = new Set(Object.getOwnPropertyNames(globalThis).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)));
function hasBuiltInToString(value) {
  const proxy = native.modules.proxyDetails(value);
  if (proxy !== undefined) {
    if (proxy === null) return true;
    value = proxy[0];
  }
  if (typeof value.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (!Object.prototype.hasOwnProperty.call(pointer, 'toString'));
  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' && builtInObjects.has(descriptor.value.name);
}

// util.format: printf-like specifiers, then the remaining arguments.
function formatWithOptions(inspectOptions, ...args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    let tempStr;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const next = first[++i];
      if (a + 1 !== args.length) {
        switch (next) {
          case 's': {
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatNumber((s) => s, arg);
            else if (typeof arg === 'bigint') tempStr = `${arg}n`;
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
            else tempStr = inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
            break;
          }
          case 'j':
            try {
              tempStr = JSON.stringify(args[++a]);
            } catch (err) {
              if (!(err instanceof TypeError) || !/circular/i.test(err.message)) throw err;
              tempStr = '[Circular]';
            }
            break;
          case 'd': {
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = `${arg}n`;
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber((s) => s, Number(arg));
            break;
          }
          case 'O':
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 'o':
            tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, depth: 4 });
            break;
          case 'i': {
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = `${arg}n`;
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber((s) => s, parseInt(arg));
            break;
          }
          case 'f': {
            const arg = args[++a];
            tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber((s) => s, parseFloat(arg));
            break;
          }
          case 'c':
            a += 1;
            tempStr = '';
            break;
          case '%':
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (next === '%') {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

exports.inspect = inspect;
exports.formatWithOptions = formatWithOptions;
exports.format = (...args) => formatWithOptions(undefined, ...args);
exports.describeReceived = (value) => {
  if (value == null) return `${value}`;
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    const name = getConstructorName(value);
    return name ? `an instance of ${name}` : inspect(value, { depth: -1 });
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
};

// console: util.format'ed lines to stdout (log, info, debug, dir, table…) or
// stderr (error, warn, trace, assert), with groups, counters and timers.

const { formatWithOptions, inspect } = require('internal/inspect');
const colors = { 1: native.process.isatty(1), 2: native.process.isatty(2) };
let groupIndent = '';
const counts = new Map();
const timers = new Map();

function print(fd, text) {
  if (groupIndent !== '') text = groupIndent + text.replaceAll('\n', `\n${groupIndent}`);
  require('internal/process').consoleWrite(fd, text + '\n');
}
const formatOptions = { 1: { colors: colors[1] }, 2: { colors: colors[2] } };
// A single string is printed as it is (util.format would return it).
const printArgs = (fd, args) =>
  print(fd, args.length === 1 && typeof args[0] === 'string' ? args[0] : formatWithOptions(formatOptions[fd], ...args));

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [secs, millis] = seconds.toFixed(3).split('.');
    const pad = (n) => String(n).padStart(2, '0');
    const head = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${head}:${pad(secs)}.${millis} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function elapsed(label, name) {
  const start = timers.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return undefined;
  }
  return formatTime(native.process.now() - start);
}

// console.table's box drawing, cells left-aligned as Node 20 draws them.
function renderTable(head, columns) {
  const widths = head.map((h) => h.length);
  const longest = Math.max(...columns.map((c) => c.length));
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    for (let j = 0; j < longest; j++) {
      rows[j] ??= [];
      const cell = (rows[j][i] = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '');
      widths[i] = Math.max(widths[i] || 0, cell.length);
    }
  }
  const row = (cells) =>
    '│ ' + cells.map((cell, i) => cell + ' '.repeat(widths[i] - cell.length)).join(' │ ') + ' │';
  const divider = widths.map((w) => '─'.repeat(w + 2));
  return [
    `┌${divider.join('┬')}┐`,
    row(head),
    `├${divider.join('┼')}┤`,
    ...rows.map(row),
    `└${divider.join('┴')}┘`,
  ].join('\n');
}

function table(data, properties) {
  if (data === null || typeof data !== 'object') return console.log(data);
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, colors: false });
  };
  const isMap = data instanceof Map;
  const isSet = data instanceof Set;
  let indexKey = '(index)';
  let entries;
  if (isMap) {
    indexKey = '(iteration index)';
    const keys = [];
    const values = [];
    let i = 0;
    for (const [k, v] of data) {
      keys.push(cell(k));
      values.push(cell(v));
      i++;
    }
    return print(1, renderTable([indexKey, 'Key', 'Values'], [Array.from({ length: i }, (_, n) => `${n}`), keys, values]));
  }
  if (isSet) {
    indexKey = '(iteration index)';
    entries = [...data].map((v, i) => [`${i}`, v]);
  } else {
    entries = Object.keys(data).map((k) => [k, data[k]]);
  }
  const map = Object.create(null);
  let hasPrimitives = false;
  const valueColumn = [];
  entries.forEach(([, item], i) => {
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valueColumn[i] = cell(item);
    } else {
      for (const key of properties || Object.keys(item)) {
        map[key] ??= [];
        map[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key) ? '' : cell(item[key]);
      }
    }
  });
  const head = Object.keys(map);
  const columns = Object.values(map);
  if (hasPrimitives) {
    head.push('Values');
    columns.push(valueColumn);
  }
  head.unshift(indexKey);
  columns.unshift(entries.map(([k]) => k));
  print(1, renderTable(head, columns));
}

const console = {
  log: (...args) => printArgs(1, args),
  info: (...args) => printArgs(1, args),
  debug: (...args) => printArgs(1, args),
  dirxml: (...args) => printArgs(1, args),
  warn: (...args) => printArgs(2, args),
  error: (...args) => printArgs(2, args),
  dir: (value, options) => print(1, inspect(value, { colors: colors[1], ...options })),
  trace(...args) {
    const err = new Error(require('internal/inspect').format(...args));
    err.name = 'Trace';
    const frames = require('internal/errors').stackOf(err).split('\n').slice(1).filter((l) => !l.includes('tock:'));
    print(2, [`Trace: ${err.message}`, ...frames].join('\n'));
  },
  assert(condition, ...data) {
    if (condition) return;
    if (typeof data[0] === 'string') data[0] = `Assertion failed: ${data[0]}`;
    else data.unshift('Assertion failed');
    printArgs(2, data);
  },
  count(label = 'default') {
    label = `${label}`;
    const count = (counts.get(label) || 0) + 1;
    counts.set(label, count);
    print(1, `${label}: ${count}`);
  },
  countReset(label = 'default') {
    label = `${label}`;
    if (!counts.has(label)) return process.emitWarning(`Count for '${label}' does not exist`);
    counts.delete(label);
  },
  time(label = 'default') {
    label = `${label}`;
    if (timers.has(label)) return process.emitWarning(`Label '${label}' already exists for console.time()`);
    timers.set(label, native.process.now());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    const time = elapsed(label, 'timeEnd');
    if (time === undefined) return;
    timers.delete(label);
    print(1, `${label}: ${time}`);
  },
  timeLog(label = 'default', ...data) {
    label = `${label}`;
    const time = elapsed(label, 'timeLog');
    if (time === undefined) return;
    print(1, formatWithOptions({ colors: colors[1] }, `${label}: ${time}`, ...data));
  },
  group(...labels) {
    if (labels.length > 0) printArgs(1, labels);
    groupIndent += '  ';
  },
  groupCollapsed(...labels) {
    console.group(...labels);
  },
  groupEnd() {
    groupIndent = groupIndent.slice(0, -2);
  },
  table,
};

exports.console = console;

// What every node:sqlite test program prints with: show() formats a value
// the same in every runtime (bun's console.log differs from node's), and the
// helpers print one line per fact.
'use strict';
function show(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  switch (typeof v) {
    case 'bigint': return v + 'n';
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'string': return JSON.stringify(v);
    case 'boolean': return String(v);
    case 'function': return '[function ' + (v.name || 'anonymous') + ']';
    case 'symbol': return 'Symbol(' + (v.description || '') + ')';
  }
  if (ArrayBuffer.isView(v)) {
    const name = Object.getPrototypeOf(v) === Uint8Array.prototype ? 'Uint8Array' : (v.constructor && v.constructor.name) || '?';
    return name + '[' + Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).join(',') + ']';
  }
  if (Array.isArray(v)) return '[' + v.map(show).join(', ') + ']';
  const key = (k) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
  const body = '{' + Object.keys(v).map((k) => key(k) + ': ' + show(v[k])).join(', ') + '}';
  const proto = Object.getPrototypeOf(v);
  if (proto === null) return '[null-proto]' + body;
  if (proto === Object.prototype) return body;
  return ((proto.constructor && proto.constructor.name) || '?') + body;
}
function log(label, value) { console.log(label + ': ' + show(value)); }
function fail(label, e) {
  if (e === null || typeof e !== 'object') { console.log(label + ': threw non-object ' + show(e)); return; }
  console.log(label + ': threw name=' + show(e.name) + ' code=' + show(e.code) + ' errcode=' + show(e.errcode) +
    ' errstr=' + show(e.errstr) + ' message=' + show(e.message));
}
function check(label, fn) {
  try { log(label, fn()); } catch (e) { fail(label, e); }
}
// run() results: print the two documented fields in a fixed order (key order is not documented).
function runResult(r) {
  return { changes: r.changes, lastInsertRowid: r.lastInsertRowid, keys: Object.keys(r).sort() };
}
// Iterator results: print only done/value (the result object's prototype is not documented).
function step(r) {
  return { done: r.done, value: r.value };
}

module.exports = { show, log, fail, check, runResult, step };

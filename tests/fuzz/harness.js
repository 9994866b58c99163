'use strict';
// Fuzz harness for tock's built-ins: calls every reachable built-in function,
// method, constructor, getter and setter with odd `this` values and odd
// argument lists, and reports host bugs — Rust conversion errors leaking into
// JavaScript messages, empty/'[object Object]' messages on native errors.
// Hard deaths (exit 7/70, signals, panics, hangs) are caught by run.sh, which
// reads the ring log this program writes before every call.
//
//   tock tests/fuzz/harness.js [--seed N] [--budget-ms M] [--report]
//        [--json FILE] [--log FILE] [--journal FILE] [--batch N] [--max-calls N]
//        [--only REGEX] [--avoid PATH]... [--avoid-re REGEX] [--list] [--no-intrinsics] [--huge-arrays] [--verbose]
//
// Every call is reproducible: its description is a JavaScript expression
// (`tock -e '<expr>'`). The run is deterministic for a seed (up to the
// order of asynchronous completions).

// ---------------------------------------------------------------------------
// Primordials: captured before any fuzzed code runs.
const R = Reflect;
const RApply = R.apply;
const RConstruct = R.construct;
const ownKeys = R.ownKeys;
const gOPD = Object.getOwnPropertyDescriptor;
const getProto = Object.getPrototypeOf;
const ObjToString = Object.prototype.toString;
const FnToString = Function.prototype.toString;
const PromiseCtor = Promise;
const PromiseThen = Promise.prototype.then;
const StrSlice = String.prototype.slice;
const JSONstringify = JSON.stringify;
const DateNow = Date.now;
const MathImul = Math.imul;
const SetCtor = Set, MapCtor = Map, WeakSetCtor = WeakSet;
const ErrorCtor = Error;
const fs = require('fs');
const pathMod = require('path');
const os = require('os');
const proc = process;
const fsOpenSync = fs.openSync, fsWriteSync = fs.writeSync, fsCloseSync = fs.closeSync, fsFstatSync = fs.fstatSync;
const fsWriteFileSync = fs.writeFileSync, fsMkdirSync = fs.mkdirSync, fsRmSync = fs.rmSync, fsMkdtempSync = fs.mkdtempSync;
const fsReaddirSync = fs.readdirSync, fsLstatSync = fs.lstatSync, fsTruncateSync = fs.truncateSync, fsFtruncateSync = fs.ftruncateSync;
const fsExistsSync = fs.existsSync, fsSymlinkSync = fs.symlinkSync;
const procExit = proc.exit, procChdir = proc.chdir, procCwd = proc.cwd, procUmask = proc.umask;
const procOn = proc.on, procListenerCount = proc.listenerCount;
const stdoutWrite = proc.stdout.write;
const setImmediate_ = setImmediate, setTimeout_ = setTimeout, clearInterval_ = clearInterval, clearTimeout_ = clearTimeout;
const clearImmediate_ = clearImmediate;
const timersMod = require('timers');

const call = (f, self, ...a) => RApply(f, self, a);
const str = (v) => { try { return String(v); } catch { return '<unprintable>'; } };
const q = (s) => JSONstringify(s);

// ---------------------------------------------------------------------------
// Options.
const argv = proc.argv.slice(2);
const opt = { seed: 1, budgetMs: 10000, report: false, json: null, log: null, batch: 16, maxCalls: Infinity,
  only: null, list: false, intrinsics: true, verbose: false, hugeArrays: false, avoid: new Set(), avoidRe: null, journal: null };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i], next = () => argv[++i];
  if (a === '--seed') opt.seed = Number(next()) >>> 0;
  else if (a === '--budget-ms') opt.budgetMs = Number(next());
  else if (a === '--report') opt.report = true;
  else if (a === '--json') opt.json = pathMod.resolve(next());
  else if (a === '--log') opt.log = pathMod.resolve(next());
  else if (a === '--journal') opt.journal = pathMod.resolve(next());
  else if (a === '--batch') opt.batch = Math.max(1, Number(next()) | 0);
  else if (a === '--max-calls') opt.maxCalls = Number(next());
  else if (a === '--only') opt.only = new RegExp(next());
  else if (a === '--list') opt.list = true;
  else if (a === '--no-intrinsics') opt.intrinsics = false;
  else if (a === '--verbose') opt.verbose = true;
  else if (a === '--huge-arrays') opt.hugeArrays = true;
  else if (a === '--avoid') opt.avoid.add(next());
  else if (a === '--avoid-re') opt.avoidRe = new RegExp(next());
  else { call(stdoutWrite, proc.stdout, `unknown option ${a}\n`); procExit(2); }
}

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32).
let prngState = opt.seed >>> 0;
function rand() {
  prngState = (prngState + 0x6d2b79f5) | 0;
  let t = prngState;
  t = MathImul(t ^ (t >>> 15), t | 1);
  t ^= t + MathImul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (n) => Math.floor(rand() * n);
const pick = (arr) => arr[randInt(arr.length)];
const chance = (p) => rand() < p;

// ---------------------------------------------------------------------------
// A scratch directory is the working directory: fuzzed fs calls only ever get
// relative paths (the pools hold no absolute path and no '..').
const startCwd = call(procCwd, proc);
const tmp = call(fsMkdtempSync, fs, pathMod.join(os.tmpdir(), 'tock-fuzz-'));
function populateTmp() {
  try { fsMkdirSync(tmp, { recursive: true }); } catch {}
  try { call(procChdir, proc, tmp); } catch {}
  try { fsWriteFileSync(pathMod.join(tmp, 'file'), 'hello\nworld\n'); } catch {}
  try { fsWriteFileSync(pathMod.join(tmp, 'out'), ''); } catch {}
  try { fsMkdirSync(pathMod.join(tmp, 'dir'), { recursive: true }); } catch {}
  try { fsWriteFileSync(pathMod.join(tmp, 'dir', 'a'), 'a'); } catch {}
  try { fsSymlinkSync('file', pathMod.join(tmp, 'link')); } catch {}
}
populateTmp();
// The descriptor fuzzed fs calls get instead of 0, 1 or 2 (stdio).
let fuzzFd = -1;
function ensureFuzzFd() {
  try { if (fuzzFd >= 0) { fsFstatSync(fuzzFd); return fuzzFd; } } catch {}
  try { fuzzFd = fsOpenSync(pathMod.join(tmp, 'fdfile'), 'a+'); } catch { fuzzFd = -1; }
  return fuzzFd;
}
ensureFuzzFd();
// Keep the scratch directory small: truncate big files, reset when crowded.
function tidyTmp() {
  let entries = 0;
  const walk = (dir, depth) => {
    let names;
    try { names = fsReaddirSync(dir); } catch { return; }
    for (const n of names) {
      entries++;
      const p = pathMod.join(dir, n);
      let st;
      try { st = fsLstatSync(p); } catch { continue; }
      if (st.isFile() && st.size > (4 << 20)) { try { fsTruncateSync(p, 0); } catch {} }
      else if (st.isDirectory() && depth < 4) walk(p, depth + 1);
    }
  };
  if (!fsExistsSync(tmp)) { populateTmp(); return; }
  walk(tmp, 0);
  if (entries > 3000) {
    try { fsRmSync(tmp, { recursive: true, force: true }); } catch {}
    populateTmp();
  }
  try { if (call(procCwd, proc) !== tmp) call(procChdir, proc, tmp); } catch {}
}

// ---------------------------------------------------------------------------
// The "last calls" ring log: the record of a call is written before it runs.
const SLOT = 2048, SLOTS = 16;
let logFd = -1, logRec = 0;
if (opt.log) { try { logFd = fsOpenSync(opt.log, 'w'); } catch {} }
// The journal: every call made on a kept instance (its `this`), appended, so
// that a death caused by an earlier call on the same object (a close, say)
// can be replayed.
let journalFd = -1, journalBytes = 0;
if (opt.journal) { try { journalFd = fsOpenSync(opt.journal, 'w'); } catch {} }
function journal(seq, text) {
  if (journalFd < 0 || journalBytes > (64 << 20)) return;
  const rec = `${seq}\t${text}\n`;
  journalBytes += rec.length;
  try { fsWriteSync(journalFd, rec); } catch {}
}
function logCall(text) {
  if (logFd < 0) return;
  let rec = `${logRec}\t${text}`;
  if (rec.length > SLOT - 2) rec = call(StrSlice, rec, 0, SLOT - 2);
  try { fsWriteSync(logFd, rec + '\n', (logRec % SLOTS) * SLOT); } catch {}
  logRec++;
}

// ---------------------------------------------------------------------------
// Value pools. Each entry is a JavaScript expression, compiled once; `make`
// builds a fresh value per call so calls cannot contaminate each other.
// Tags: 'huge' values are slow to iterate (not given to ECMAScript
// built-ins, which would legitimately spin for minutes on them).
const compile = (src) => Function('require', `return () => (${src});`)(require);
function entries(list, kind) {
  return list.map((e) => {
    const [src, tags] = typeof e === 'string' ? [e, ''] : e;
    let make;
    try { make = compile(src); } catch (err) { throw new ErrorCtor(`bad pool src ${src}: ${err.message}`); }
    return { src, make, kind, huge: tags.includes('huge'), big: tags.includes('big'), hugeArray: tags.includes('hugearray') };
  });
}
const ODD = entries([
  'undefined', 'null', 'NaN', '-0', '-1', '0', '1', '2**53', '2**32', '-(2**31)', '2**31', '4294967295', 'Infinity',
  '-Infinity', '1e308', '0.5', '-1e-300',
  ["'x'.repeat(1 << 20)", 'big'], "'a\\ud83d'", "'\\udc00'", "''", "'\\0'", "'a\\0b'", "'\\ud83d\\udca9'", "'\\uffff'",
  "'%'", "'%E0%A4%A'", "'\\u0080\\u00ff'", "'\\r\\n'", "'-1'", "'1e309'", "'0x10'", "' '",
  'Symbol("s")', 'Symbol.iterator', 'Symbol.for("f")',
  '0n', '-1n', '2n ** 64n', 'true', 'false',
  '{}', 'Object.create(null)', 'new Proxy({}, {})', 'new Proxy(function () {}, {})',
  '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()',
  '(() => { const r = Proxy.revocable(function () {}, {}); r.revoke(); return r.proxy; })()',
  'new Proxy({}, new Proxy({}, { get() { return () => { throw new Error("fuzz:trap"); }; } }))',
  'new Proxy(function () {}, new Proxy({}, { get() { return () => { throw new Error("fuzz:trap"); }; } }))',
  '({ get length() { throw new Error("fuzz:get"); }, get encoding() { throw new Error("fuzz:get"); }, get signal() { throw new Error("fuzz:get"); }, get then() { throw new Error("fuzz:get"); }, get href() { throw new Error("fuzz:get"); }, get buffer() { throw new Error("fuzz:get"); }, get byteLength() { throw new Error("fuzz:get"); } })',
  '({ valueOf() { throw new Error("fuzz:valueOf"); }, toString() { throw new Error("fuzz:toString"); } })',
  '({ [Symbol.toPrimitive]() { throw new Error("fuzz:toPrimitive"); } })',
  '({ [Symbol.toPrimitive]() { return Symbol("p"); } })',
  '({ toString: null, valueOf: null })',
  '({ toString() { return {}; }, valueOf() { return {}; } })',
  '({ [Symbol.iterator]() { throw new Error("fuzz:iter"); } })',
  '({ [Symbol.iterator]: 1 })',
  'Object.freeze({ a: 1, b: [2] })', 'Object.freeze([1, 2])', 'Object.seal({ length: 1 })',
  '(() => { const o = { a: 1 }; o.self = o; o.arr = [o]; return o; })()',
  '(() => { const a = [1]; a.push(a); return a; })()',
  '[]', '[1, , 3]', '[1, 2, 3]', '["a", 1, null, undefined, {}]', 'new Array(10)', '[[[[[[[[[[]]]]]]]]]]',
  // A sparse array of length 2**32-1 is only used with --huge-arrays: QuickJS's
  // Array.prototype.join walks every index, so `${a}` spins for minutes.
  ['(() => { const a = []; a.length = 2 ** 32 - 1; return a; })()', 'huge hugearray'],
  ['({ length: 2 ** 32 })', 'huge'], ['({ length: Infinity })', 'huge'], '({ length: -1 })', '({ length: "x" })',
  '({ length: 3, 0: "a", 1: "b", 2: "c" })',
  'new Uint8Array(4)', 'new Uint8Array(0)', 'new Int32Array([-1, 2 ** 31 - 1])', 'new Float64Array([NaN, -0])',
  'new BigInt64Array(2)', 'new Uint16Array([0xd800, 0x61])', 'new Float32Array(3)', 'new Uint8ClampedArray(2)',
  'new DataView(new ArrayBuffer(4))', 'new ArrayBuffer(0)', 'new ArrayBuffer(16)', 'new SharedArrayBuffer(4)',
  '(() => { const b = new ArrayBuffer(8); (b.transfer ? b.transfer() : structuredClone(b, { transfer: [b] })); return b; })()',
  '(() => { const b = new ArrayBuffer(8); const u = new Uint8Array(b); (b.transfer ? b.transfer() : structuredClone(b, { transfer: [b] })); return u; })()',
  '(() => { const b = new ArrayBuffer(8); const d = new DataView(b); (b.transfer ? b.transfer() : structuredClone(b, { transfer: [b] })); return d; })()',
  '(() => { const b = new ArrayBuffer(8); const u = Buffer.from(b); (b.transfer ? b.transfer() : structuredClone(b, { transfer: [b] })); return u; })()',
  'new ArrayBuffer(4, { maxByteLength: 8 })',
  '(() => { const b = new ArrayBuffer(8, { maxByteLength: 8 }); const u = new Uint8Array(b, 4); b.resize(2); return u; })()',
  'new Uint8Array(new ArrayBuffer(8, { maxByteLength: 16 }))',
  'Buffer.from([0, 1, 2, 255])', 'Buffer.alloc(0)', 'Buffer.from("\\u00ff\\ud83d")',
  '() => {}', 'async () => {}', '() => { throw new Error("fuzz:fn"); }', // Rejects the first three times only: a built-in calling it a million times
  // (over a 1 MiB string) must not drown the loop in rejections.
  '(() => { let n = 0; return async () => { if (n++ < 3) throw new Error("fuzz:afn"); }; })()',
  // Built-in functions are bound, so that no call can change the real ones.
  'function* () {}', 'class {}', '(() => {}).bind(null)', 'Symbol.bind(null)', 'Math.max.bind(null)',
  '(() => { const f = function () {}; Object.defineProperty(f, "length", { get() { throw new Error("fuzz:len"); } }); Object.defineProperty(f, "name", { get() { throw new Error("fuzz:name"); } }); return f; })()',
  'new Date(NaN)', 'new Date(8.64e15)', '/(?:)/g', '/a/y', 'new Map([[1, 2]])', 'new Set([1])', 'new WeakMap()',
  'Promise.resolve(1)', '(() => { const p = Promise.reject(new Error("fuzz:rej")); p.catch(() => {}); return p; })()',
  'new Promise(() => {})', 'new Error("fuzz:e")', 'new String("s")', 'new Number(1)', 'Object(1n)', 'Object(Symbol())',
  'new URL("http://a/")', 'AbortSignal.abort()', 'AbortSignal.abort(new Error("fuzz:abort"))', 'new AbortController().signal',
  'new EventTarget()', 'new Event("x")', 'new (require("events"))()', 'new (require("stream").PassThrough)()',
  '({ highWaterMark: 2 ** 53 })', '({ highWaterMark: -1 })', '({ start: -1, end: Infinity })', '({ start: 2 ** 53, end: 0 })',
  '({ encoding: "bogus" })', '({ encoding: 1 })', '({ depth: -1 })', '({ depth: Infinity, colors: 1, maxArrayLength: -1, breakLength: NaN })',
  '({ flag: "zz" })', '({ flags: -1 })', '({ mode: 2 ** 32 })', '({ signal: "x" })', '({ signal: AbortSignal.abort() })',
  '({ recursive: "yes", withFileTypes: 1 })', '({ objectMode: 1, highWaterMark: NaN })', ['({ length: 2 ** 53, offset: -1, position: -2 })', 'huge'],
  '({ fd: -1 })', '({ fd: 2 ** 32 })', '({ fatal: true, ignoreBOM: 1 })', '({ once: "x", capture: {}, passive: NaN })',
  '({ search: {}, hash: 1, protocol: Symbol.iterator })',
], 'odd').filter((e) => !e.hugeArray || opt.hugeArrays);
const PLAUSIBLE = entries([
  '"file"', '"dir"', '"nofile"', '"dir/a"', '"out"', '"link"', '"."', '"newdir/x"',
  '"utf8"', '"utf-8"', '"hex"', '"base64"', '"base64url"', '"latin1"', '"binary"', '"ascii"', '"ucs2"', '"utf16le"', '"buffer"',
  '"r"', '"w"', '"a+"', '"wx"', '"r+"',
  '"http://u:p@a.b:8080/c/d?e=f&g=h#i"', '"https://xn--n3h.com/\\u00e9?\\u00e9"', '"a=1&b=2&a=3"', '"/p/q?x"', '"#h"',
  '"hello"', '"%s:%d:%i:%f:%j:%o:%O:%c:%%"', '"x"', '"ABC"', '"\\n"', '"\\u00e9t\\u00e9"', '"a".repeat(300)', '"error"', '"data"', '"end"',
  '0', '1', '2', '3', '8', '16', '255', '256', '1024', '65536', '-2', '3.5', '0o666', '0o777',
  'true', 'false', 'null', 'undefined',
  'Buffer.from("abc")', 'new Uint8Array([104, 105])', 'new TextEncoder().encode("\\u00e9")',
  '{}', '({ encoding: "utf8" })', '({ recursive: true })', '({ withFileTypes: true })', '({ flag: "a" })',
  '({ encoding: "buffer" })', '({ mode: 0o644 })', '({ highWaterMark: 1 })', '({ objectMode: true })', '({ depth: 0 })',
  '({ colors: true, depth: null })', '({ once: true })', '({ signal: new AbortController().signal })',
  '({ start: 1, end: 3 })', '({ force: true, recursive: true })', '({ bigint: true })', '({ fatal: true })', '({ stream: true })',
  '[1, 2]', '["a", "b"]', '[Buffer.from("a"), new Uint8Array([98])]', '[["a", "1"], ["b", "2"]]',
  ['CALLBACK', 'cb'], '(e, v) => {}', 'function () { return this; }', '(x) => x',
  'new URL("http://a/b?c=d")', 'new URLSearchParams("a=1")', 'new Error("fuzz:plausible")',
], 'plausible');
// The callback pool entry reports errors given to it (fs callbacks…).
for (const e of PLAUSIBLE) {
  if (e.src === 'CALLBACK') {
    e.src = '(e) => {}';
    e.make = null; // made per call, see makeArg
    e.callback = true;
  }
}
const ODD_NOHUGE = ODD.filter((e) => !e.huge);
const ODD_SMALL = ODD.filter((e) => !e.huge && !e.big);

// ---------------------------------------------------------------------------
// Bug detection.
const BUG_RE = /Error converting from js|into type|Conversion from string failed|invalid utf-8|Exception \{|FromJs|IntoJs|rquickjs|panicked|internal error|called `(Option|Result)::unwrap|RefCell|already borrowed|\bVec<|\bString\b.*\bi32\b|Utf8Error/i;
const bugs = new MapCtor(); // key -> bug
const suspects = new MapCtor();
const exceptionTypes = new MapCtor();
let calls = 0, asyncErrors = 0, promiseRejections = 0, callbacksWithError = 0;
const stats = { sync: 0, construct: 0, getter: 0, setter: 0 };

function isErrorObject(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return false;
  try { return e instanceof ErrorCtor || call(ObjToString, e) === '[object Error]'; } catch { return false; }
}
function describeThrown(e) {
  if (!isErrorObject(e)) return { error: false, name: e === null ? 'null' : typeof e, message: undefined };
  let name, message, code;
  try { name = e.name; } catch { name = '<throwing name>'; }
  try { message = e.message; } catch { message = '<throwing message>'; }
  try { code = e.code; } catch {}
  return { error: true, name: typeof name === 'string' ? name : str(name), message, code };
}
function isPlainThrow(e) {
  try { const p = getProto(e); return p === Object.prototype || p === null; } catch { return false; }
}
function normalize(msg) {
  return str(msg).replace(/\d+/g, 'N').replace(/'[^']*'|"[^"]*"/g, 'S').slice(0, 160);
}
function countType(d) {
  const key = d.error ? `${d.name}${d.code ? ` ${d.code}` : ''}` : `thrown ${d.name}`;
  exceptionTypes.set(key, (exceptionTypes.get(key) || 0) + 1);
}
// Examines an error a call produced (thrown, rejected, or given to a callback).
function examine(e, how, ctx) {
  const d = describeThrown(e);
  if (how === 'throw' || how === 'reject') countType(d);
  if (!d.error) {
    // A thrown primitive or plain object that no argument supplied (an
    // abort reason is thrown as it was given: not a finding).
    if (how === 'throw' && ctx.values && !/throwIfAborted/.test(ctx.path) && !ctx.values.includes(e) && !(e && typeof e === 'object' && !isPlainThrow(e))) {
      const key = `${ctx.path}|thrown ${d.name}`;
      if (!suspects.has(key)) suspects.set(key, { kind: `non-Error thrown (${d.name})`, path: ctx.path, how, name: d.name, message: str(typeof e === 'symbol' ? e.toString() : e).slice(0, 200), repro: ctx.repro, seed: opt.seed, seq: ctx.seq });
    }
    return;
  }
  const message = d.message;
  if (typeof message === 'string' && message.startsWith('fuzz:')) return; // our own throws
  let why = null;
  if (typeof message !== 'string') why = `message is not a string (${typeof message})`;
  else if (BUG_RE.test(message)) why = 'Rust type or conversion in message';
  else if (message === '' && !ctx.hasEmptyString) why = 'empty message';
  else if (message === '[object Object]' && !ctx.hasObjectArg) why = "'[object Object]' message";
  else if (/^(InternalError|RangeError)$/.test(d.name) && /stack overflow|Maximum call stack/i.test(message)) {
    // QuickJS's Array.prototype.join recurses into a cyclic array (V8 prints
    // '' for the cycle): every coercion of the cyclic array overflows.
    if (ctx.repro.includes('a.push(a)') || !ctx.host) return;
    const key = `${ctx.path}|${normalize(message)}`;
    if (!suspects.has(key)) suspects.set(key, { kind: 'stack overflow', path: ctx.path, how, name: d.name, message, repro: ctx.repro, seed: opt.seed, seq: ctx.seq });
    return;
  }
  if (!why) {
    let stack = '';
    try { stack = str(e.stack); } catch {}
    if (/panicked|rquickjs|Error converting/i.test(stack)) why = 'Rust text in stack';
  }
  if (!why) return;
  const key = `${ctx.path}|${d.name}|${normalize(message)}`;
  const prev = bugs.get(key);
  if (prev) {
    prev.count++;
    if (prev.examples.length < 6 && !prev.examples.includes(ctx.repro)) prev.examples.push(ctx.repro);
    return;
  }
  bugs.set(key, { why, path: ctx.path, host: ctx.host !== false, how, name: d.name, code: d.code, message: str(message), repro: ctx.repro, examples: [ctx.repro], seed: opt.seed, seq: ctx.seq, count: 1 });
  if (opt.verbose) call(stdoutWrite, proc.stdout, `BUG ${ctx.path}: ${d.name}: ${str(message)}\n  ${ctx.repro}\n`);
}

// Errors escaping asynchronously: counted, and examined against the batch.
let currentBatch = { first: 0, last: 0, descs: [] };
function onAsync(kind) {
  return (e) => {
    try {
      asyncErrors++;
      const d = describeThrown(e);
      countType({ ...d, name: `${kind}: ${d.name}` });
      const b = currentBatch;
      // Which call of the batch caused it is unknown: the batch's calls are
      // the repro (run.py replays them); run with --batch 1 to narrow it.
      examine(e, kind, { path: `async (${kind})`, repro: b.descs.length === 1 ? b.descs[0] : b.descs.slice(-8).join(' ;; '), seq: b.last, hasEmptyString: true, hasObjectArg: true });
    } catch {}
  };
}
const onUncaught = onAsync('uncaughtException');
const onUnhandled = onAsync('unhandledRejection');
call(procOn, proc, 'uncaughtException', onUncaught);
call(procOn, proc, 'unhandledRejection', onUnhandled);
function ensureHandlers() {
  try {
    if (call(procListenerCount, proc, 'uncaughtException') === 0) call(procOn, proc, 'uncaughtException', onUncaught);
    if (call(procListenerCount, proc, 'unhandledRejection') === 0) call(procOn, proc, 'unhandledRejection', onUnhandled);
  } catch {}
}

// ---------------------------------------------------------------------------
// The surface: walk globals and built-in modules.
const ES_GLOBALS = new SetCtor(('Object Function Array Number parseFloat parseInt Infinity NaN undefined Boolean String Symbol Date Promise ' +
  'RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError InternalError SuppressedError ' +
  'globalThis JSON Math Intl ArrayBuffer SharedArrayBuffer Atomics Uint8Array Int8Array Uint16Array Int16Array Uint32Array ' +
  'Int32Array Float16Array Float32Array Float64Array Uint8ClampedArray BigUint64Array BigInt64Array DataView Map BigInt Set WeakMap ' +
  'WeakSet Proxy Reflect FinalizationRegistry WeakRef decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape ' +
  'eval isFinite isNaN Iterator DisposableStack AsyncDisposableStack').split(' '));
const HARNESS_NAMES = new SetCtor(['module', 'exports', 'require', '__filename', '__dirname']);

const targets = [];
const visited = new WeakSetCtor();
const protoOwners = new WeakSetCtor(); // objects that are some class's prototype
const instances = new MapCtor(); // prototype -> [{ v, src }]
const MAX_DEPTH = 4;
const WELL_KNOWN = new MapCtor();
for (const k of ownKeys(Symbol)) {
  const v = Symbol[k];
  if (typeof v === 'symbol') WELL_KNOWN.set(v, `Symbol.${str(k)}`);
}
function keySrc(base, k) {
  if (typeof k === 'symbol') {
    const wk = WELL_KNOWN.get(k);
    if (wk) return `${base}[${wk}]`;
    return `${base}[Object.getOwnPropertySymbols(${base}).find((s) => s.description === ${q(k.description)})]`;
  }
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `${base}.${k}` : `${base}[${q(k)}]`;
}
const keyLit = (k) => (typeof k === 'symbol' ? (WELL_KNOWN.get(k) || `Symbol(${q(k.description)})`) : q(k));
const keyName = (k) => (typeof k === 'symbol' ? `[${k.description}]` : k);

// Denied: process-ending, blocking, signal-related, spawning, cwd-changing.
const denyFns = new WeakSetCtor();
const denyIf = (f) => { if (typeof f === 'function') denyFns.add(f); };
for (const k of ['exit', 'reallyExit', 'abort', 'kill', 'chdir', 'send', 'disconnect', 'setUncaughtExceptionCaptureCallback', 'dlopen', '_kill'])
  denyIf(proc[k]);
denyIf(Atomics.wait);
denyIf(Atomics.waitAsync);
denyIf(Atomics.pause); // may spin for as many iterations as asked
denyIf(os.setPriority);
// cluster.fork spawns processes (this harness again), as child_process does.
const DENY_PATH = /child_process|require\("cluster"\)\.fork\b|\.runMain\b|^process\.(stdin|_events|exitCode)\b|\.prototype\.(kill|disconnect)$/;
// `this` values fuzzed methods must not get (they would break the harness).
const PROTECTED = new WeakSetCtor([proc, proc.stdout, proc.stderr, globalThis]);
const PROCESS_OK = /^(hrtime|memoryUsage|cwd|nextTick|emitWarning|uptime|umask|getuid|getgid|geteuid|getegid|bigint|cpuUsage|resourceUsage|listenerCount|listeners|rawListeners|eventNames|getMaxListeners)$/;
const STDIO_OK = /^(write|hasColors|getColorDepth|getWindowSize|listenerCount|listeners|eventNames|getMaxListeners)$/;

function addTarget(t) {
  if (opt.only && !opt.only.test(t.path)) return;
  if (opt.avoid.has(t.path) || (opt.avoidRe && opt.avoidRe.test(t.path))) return;
  if (DENY_PATH.test(t.path)) return;
  t.calls = 0;
  t.fsLike = /^require\("fs(\/promises)?"\)/.test(t.path);
  // Takes a file descriptor first: fs functions, FileHandle, streams, stdio.
  t.fdFirst = t.fsLike || /open\(|process\.std|Stream|Handle/.test(t.path);
  t.timerLike = /setInterval|setTimeout|setImmediate/.test(t.path);
  targets.push(t);
}
function isClassLike(f) {
  let p;
  try { p = gOPD(f, 'prototype'); } catch { return false; }
  if (!p || !p.value || typeof p.value !== 'object') return false;
  try { if (call(FnToString, f).startsWith('class')) return true; } catch {}
  const n = f.name;
  return typeof n === 'string' && /^[A-Z]/.test(n);
}
// A function: a target (called, and constructed when it looks like a class),
// then its statics and its prototype's methods.
function registerFn(f, src, owner, ownerSrc, key, isProto, depth, host) {
  if (visited.has(f) || denyFns.has(f)) return;
  visited.add(f);
  if (DENY_PATH.test(src)) return;
  addTarget({ kind: owner === undefined ? 'call' : 'method', fn: f, path: src, owner, ownerSrc, key, isProto, host });
  if (isClassLike(f)) {
    addTarget({ kind: 'construct', fn: f, path: src, owner, ownerSrc, key, host });
    try { protoOwners.add(f.prototype); } catch {}
  }
  walkChildren(f, src, depth, host);
}
function walk(obj, src, depth, host) {
  if (obj === null || typeof obj !== 'object') return;
  if (visited.has(obj)) return;
  visited.add(obj);
  walkChildren(obj, src, depth, host);
  // The classes of plain objects (process.stdout's, a Stats'…), and the
  // prototype chains of prototypes (Buffer.prototype's Uint8Array…).
  let p;
  try { p = getProto(obj); } catch { p = null; }
  if (p && !visited.has(p)) {
    protoOwners.add(p);
    walk(p, `Object.getPrototypeOf(${src})`, depth + 1, host);
  }
}
function walkChildren(obj, src, depth, host) {
  if (depth >= MAX_DEPTH) return;
  let keys;
  try { keys = ownKeys(obj); } catch { return; }
  const isFn = typeof obj === 'function';
  const isProto = protoOwners.has(obj);
  for (const k of keys) {
    if (isFn && (k === 'caller' || k === 'arguments')) continue;
    const ksrc = keySrc(src, k);
    if (DENY_PATH.test(ksrc)) continue;
    let d;
    try { d = gOPD(obj, k); } catch { continue; }
    if (!d) continue;
    if ('value' in d) {
      const v = d.value;
      if (typeof v === 'function') {
        registerFn(v, ksrc, obj, src, k, isProto, depth + 1, host);
      } else if (v !== null && typeof v === 'object') {
        if (isFn && k === 'prototype') protoOwners.add(v);
        walk(v, ksrc, depth + 1, host);
      }
    } else {
      const base = { owner: obj, ownerSrc: src, key: k, isProto, host, path: ksrc };
      if (d.get && !visited.has(d.get) && !denyFns.has(d.get)) {
        visited.add(d.get);
        addTarget({ ...base, kind: 'getter', fn: d.get });
        if (!isProto && !PROTECTED_GETTERS(obj, k)) {
          let v;
          try { v = call(d.get, obj); } catch {}
          if (typeof v === 'function') registerFn(v, ksrc, obj, src, k, false, depth + 1, host);
          else if (v !== null && typeof v === 'object') walk(v, ksrc, depth + 1, host);
        }
      }
      if (d.set && !visited.has(d.set) && !denyFns.has(d.set)) {
        visited.add(d.set);
        addTarget({ ...base, kind: 'setter', fn: d.set });
      }
    }
  }
}
function PROTECTED_GETTERS(obj, k) {
  return (obj === proc && (k === 'stdin' || k === 'exitCode')) || obj === globalThis && HARNESS_NAMES.has(k);
}

// Roots: ECMAScript globals first (so shared intrinsics count as such), then
// tock's globals, then every built-in module.
const globalNames = ownKeys(globalThis).filter((k) => typeof k === 'string' && !HARNESS_NAMES.has(k));
const esNames = globalNames.filter((k) => ES_GLOBALS.has(k));
const hostNames = globalNames.filter((k) => !ES_GLOBALS.has(k));
// Harness functions are not targets.
for (const f of [onUncaught, onUnhandled, rand, examine]) visited.add(f);
function walkGlobal(name, host) {
  if (name === 'globalThis' || name === 'global') return;
  const d = gOPD(globalThis, name);
  if (!d) return;
  let v;
  if ('value' in d) v = d.value;
  else {
    try { v = call(d.get, globalThis); } catch { return; }
  }
  if (typeof v === 'function') registerFn(v, name, undefined, null, null, false, 0, host);
  else walk(v, name, 0, host);
}
if (opt.intrinsics) for (const n of esNames) walkGlobal(n, false);
else for (const n of esNames) { try { const v = globalThis[n]; if (v && typeof v === 'object' || typeof v === 'function') markVisitedDeep(v, 0); } catch {} }
function markVisitedDeep(v, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function') || visited.has(v) || depth > 3) return;
  visited.add(v);
  let keys;
  try { keys = ownKeys(v); } catch { return; }
  for (const k of keys) {
    let d;
    try { d = gOPD(v, k); } catch { continue; }
    if (d && 'value' in d) markVisitedDeep(d.value, depth + 1);
    else if (d) { if (d.get) visited.add(d.get); if (d.set) visited.add(d.set); }
  }
}
for (const n of hostNames) walkGlobal(n, true);
let builtinNames;
try { builtinNames = require('module').builtinModules.slice(); } catch {
  builtinNames = ['assert', 'assert/strict', 'buffer', 'child_process', 'console', 'events', 'fs', 'fs/promises', 'module', 'os', 'path',
    'perf_hooks', 'process', 'readline', 'readline/promises', 'stream', 'stream/promises', 'string_decoder', 'timers', 'timers/promises',
    'tty', 'url', 'util', 'crypto', 'net', 'http', 'zlib', 'worker_threads', 'vm', 'dns', 'querystring'];
}
const modules = [];
for (const name of builtinNames) {
  if (name === 'child_process') continue; // spawns processes
  let m;
  try { m = require(name); } catch (e) { continue; }
  modules.push(name);
  if (typeof m === 'function') registerFn(m, `require(${q(name)})`, undefined, null, null, false, 0, true);
  else walk(m, `require(${q(name)})`, 0, true);
}
// `module` (this program's) and `require` themselves.
registerFn(require, 'require', undefined, null, null, false, 1, true);

// ---------------------------------------------------------------------------
// Instances, as `this` for prototype methods.
function protoChain(v) {
  const out = [];
  let p;
  try { p = getProto(v); } catch { return out; }
  while (p && out.length < 12) {
    out.push(p);
    try { p = getProto(p); } catch { break; }
  }
  return out;
}
let instanceIds = 0;
function storeInstance(v, src, fromCall) {
  if (v === null || v === undefined) return;
  if (typeof v === 'object' || typeof v === 'function') {
    if (PROTECTED.has(v)) return;
    // Big objects make later calls on them slow (a callback per element…).
    try {
      if ((ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof SharedArrayBuffer) && v.byteLength > 65536) return;
      if (Array.isArray(v) && v.length > 65536) return;
    } catch { return; }
  }
  if (src.length > 400) return;
  // As `this`, an object instance is named, so that a sequence of calls
  // replayed together (run.sh's minimiser) acts on the same object.
  const memo = typeof v === 'object' || typeof v === 'function' ? `(globalThis.$${++instanceIds} ??= ${src})` : src;
  const chain = protoChain(v);
  for (const p of chain) {
    if (p === Object.prototype) break;
    if (fromCall && (p === Array.prototype || p === Function.prototype)) break;
    let list = instances.get(p);
    if (!list) { list = []; instances.set(p, list); }
    if (list.length < 4) list.push({ v, src: memo });
    else if (chance(0.25)) list[randInt(4)] = { v, src: memo };
  }
  // Discover the classes of new objects (a FileHandle, a Dirent…).
  if (typeof v === 'object' && chain.length && !visited.has(chain[0]) && targets.length < 20000) {
    protoOwners.add(chain[0]);
    walk(chain[0], `Object.getPrototypeOf(${src})`, 1, true);
  }
  return memo;
}
const CANNED = [
  'new URL("http://user:pw@example.com:8080/p/a/t/h?query=string#hash")', 'new URL("file:///tmp/x")',
  'new URLSearchParams("a=1&b=2&a=3")', 'new URL("http://a/?x=1").searchParams',
  'Buffer.from("hello world")', 'Buffer.alloc(0)', 'Buffer.from([1, 2, 3]).subarray(1)',
  'new TextEncoder()', 'new TextDecoder()', 'new TextDecoder("utf-16le", { fatal: true })',
  'new AbortController()', 'AbortSignal.abort()', 'new EventTarget()', 'new Event("x")', 'new DOMException("m", "AbortError")',
  'new (require("events"))()', 'new (require("stream").Readable)({ read() {} })',
  'new (require("stream").Writable)({ write(c, e, cb) { cb(); } })',
  'new (require("stream").Duplex)({ read() {}, write(c, e, cb) { cb(); } })',
  'new (require("stream").Transform)({ transform(c, e, cb) { cb(null, c); } })',
  'new (require("stream").PassThrough)()', 'require("stream").Readable.from(["a", "b"])',
  'new (require("string_decoder").StringDecoder)("utf8")', 'new (require("string_decoder").StringDecoder)("base64")',
  'require("fs").statSync(".")', 'require("fs").lstatSync("link")', 'require("fs").statSync(".", { bigint: true })',
  'require("fs").createReadStream("file")', 'require("fs").createWriteStream("out")',
  'require("fs").opendirSync(".")', 'require("fs").readdirSync(".", { withFileTypes: true })[0]',
  'require("readline").createInterface({ input: new (require("stream").PassThrough)() })',
  'new (require("console").Console)(new (require("stream").PassThrough)())',
  'new (require("assert").AssertionError)({ message: "m" })',
  'require("timers").setTimeout(() => {}, 1e9)', 'require("timers").setImmediate(() => {})',
  'require("url").pathToFileURL("file")', 'require("module").createRequire(__filename)',
  'new (require("module"))("m")', 'require("timers/promises").setInterval(1e9)', 'require("events").on(new (require("events"))(), "x")',
  '[1, 2, 3]', 'new Map([[1, 2]])', 'new Set([1])', 'new Date(0)', '/a(b)?/g', 'Promise.resolve(1)', 'new Uint8Array([1, 2, 3])',
  'new Float64Array(2)', 'new BigUint64Array(2)', 'new DataView(new ArrayBuffer(8))', 'new ArrayBuffer(8)',
  'new ArrayBuffer(8, { maxByteLength: 16 })', 'new SharedArrayBuffer(8)', 'new WeakMap()', 'new WeakSet()', 'new WeakRef({})',
  'new FinalizationRegistry(() => {})', '"abc"', '1.5', '10n', 'Symbol("t")', 'true', '(function* () { yield 1; })()',
  '(async function* () { yield 1; })()', '[].values()', 'new Map().entries()', '"ab"[Symbol.iterator]()', 'new Error("e")',
  'new AggregateError([])', 'function f() {}', 'async function g() {}', 'class A {}', 'new DisposableStack()',
  'new AsyncDisposableStack()', 'Iterator.from([1])', '"a".matchAll(/a/g)',
];
const timerHandles = [];
for (const src of CANNED) {
  let v;
  try { v = compile(src)(); } catch { continue; }
  if (/setTimeout|setImmediate/.test(src)) timerHandles.push(v);
  storeInstance(v, src, false);
}
// FileHandles come from a promise.
try {
  call(PromiseThen, require('fs/promises').open('file', 'r+'), (fh) => storeInstance(fh, 'await require("fs/promises").open("file", "r+")', false), () => {});
} catch {}
// Every host class, constructed without arguments.
for (const t of targets.slice()) {
  if (t.kind !== 'construct' || !t.host) continue;
  if (/Timeout|Immediate|Interval/.test(t.path)) continue;
  try { storeInstance(RConstruct(t.fn, []), `new (${t.path})()`, false); } catch {}
}

// ---------------------------------------------------------------------------
// Building calls.
let callSeq = 0;
function poolFor(t) {
  return t.host ? ODD : ODD_NOHUGE;
}
function makeArg(e, ctx) {
  if (e.callback && !ctx.host) return (err) => {};
  if (e.callback) {
    return function fuzzCallback(err) {
      callbacksWithError += err ? 1 : 0;
      if (err) examine(err, 'callback', ctx);
    };
  }
  return e.make();
}
function chooseEntry(t) {
  if (chance(0.5)) {
    const pool = poolFor(t);
    let e = pick(pool);
    if (e.big && chance(0.7)) e = pick(ODD_SMALL); // a 1 MiB string: now and then
    return e;
  }
  return pick(PLAUSIBLE);
}
// Returns { self, selfSrc } for a target.
function chooseThis(t) {
  const protoOwned = t.isProto && t.owner;
  const r = rand();
  if (protoOwned) {
    const list = instances.get(t.owner);
    if (list && list.length && r < 0.65) { const i = pick(list); return { self: i.v, selfSrc: i.src, inst: true }; }
    if (t.host && r < 0.75) return { self: t.owner, selfSrc: t.ownerSrc, owner: true };
  } else if (t.owner !== undefined && r < 0.75) {
    return { self: t.owner, selfSrc: t.ownerSrc, owner: true };
  }
  const e = chooseEntry(t);
  return { self: e.make ? e.make() : undefined, selfSrc: e.make ? e.src : 'undefined' };
}
function nArgs(t) {
  let n = randInt(4);
  if (chance(0.25)) { try { const l = t.fn.length; if (typeof l === 'number' && l >= 0 && l <= 4) n = l; } catch {} }
  return n;
}
function argsSrc(list) { return list.join(', '); }
function reproOf(t, th, aSrc) {
  switch (t.kind) {
    case 'construct': return `new (${t.path})(${argsSrc(aSrc)})`;
    case 'getter': return `Reflect.get(${t.ownerSrc}, ${keyLit(t.key)}, ${th.selfSrc})`;
    case 'setter': return `Reflect.set(${t.ownerSrc}, ${keyLit(t.key)}, ${aSrc[0] ?? 'undefined'}, ${th.selfSrc})`;
    case 'method':
      if (th.owner) return `${t.path}(${argsSrc(aSrc)})`;
      return `${t.path}.call(${th.selfSrc}${aSrc.length ? ', ' : ''}${argsSrc(aSrc)})`;
    default:
      return `${t.path}.call(${th.selfSrc}${aSrc.length ? ', ' : ''}${argsSrc(aSrc)})`;
  }
}
const IS_EMPTY_OR_OBJ = (v) => v === '' || (v !== null && typeof v === 'object');
function methodName(t) { return t.key === null ? '' : keyName(t.key); }
function allowedOnProtected(self, t) {
  if (!PROTECTED.has(self)) return true;
  const name = str(methodName(t));
  if (t.kind === 'setter') return false;
  if (self === proc) return PROCESS_OK.test(name);
  if (self === globalThis) return t.kind === 'method' && t.owner === globalThis;
  return STDIO_OK.test(name);
}
const pendingIntervals = [];
const umask0 = call(procUmask, proc);

function fuzzOne(t) {
  const th = t.kind === 'construct' ? { self: undefined, selfSrc: '' } : chooseThis(t);
  if (t.kind !== 'construct' && !allowedOnProtected(th.self, t)) return;
  if (t.kind === 'setter' && th.owner && !t.isProto) return; // would change a module or global
  if (t.kind === 'setter' && !t.host && !t.isProto) return; // Error.prepareStackTrace and the like
  const n = t.kind === 'getter' ? 0 : t.kind === 'setter' ? 1 : nArgs(t);
  const ctx = { path: t.path, host: t.host, repro: '', seq: 0, hasEmptyString: false, hasObjectArg: false };
  const args = [], aSrc = [];
  for (let i = 0; i < n; i++) {
    const e = chooseEntry(t);
    let v = makeArg(e, ctx);
    let s = e.src;
    // A descriptor it did not open is never handed out: 0-2 are stdio, and
    // the runtime's own (its event loop's epoll and self-pipe…) follow.
    if (t.fdFirst && i === 0 && typeof v === 'number' && v >= 0 && v < 65536 && v === Math.floor(v)) {
      v = ensureFuzzFd();
      s = 'require("fs").openSync("fdfile", "a+")';
    }
    // Never hand a protected object or fd elsewhere either.
    args.push(v);
    aSrc.push(s);
    if (IS_EMPTY_OR_OBJ(v)) { if (v === '') ctx.hasEmptyString = true; else ctx.hasObjectArg = true; }
  }
  if (IS_EMPTY_OR_OBJ(th.self)) { if (th.self === '') ctx.hasEmptyString = true; else ctx.hasObjectArg = true; }
  ctx.values = [th.self, ...args];
  const repro = reproOf(t, th, aSrc);
  const seq = ++callSeq;
  ctx.repro = repro;
  ctx.seq = seq;
  currentBatch.last = seq;
  if (currentBatch.descs.length < 64) currentBatch.descs.push(repro);
  logCall(`call ${seq} ${t.host ? 'H' : 'E'} ${t.path} :: ${repro}`);
  if (th.inst) journal(seq, repro);
  t.calls++;
  calls++;
  stats[t.kind === 'method' || t.kind === 'call' ? 'sync' : t.kind]++;
  let result, threw = false;
  try {
    if (t.kind === 'construct') result = RConstruct(t.fn, args);
    else result = RApply(t.fn, th.self, args);
  } catch (e) {
    threw = true;
    examine(e, 'throw', ctx);
  }
  if (t.fn === procUmask) { try { call(procUmask, proc, umask0); } catch {} }
  if (threw) return;
  if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
    if (t.timerLike) pendingIntervals.push(result);
    let isPromise = false;
    try { isPromise = result instanceof PromiseCtor; } catch {}
    if (isPromise) {
      try {
        call(PromiseThen, result, (v) => {
          if (v !== null && typeof v === 'object' && !PROTECTED.has(v)) {
            try { if (typeof v.close === 'function' && typeof v.fd === 'number') closeLater(v, storeInstance(v, `await ${repro}`, true)); } catch {}
          }
        }, (e) => { promiseRejections++; examine(e, 'reject', ctx); });
      } catch {}
    } else {
      let memo;
      try { memo = storeInstance(result, repro, true); } catch {}
      try {
        if (t.fsLike && typeof result === 'object' && typeof result.close === 'function') closeLater(result, memo);
      } catch {}
    }
  } else if (t.fsLike && typeof result === 'number' && result > 2 && /open/i.test(t.path) && result !== logFd && result !== fuzzFd) {
    openFds.push(result);
  }
}
// Descriptors and handles fuzzed calls opened: closed a while later.
const openFds = [];
const closables = [];
function closeLater(h, memo) { closables.push({ h, memo }); }
function closeOld(keep) {
  while (openFds.length > keep) { const fd = openFds.shift(); if (fd !== logFd && fd !== fuzzFd) { try { fsCloseSync(fd); } catch {} } }
  while (closables.length > keep) {
    const { h, memo } = closables.shift();
    // Journaled: a later call on the closed object replays with its close.
    if (memo) journal(callSeq, `${memo}.close()`);
    try { const r = h.close(); if (r && typeof r.then === 'function') call(PromiseThen, r, null, () => {}); } catch {}
  }
}

// ---------------------------------------------------------------------------
// The schedule: every target in turn (host ones three times as often),
// shuffled, a few calls each; rebuilt when done (with new targets).
function buildSchedule() {
  const s = [];
  for (const t of targets) {
    s.push(t);
    if (t.host) s.push(t, t);
  }
  for (let i = s.length - 1; i > 0; i--) { const j = randInt(i + 1); const x = s[i]; s[i] = s[j]; s[j] = x; }
  return s;
}

if (opt.list) {
  for (const t of targets) call(stdoutWrite, proc.stdout, `${t.host ? 'host' : 'es  '} ${t.kind.padEnd(9)} ${t.path}\n`);
  call(stdoutWrite, proc.stdout, `${targets.length} targets\n`);
  try { fsRmSync(tmp, { recursive: true, force: true }); } catch {}
  procExit(0);
}

const tick = () => new PromiseCtor((resolve) => setImmediate_(resolve));
const sleep = (ms) => new PromiseCtor((resolve) => setTimeout_(resolve, ms));
const t0 = DateNow();

async function main() {
  let schedule = buildSchedule(), at = 0;
  let batchNo = 0;
  while (DateNow() - t0 < opt.budgetMs && calls < opt.maxCalls) {
    currentBatch = { first: callSeq + 1, last: callSeq, descs: [] };
    for (let i = 0; i < opt.batch && calls < opt.maxCalls; i++) {
      if (at >= schedule.length) { schedule = buildSchedule(); at = 0; }
      const t = schedule[at++];
      const k = t.calls === 0 ? 3 : 1;
      for (let j = 0; j < k && calls < opt.maxCalls; j++) fuzzOne(t);
    }
    // Intervals and timers fuzzed calls made: cleared before they pile up.
    while (pendingIntervals.length) {
      const h = pendingIntervals.pop();
      try { clearInterval_(h); } catch {}
      try { clearImmediate_(h); } catch {}
    }
    logCall(`yield after ${callSeq}`);
    await tick();
    batchNo++;
    if (batchNo % 16 === 0) {
      tidyTmp();
      ensureHandlers();
      closeOld(64);
      if (fuzzFd >= 0) { try { fsFtruncateSync(fuzzFd, 0); } catch {} }
    }
    if (batchNo % 64 === 0) await sleep(1); // let timers and I/O run
  }
  currentBatch = { first: callSeq, last: callSeq, descs: ['(end of run)'] };
  logCall(`draining after ${callSeq}`);
  closeOld(0);
  await sleep(200);
  finish();
}

function finish() {
  logCall('finishing');
  const reached = targets.filter((t) => t.calls > 0).length;
  const hostTargets = targets.filter((t) => t.host);
  const result = {
    seed: opt.seed,
    elapsedMs: DateNow() - t0,
    calls,
    byKind: stats,
    functionsReached: reached,
    functionsTotal: targets.length,
    hostFunctionsReached: hostTargets.filter((t) => t.calls > 0).length,
    hostFunctionsTotal: hostTargets.length,
    modules,
    reachedPaths: targets.filter((t) => t.calls > 0).map((t) => `${t.kind} ${t.path}`),
    allPaths: targets.map((t) => `${t.kind} ${t.path}`),
    asyncErrors,
    promiseRejections,
    callbacksWithError,
    exceptions: Object.fromEntries([...exceptionTypes].sort((a, b) => b[1] - a[1])),
    bugs: [...bugs.values()],
    suspects: [...suspects.values()],
  };
  if (opt.json) { try { fsWriteFileSync(opt.json, JSONstringify(result, null, 1)); } catch {} }
  if (opt.report) {
    const lines = [];
    lines.push(`\n=== tock fuzz report (seed ${opt.seed}) ===`);
    lines.push(`calls: ${calls} in ${result.elapsedMs} ms (${stats.sync} calls, ${stats.construct} constructions, ${stats.getter} getters, ${stats.setter} setters)`);
    lines.push(`functions reached: ${reached}/${targets.length} (host ${result.hostFunctionsReached}/${result.hostFunctionsTotal}); modules: ${modules.length}`);
    lines.push(`async errors: ${asyncErrors}, rejections: ${promiseRejections}, callback errors: ${callbacksWithError}`);
    lines.push('exceptions by type:');
    for (const [k, v] of [...exceptionTypes].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${String(v).padStart(7)}  ${k}`);
    lines.push(`bugs: ${bugs.size}`);
    for (const b of bugs.values()) {
      lines.push(`  [${b.why}] ${b.path} (${b.how}, ×${b.count}, seed ${b.seed}, call #${b.seq})`);
      lines.push(`    ${b.name}: ${b.message.slice(0, 300)}`);
      lines.push(`    repro: ${b.repro.slice(0, 600)}`);
    }
    if (suspects.size) {
      lines.push(`suspects (not counted as bugs): ${suspects.size}`);
      for (const s of suspects.values()) lines.push(`  [${s.kind}] ${s.path}: ${s.name}: ${s.message}\n    repro: ${s.repro.slice(0, 400)}`);
    }
    try { fsWriteSync(1, lines.join('\n') + '\n'); } catch {}
  }
  try { call(procChdir, proc, startCwd); } catch {}
  try { fsRmSync(tmp, { recursive: true, force: true }); } catch {}
  call(procExit, proc, bugs.size ? 1 : 0);
}

main().catch((e) => {
  try { fsWriteSync(2, `fuzz harness failure: ${e && e.stack}\n`); } catch {}
  try { fsRmSync(tmp, { recursive: true, force: true }); } catch {}
  call(procExit, proc, 3);
});

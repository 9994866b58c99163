// Structured clone of messages to a worker and back: what survives, what is lost (inspected on both sides).
const { Worker, isMainThread, parentPort } = require('worker_threads');
const util = require('util');
const show = (v) => util.inspect(v, { depth: 4, breakLength: 120, showHidden: false });

if (!isMainThread) {
  parentPort.on('message', (v) => {
    // Report what arrived (inspected in the worker), then send it back as-is.
    parentPort.postMessage({ seen: show(v), proto: Object.getPrototypeOf(v)?.constructor?.name ?? null, v });
  });
  return;
}

class Point { constructor() { this.x = 1; this.y = 2; } get sum() { return 3; } }
const circular = { name: 'loop', list: [] };
circular.self = circular;
circular.list.push(circular, { back: circular });
const shared = { s: 1 };
const sparse = [1, , 3];
sparse[6] = 'seven';
const cases = [
  ['primitives', [undefined, null, NaN, -0, 0, Infinity, 12345678901234567890n, '', 'é€😀', true]],
  ['map', new Map([[1, 'one'], [{ k: 1 }, new Set([2])]])],
  ['set', new Set(['a', 1, null])],
  ['date', new Date(Date.UTC(2020, 1, 29, 12, 34, 56, 789))],
  ['invalid date', new Date(NaN)],
  ['regexp', /ab+c/giu],
  ['circular', circular],
  ['shared refs', { a: shared, b: shared, same: null }],
  ['typed arrays', { u8: new Uint8Array([1, 2, 255]), f64: new Float64Array([1.5, -0]), big: new BigInt64Array([-1n]) }],
  ['views on one buffer', (() => { const b = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer; return [new Uint8Array(b, 2, 3), new DataView(b), b]; })()],
  ['sparse', sparse],
  ['boxed', [Object(1), Object('str'), Object(false), Object(5n)]],
  ['class instance', new Point()],
  ['array props', Object.assign([1, 2], { prop: 'kept?' })],
  ['non-enumerable and symbols', Object.defineProperties({ vis: 1, [Symbol('s')]: 2 }, { hidden: { value: 3, enumerable: false } })],
  ['getter', { get g() { return 'computed'; } }],
  ['null proto', Object.assign(Object.create(null), { a: 1 })],
  ['buffer', Buffer.from('hi')],
];

const w = new Worker(__filename);
let i = 0;
const next = () => {
  if (i === cases.length) return w.terminate();
  w.postMessage(cases[i][1]);
};
w.on('message', ({ seen, proto, v }) => {
  const [label] = cases[i++];
  console.log(`${label}: ${seen} (proto ${proto})`);
  if (show(v) !== seen) console.log(`  back: ${show(v)}`);
  if (label === 'circular') console.log('  still circular', v.self === v, v.list[0] === v, v.list[1].back === v);
  if (label === 'shared refs') console.log('  identity kept', v.a === v.b);
  if (label === 'views on one buffer') console.log('  one buffer', v[0].buffer === v[2] && v[1].buffer === v[2], v[0].byteOffset);
  if (label === 'primitives') console.log('  -0 kept', Object.is(v[3], -0), 'bigint', typeof v[6]);
  next();
});
next();

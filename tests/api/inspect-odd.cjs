// util.inspect of odd objects: proxies (shown through their target, no trap runs), revoked proxies, getters (run only
// with `getters`), null prototypes, symbol keys, cycles (inspect-budget.cjs: a huge cyclic graph).
const util = require('util');

const revocable = Proxy.revocable({}, {});
revocable.revoke();
const revoked = revocable.proxy;
console.log(util.inspect(revoked), util.inspect(revoked, { showProxy: true }), [revoked], { p: revoked });
console.log(revoked);

// Every trap throws: inspect does not go through them.
const traps = {};
for (const k of ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf',
  'setPrototypeOf', 'isExtensible', 'preventExtensions', 'defineProperty', 'apply', 'construct']) {
  traps[k] = () => { throw new Error('trap ' + k); };
}
const trapped = new Proxy({ a: 1 }, traps);
console.log(util.inspect(trapped), trapped, [trapped]);
console.log(util.inspect(trapped, { showProxy: true }));
console.log(util.inspect(new Proxy({ a: 1 }, { get: traps.get }), { showProxy: true, breakLength: Infinity }));
console.log(util.format('%s|%O|%d', trapped, trapped, 5));
try { util.format('%j', trapped); } catch (e) { console.log('format %s throws:', 'j', e.message); }
try { JSON.stringify(trapped); } catch (e) { console.log('JSON.stringify throws:', e.message); }
console.log(util.inspect(new Proxy(function f() {}, {})), util.inspect(new Proxy([1, 2], {})), util.inspect(new Proxy(new Map([[1, 2]]), {})));
console.log(util.inspect(new Proxy(new Proxy({ b: 2 }, {}), {}), { showProxy: true }), util.types.isProxy(trapped), util.types.isProxy(revoked));

// Getters.
const g = {
  get bad() { throw new Error('getter ran'); },
  get ok() { return 1; },
  set s(v) {},
  get gs() { return 2; },
  set gs(v) {},
};
console.log(util.inspect(g));
console.log(util.inspect(g, { getters: true }));
console.log(util.inspect(g, { getters: 'get' }));
console.log(util.inspect(g, { getters: 'set' }));
class WithGetter { get x() { throw new Error('prototype getter'); } }
console.log(util.inspect(new WithGetter(), { getters: true }), util.inspect(Object.create(g), { getters: true }));

// Null prototypes.
const np = Object.create(null);
np.a = 1;
np[Symbol('s')] = 2;
// (Not a class instance whose prototype was removed: V8 still names its class, `[C: null prototype] {}`.)
console.log(util.inspect(np), util.inspect(Object.create(null)), util.inspect(Object.setPrototypeOf([1], null)),
  util.inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)));

// Symbol keys (registered, well-known, empty description, non-enumerable).
const sk = { [Symbol('a')]: 1, [Symbol.iterator]: 2, [Symbol()]: 3, [Symbol.for('reg')]: 4, x: 5 };
Object.defineProperty(sk, Symbol('hidden'), { value: 6, enumerable: false });
console.log(util.inspect(sk, { breakLength: Infinity }), util.inspect(sk, { showHidden: true, breakLength: Infinity }));

// Cycles.
const a = { name: 'a' };
const b = { name: 'b', a };
a.b = b;
a.self = a;
const arr = [a, b];
arr.push(arr);
console.log(util.inspect(arr));
console.log(util.inspect(a, { depth: 0 }));
const m = new Map();
m.set(m, m);
const s = new Set();
s.add(s);
console.log(m, s);

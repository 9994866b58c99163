const util = require('util');
function legacy(a, b, cb) { setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 1); }
const modern = util.promisify(legacy);
modern(1, 2).then((v) => console.log('sum', v));
modern(-1, 2).catch((e) => console.log('rejected', e.message));
legacy[util.promisify.custom] = () => Promise.resolve('custom');
util.promisify(legacy)().then((v) => console.log(v));
const cb = util.callbackify(async (x) => x * 2);
cb(21, (err, v) => console.log('callbackified', err, v));
console.log(util.format('%s=%d', 'x', 5), util.inspect({ a: [1, { b: 2 }] }, { depth: 0 }));
console.log(util.types.isPromise(Promise.resolve()), util.types.isAsyncFunction(async () => {}), util.types.isDate(new Date()));
function Base() {}
function Derived() {}
util.inherits(Derived, Base);
console.log(new Derived() instanceof Base, Derived.super_ === Base);

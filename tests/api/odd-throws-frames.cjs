// Uncaught errors whose report shows columns and frame names the engine decides: QuickJS-ng's
// column is the callee's (`Error(`), V8's the `new`; an anonymous arrow function's frame is named
// by V8 after the property holding it.
const { run } = require('./lib/report.cjs');

run('throw plain error', 'throw new Error("plain")');
run('reject plain error', 'Promise.reject(new Error("plain"))');
run('reject proxy whose traps throw', 'Promise.reject(new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } }))');

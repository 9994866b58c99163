// Uncaught throws and unhandled rejections of odd values (proxies, throwing getters, primitives, cycles):
// each child exits 1; its stderr is shown without Node-internal frames, internal source excerpts or the version footer.
const values = {
  'proxy': 'new Proxy({}, {})',
  'proxy whose traps throw': '(() => { const h = {}; for (const k of ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "defineProperty", "apply", "construct"]) h[k] = () => { throw new Error("trap " + k); }; return new Proxy({}, h); })()',
  'revoked proxy': '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()',
  'throwing getters': '({ get toString() { throw new Error("toString getter"); }, get message() { throw new Error("message getter"); }, get stack() { throw new Error("stack getter"); }, get name() { throw new Error("name getter"); } })',
  'null prototype': 'Object.create(null)',
  'symbol': 'Symbol("sym")',
  'null': 'null',
  'undefined': 'undefined',
  'number': '42',
  'string': '"str"',
  'nested': '(() => { let o = {}; for (let i = 0; i < 1000; i++) o = { o }; return o; })()',
  'cyclic': '(() => { const o = { a: 1 }; o.self = o; return o; })()',
  'bigint': '10n',
  'function': 'function foo() {}',
  'error with throwing name': 'new (class E extends Error { get name() { throw new Error("name getter"); } })("msg")',
};

// Errors whose columns or frames the engine decides are in odd-throws-frames.cjs.
const { run } = require('./lib/report.cjs');

for (const [what, value] of Object.entries(values)) run('throw ' + what, 'throw ' + value);
run('throw huge string', 'throw "x".repeat(1e6)', (s) => s.length);
// Rejections reach Node's internal isErrorLike(), whose hasOwnProperty() goes through the proxy's traps.
const frames = ['nested', 'proxy whose traps throw', 'revoked proxy'];
for (const [what, value] of Object.entries(values)) {
  if (!frames.includes(what)) run('reject ' + what, 'Promise.reject(' + value + ')');
}

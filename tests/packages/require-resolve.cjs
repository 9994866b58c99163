// Checks require.resolve in CommonJS: "paths" option, directories with package.json "main", extension order, built-ins, and error messages.
const path = require('path');
const clean = (s) => String(s).replaceAll(__dirname, '.');
const rel = (p) => (path.isAbsolute(p) ? path.relative(__dirname, p) || '.' : p);
const fx = path.join(__dirname, 'fixtures');
for (const [s, opts] of [['cond-pkg', { paths: [fx] }], ['semver', { paths: [fx] }], ['./lib/x', { paths: [fx] }], ['./lib/x.cjs', { paths: [fx] }], ['sugar', { paths: ['/nonexistent', fx] }],
  ['./fixtures/node_modules/dir-main'], ['./fixtures/node_modules/main-noext/lib/entry'], ['./lib/lodash-named.mjs'], ['fs'], ['node:test'], ['test'], ['module']]) {
  try { console.log(s, opts ? `paths=${opts.paths.map(clean)}` : '', '->', rel(require.resolve(s, opts))); } catch (e) { console.log(s, 'throws', e.code, clean(e.message).split('\n')[0]); }
}
for (const s of ['no-such-package', './nope', 'semver/nope', '/nonexistent/abs.js', './fixtures']) {
  try { require(s); } catch (e) { console.log(s, e.code, JSON.stringify(clean(e.message)), (e.requireStack || []).map(rel)); }
}
console.log('module.paths', module.paths.slice(0, 2).map(rel), 'extensions', Object.keys(require.extensions), require.main === module, rel(module.filename), module.id);

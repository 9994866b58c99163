// Checks require() failures against real packages: codes, messages, requireStack (paths made relative), then exits 1 on an uncaught one.
const path = require('path');
const clean = (s) => String(s).replaceAll(__dirname, '.');
for (const s of ['chalk/source/index.js', 'chalk/package.json', 'date-fns/no-such-fn', 'nanoid/index.browser.js', 'zod/src/index.ts', 'no-such-package', '@no/such',
  'semver/functions/nope', 'lodash/no-such', './package-lock', 'node:no-such-builtin', 'yaml/browser/index.js', '#internal', 'commander/esm.mjs']) {
  try { require(s); console.log(s, 'loaded'); } catch (e) { console.log(s, '->', e.name, e.code, JSON.stringify(clean(e.message)), e.requireStack && e.requireStack.map((p) => path.relative(__dirname, p))); }
}
console.log('now an uncaught one');
require('marked/lib/marked.cjs');
console.log('not reached');

// Checks import.meta.resolve for packages, subpaths, relative files (existing or not), built-ins, URLs and failures (error codes).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
const base = pathToFileURL(dir).href;
const clean = (s) => String(s).replaceAll(base, '.').replaceAll(dir, '.');
const specs = ['chalk', 'semver', 'semver/package.json', 'date-fns/locale', 'yargs/helpers', 'csv-parse/sync', 'lodash/fp.js', '@babel/parser', 'prettier',
  './colors-import.mjs', './does-not-exist.mjs', '../packages/./semver-require.cjs', './fixtures/', './lib/lodash-named.mjs?query=1#hash',
  'fs', 'node:fs', 'fs/promises', 'node:test', 'node:nope', 'data:text/javascript,export default 1', 'https://example.invalid/x.js',
  'no-such-package', '@scope/no-such', 'chalk/source/index.js', 'chalk/package.json', 'semver/functions/satisfies', 'lodash/fp', '#nope', '', '/abs-from-root.mjs'];
for (const s of specs) {
  try {
    const r = import.meta.resolve(s);
    console.log(JSON.stringify(s), '->', s === '/abs-from-root.mjs' ? r : clean(r));
  } catch (e) {
    console.log(JSON.stringify(s), 'throws', e.name, e.code, clean(e.message));
  }
}
console.log(typeof import.meta.resolve, import.meta.resolve.length, clean(import.meta.url), clean(import.meta.filename), clean(import.meta.dirname));

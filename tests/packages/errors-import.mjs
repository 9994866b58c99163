// Checks import() failures against real packages: error codes and messages (paths made relative), then exits 1 on an uncaught one.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
const clean = (s) => String(s).replaceAll(pathToFileURL(dir).href, '.').replaceAll(dir, '.');
for (const s of ['chalk/source/index.js', 'date-fns/no-such-fn', 'nanoid/index.browser.js', 'zod/src/index.ts', 'no-such-package', '@no/such', 'semver/functions/satisfies',
  'lodash/fp', './fixtures', './package-lock.json', './.gitignore', 'https://example.invalid/m.js', 'node:no-such-builtin', 'yaml/browser/index.js', '#internal']) {
  try { await import(s); console.log(s, 'loaded'); } catch (e) { console.log(s, '->', e.name, e.code, e.code ? JSON.stringify(clean(e.message)) : '(engine-specific message)'); }
}
console.log('now an uncaught one');
await import('marked/lib/marked.cjs');
console.log('not reached');

// Checks lodash (UMD CommonJS: default import only, named import fails), lodash/fp.js and lodash-es ("type": "module", no exports).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import _ from 'lodash';
import fp from 'lodash/fp.js';
import get from 'lodash/get.js';
import { chunk, groupBy, camelCase } from 'lodash-es';
import debounce from 'lodash-es/debounce.js';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['lodash', 'lodash/fp.js', 'lodash/get.js', 'lodash-es', 'lodash-es/debounce.js']) console.log(s, '->', where(s));
console.log(_.chunk([1, 2, 3, 4, 5], 2), fp.map((x) => x * 2)([1, 2]), get({ a: [{ b: 7 }] }, 'a[0].b'), _.VERSION === fp.VERSION);
console.log(chunk(['a', 'b', 'c'], 2), groupBy([1.2, 1.8, 2.1], Math.floor), camelCase('Foo Bar'), typeof debounce);
const lodashNs = await import('lodash');
console.log('lodash namespace keys', Object.keys(lodashNs));
try { await import('./lib/lodash-named.mjs'); } catch (e) { console.log(e.name, e.message); }
for (const s of ['lodash/fp', 'lodash/get']) {
  try { await import(s); } catch (e) { console.log(s, e.code); }
}

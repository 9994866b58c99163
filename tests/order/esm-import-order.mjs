import { a } from './fixtures/a.mjs';
import cjs, { named } from './fixtures/c.cjs';
import data from './fixtures/data.json' with { type: 'json' };
console.log('main body', a, cjs.value, named, data.items.length);
console.log(import.meta.url.endsWith('/esm-import-order.mjs'), typeof import.meta.dirname);

// Checks prettier's "exports": "." resolves to index.mjs (its "browser" branch must not win); formats through prettier/standalone + plugins.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier/standalone';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['prettier', 'prettier/standalone', 'prettier/plugins/babel', 'prettier/plugins/estree', 'prettier/doc', 'prettier/package.json', 'prettier/internal/cli.mjs']) console.log(s, '->', where(s));
const out = await format('const  a={b:1,c:[1,2,3]};function f( x ){return x*2}', { parser: 'babel', plugins: [babel, estree], semi: false, singleQuote: true });
console.log(out.trimEnd().split('\n'));

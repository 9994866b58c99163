// Checks glob (ESM build), minimatch, picomatch, micromatch and fast-glob against a fixed folder, results sorted.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync, glob } from 'glob';
import { minimatch } from 'minimatch';
import picomatch from 'picomatch';
import micromatch from 'micromatch';
import fg from 'fast-glob';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['glob', 'minimatch', 'picomatch', 'micromatch', 'fast-glob', 'path-scurry', 'lru-cache']) console.log(s, '->', where(s));
const cwd = path.join(dir, 'fixtures/node_modules/patterns-pkg');
console.log('globSync', globSync('**/*.{js,mjs}', { cwd, posix: true }).sort());
console.log('glob', (await glob('src/**', { cwd, nodir: true, posix: true })).sort());
console.log('minimatch', minimatch('a/b/c.ts', 'a/**/*.ts'), minimatch('.hidden', '*'), minimatch('.hidden', '*', { dot: true }));
console.log('picomatch', picomatch('*.{md,txt}')('notes.md'), picomatch.scan('src/**/*.js').base, micromatch(['a.js', 'b.css', 'c.js'], '*.js'));
console.log('fast-glob', fg.sync('**/*.json', { cwd }).sort(), (await fg('esm/*', { cwd })).sort());

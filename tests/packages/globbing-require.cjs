// Checks the CommonJS builds: glob dist/commonjs, minimatch dist/commonjs ("require" condition), picomatch, micromatch, fast-glob out/.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['glob', 'minimatch', 'picomatch', 'micromatch', 'braces', 'fast-glob']) console.log(s, '->', where(s));
const cwd = path.join(__dirname, 'fixtures/node_modules/cond-pkg');
const { globSync } = require('glob');
console.log('glob', globSync('*.mjs', { cwd }).sort(), globSync('*.{cjs,json}', { cwd }).sort());
const { minimatch, Minimatch } = require('minimatch');
console.log('minimatch', minimatch('x/y.md', '**/*.md'), minimatch.match(['a.js', 'b.ts'], '*.js'), new Minimatch('{a,b}/*').set.length);
console.log('picomatch', require('picomatch').isMatch('lib/a.ts', 'lib/*.ts'), require('micromatch').not(['a', 'b', 'c'], 'b'));
console.log('fast-glob', require('fast-glob').sync(['*.js', '!browser*'], { cwd }).sort());

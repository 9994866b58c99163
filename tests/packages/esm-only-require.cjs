// Checks require() of ESM-only packages (Node 20.19+ require(esm)): the namespace object and its default export.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['ansi-styles', 'strip-ansi', 'escape-string-regexp', 'camelcase', 'change-case', 'supports-color', 'nanoid/non-secure']) console.log(s, '->', where(s));
const stripAnsi = require('strip-ansi');
console.log('strip-ansi', Object.keys(stripAnsi), stripAnsi.default('\u001B[31mred\u001B[39m'));
console.log('escape-string-regexp', require('escape-string-regexp').default('a.b*c'));
console.log('camelcase', require('camelcase').default('tock-runtime'));
const cc = require('change-case');
console.log('change-case', cc.__esModule, cc.kebabCase('TockRuntime'), cc.constantCase('tock runtime'));
console.log('ansi-styles', require('ansi-styles').default.modifier.bold.open === '\u001B[1m');
console.log('nanoid/non-secure', require('nanoid/non-secure').customAlphabet('q', 3)());

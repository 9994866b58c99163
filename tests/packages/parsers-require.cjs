// Checks the same tools under require: acorn dist/acorn.js, @babel/parser, esprima, postcss lib/postcss.js (with nanoid/non-secure), source-map.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['acorn', '@babel/parser', 'esprima', 'postcss', 'postcss/lib/parser', 'source-map', 'source-map/lib/source-map-generator']) console.log(s, '->', where(s));
const acorn = require('acorn');
console.log('acorn', acorn.tokenizer('x => y', { ecmaVersion: 2020 })[Symbol.iterator] !== undefined, acorn.parse('1', { ecmaVersion: 5 }).type);
console.log('babel', require('@babel/parser').parseExpression('a?.b ?? c').type);
console.log('esprima', require('esprima').parseScript('var x = 42').body[0].declarations[0].init.value);
const postcss = require('postcss');
postcss([(root) => root.walkRules((r) => { r.selector = '.x ' + r.selector; })]).process('p{top:0}', { from: undefined }).then((r) => console.log('postcss', r.css));
const { SourceMapConsumer, SourceMapGenerator } = require('source-map');
console.log('source-map', typeof SourceMapConsumer, new SourceMapGenerator({ file: 'f' }).toJSON());

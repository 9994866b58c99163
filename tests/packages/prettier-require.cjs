// Checks prettier under require: "." -> index.cjs, subpaths -> their "require" files; formats through prettier/standalone.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['prettier', 'prettier/standalone', 'prettier/plugins/babel', 'prettier/doc', 'prettier/bin/prettier.cjs']) console.log(s, '->', where(s));
const prettier = require('prettier/standalone');
prettier.format('let x = {  y :  [ 1,2 ] }', { parser: 'babel', plugins: [require('prettier/plugins/babel'), require('prettier/plugins/estree')] })
  .then((out) => console.log(JSON.stringify(out)));
const { builders, printer } = require('prettier/doc');
console.log(printer.printDocToString(builders.group(['a', builders.line, 'b']), { printWidth: 80, tabWidth: 2 }).formatted);

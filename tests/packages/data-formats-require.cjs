// Checks the same parsers under require: yaml dist (not browser/), js-yaml cjs build, json5 main, toml, ini, csv-parse/sync "require" condition.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['yaml', 'yaml/util', 'js-yaml', 'json5', 'toml', 'ini', 'csv-parse', 'csv-parse/sync', 'csv-parse/stream']) console.log(s, '->', where(s));
const YAML = require('yaml');
const jsYaml = require('js-yaml');
console.log(YAML.parse('- 1\n- two\n- {x: 3}'), new YAML.Document({ a: 1 }).toString().trim(), jsYaml.load('k: [1, 2]'));
console.log(require('json5').parse('[1, 2, /* x */ 3]'), require('toml').parse('x = 1988-10-27T00:00:00Z').x.toISOString());
console.log(require('ini').decode('a=1\n[b]\nc=true'), require('csv-parse/sync').parse('x;y\n1;2', { delimiter: ';' }));
const { parse } = require('csv-parse');
parse('p,q\n7,8', (err, rows) => console.log('callback parse', err, rows));

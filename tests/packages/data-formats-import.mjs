// Checks config/data parsers under import: yaml ("node" condition, not browser), js-yaml (.mjs), json5 (main, "module" ignored), toml, ini, csv-parse/sync.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML, { parseDocument } from 'yaml';
import { stringifyString as yamlStringifyString } from 'yaml/util';
import * as jsYaml from 'js-yaml';
import { load } from 'js-yaml';
import JSON5 from 'json5';
import toml from 'toml';
import { parse as iniParse, stringify as iniStringify } from 'ini';
import { parse as csvParse } from 'csv-parse/sync';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['yaml', 'yaml/util', 'js-yaml', 'json5', 'toml', 'ini', 'csv-parse', 'csv-parse/sync']) console.log(s, '->', where(s));
console.log(YAML.parse('a: 1\nb: [x, y]\n'), YAML.stringify({ k: 'v', list: [1, 2] }).trim().split('\n'), parseDocument('x: 1 # c').toString().trim());
console.log(typeof yamlStringifyString, load('n: 3\nm: !!str 4'), jsYaml.dump({ z: [true] }).trim());
console.log(JSON5.parse("{a: 1, b: 'two', c: [3,], // c\n}"), JSON5.stringify({ q: "it's" }));
console.log(toml.parse('title = "T"\n[owner]\nname = "x"\n'), iniParse('[sec]\nkey = val\n'), iniStringify({ s: { k: 1 } }).trim());
console.log(csvParse('a,b\n1,2\n3,"4,5"\n', { columns: true }));

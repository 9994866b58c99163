// Checks small ESM-only packages ("type": "module" with "exports"), supports-color's node-vs-browser condition and nanoid's subpaths.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ansiStyles from 'ansi-styles';
import stripAnsi from 'strip-ansi';
import escapeStringRegexp from 'escape-string-regexp';
import camelCase from 'camelcase';
import { camelCase as ccCamel, snakeCase, capitalCase } from 'change-case';
import supportsColor from 'supports-color';
import { customAlphabet } from 'nanoid/non-secure';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['ansi-styles', 'strip-ansi', 'ansi-regex', 'escape-string-regexp', 'camelcase', 'change-case', 'supports-color', 'nanoid', 'nanoid/non-secure']) console.log(s, '->', where(s));
console.log(JSON.stringify(ansiStyles.green.open), stripAnsi('\u001B[4mcake\u001B[0m'), escapeStringRegexp('How much $ for a 🦄?'));
console.log(camelCase('foo-bar_baz'), camelCase('Foo Bar', { pascalCase: true }), ccCamel('hello world'), snakeCase('helloWorld'), capitalCase('tock_runs_node'));
console.log('supports-color keys', Object.keys(supportsColor).sort());
console.log('nanoid/non-secure', customAlphabet('z', 6)());

// Checks Babel-compiled CommonJS under import: validator (module.exports = exports.default) and ajv (exports.default + named), plus deep files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import validator from 'validator';
import isEmail from 'validator/lib/isEmail.js';
import Ajv, { _ as codegen } from 'ajv';
import * as ajvNs from 'ajv';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['validator', 'validator/lib/isEmail.js', 'validator/es/lib/isEmail.js', 'ajv', 'ajv/dist/2020.js', 'fast-deep-equal']) console.log(s, '->', where(s));
console.log(validator.isEmail('a@b.io'), isEmail.default('nope'), validator.isIP('10.0.0.256'), validator.escape('<a&b>'), validator.version);
console.log('ajv default is the class', typeof Ajv, ajvNs.default === Ajv, typeof codegen, Object.keys(ajvNs).filter((k) => k !== 'default').sort().slice(0, 6));
const ajv = new Ajv.default({ allErrors: true });
const validate = ajv.compile({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } }, required: ['n'] });
console.log(validate({ n: 2 }), validate({ n: 0 }), validate.errors.map((e) => `${e.instancePath} ${e.message}`));

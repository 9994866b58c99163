// Checks require of validator (main index.js, lib/* files) and ajv (main dist/ajv.js, dist/2020), and default-export interop shapes.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['validator', 'validator/lib/isURL', 'ajv', 'ajv/dist/2020', 'ajv/dist/compile/codegen', 'fast-uri']) console.log(s, '->', where(s));
const validator = require('validator');
console.log(validator.isURL('https://x.test/p?q=1'), require('validator/lib/isURL').default === validator.isURL, validator.toInt('42'), validator.isUUID('nope'));
const Ajv = require('ajv');
console.log(typeof Ajv, Ajv.default === Ajv, typeof Ajv.KeywordCxt);
const Ajv2020 = require('ajv/dist/2020');
const v = new Ajv2020().compile({ type: 'array', prefixItems: [{ type: 'string' }], minItems: 1, items: false });
console.log(v(['a']), v(['a', 1]), v.errors[0].keyword);

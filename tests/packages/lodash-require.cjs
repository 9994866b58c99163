// Checks require of lodash: "lodash/fp" (a file fp.js beside a folder fp/), per-method files, and shared module instances.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['lodash', 'lodash/fp', 'lodash/fp/map', 'lodash/get', 'lodash/lodash.min', 'lodash-es/package.json']) console.log(s, '->', where(s));
const _ = require('lodash');
const fp = require('lodash/fp');
console.log(_.sortBy([{ n: 3 }, { n: 1 }], 'n'), fp.flow(fp.map((x) => x + 1), fp.sum)([1, 2, 3]), require('lodash/fp/map') === fp.map);
console.log(require('lodash/get')({ x: { y: 'deep' } }, 'x.y'), _.template('hi <%= who %>')({ who: 'tock' }), _.isEqual({ a: [1] }, { a: [1] }));
const es = require('lodash-es');
console.log('require(esm) lodash-es', es.__esModule, typeof es.default.chunk, es.chunk === es.default.chunk);

// Checks the same nested condition maps under require: tslib default, underscore require>node, rxjs "node"/"require" -> dist/cjs.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['tslib', 'tslib/tslib.js', 'underscore', 'underscore/modules/filter.js', 'underscore/underscore-umd.js', 'rxjs', 'rxjs/operators', 'rxjs/ajax']) console.log(s, '->', where(s));
const tslib = require('tslib');
console.log('tslib', tslib.__assign({}, { x: 1 }), typeof tslib.__awaiter, tslib === require('tslib/tslib.js'));
const _ = require('underscore');
console.log('underscore', _.VERSION, _.chain([3, 1, 2]).sortBy().map((x) => x * 2).value(), typeof require('underscore/modules/filter.js'));
const { of, concatMap, reduce } = require('rxjs');
of(1, 2, 3).pipe(concatMap((x) => of(x, x)), reduce((a, b) => a + b, 0)).subscribe((v) => console.log('rxjs sum', v));
console.log('rxjs operators same function', require('rxjs/operators').reduce === reduce);

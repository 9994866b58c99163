// Checks real nested condition maps under import: tslib (import>node), underscore (import>node, "./modules/*" pattern), rxjs ("node" before "es2015").
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { __assign, __spreadArray } from 'tslib';
import * as tslibNs from 'tslib';
import _, { map as uMap } from 'underscore';
import uFilter from 'underscore/modules/filter.js';
import { of, from, firstValueFrom, lastValueFrom } from 'rxjs';
import { map, filter, toArray } from 'rxjs/operators';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['tslib', 'tslib/tslib.es6.js', 'tslib/modules/index.js', 'underscore', 'underscore/modules/filter.js', 'underscore/underscore-esm.js', 'underscore/cjs/map.js', 'rxjs', 'rxjs/operators', 'rxjs/testing']) console.log(s, '->', where(s));
console.log('tslib', __assign({ a: 1 }, { b: 2 }), __spreadArray([1], [2, 3], true), typeof tslibNs.default, Object.keys(tslibNs).length > 20);
console.log('underscore', _.VERSION, uMap([1, 2], (x) => x * 3), uFilter([1, 2, 3, 4], (x) => x % 2 === 0), _.template('<%= a %>!')({ a: 'ok' }));
console.log('rxjs', await lastValueFrom(of(1, 2, 3, 4).pipe(filter((x) => x % 2 === 0), map((x) => x * 10), toArray())), await firstValueFrom(from(['first', 'second'])));

// Checks dual packages under require: zod index.cjs (+ subpaths), immer dist/cjs, ramda src/, valibot .cjs, neverthrow and superstruct mains.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['zod', 'zod/mini', 'zod/v4', 'immer', 'ramda', 'ramda/src/add', 'ramda/es/add', 'valibot', 'neverthrow', 'superstruct']) console.log(s, '->', where(s));
const { z } = require('zod');
console.log('zod', z.array(z.enum(['a', 'b'])).parse(['a']), z.string().email().safeParse('nope').success, require('zod/v4').z === z);
const { produce } = require('immer');
console.log('immer', produce({ n: 1 }, (d) => { d.n++; }));
const R = require('ramda');
console.log('ramda', R.compose(R.toUpper, R.join('-'))(['a', 'b']), require('ramda/src/add')(1, 1), R.add === require('ramda/src/add'));
const v = require('valibot');
console.log('valibot', v.is(v.object({ a: v.literal(1) }), { a: 1 }));
const { ok, err } = require('neverthrow');
console.log('neverthrow', err(new Error('x')).mapErr((e) => e.message).error, ok('y').isOk());
const s = require('superstruct');
console.log('superstruct', s.is([1, 2], s.array(s.number())), typeof s.StructError);

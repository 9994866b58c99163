// Checks date-fns under require: the "require" condition picks the .cjs files for ".", "./locale" and function subpaths.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['date-fns', 'date-fns/locale', 'date-fns/locale/es', 'date-fns/addDays', 'date-fns/fp']) console.log(s, '->', where(s));
const { format, parseISO, isValid, eachDayOfInterval } = require('date-fns');
const { es } = require('date-fns/locale');
const { addDays } = require('date-fns/addDays');
const d = parseISO('2023-12-30T08:00:00');
console.log(format(d, "yyyy-MM-dd'T'HH:mm"), format(addDays(d, 3), 'yyyy-MM-dd'), isValid(parseISO('nope')));
console.log(format(d, 'EEEE d MMMM yyyy', { locale: es }), require('date-fns/locale/es').es === es);
console.log(eachDayOfInterval({ start: d, end: addDays(d, 2) }).map((x) => format(x, 'dd')));

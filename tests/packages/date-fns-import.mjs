// Checks date-fns under import: "." and "./locale" pick the "import" condition; per-function subpaths like date-fns/addDays.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, addDays, differenceInCalendarDays, formatDistanceStrict } from 'date-fns';
import { fr, de } from 'date-fns/locale';
import { ja } from 'date-fns/locale/ja';
import addMonths from 'date-fns/addMonths';
import * as fp from 'date-fns/fp';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['date-fns', 'date-fns/locale', 'date-fns/locale/ja', 'date-fns/addMonths', 'date-fns/fp', 'date-fns/package.json']) console.log(s, '->', where(s));
const d = new Date(2024, 1, 28, 13, 5);
console.log(format(d, 'yyyy-MM-dd HH:mm'), format(addDays(d, 2), 'EEEE d MMMM yyyy'), format(addMonths(d, 1), 'yyyy-MM-dd'));
console.log(format(d, 'EEEE d MMMM', { locale: fr }), '|', format(d, 'EEEE d MMMM', { locale: de }), '|', format(d, 'PPPP', { locale: ja }));
console.log(differenceInCalendarDays(new Date(2024, 11, 25), d), formatDistanceStrict(new Date(2024, 0, 1), new Date(2024, 0, 11)));
console.log(fp.format('dd/MM/yyyy')(d), Object.keys(fp).length > 100);

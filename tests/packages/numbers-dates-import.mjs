// Checks number and date libraries under import: bignumber.js/decimal.js/big.js ("import" -> .mjs), dayjs and moment (CJS), luxon (es6 build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BigNumber from 'bignumber.js';
import Decimal from 'decimal.js';
import Big from 'big.js';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import moment from 'moment';
import { DateTime, FixedOffsetZone, VERSION } from 'luxon';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['bignumber.js', 'decimal.js', 'decimal.js/decimal', 'big.js', 'dayjs', 'dayjs/plugin/utc.js', 'moment', 'luxon']) console.log(s, '->', where(s));
console.log(new BigNumber('0.1').plus('0.2').toString(), new Decimal(2).sqrt().toFixed(10), new Big('1.1').times(3).toString(), BigNumber.isBigNumber(new BigNumber(1)));
dayjs.extend(utc);
console.log(dayjs.utc('2020-02-29T12:00:00Z').add(1, 'year').format('YYYY-MM-DD HH:mm'), dayjs.utc('2021-01-01').diff(dayjs.utc('2020-01-01'), 'day'));
console.log(moment.utc('2019-07-04T10:00:00Z').add(2, 'weeks').format('dddd, MMMM Do YYYY'), moment.duration(90, 'minutes').asHours());
// luxon's DateTime needs Intl (which tock lacks): only its loading and an Intl-free API are checked.
console.log('luxon', VERSION, typeof DateTime.fromISO, FixedOffsetZone.instance(330).name);

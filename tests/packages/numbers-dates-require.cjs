// Checks the same libraries under require: "require" condition files, dayjs plugins by bare path, moment locales, luxon build/node.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['bignumber.js', 'decimal.js', 'big.js', 'dayjs', 'dayjs/plugin/duration', 'moment', 'moment/locale/fr', 'luxon']) console.log(s, '->', where(s));
const BigNumber = require('bignumber.js');
const Decimal = require('decimal.js');
const Big = require('big.js');
console.log(new BigNumber(255).toString(16), new Decimal('1e-7').plus(1).toString(), Big(10).div(4).toString(), typeof BigNumber.BigNumber);
const dayjs = require('dayjs');
dayjs.extend(require('dayjs/plugin/duration'));
console.log(dayjs.duration({ hours: 25 }).asDays(), dayjs('2024-05-06').format('DD/MM/YYYY'));
const moment = require('moment');
require('moment/locale/fr');
console.log(moment.utc('2000-01-01').locale('fr').format('dddd D MMMM'), moment.locale());
// luxon's DateTime needs Intl (which tock lacks): only its loading and an Intl-free API are checked.
const luxon = require('luxon');
console.log('luxon', luxon.VERSION, typeof luxon.DateTime, luxon.FixedOffsetZone.instance(-90).name, luxon.FixedOffsetZone.utcInstance.isUniversal);

// Checks require() of ESM-only chalk (returns the namespace), and require of picocolors (main, not "browser") and kleur ("require" condition).
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['chalk', 'picocolors', 'kleur', 'kleur/colors']) console.log(s, '->', where(s));
const chalkNs = require('chalk');
console.log('chalk namespace', chalkNs.__esModule, typeof chalkNs.default, typeof chalkNs.Chalk, Object.keys(chalkNs).length);
console.log(JSON.stringify(new chalkNs.Chalk({ level: 2 }).bgBlue.white('chalk')), new chalkNs.Chalk({ level: 0 }).red('plain'));
const pc = require('picocolors');
console.log(JSON.stringify(pc.createColors(true).bold('pc')), Object.keys(pc).length > 10);
const kleur = require('kleur');
kleur.enabled = true;
const colors = require('kleur/colors');
colors.$.enabled = true;
console.log(JSON.stringify(kleur.cyan('kleur')), JSON.stringify(colors.magenta('colors')));

// Checks ESM-only chalk ("exports" string, internal "#imports"), and ESM imports of CommonJS picocolors / dual kleur (never their browser files).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chalk, { Chalk, foregroundColorNames } from 'chalk';
import pc from 'picocolors';
import kleur from 'kleur';
import { $, red } from 'kleur/colors';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['chalk', 'picocolors', 'kleur', 'kleur/colors']) console.log(s, '->', where(s));
console.log(JSON.stringify(new Chalk({ level: 1 }).red.bold('chalk')), JSON.stringify(new Chalk({ level: 3 }).hex('#ff8800')('hex')), new Chalk({ level: 0 }).blue('plain'));
console.log(typeof chalk, typeof chalk.red, foregroundColorNames.length);
console.log(JSON.stringify(pc.createColors(true).green('pc')), pc.createColors(false).green('pc-off'));
kleur.enabled = true;
$.enabled = true;
console.log(JSON.stringify(kleur.yellow().underline('kleur')), JSON.stringify(red('colors')));

// Checks commander's ESM wrapper (esm.mjs), yargs' array-valued "exports" with "import" + yargs/helpers, and minimist as a CJS default import.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import yargs from 'yargs';
import { hideBin, Parser } from 'yargs/helpers';
import minimist from 'minimist';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['commander', 'yargs', 'yargs/helpers', 'yargs/yargs', 'minimist']) console.log(s, '->', where(s));
const program = new Command('tool').option('-v, --verbose').addOption(new Option('-n, --count <n>').argParser(Number)).argument('<file>');
program.exitOverride().configureOutput({ writeOut: (s) => console.log(s.trim()) });
program.parse(['-v', '-n', '3', 'in.txt'], { from: 'user' });
console.log('commander', program.opts(), program.args);
const argv = yargs(['serve', '--port', '8080', '--tag', 'a', '--tag', 'b']).option('port', { type: 'number' }).array('tag').parseSync();
delete argv.$0;
console.log('yargs', argv, hideBin(['node', 'script', '--x']), Parser(['--flag', '-n', '5']));
console.log('minimist', minimist(['-a', '1', '--no-b', 'rest', '--', '--c'], { '--': true }));

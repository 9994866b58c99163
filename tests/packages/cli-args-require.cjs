// Checks commander's "require" condition, yargs/yargs + yargs/helpers ("require" -> helpers/index.js) and minimist.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['commander', 'yargs', 'yargs/yargs', 'yargs/helpers', 'yargs-parser', 'minimist']) console.log(s, '->', where(s));
const { program } = require('commander');
program.option('-d, --debug').option('--name <name>', 'a name', 'anon').exitOverride();
program.parse(['node', 'x', '-d', '--name', 'tock']);
console.log('commander', program.opts());
const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');
const argv = yargs(hideBin(['node', 'x', 'build', '--out=dist', '-vv'])).count('v').parseSync();
delete argv.$0;
console.log('yargs', argv, typeof require('yargs'));
console.log('minimist', require('minimist')(['--x=1', '-yz', 'file'], { string: ['x'] }));

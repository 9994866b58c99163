// Writes to fd 1 through fs, process.stdout and a piped child keep their order beside console.log.
const fs = require('fs');
console.log('first via console');
fs.writeSync(1, 'second via writeSync(1)\n');
process.stdout.write(Buffer.from('third via stdout.write(Buffer)\n'));
fs.writeFileSync(1, 'fourth via writeFileSync(1)\n');
const c = require('child_process').spawn('echo', ['fifth from a piped child']);
c.stdout.pipe(process.stdout);
c.on('close', () => fs.write(1, 'sixth via fs.write(1)\n', () => console.log('seventh')));

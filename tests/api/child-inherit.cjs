// Inherited stdio keeps its place in our output; maxBuffer truncates and fails; a throw in an I/O callback is uncaught (exit 1).
const fs = require('fs'); const cp = require('child_process');
console.log('before child');
cp.spawnSync('echo', ['inherited sync'], { stdio: 'inherit' });
console.log('between');
const c = cp.spawn('echo', ['inherited async'], { stdio: 'inherit' });
c.on('close', (code) => {
  console.log('after child', code);
  cp.exec('head -c 2000000 /dev/zero', (err, out) => {
    console.log(err && err.code, err && err.message, out.length);
    fs.readFile(__filename, () => { throw new Error('boom in callback'); });
  });
});

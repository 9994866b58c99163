// A handle's 'close' comes from the loop's close phase: after the immediates
// of the turn in which it was closed, as libuv runs uv_close callbacks. Here
// a child's stdout reaches its end (the child closes it) and closes; the
// child exits only when its stdin is ended, after that close.
const { spawn } = require('child_process');

const log = (message) => console.log(message);
const child = spawn('sh', ['-c', 'echo hi; exec 1>&-; read x'], { stdio: ['pipe', 'pipe', 'ignore'] });
child.stdout.on('data', (chunk) => log(`data ${String(chunk).trim()}`));
child.stdout.on('end', () => {
  log('stdout end');
  process.nextTick(() => log('tick after end'));
  setImmediate(() => log('immediate after end'));
});
child.stdout.on('close', () => {
  log('stdout close');
  process.nextTick(() => log('tick after stdout close'));
  setImmediate(() => {
    log('immediate after stdout close');
    child.stdin.end('\n');
  });
});
child.on('exit', (code) => log(`exit ${code}`));
child.on('close', (code) => log(`close ${code}`));

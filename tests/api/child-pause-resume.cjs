// 64 MiB from a child's stdout, pausing on every 'data' and resuming on setImmediate: all bytes before 'end', no 'data'
// while paused until the child's 'exit' (Node then resumes its stdio), 'end' before both 'close's (other orders vary).
const { spawn } = require('child_process');

const total = 64 * 1024 * 1024;
const c = spawn('head', ['-c', String(total), '/dev/zero']);
let bytes = 0;
let paused = false;
let whilePaused = 0;
const seen = {};
c.stdout.on('data', (d) => {
  if (paused && !('exit' in seen)) whilePaused++;
  bytes += d.length;
  c.stdout.pause();
  paused = true;
  setImmediate(() => {
    paused = false;
    c.stdout.resume();
  });
});
c.stdout.on('end', () => (seen.end = { bytes, exited: 'exit' in seen }));
c.stdout.on('close', () => (seen.stdoutClose = { bytes, afterEnd: 'end' in seen }));
c.on('exit', (code, signal) => (seen.exit = { code, signal }));
c.on('close', (code, signal) => (seen.close = { code, signal, bytes, afterEnd: 'end' in seen, afterExit: 'exit' in seen }));
process.on('exit', () => {
  console.log('stdout end: bytes', seen.end.bytes);
  console.log('stdout close: bytes', seen.stdoutClose.bytes, 'after end', seen.stdoutClose.afterEnd);
  console.log('exit:', seen.exit.code, seen.exit.signal);
  console.log('close:', seen.close.code, seen.close.signal, 'bytes', seen.close.bytes, 'after end', seen.close.afterEnd, 'after exit', seen.close.afterExit);
  console.log('data while paused before exit', whilePaused, 'total', bytes === total);
});

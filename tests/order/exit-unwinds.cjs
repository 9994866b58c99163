// process.exit() ends the run where it is called: no catch or finally runs,
// queued microtasks and timers are dropped, 'exit' listeners still run.
process.on('exit', (code) => console.log('exit event', code));
setTimeout(() => console.log('timer: never'), 0);
Promise.resolve().then(() => console.log('microtask: never'));
try {
  console.log('before');
  process.exit(3);
} catch {
  console.log('catch: never');
} finally {
  console.log('finally: never');
}
console.log('after: never');

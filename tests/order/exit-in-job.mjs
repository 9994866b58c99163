// process.exit() from a promise job stops the checkpoint: the next job does
// not run; process.exitCode set before it is the code.
setTimeout(() => {
  Promise.resolve().then(() => {
    console.log('in job');
    process.exitCode = 9;
    process.exit();
  });
  Promise.resolve().then(() => console.log('next job: never'));
}, 1);
process.nextTick(() => console.log('tick'));
process.on('exit', (code) => console.log('exit listener', code));
await null;
console.log('after await');

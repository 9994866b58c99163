process.on('exit', (code) => console.log('exit handler', code));
Promise.resolve().then(() => {
  console.log('microtask 1');
  process.exit(3);
  console.log('not printed');
});
Promise.resolve().then(() => console.log('microtask 2 never runs'));
setTimeout(() => console.log('timer never runs'), 0);

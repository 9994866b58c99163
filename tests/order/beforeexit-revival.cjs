let revived = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, revived);
  if (revived++ < 2) setTimeout(() => console.log('revived timer', revived), 1);
});
process.on('exit', (code) => console.log('exit', code));
console.log('main');

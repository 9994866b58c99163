process.on('exit', (code) => {
  console.log('exit with', code);
  process.exitCode = 9;
});
console.log('main');

process.on('exit', (code) => console.log('exit', code));
async function fails() {
  await null;
  throw new TypeError('async failure');
}
fails();
console.log('sync after call');

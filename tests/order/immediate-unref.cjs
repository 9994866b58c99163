setImmediate(() => console.log('unref immediate does not run')).unref();
console.log('main');
process.on('exit', () => console.log('exit'));

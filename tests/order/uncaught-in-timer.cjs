process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('first'), 1);
setTimeout(() => { throw new RangeError('second throws'); }, 2);
setTimeout(() => console.log('third never'), 3);

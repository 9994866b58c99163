process.on('exit', (code) => console.log('exit', code));
console.log('start');
Promise.reject(new Error('nobody catches this'));
setTimeout(() => console.log('never'), 0);

process.on('exit', (code) => console.log('exit', code));
Promise.reject(42);

const p = Promise.reject(new Error('late but in time'));
Promise.resolve().then(() => p.catch((e) => console.log('caught', e.message)));
process.on('exit', (code) => console.log('exit', code));

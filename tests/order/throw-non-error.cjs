process.on('exit', (code) => console.log('exit', code));
console.log('before');
throw { custom: 'object' };

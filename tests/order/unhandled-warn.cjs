// flags: --unhandled-rejections=warn
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('only a warning'));
setTimeout(() => console.log('still running'), 1);

// flags: --unhandled-rejections=none
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('silent'));
setTimeout(() => console.log('still running'), 1);

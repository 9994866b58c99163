// flags: --unhandled-rejections=strict
process.on('unhandledRejection', () => console.log('unhandledRejection listener (not reached in strict)'));
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('strict'));

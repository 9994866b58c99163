// flags: --unhandled-rejections=warn-with-error-code
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('warn and exit 1'));
setTimeout(() => console.log('still running'), 1);

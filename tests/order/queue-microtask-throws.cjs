process.on('exit', (code) => console.log('exit', code));
queueMicrotask(() => console.log('before'));
queueMicrotask(() => { throw new Error('from microtask'); });
queueMicrotask(() => console.log('never'));
setTimeout(() => console.log('never either'), 0);

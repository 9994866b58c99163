process.on('unhandledRejection', (reason) => console.log('unhandledRejection', reason.message));
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p instanceof Promise));
const p = Promise.reject(new Error('x'));
setTimeout(() => p.catch(() => console.log('caught late')), 5);

process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
queueMicrotask(() => { throw new Error('boom'); });
queueMicrotask(() => console.log('next microtask still runs'));
setTimeout(() => console.log('timer runs'), 1);

process.on('uncaughtException', (err, origin) => console.log('handler:', err.message, origin));
setTimeout(() => { throw new Error('in timer'); }, 1);
setTimeout(() => console.log('later timer still runs'), 5);
throw new Error('in main');

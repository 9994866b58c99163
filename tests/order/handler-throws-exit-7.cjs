process.on('uncaughtException', () => { console.log('handler runs'); throw new Error('handler fails'); });
throw new Error('first');

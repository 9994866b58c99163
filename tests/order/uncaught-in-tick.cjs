process.on('exit', (code) => console.log('exit', code));
process.nextTick(() => { throw new Error('tick throws'); });
process.nextTick(() => console.log('never'));

process.exitCode = 4;
process.on('beforeExit', (code) => console.log('beforeExit sees', code));
process.on('exit', (code) => console.log('exit sees', code));

process.exitCode = 3;
setTimeout(() => console.log('exitCode', process.exitCode), 1);

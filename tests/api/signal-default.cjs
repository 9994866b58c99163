// A signal whose listeners were all removed ends the process the default way (exit 143 for SIGTERM), and a listener alone keeps nothing alive.
const h = () => console.log('never');
process.on('SIGTERM', h); process.off('SIGTERM', h);
setTimeout(() => process.kill(process.pid, 'SIGTERM'), 20);
setTimeout(() => console.log('not reached'), 500);

// Signal listeners: process.on/once('SIGTERM' | 'SIGUSR2') get (name, number) and may exit as they like.
process.on('SIGTERM', (name, number) => {
  console.log('got', name, number);
  setTimeout(() => { console.log('cleaned up'); process.exit(3); }, 10);
});
process.once('SIGUSR2', (name) => console.log('once', name));
setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 20);
setTimeout(() => process.kill(process.pid, 'SIGTERM'), 60);
setTimeout(() => console.log('never'), 2000);

// 1e5 timers scheduled, then fired in order.
let fired = 0;
const start = performance.now();
for (let i = 0; i < 1e5; i++) setTimeout(() => { fired++; }, i % 10);
process.on('exit', () => console.log(`fired ${fired} timers in ${(performance.now() - start).toFixed(0)} ms`));

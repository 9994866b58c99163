// Many awaits: a trace of more than 100,000 events for the replay page.
let sum = 0;
for (let i = 0; i < 52000; i++) sum += await i;
console.log(sum);

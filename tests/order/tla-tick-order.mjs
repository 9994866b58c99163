process.nextTick(() => console.log('tick'));
await null;
console.log('after await null');
await new Promise((r) => setImmediate(r));
console.log('after immediate');

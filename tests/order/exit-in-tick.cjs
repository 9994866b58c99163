process.nextTick(() => { console.log('tick'); process.exit(); });
process.nextTick(() => console.log('second tick never runs'));
Promise.resolve().then(() => console.log('promise never runs'));

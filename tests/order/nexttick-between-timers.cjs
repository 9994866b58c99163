setTimeout(() => { console.log('t1'); process.nextTick(() => console.log('tick in t1')); }, 3);
setTimeout(() => { console.log('t2'); queueMicrotask(() => console.log('microtask in t2')); }, 3);
setTimeout(() => console.log('t3'), 3);

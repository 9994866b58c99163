console.log('start');
const v = await new Promise((r) => setTimeout(() => r('from timer'), 5));
console.log('got', v);
await null;
process.nextTick(() => console.log('tick after tla'));
Promise.resolve().then(() => console.log('promise after tla'));
console.log('end of module');

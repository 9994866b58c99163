process.nextTick(() => {
  queueMicrotask(() => console.log('microtask from tick'));
  process.nextTick(() => console.log('tick from tick'));
});
queueMicrotask(() => {
  console.log('microtask 1');
  process.nextTick(() => console.log('tick from microtask'));
  queueMicrotask(() => console.log('microtask from microtask'));
});

setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => console.log('tick in immediate 1'));
  Promise.resolve().then(() => console.log('promise in immediate 1'));
  setImmediate(() => console.log('immediate 3 (next turn)'));
});
setImmediate(() => console.log('immediate 2'));

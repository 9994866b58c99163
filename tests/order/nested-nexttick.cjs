process.nextTick(() => {
  console.log('tick A');
  process.nextTick(() => console.log('tick A.1'));
  Promise.resolve().then(() => console.log('promise from A'));
});
process.nextTick(() => console.log('tick B'));
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick from promise 1'));
}).then(() => console.log('promise 2'));

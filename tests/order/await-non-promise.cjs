async function f(label, value) {
  console.log(label, 'start');
  await value;
  console.log(label, 'resumed');
}
f('plain', 42);
f('promise', Promise.resolve(1));
f('thenable', { then(r) { r(1); } });
Promise.resolve().then(() => console.log('tick 1')).then(() => console.log('tick 2')).then(() => console.log('tick 3'));
console.log('sync end');

setTimeout(() => {
  console.log('A');
  Promise.resolve().then(() => console.log('A microtask'));
  setTimeout(() => console.log('A nested timer'), 0);
}, 2);
setTimeout(() => console.log('B'), 2);

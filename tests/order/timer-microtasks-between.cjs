// A's microtask runs before B, though both timers are due together; a timer
// set from A comes after B (5 ms leaves no room for a millisecond-boundary tie).
setTimeout(() => {
  console.log('A');
  Promise.resolve().then(() => console.log('A microtask'));
  setTimeout(() => console.log('A nested timer'), 5);
}, 2);
setTimeout(() => console.log('B'), 2);

setTimeout((a, b) => console.log('timeout args', a, b), 1, 'x', 'y');
process.nextTick((a, b, c) => console.log('tick args', a, b, c), 1, 2, 3);
const iv = setInterval((msg) => {
  console.log('interval arg', msg);
  clearInterval(iv);
  setImmediate((a) => console.log('immediate arg', a), 'z');
}, 1, 'once');

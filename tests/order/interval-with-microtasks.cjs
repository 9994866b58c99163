let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  Promise.resolve().then(() => console.log('microtask', n));
  if (n === 1) {
    // Due 5 ms after the interval's second run (which is due 10 ms after
    // this one started), however late this callback runs.
    setTimeout(() => console.log('timeout, after the second run'), 15);
  }
  if (n === 2) clearInterval(iv);
}, 10);

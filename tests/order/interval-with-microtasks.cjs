let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  Promise.resolve().then(() => console.log('microtask', n));
  if (n === 2) clearInterval(iv);
}, 10);
setTimeout(() => console.log('timeout 25'), 25);

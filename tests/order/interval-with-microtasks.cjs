let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  Promise.resolve().then(() => console.log('microtask', n));
  if (n === 2) clearInterval(iv);
}, 2);
setTimeout(() => console.log('timeout 3'), 3);

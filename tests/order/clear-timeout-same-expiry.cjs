let b;
setTimeout(() => { console.log('a fires, clears b'); clearTimeout(b); }, 5);
b = setTimeout(() => console.log('b must not fire'), 5);
setTimeout(() => console.log('c fires'), 5);
const i = setImmediate(() => console.log('immediate must not fire'));
setImmediate(() => console.log('first immediate'));
clearImmediate(i);

// Three timers of the same duration, set in one callback: the first clears
// the second before it can run; an immediate cleared at once never runs.
const i = setImmediate(() => console.log('immediate must not fire'));
clearImmediate(i);
setImmediate(() => {
  console.log('first immediate');
  let b;
  setTimeout(() => { console.log('a fires, clears b'); clearTimeout(b); }, 5);
  b = setTimeout(() => console.log('b must not fire'), 5);
  setTimeout(() => console.log('c fires'), 5);
});

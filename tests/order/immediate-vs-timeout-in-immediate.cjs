// A zero-delay timer set from an immediate is due by the next timers phase
// (we wait 3 ms), which comes before the next check phase.
setImmediate(() => {
  console.log('immediate');
  setTimeout(() => console.log('timeout from immediate'), 0);
  setImmediate(() => console.log('immediate from immediate'));
  const start = Date.now();
  while (Date.now() - start < 3);
});

// Waiting 1.5 s on one timer must cost (almost) no CPU: the loop sleeps.
setTimeout(() => console.log('woke up'), 1500);

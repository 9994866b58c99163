// Resolving with a thenable costs two extra jobs.
const thenable = { then(resolve) { console.log('then called'); resolve('thenable'); } };
new Promise((resolve) => resolve(thenable)).then((v) => console.log('resolved', v));
Promise.resolve().then(() => console.log('tick 1')).then(() => console.log('tick 2')).then(() => console.log('tick 3'));

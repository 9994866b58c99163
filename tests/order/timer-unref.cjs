setTimeout(() => console.log('unref timer must not keep the process alive'), 50).unref();
setTimeout(() => console.log('ref timer fires'), 5);
console.log('main done');

console.log('1');
const p = new Promise((resolve) => { console.log('2 executor runs synchronously'); resolve('3'); console.log('still in executor'); });
p.then(console.log);
console.log('4');

const t = setTimeout(() => console.log('fires after ref()'), 5);
t.unref();
console.log('hasRef after unref', t.hasRef());
t.ref();
console.log('hasRef after ref', t.hasRef());

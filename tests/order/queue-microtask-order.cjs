queueMicrotask(() => console.log('qm 1'));
Promise.resolve().then(() => console.log('then 1'));
queueMicrotask(() => console.log('qm 2'));
Promise.resolve().then(() => console.log('then 2')).then(() => console.log('then 3'));
queueMicrotask(() => queueMicrotask(() => console.log('qm nested')));

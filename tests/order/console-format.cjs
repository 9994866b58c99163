console.log('%s is %d years and %i days', 'Bob', 42.5, 3.9);
console.log('%o and %O', { a: 1 }, { b: [1, 2] });
console.log('%j', { json: true });
console.log('%f %%', '1.5');
console.log('%c styled', 'color: red');
console.log('extra', 'args', 1, { x: 1 });
console.log('%s', null, undefined, 5n);

console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } });
console.log([undefined, null, true, -0, 1n, Symbol('s')]);
console.log(new Map([['k', { v: 1 }]]), new Set(['x']), [,1]);
class Point { constructor() { this.x = 1; this.y = 2; } }
console.log(new Point(), Object.create(null), [function named() {}, () => {}, async () => {}, class K {}]);
const circular = { name: 'c' };
circular.self = circular;
console.log(circular);
console.log(['a', "it's", 'say "hi"', 'multi\nline']);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(Promise.resolve(5), new Promise(() => {}));
console.log({ long: 'x'.repeat(60), other: 'y'.repeat(20) });
console.log([new Date(0), /re/g, new Error('in array').message]);

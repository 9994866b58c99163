// node:assert's '+ actual - expected' diffs for deepStrictEqual.
const assert = require('assert');
const show = (f) => { try { f(); } catch (e) { console.log(e.message); console.log('---'); } };
show(() => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 4, 5]));
show(() => assert.deepStrictEqual({ list: [1, 2], name: 'x' }, { list: [1, 3], name: 'x' }));
show(() => assert.deepStrictEqual(1, 2));
show(() => assert.deepStrictEqual('hello world', 'hello there'));
show(() => assert.deepStrictEqual([1], { 0: 1, length: 1 }));
show(() => assert.deepStrictEqual(new Map([[1, 'a']]), new Map([[1, 'b']])));

// util.inspect of a huge cyclic graph at depth Infinity: Node stops expanding once one indentation
// level has written 2 ** 27 characters (its output budget), so it ends quickly with `[Object]`s.
// Printed: the output's length, a hash of every 1009th character and how many [Object] the budget left.
const util = require('util');

let l = {};
const o = l;
for (let i = 0; i < 1000; i++) {
  l.next = { circular: o, last: l, obj: { a: 1 } };
  l = l.next;
  o[i] = l;
}
const big = util.inspect(o, { depth: Infinity });
let hash = 0;
for (let i = 0; i < big.length; i += 1009) hash = (Math.imul(hash, 31) + big.charCodeAt(i)) | 0;
console.log('chain', big.length, hash >>> 0, big.split('[Object]').length - 1, JSON.stringify(big.slice(0, 40)));

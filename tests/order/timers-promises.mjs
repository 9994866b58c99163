import { setTimeout as sleep, setImmediate, setInterval } from 'node:timers/promises';
import timers from 'node:timers';
console.log('start', typeof timers.promises.setTimeout);
const v = await sleep(5, 'slept');
console.log(v, await setImmediate('immediate value'));
const order = [];
await Promise.all([sleep(10).then(() => order.push(10)), sleep(2).then(() => order.push(2)), setImmediate().then(() => order.push('imm'))]);
console.log(order);
let count = 0;
for await (const value of setInterval(3, 'iv')) {
  console.log('interval', value, ++count);
  if (count === 3) break;
}
console.log('done');

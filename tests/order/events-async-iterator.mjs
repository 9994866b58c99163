import { EventEmitter, on, once } from 'node:events';
const ee = new EventEmitter();
setTimeout(() => { ee.emit('tick', 1); ee.emit('tick', 2); ee.emit('tick', 3); }, 1);
let n = 0;
for await (const [value] of on(ee, 'tick')) {
  console.log('tick', value);
  if (++n === 3) break;
}
console.log('listeners after break', ee.listenerCount('tick'), ee.listenerCount('error'));
setTimeout(() => ee.emit('error', new Error('failed')), 1);
try { await once(ee, 'done'); } catch (e) { console.log('once rejected:', e.message); }

// Checks require of eventemitter3 ("require" condition -> index.js) and require(esm) of ESM-only p-limit and emittery.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['eventemitter3', 'p-limit', 'emittery', 'p-queue']) console.log(s, '->', where(s));
const EventEmitter3 = require('eventemitter3');
const ee = new EventEmitter3();
ee.on('e', (v) => console.log('eventemitter3', v, typeof EventEmitter3.EventEmitter));
ee.emit('e', 'fired');
const pLimit = require('p-limit').default;
const Emittery = require('emittery').default;
(async () => {
  const limit = pLimit(2);
  console.log('p-limit', await Promise.all([1, 2, 3].map((n) => limit(async () => n * 10))));
  const em = new Emittery();
  em.on('a', (v) => console.log('emittery', v));
  await em.emit('a', 'ok');
})();

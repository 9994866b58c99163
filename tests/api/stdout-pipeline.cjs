// Piping and pipeline into process.stdout (never ended), and Readable.from of a sync iterable pushing synchronously.
const { pipeline } = require('stream/promises');
const { Readable } = require('stream');
(async () => {
  await pipeline(Readable.from(['one\n', 'two\n']), process.stdout);
  console.log('pipeline to stdout done');
  Readable.from(['three\n']).pipe(process.stdout);
  process.stdout.write('four\n', () => console.log('write cb'));
  console.log(typeof process.stdout.on, typeof process.stdout.once, process.stdout.writable);
})();

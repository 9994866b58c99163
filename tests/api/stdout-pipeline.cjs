// Piping into process.stdout (never ended), and Readable.from of a sync
// iterable pushing synchronously. (Awaiting pipeline(..., process.stdout)
// is left out: in Node it never settles when stdout is a pipe.)
const { Readable } = require('stream');
Readable.from(['one\n', 'two\n']).pipe(process.stdout).on('unpipe', () => console.log('unpiped'));
process.stdout.write('three\n', () => console.log('write cb'));
console.log(typeof process.stdout.on, typeof process.stdout.once, process.stdout.writable);

// UV_THREADPOOL_SIZE bounds the file-system pool, as in Node: with one
// thread, a read that blocks (a FIFO with no writer yet) holds back a stat
// queued behind it; set before the first I/O, it takes effect.
process.env.UV_THREADPOOL_SIZE = '1';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-pool-'));
const fifo = path.join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
console.log(typeof process.env.UV_THREADPOOL_SIZE, process.env.UV_THREADPOOL_SIZE);

fs.readFile(fifo, 'utf8', (err, text) => {
  console.log('fifo read:', err, text);
  fs.rmSync(dir, { recursive: true });
});
fs.stat(__filename, (err, st) => console.log('stat done (queued behind the fifo open):', st.isFile()));
setTimeout(() => {
  console.log('timer: writing to the fifo');
  fs.writeFileSync(fifo, 'through the pipe');
}, 200);

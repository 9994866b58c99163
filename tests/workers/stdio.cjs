// Worker stdio: console.log lines arrive in order via the parent; stdout: true / stderr: true give readable streams.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  if (workerData === 'plain') {
    for (let i = 1; i <= 5; i++) console.log('worker line', i);
    process.stdout.write('partial ');
    process.stdout.write('write\n');
    console.error('to stderr (dropped by the test runner)');
  } else {
    console.log('captured out 1');
    console.error('captured err 1');
    process.stdout.write('captured out 2\n');
    console.log('isTTY', process.stdout.isTTY, typeof process.stdout.write);
  }
  return;
}

// Without options, the worker's output goes to the parent's stdout; the parent prints only after 'exit'.
const plain = new Worker(__filename, { workerData: 'plain' });
console.log('plain.stdout is a Readable', plain.stdout instanceof require('stream').Readable, plain.stdout.readable);
plain.on('exit', (code) => {
  console.log('parent: plain exited', code);
  captured();
});

function captured() {
  const w = new Worker(__filename, { workerData: 'captured', stdout: true, stderr: true });
  let out = '';
  let err = '';
  w.stdout.setEncoding('utf8').on('data', (d) => (out += d));
  w.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const ends = [];
  w.stdout.on('end', () => ends.push('stdout end'));
  w.stderr.on('end', () => ends.push('stderr end'));
  w.on('exit', (code) => {
    setImmediate(() => {
      console.log('parent: captured exited', code);
      console.log('stdout', JSON.stringify(out));
      console.log('stderr', JSON.stringify(err));
      console.log('ends', ends.sort());
    });
  });
}

// child_process.fork: a tock child running this file, messages both ways as
// JSON lines, CPU-bound work off the parent's loop, 'disconnect' before
// 'exit', send() after the channel closed, a silent child's stdout.
const { fork } = require('child_process');
const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));

if (process.argv[2] === 'worker') {
  console.log('worker args', process.argv.slice(3), typeof process.send, process.connected);
  process.on('message', (m) => {
    if (m.cmd === 'fib') process.send({ result: fib(m.n), n: m.n });
    if (m.cmd === 'exit') {
      console.log('worker disconnecting');
      process.disconnect();
    }
  });
  // (The worker's own 'disconnect' is not printed: it races the parent's, in Node too.)
  process.on('disconnect', () => {});
  process.send({ hello: 'from worker', unicode: 'é€', nested: [1, { a: null }] });
} else if (process.argv[2] === 'quiet') {
  console.log('quiet child: no listeners, exits when done');
  process.send('bye');
} else {
  const child = fork(__filename, ['worker', 'arg1']);
  child.on('spawn', () => console.log('spawned'));
  child.on('message', (m) => {
    console.log('parent got', m);
    if (m.result) child.send({ cmd: 'exit' });
  });
  child.on('disconnect', () => console.log('parent: disconnect', child.connected));
  child.on('exit', (code, signal) => console.log('child exit', code, signal));
  child.on('close', (code) => {
    console.log('child close', code);
    const quiet = fork(__filename, ['quiet'], { silent: true });
    let out = '';
    quiet.stdout.on('data', (d) => (out += d));
    quiet.on('message', (m) => console.log('quiet says', m));
    quiet.on('exit', (code) => console.log('quiet exit', code, quiet.connected));
    quiet.on('close', () => {
      console.log('quiet printed', JSON.stringify(out));
      console.log('send after close', quiet.send('x', (err) => console.log('send callback', err && err.code)));
    });
  });
  console.log('send returns', child.send({ cmd: 'fib', n: 20 }), child.connected);
}

// terminate(): stops a busy loop or a timer-waiting worker; the promise resolves with 1; 'exit' 1; after exit.
const { Worker } = require('worker_threads');
const { once } = require('events');

async function main() {
  // A worker spinning forever: it says it is about to spin, then never returns to its event loop.
  const busy = new Worker(`require('worker_threads').parentPort.postMessage('spinning'); while (true) {}`, { eval: true });
  const events = [];
  busy.on('exit', (code) => events.push(`exit event ${code}`));
  busy.on('error', (e) => events.push(`error ${e.message}`));
  console.log('busy says', (await once(busy, 'message'))[0]);
  const p = busy.terminate();
  console.log('terminate returns', p.constructor.name, 'threadId still', busy.threadId);
  const code = await p;
  console.log('busy terminated with', code, events, 'threadId', busy.threadId);

  // A worker waiting on a long timer.
  const sleepy = new Worker(`setTimeout(() => { throw new Error('never'); }, 100000);
    require('worker_threads').parentPort.postMessage('sleeping');`, { eval: true });
  await once(sleepy, 'message');
  const [c1, c2] = await Promise.all([sleepy.terminate(), sleepy.terminate()]);
  console.log('sleepy terminated twice at once', c1, c2);
  console.log('terminate after exit', await sleepy.terminate());
  sleepy.postMessage('into the void'); // a no-op, no error
  console.log('postMessage after exit ok');

  // A worker that has already ended by itself.
  const quick = new Worker(`require('worker_threads').parentPort.postMessage('bye')`, { eval: true });
  const [exitCode] = await once(quick, 'exit');
  console.log('quick exited', exitCode, 'then terminate()', await quick.terminate());

  // terminate() right after construction (the code depends on how far the thread got, so only its type).
  const early = new Worker(`setInterval(() => {}, 1000)`, { eval: true });
  console.log('terminated right away', typeof (await early.terminate()));

  // The callback form is deprecated (a warning on stderr) but still called.
  const cb = new Worker(`setInterval(() => {}, 1000)`, { eval: true });
  await once(cb, 'online');
  console.log('terminate with a callback returns', typeof cb.terminate(() => console.log('callback called')));
}
main();

// process.exit(n) / process.exitCode in a worker end only that worker; the parent's 'exit' event gets the code.
const { Worker } = require('worker_threads');

const cases = [
  ['exit(7) at top level', `process.exit(7); require('worker_threads').parentPort.postMessage('unreachable');`],
  ['exit() in a timer', `setTimeout(() => process.exit(), 1); setInterval(() => {}, 1000);`],
  ['exitCode = 3, natural end', `process.exitCode = 3;`],
  ['exitCode then exit(5)', `process.exitCode = 3; process.exit(5);`],
  ['exit handler sees code', `const { parentPort } = require('worker_threads');
    process.on('exit', (c) => parentPort.postMessage(['exit handler', c, process.exitCode]));
    parentPort.postMessage('posted before exit'); process.exit(4);`],
  ['exit(256)', `process.exit(256);`],
  ['exit(-1)', `process.exit(-1);`],
  ['exit("2")', `process.exit('2');`],
  ['process.abort()', `try { process.abort(); } catch (e) { require('worker_threads').parentPort.postMessage(e.code); }`],
  ['unsupported in workers', `const p = require('worker_threads').parentPort;
    for (const f of ['chdir', 'setuid', 'umask']) { try { process[f](f === 'chdir' ? '/' : 0); p.postMessage(f + ' ok'); }
      catch (e) { p.postMessage(f + ' ' + e.code); } }`],
];

(async () => {
  for (const [label, src] of cases) {
    await new Promise((resolve) => {
      const w = new Worker(src, { eval: true });
      const seen = [];
      w.on('message', (m) => seen.push(JSON.stringify(m)));
      w.on('error', (e) => seen.push(`error ${e.message}`));
      w.on('exit', (code) => {
        console.log(`${label}: ${seen.join(', ')} -> exit ${code}`);
        resolve();
      });
    });
  }
  console.log('parent still running, exitCode', process.exitCode);
  setTimeout(() => console.log('parent timer after workers'), 1);
})();

// A child writing 1e5 lines to a pipe whose reader goes away after the first chunk: the writes fail
// with EPIPE (no death by SIGPIPE). console.log swallows it; a bare process.stdout.write dies of it.
const cp = require('child_process');

const cases = [
  ['console.log', "for (let i = 0; i < 1e5; i++) console.log('line ' + i);"],
  ['write with listener', `
    let errors = 0, failed = null;
    process.stdout.on('error', (e) => { errors++; console.error('error event', e.code, e.syscall, e.message); });
    for (let i = 0; i < 1e5; i++) process.stdout.write('line ' + i + '\\n', (e) => { if (e && !failed) failed = e.code; });
    process.on('exit', (c) => console.error('exit event', c, errors, failed));`],
  ['write without listener', "for (let i = 0; i < 1e5; i++) process.stdout.write('line ' + i + '\\n');"],
];

// The uncaught error's stack has Node-internal frames: keep only its first line and its properties
// (not the runtime's name and version on the last line).
const meaningful = (s) => s.split('\n').filter((l) => !/^ +at |^\S+ v?\d+\.\d+\.\d+$|^node:|^ +throw |^ +\^$|^Emitted |^$/.test(l));

function run(i) {
  if (i === cases.length) return console.log('done');
  const [what, code] = cases[i];
  const c = cp.spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  c.stderr.setEncoding('utf8');
  c.stderr.on('data', (d) => (stderr += d));
  c.stdout.once('data', (d) => {
    console.log(what, 'first chunk starts', JSON.stringify(String(d).slice(0, 7)));
    c.stdout.destroy();
  });
  c.on('close', (code, signal) => {
    console.log(what, 'exit', code, signal, JSON.stringify(meaningful(stderr)));
    run(i + 1);
  });
}
run(0);

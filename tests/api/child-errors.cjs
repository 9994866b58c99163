// Children that fail: missing programs, non-zero exits, signals, a child that
// dies mid-output (what it wrote and how it ended are both reported).
const cp = require('child_process');
const show = (e) => console.log(e.message.split('\n')[0], e.code, e.errno, e.syscall, e.path, e.spawnargs);

const missing = cp.spawn('no-such-program-tock', ['a']);
missing.on('error', (e) => {
  show(e);
  console.log('pid', missing.pid);
});
missing.on('close', (code, signal) => {
  console.log('missing close', code, signal);
  next();
});

function next() {
  const r = cp.spawnSync('no-such-program-tock', ['x']);
  show(r.error);
  console.log(r.status, r.signal, r.output, r.pid, r.stdout, r.stderr);
  try {
    cp.execSync('echo out; echo bad >&2; exit 2', { stdio: 'pipe' });
  } catch (e) {
    console.log(Object.keys(e), JSON.stringify(e.message), e.status, e.signal, e.stdout.toString(), e.stderr.toString());
  }
  cp.exec('echo out; exit 4', (err, stdout, stderr) => {
    console.log('exec', err.message, err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout), JSON.stringify(stderr));
    dies();
  });
}

function dies() {
  // Writes, then is killed by a signal partway through its output.
  const child = cp.spawn('sh', ['-c', 'echo line1; echo line2; kill -KILL $$; echo never']);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('exit', (code, signal) => console.log('exit', code, signal));
  child.on('close', (code, signal) => {
    console.log('close', code, signal, JSON.stringify(out), child.exitCode, child.signalCode, child.killed);
    killer();
  });
}

function killer() {
  const child = cp.spawn('sleep', ['10']);
  child.on('exit', (code, signal) => {
    console.log('killed', code, signal, child.killed, child.signalCode);
    console.log('kill after exit', child.kill());
  });
  console.log('kill', child.kill('SIGINT'));
  try {
    child.kill('SIGNOPE');
  } catch (e) {
    console.log(e.code, e.message);
  }
}

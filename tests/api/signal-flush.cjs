// A child killed by a signal while busy in JavaScript: what it wrote to stdout (a file, or a pipe)
// before the signal is all there, and it ends by that signal (exit code null, signal name).
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-signal-flush-'));
const busy = "console.log('one'); process.stdout.write('two\\n'); process.stdout.write('x'.repeat(100000) + '\\n'); console.log('end'); for (;;) {}";

// Run `code` in a child (core dumps off, for SIGQUIT) with the given stdout.
const child = (code, stdout) =>
  cp.spawn('sh', ['-c', 'ulimit -c 0; exec "$0" -e "$1"', process.execPath, code], { stdio: ['ignore', stdout, 'inherit'] });

// Wait (causally: poll until it is there) for `file` to contain `text`.
function waitFor(file, text, then) {
  const content = fs.readFileSync(file, 'utf8');
  if (content.includes(text)) then(content);
  else setTimeout(() => waitFor(file, text, then), 5);
}

// Not part of the expectation: a runtime that never flushes would make this program hang, so give up
// (Node never gets near this) and say what was seen.
function watchdog(c, what) {
  const t = setTimeout(() => {
    console.log('gave up waiting for', what());
    c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true });
    process.exit(1);
  }, 20000);
  c.on('exit', () => clearTimeout(t));
}

function killedWhileBusy(signals, done) {
  if (signals.length === 0) return done();
  const signal = signals[0];
  const file = path.join(dir, signal + '.txt');
  const fd = fs.openSync(file, 'w');
  const c = child(busy, fd);
  fs.closeSync(fd);
  watchdog(c, () => signal + ' ' + JSON.stringify(fs.readFileSync(file, 'utf8')));
  c.on('exit', (code, sig) => {
    const content = fs.readFileSync(file, 'utf8');
    console.log(signal, 'exit', code, sig, content.length, JSON.stringify(content.replace(/x+/, (m) => 'x*' + m.length)));
    killedWhileBusy(signals.slice(1), done);
  });
  waitFor(file, 'end\n', () => console.log(signal, 'kill returns', c.kill(signal)));
}

// The child signals itself (nothing is written after the kill: the signal may land on another thread).
function selfKill(done) {
  const file = path.join(dir, 'self.txt');
  const fd = fs.openSync(file, 'w');
  const c = child("console.log('before'); process.kill(process.pid, 'SIGTERM'); for (;;) {}", fd);
  fs.closeSync(fd);
  c.on('exit', (code, sig) => {
    console.log('self exit', code, sig, JSON.stringify(fs.readFileSync(file, 'utf8')));
    done();
  });
}

// Stdout a pipe: small writes (well under the pipe's buffer) all reach the parent before 'close'.
function pipeKilled(done) {
  const c = child("console.log('p1'); process.stdout.write('p2\\n'); console.log('pend'); for (;;) {}", 'pipe');
  let data = '';
  const events = [];
  watchdog(c, () => 'the pipe ' + JSON.stringify(data));
  c.stdout.setEncoding('utf8');
  c.stdout.on('data', (d) => {
    data += d;
    if (data.endsWith('pend\n') && !c.killed) console.log('pipe kill returns', c.kill('SIGTERM'));
  });
  c.stdout.on('end', () => events.push('stdout end'));
  c.on('exit', (code, sig) => events.push('exit ' + code + ' ' + sig));
  c.on('close', (code, sig) => {
    events.push('close ' + code + ' ' + sig);
    console.log('pipe', JSON.stringify(data), events.includes('stdout end'), events[events.length - 1]);
    done();
  });
}

killedWhileBusy(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM'], () =>
  selfKill(() =>
    pipeKilled(() => {
      fs.rmSync(dir, { recursive: true });
      console.log('done');
    })));

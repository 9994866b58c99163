// Writes to a child's stdin complete when the child has taken them: a slow
// reader makes write() return false and 'drain' come later; a child that
// closed its stdin makes writes fail with EPIPE (callback, then 'error');
// once the child has exited its stdin is destroyed (ERR_STREAM_DESTROYED).
const { spawn } = require('child_process');

function slowReader(next) {
  const c = spawn('sh', ['-c', 'head -c 65536 > /dev/null; sleep 0.2; cat > /dev/null']);
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let writes = 0;
  let falses = 0;
  let drains = 0;
  (function pump() {
    while (writes < 64) {
      writes++;
      if (!c.stdin.write(chunk)) {
        falses++;
        return c.stdin.once('drain', () => {
          drains++;
          pump();
        });
      }
    }
    c.stdin.end();
  })();
  c.on('close', (code) => {
    console.log('slow reader: close', code, 'writes', writes, 'write() returned false', falses > 0, 'a drain for each', drains === falses);
    next();
  });
}

function closedStdin(next) {
  const c = spawn('sh', ['-c', 'exec 0<&-; echo closed; sleep 30']);
  c.stdout.once('data', () => {
    c.stdin.on('error', (err) => console.log('closed stdin: error', err.code, err.errno, err.syscall, err.message));
    c.stdin.write('x\n', (err) => {
      console.log('closed stdin: callback', err.code);
      c.kill();
    });
  });
  c.on('close', (code, signal) => {
    console.log('closed stdin: close', code, signal);
    next();
  });
}

function afterExit() {
  const c = spawn('true');
  c.on('close', () => {
    c.stdin.write('late\n', (err) => console.log('after exit: callback', err.code, err.message));
  });
}

slowReader(() => closedStdin(afterExit));

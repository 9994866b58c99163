// child_process edge cases: 'spawn' event, exec timeout and buffer encoding, shell: true, spawnSync encoding, kill() results.
const cp = require('child_process');
const a = cp.spawn('echo', ['x']);
a.on('spawn', () => console.log('spawn event', typeof a.pid));
a.on('close', () => {
  cp.exec('exec sleep 5', { timeout: 100 }, (err, out) => {
    console.log('timeout', err.killed, err.signal, err.code, err.message.trim());
    cp.exec('printf abc', { encoding: 'buffer' }, (err, out, errOut) => {
      console.log(out, errOut);
      const s = cp.spawn('echo $0 "$HOME" | wc -c', { shell: true });
      s.stdout.on('data', (d) => console.log('shell', d.toString().trim() > 0));
      s.on('close', () => {
        const r = cp.spawnSync('sh', ['-c', 'echo out; echo err 1>&2'], { encoding: 'utf8' });
        console.log(r.stdout, r.stderr, r.output);
        try { cp.execSync('echo partial; exit 3', { stdio: 'pipe', encoding: 'utf8' }); } catch (e) { console.log(JSON.stringify(e.stdout), e.status, Object.keys(e)); }
        const k = cp.spawn('sleep', ['5']); console.log('kill returns', k.kill(), k.killed);
        k.on('exit', (c, sig) => console.log('kill exit', c, sig, k.kill()));
        console.log(cp.execFileSync('echo', ['buf']));
      });
    });
  });
});

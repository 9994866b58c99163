// child_process failures: a missing cwd in every form, a non-executable file, and argument errors.
const cp = require('child_process');
cp.exec('pwd', { cwd: '/nonexistent-dir' }, (err, out) => {
  console.log('exec bad cwd', err && err.code, err && err.message, JSON.stringify(out));
  const c = cp.spawn('ls', [], { cwd: '/nonexistent-dir' });
  c.on('error', (e) => console.log('spawn bad cwd', e.code, e.syscall, e.path, e.message));
  c.on('close', (code) => {
    console.log('close', code);
    try { cp.execSync('pwd', { cwd: '/nonexistent-dir', stdio: 'pipe' }); } catch (e) { console.log('execSync bad cwd', e.code, e.message); }
    const r = cp.spawnSync('pwd', { cwd: '/nonexistent-dir' });
    console.log('spawnSync bad cwd', r.error && r.error.code, r.error && r.error.syscall, r.status);
    try { cp.spawn(); } catch (e) { console.log('spawn()', e.code, e.message); }
    try { cp.spawn('ls', 'notarray'); } catch (e) { console.log('spawn args', e.code, e.message); }
    try { cp.exec(); } catch (e) { console.log('exec()', e.code, e.message); }
    const x = cp.spawn('/etc/passwd');
    x.on('error', (e) => console.log('not executable', e.code, e.syscall));
  });
});

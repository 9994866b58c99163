// node:child_process: spawn with pipes and stdin, exec/execFile (callback and promisify), the sync forms, late listeners, async iteration.
const { spawn, exec, execFile, execSync, execFileSync, spawnSync } = require('child_process');
const util = require('util');
(async () => {
  const c = spawn('sh', ['-c', 'read x; echo got $x; echo warn >&2; exit 3']);
  const out = []; const events = [];
  c.stdout.on('data', d => out.push(d.toString()));
  c.stderr.setEncoding('utf8');
  c.stderr.on('data', d => out.push('E:' + d));
  c.stdin.write('hello\n');
  c.stdin.end();
  const [code, signal] = await new Promise(r => c.on('close', (code, signal) => r([code, signal])));
  console.log(out, code, signal, c.exitCode, typeof c.pid);
  const { stdout, stderr } = await util.promisify(exec)('echo a; echo b >&2');
  console.log(JSON.stringify(stdout), JSON.stringify(stderr));
  try { await util.promisify(execFile)('sh', ['-c', 'echo partial; kill -9 $$']) } catch (e) { console.log(e.message, e.code, e.signal, e.killed, JSON.stringify(e.stdout)) }
  try { await util.promisify(execFile)('nope-cmd') } catch (e) { console.log(e.message, e.code, e.syscall, e.path, e.spawnargs, e.cmd, e.stdout) }
  console.log(execSync('echo sync').toString(), execSync('printf x', { encoding: 'utf8' }), execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }));
  console.log(spawnSync('cat', { input: 'piped in' }).stdout.toString(), spawnSync('sh', ['-c', 'kill -TERM $$']).signal);
  try { execFileSync('sh', ['-c', 'exit 5'], { stdio: 'pipe' }) } catch (e) { console.log(e.message, e.status) }
  const late = spawn('echo', ['late listener']);
  await new Promise(r => setTimeout(r, 100));
  late.stdout.on('data', d => console.log('late:', d.toString().trim()));
  await new Promise(r => late.on('close', r));
  const dying = spawn('sh', ['-c', 'echo before; exit 7']);
  let seen = '';
  for await (const chunk of dying.stdout) seen += chunk;
  console.log('iterated', JSON.stringify(seen));
  setImmediate(() => console.log('env', execSync('echo $FOO', { env: { ...process.env, FOO: 'bar' } }).toString().trim()));
})();

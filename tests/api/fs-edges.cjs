// fs edge cases: base64 writes, modes, Buffer names, Stats/Dirent keys, validation errors, error keys, read options.
const fs = require('fs'); const fsp = fs.promises; const path = require('path'); const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e1-')); const at = (n) => path.join(dir, n);
const r = (e) => e.message.replaceAll(dir, 'D');
(async () => {
  await fsp.writeFile(at('b64'), 'aGVsbG8gd29ybGQ=', 'base64');
  console.log(await fsp.readFile(at('b64'), 'utf8'), fs.readFileSync(at('b64'), { encoding: 'hex', flag: 'r' }));
  await fsp.writeFile(at('m'), 'x', { mode: 0o640 }); console.log((fs.statSync(at('m')).mode & 0o777).toString(8));
  console.log(fs.readdirSync(dir, { encoding: 'buffer' }));
  const st = fs.statSync(at('m')); console.log(Object.keys(st));
  const [d] = fs.readdirSync(dir, { withFileTypes: true }); console.log(Object.keys(d), d.constructor.name);
  try { await fsp.readFile(at('m')).then(() => fsp.copyFile(at('m'), at('m'))); console.log('self copy ok'); } catch (e) { console.log(r(e)); }
  try { fs.readFile(at('m'), 'bogus', () => {}); } catch (e) { console.log(e.code, r(e)); }
  try { fs.readFile(at('m'), { encoding: 'bogus' }, () => {}); } catch (e) { console.log(e.code, r(e)); }
  try { await fsp.readFile(); } catch (e) { console.log(e.code, r(e)); }
  try { fs.writeFileSync(at('m'), { a: 1 }); } catch (e) { console.log(e.code, r(e)); }
  try { fs.mkdirSync(at('q'), { recursive: 'yes' }); } catch (e) { console.log(e.code, r(e)); }
  const err = await fsp.stat(at('none')).catch((e) => e); console.log(Object.keys(err), err instanceof Error, err.name, String(err).replaceAll(dir, 'D'));
  console.log(await fsp.rm(at('m'), { recursive: true }), fs.existsSync(at('m')));
  console.log(await fsp.mkdir(path.relative(process.cwd(), at('rel/x')), { recursive: true }) === path.relative(process.cwd(), at('rel')));
  await fsp.access(dir); console.log(await fsp.access(dir, fs.constants.W_OK));
  fs.writeFileSync(at('n.txt'), '12345');
  fs.appendFileSync(at('n.txt'), Buffer.from('678'));
  console.log(fs.readFileSync(at('n.txt'), 'latin1'), fs.readFileSync(at('n.txt')).length);
  const fd = fs.openSync(at('n.txt'), 'r'); const buf = Buffer.alloc(3); console.log(fs.readSync(fd, buf), buf.toString(), fs.readSync(fd, buf, { position: 6 }), buf.toString()); fs.closeSync(fd);
  fs.rmSync(dir, { recursive: true, force: true });
})();

// node:fs links, truncation, times and fsync (promises, sync, FileHandle), with their errors.
const fs = require("fs"); const fsp = fs.promises; const path = require("path");
const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'tock-ln-')); const at = (n) => path.join(dir, n);
(async () => {
  fs.writeFileSync(at('t.txt'), 'target text');
  await fsp.symlink('t.txt', at('l'));
  console.log(await fsp.readlink(at('l')), (await fsp.lstat(at('l'))).isSymbolicLink(), (await fsp.stat(at('l'))).isFile(), fs.readFileSync(at('l'), 'utf8'));
  console.log(fs.readdirSync(dir, { withFileTypes: true }).map(d => [d.name, d.isSymbolicLink()]));
  await fsp.link(at('t.txt'), at('h.txt')); console.log(fs.statSync(at('t.txt')).nlink);
  await fsp.truncate(at('t.txt'), 6); console.log(fs.readFileSync(at('t.txt'), 'utf8'));
  fs.truncateSync(at('t.txt')); console.log(fs.statSync(at('t.txt')).size);
  await fsp.utimes(at('h.txt'), 1000, new Date(2000000)); const s = fs.statSync(at('h.txt')); console.log(s.atimeMs, s.mtimeMs);
  try { await fsp.symlink('x', at('l')) } catch (e) { console.log(e.message.replaceAll(dir, 'D'), e.code) }
  try { await fsp.readlink(at('t.txt')) } catch (e) { console.log(e.message.replaceAll(dir, 'D'), e.code) }
  try { fs.linkSync(at('nope'), at('n2')) } catch (e) { console.log(e.message.replaceAll(dir, 'D'), e.code) }
  try { await fsp.utimes(at('nope'), 1, 1) } catch (e) { console.log(e.message.replaceAll(dir, 'D'), e.code) }
  const fh = await fsp.open(at('h.txt'), 'r+'); await fh.truncate(2); await fh.sync(); console.log((await fh.stat()).size); await fh.close();
  fs.rmSync(dir, { recursive: true });
})();

// fs callback forms with optional arguments left out or given as numbers/strings, unusual data types, and validation errors.
const fs = require('fs'); const fsp = fs.promises; const path = require('path'); const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e3-')); const at = (n) => path.join(dir, n);
const show = (label) => (e, v) => console.log(label, e ? `${e.code}: ${e.message.replaceAll(dir, 'D')}` : 'ok', v === undefined ? '' : typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v).length : v);
const steps = [
  (next) => fs.mkdir(at('m'), 0o755, (e) => { show('mkdir mode')(e); next(); }),
  (next) => fs.writeFile(at('f'), 'data', (e) => { show('writeFile')(e); next(); }),
  (next) => fs.copyFile(at('f'), at('g'), (e) => { show('copyFile no mode')(e); next(); }),
  (next) => fs.readdir(dir, 'utf8', (e, v) => { show('readdir enc')(e, v); next(); }),
  (next) => fs.stat(at('f'), { bigint: false }, (e, v) => { show('stat opts')(e, v.size); next(); }),
  (next) => fs.rm(at('m'), { recursive: true, force: true }, (e) => { show('rm')(e); next(); }),
  (next) => fs.access(at('f'), fs.constants.R_OK, (e) => { show('access R')(e); next(); }),
  (next) => fs.readFile(at('f'), { encoding: null }, (e, v) => { show('readFile null enc')(e, v.length); next(); }),
  (next) => fs.writeFile(at('f'), new Uint8Array([65, 66]), (e) => { show('write u8')(e, fs.readFileSync(at('f'), 'utf8')); next(); }),
  (next) => fs.writeFile(at('f'), new DataView(new ArrayBuffer(2)), (e) => { show('write dataview')(e, fs.readFileSync(at('f')).length); next(); }),
  (next) => fs.appendFile(at('f'), 'x', { flag: 'a', mode: 0o600 }, (e) => { show('append opts')(e); next(); }),
  (next) => fs.unlink(at('nope'), (e) => { show('unlink missing')(e); next(); }),
  (next) => fs.mkdtemp(at('t-'), (e, v) => { show('mkdtemp')(e, path.basename(v).length); fs.rmdirSync(v); next(); }),
  (next) => fs.realpath(at('.'), (e, v) => { show('realpath')(e, v === dir); next(); }),
  (next) => fs.lstat(at('nope'), (e) => { show('lstat missing')(e); next(); }),
  (next) => fs.rename(at('g'), at('h'), (e) => { show('rename')(e, fs.existsSync(at('h'))); next(); }),
  (next) => fs.rmdir(at('nope'), (e) => { show('rmdir missing')(e); next(); }),
  (next) => { try { fs.writeFile(at('x'), undefined, () => {}); } catch (e) { show('undefined data')(e); } next(); },
  (next) => { try { fs.readdir(undefined, () => {}); } catch (e) { show('readdir undefined')(e); } next(); },
  (next) => { try { fs.mkdir(at('y'), { recursive: 1 }, () => {}); } catch (e) { show('mkdir bad opt')(e); } next(); },
  (next) => { try { fs.copyFile(at('f'), 5, () => {}); } catch (e) { show('copy bad dest')(e); } next(); },
  (next) => fsp.writeFile(at('z')).catch((e) => { show('fsp no data')(e); next(); }),
  (next) => fsp.rm(at('nope'), { recursive: true }).catch((e) => { show('fsp rm missing recursive')(e); next(); }),
  (next) => fsp.readdir(at('f'), { withFileTypes: true }).catch((e) => { show('readdir file types')(e); next(); }),
  (next) => { fs.rmSync(dir, { recursive: true }); next(); },
];
const run = (i) => i < steps.length && steps[i](() => run(i + 1));
run(0);

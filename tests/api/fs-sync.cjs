// node:fs synchronous forms, and their errors (thrown at once).
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-fssync-'));
const at = (...parts) => path.join(dir, ...parts);
const attempt = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.code, e.errno, e.syscall, e.message.replaceAll(dir, '<dir>'), e instanceof Error);
  }
};

fs.writeFileSync(at('a.txt'), 'sync text');
fs.appendFileSync(at('a.txt'), '!');
attempt('readFileSync utf8', () => fs.readFileSync(at('a.txt'), 'utf8'));
attempt('readFileSync buffer', () => fs.readFileSync(at('a.txt')));
attempt('readFileSync hex', () => fs.readFileSync(at('a.txt'), { encoding: 'hex' }));
attempt('existsSync', () => [fs.existsSync(at('a.txt')), fs.existsSync(at('nope')), fs.existsSync(), fs.existsSync(42)]);
attempt('statSync', () => {
  const st = fs.statSync(at('a.txt'));
  return [st.isFile(), st.isDirectory(), st.size];
});
attempt('lstatSync', () => fs.lstatSync(dir).isDirectory());
attempt('mkdirSync', () => fs.mkdirSync(at('m/n'), { recursive: true }) === at('m'));
attempt('mkdirSync plain', () => fs.mkdirSync(at('p')));
attempt('readdirSync', () => fs.readdirSync(dir));
attempt('readdirSync types', () => fs.readdirSync(dir, { withFileTypes: true }).map((d) => `${d.name}:${d.isDirectory() ? 'dir' : 'file'}`));
attempt('renameSync', () => fs.renameSync(at('a.txt'), at('p', 'a.txt')));
attempt('copyFileSync', () => fs.copyFileSync(at('p', 'a.txt'), at('copy.txt')));
attempt('accessSync', () => fs.accessSync(at('copy.txt'), fs.constants.R_OK));
attempt('realpathSync', () => fs.realpathSync(at('p', '..')) === dir);
const fd = fs.openSync(at('fd.txt'), 'w+');
attempt('writeSync', () => fs.writeSync(fd, 'abcdef'));
attempt('writeSync buffer', () => fs.writeSync(fd, Buffer.from('XY'), 0, 2, 1));
attempt('readSync', () => {
  const b = Buffer.alloc(6);
  return [fs.readSync(fd, b, 0, 6, 0), b.toString()];
});
attempt('fstatSync', () => fs.fstatSync(fd).size);
attempt('closeSync', () => fs.closeSync(fd));

attempt('readFileSync missing', () => fs.readFileSync(at('missing')));
attempt('readFileSync dir', () => fs.readFileSync(dir));
attempt('writeFileSync into file', () => fs.writeFileSync(at('copy.txt', 'x'), 'x'));
attempt('mkdirSync exists', () => fs.mkdirSync(at('p')));
attempt('readdirSync missing', () => fs.readdirSync(at('missing')));
attempt('rmSync dir', () => fs.rmSync(at('p')));
attempt('rmSync missing', () => fs.rmSync(at('missing')));
attempt('rmSync missing force', () => fs.rmSync(at('missing'), { force: true }));
attempt('rmdirSync not empty', () => fs.rmdirSync(at('p')));
attempt('unlinkSync missing', () => fs.unlinkSync(at('missing')));
attempt('statSync missing', () => fs.statSync(at('missing')));
attempt('openSync wx', () => fs.openSync(at('copy.txt'), 'wx'));
attempt('closeSync bad fd', () => fs.closeSync(987654));
attempt('readFileSync number path', () => fs.readFileSync(12.5));
attempt('readFileSync object', () => fs.readFileSync({}));
attempt('writeFileSync bad data', () => fs.writeFileSync(at('z'), 42));
attempt('readFileSync bad encoding', () => fs.readFileSync(at('copy.txt'), 'klingon'));
attempt('readFileSync URL', () => fs.readFileSync(new URL(`file://${at('copy.txt')}`), 'utf8'));
attempt('readFileSync Buffer path', () => fs.readFileSync(Buffer.from(at('copy.txt')), 'utf8'));

attempt('rmSync recursive', () => fs.rmSync(dir, { recursive: true }));
attempt('gone', () => fs.existsSync(dir));

// node:fs/promises: every function, the error paths Node reports, FileHandle.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-fsp-'));
const at = (...parts) => path.join(dir, ...parts);
const show = (e) => console.log(`${e.code} errno=${e.errno} syscall=${e.syscall} | ${e.message.replaceAll(dir, '<dir>').replace(/p-\w{6}/, 'p-XXXXXX')}`);
const fails = async (what, promise) => {
  try {
    await promise;
    console.log(what, 'did not fail');
  } catch (e) {
    process.stdout.write(`${what}: `);
    show(e);
  }
};

(async () => {
  console.log(fsp === fs.promises, typeof fsp.constants.O_RDONLY);
  await fsp.writeFile(at('a.txt'), 'hello');
  await fsp.appendFile(at('a.txt'), ', world');
  await fsp.writeFile(at('bytes.bin'), Buffer.from([0, 1, 2, 255]));
  await fsp.writeFile(at('latin.txt'), 'caf\u00e9', 'latin1');
  console.log(await fsp.readFile(at('a.txt'), 'utf8'));
  console.log(await fsp.readFile(at('a.txt'), { encoding: 'base64' }));
  console.log(await fsp.readFile(at('bytes.bin')));
  console.log(await fsp.readFile(at('latin.txt')), await fsp.readFile(at('latin.txt'), 'latin1'));

  console.log(await fsp.mkdir(at('x/y/z'), { recursive: true }) === at('x'));
  console.log(await fsp.mkdir(at('x/y'), { recursive: true }));
  console.log(await fsp.mkdir(at('plain')));
  await fsp.writeFile(at('x/y/z/deep.txt'), 'deep');
  await fsp.writeFile(at('x/top.txt'), 'top');
  console.log(await fsp.readdir(dir));
  console.log(await fsp.readdir(at('x'), { recursive: true }));
  for (const d of await fsp.readdir(at('x'), { withFileTypes: true, recursive: true })) {
    console.log(d.name, d.parentPath.replace(dir, '<dir>'), d.isFile(), d.isDirectory(), d.isSymbolicLink());
  }

  const st = await fsp.stat(at('a.txt'));
  console.log(st.constructor.name, st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.size, st.nlink);
  console.log(typeof st.mtimeMs, st.mtime instanceof Date, Math.abs(st.mtime.getTime() - Math.round(st.mtimeMs)) < 1, st.blksize > 0);
  console.log((await fsp.stat(dir)).isDirectory(), (await fsp.lstat(at('a.txt'))).isFile());

  await fsp.rename(at('a.txt'), at('b.txt'));
  await fsp.copyFile(at('b.txt'), at('c.txt'));
  console.log(await fsp.readFile(at('c.txt'), 'utf8'));
  await fsp.access(at('c.txt'));
  await fsp.access(at('c.txt'), fs.constants.R_OK | fs.constants.W_OK);
  console.log((await fsp.realpath(at('x/y/..'))) === at('x'));
  const tmp = await fsp.mkdtemp(at('t-'));
  console.log(path.basename(tmp).length, path.basename(tmp).startsWith('t-'));
  await fsp.rmdir(tmp);
  await fsp.chmod(at('c.txt'), 0o600);
  console.log(((await fsp.stat(at('c.txt'))).mode & 0o777).toString(8));

  await fails('readFile missing', fsp.readFile(at('missing.txt')));
  await fails('readFile directory', fsp.readFile(at('x')));
  await fails('writeFile into missing dir', fsp.writeFile(at('nope', 'f.txt'), 'x'));
  await fails('writeFile wx existing', fsp.writeFile(at('b.txt'), 'x', { flag: 'wx' }));
  await fails('mkdir existing', fsp.mkdir(at('x')));
  await fails('mkdir -p through a file', fsp.mkdir(at('b.txt', 'sub'), { recursive: true }));
  await fails('readdir file', fsp.readdir(at('b.txt')));
  await fails('readdir missing', fsp.readdir(at('missing')));
  await fails('rmdir not empty', fsp.rmdir(at('x')));
  await fails('rmdir file', fsp.rmdir(at('b.txt')));
  await fails('rm dir without recursive', fsp.rm(at('x')));
  await fails('rm missing', fsp.rm(at('missing')));
  await fails('unlink directory', fsp.unlink(at('plain')));
  await fails('unlink missing', fsp.unlink(at('missing')));
  await fails('rename missing', fsp.rename(at('missing'), at('other')));
  await fails('rename dir onto non-empty dir', fsp.rename(at('plain'), at('x')));
  await fails('copyFile missing', fsp.copyFile(at('missing'), at('d.txt')));
  await fails('copyFile EXCL', fsp.copyFile(at('b.txt'), at('c.txt'), fs.constants.COPYFILE_EXCL));
  await fails('access missing', fsp.access(at('missing')));
  await fails('access X_OK', fsp.access(at('b.txt'), fs.constants.X_OK));
  await fails('stat missing', fsp.stat(at('missing')));
  await fails('lstat through file', fsp.lstat(at('b.txt', 'inner')));
  await fails('realpath missing', fsp.realpath(at('missing')));
  await fails('mkdtemp missing parent', fsp.mkdtemp(at('missing', 'p-')));
  await fails('open missing', fsp.open(at('missing')));
  await fails('bad flag', fsp.readFile(at('b.txt'), { flag: 'zz' }));
  await fails('bad path type', fsp.readFile(123n));
  await fails('null byte', fsp.readFile('a\u0000b'));

  await fsp.rm(at('missing'), { force: true });
  await fsp.rm(at('x'), { recursive: true });
  await fsp.unlink(at('c.txt'));
  await fsp.rmdir(at('plain'));
  console.log(await fsp.readdir(dir));

  const fh = await fsp.open(at('handle.txt'), 'w+');
  console.log(typeof fh.fd, fh.fd > 2);
  console.log(await fh.write('0123456789'));
  const { bytesWritten } = await fh.write(Buffer.from('AB'), 0, 2, 3);
  const buffer = Buffer.alloc(6);
  const { bytesRead } = await fh.read(buffer, 0, 6, 0);
  console.log(bytesWritten, bytesRead, buffer.toString());
  console.log((await fh.stat()).size);
  await fh.writeFile('replaced');
  await fh.close();
  await fh.close();
  console.log(await fsp.readFile(at('handle.txt'), 'utf8'));
  const reader = await fsp.open(at('handle.txt'));
  console.log(await reader.readFile('utf8'));
  console.log((await reader.read({ buffer: Buffer.alloc(4), position: 0 })).buffer.toString());
  await reader.close();

  await fsp.rm(dir, { recursive: true, force: true });
  console.log(fs.existsSync(dir));
})();

// readFile of a file over 2 GiB (sparse, so it costs no disk) fails with
// ERR_FS_FILE_TOO_LARGE in every form.
const fs = require('fs');
const file = require('path').join(require('os').tmpdir(), `tock-sparse-${process.pid}`);
fs.writeFileSync(file, '');
fs.truncateSync(file, 3 * 2 ** 30);
fs.readFile(file, (e) => {
  console.log('cb', e.name, e.code, e.message);
  fs.promises.readFile(file).catch((e) => {
    console.log('promise', e.name, e.code, e.message);
    try {
      fs.readFileSync(file);
    } catch (e) {
      console.log('sync', e.name, e.code, e.message);
    }
    fs.unlinkSync(file);
  });
});

// node:fs callback forms, and what runs when inside an I/O callback:
// nextTick, then promise jobs, then setImmediate before setTimeout 0.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-fscb-'));
const at = (name) => path.join(dir, name);
const show = (label, e) => console.log(label, e.code, e.syscall, e.message.replaceAll(dir, '<dir>'));

fs.writeFile(at('a.txt'), 'first line\n', (err) => {
  console.log('writeFile', err);
  fs.appendFile(at('a.txt'), 'second line\n', 'utf8', (err) => {
    console.log('appendFile', err);
    fs.readFile(at('a.txt'), 'utf8', (err, text) => {
      console.log('readFile', err, JSON.stringify(text));
      fs.readFile(at('missing'), (err, data) => {
        show('readFile missing:', err);
        console.log(data);
        steps();
      });
    });
  });
});

function steps() {
  fs.stat(at('a.txt'), (err, st) => {
    console.log('stat', err, st.isFile(), st.size);
    fs.mkdir(at('d/e'), { recursive: true }, (err, first) => {
      console.log('mkdir', err, first.replace(dir, '<dir>'));
      fs.readdir(dir, (err, names) => {
        console.log('readdir', err, names);
        fs.rename(at('a.txt'), at('d/b.txt'), (err) => {
          console.log('rename', err);
          fs.copyFile(at('d/b.txt'), at('c.txt'), (err) => {
            console.log('copyFile', err);
            fs.access(at('nope'), (err) => {
              show('access:', err);
              fs.unlink(at('c.txt'), (err) => {
                console.log('unlink', err);
                fs.rmdir(at('d'), (err) => {
                  show('rmdir:', err);
                  fs.exists(at('d'), (found) => {
                    console.log('exists', found);
                    descriptors();
                  });
                });
              });
            });
          });
        });
      });
    });
  });
}

function descriptors() {
  fs.open(at('fd.txt'), 'w+', (err, fd) => {
    console.log('open', err, typeof fd);
    fs.write(fd, 'hello descriptors', (err, written, string) => {
      console.log('write', err, written, string);
      const buffer = Buffer.alloc(5);
      fs.read(fd, buffer, 0, 5, 6, (err, bytesRead, same) => {
        console.log('read', err, bytesRead, same === buffer, buffer.toString());
        fs.fstat(fd, (err, st) => {
          console.log('fstat', err, st.size);
          fs.close(fd, (err) => {
            console.log('close', err);
            fs.close(fd, (err) => {
              show('close again:', err);
              fs.rm(dir, { recursive: true }, (err) => {
                console.log('rm', err, fs.existsSync(dir));
                setTimeout(() => console.log('timeout 0 (set in an I/O callback)'), 0);
                setImmediate(() => console.log('immediate (set in an I/O callback): runs first'));
                process.nextTick(() => console.log('nextTick'));
                Promise.resolve().then(() => console.log('promise job'));
              });
            });
          });
        });
      });
    });
  });
}

try {
  fs.readFile(at('a.txt'));
} catch (e) {
  console.log('no callback:', e.code, e.message);
}

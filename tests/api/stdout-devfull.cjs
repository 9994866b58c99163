// Writes that fail with ENOSPC (/dev/full): children whose stdout is /dev/full (console.log is silent,
// a bare process.stdout.write dies of the unhandled 'error'), and fs writes to /dev/full.
const cp = require('child_process');
const fs = require('fs');

// Run `code` in a child with stdout on /dev/full; print its exit and its stderr (through `filter`).
function child(what, code, filter = (s) => s) {
  const r = cp.spawnSync('sh', ['-c', 'exec "$0" -e "$1" > /dev/full', process.execPath, code], { encoding: 'utf8' });
  console.log(what, 'exit', r.status, r.signal, JSON.stringify(filter(r.stderr)));
}

child('console.log', "console.log('hi'); console.log('again'); process.on('exit', (c) => console.error('exit event', c));");
child('write with callback and listener', `
  process.stdout.on('error', (e) => console.error('error event', e.code, e.syscall, e.errno, e.message));
  const r = process.stdout.write('a\\n', (e) => console.error('callback', e.code, e.message));
  process.stdout.write('b\\n', (e) => console.error('second callback', e.code));
  console.error('write returned', r);
  process.on('exit', (c) => console.error('exit event', c));`);
// The stack of an unhandled 'error' has Node-internal frames: keep our lines, the error's first line and its properties.
const uncaught = (s) => s.split('\n').filter((l) => /^(callback|not reached|Error:|  (errno|syscall|code):)/.test(l)).join('\n');
child('write with callback only', "process.stdout.write('a\\n', (e) => console.error('callback', e.code));", uncaught);
child('write without handlers', "process.stdout.write('a\\n'); setTimeout(() => console.error('not reached'), 0);", uncaught);
// console.log swallows its 'error' event; a stream emits 'error' once, so the later bare write is quiet too.
child('console.log then bare write', "console.log('c'); process.stdout.write('a\\n'); setTimeout(() => console.error('later'), 0);");

const show = (what, e) => console.log(what, e.code, e.errno, e.syscall, e.path, e.message);
const fd = fs.openSync('/dev/full', 'w');
try { fs.writeSync(fd, 'x'); } catch (e) { show('writeSync', e); }
try { fs.writeSync(fd, Buffer.alloc(10)); } catch (e) { show('writeSync buffer', e); }
fs.closeSync(fd);
try { fs.writeFileSync('/dev/full', 'x'); } catch (e) { show('writeFileSync', e); }
try { fs.appendFileSync('/dev/full', 'x'); } catch (e) { show('appendFileSync', e); }
fs.writeFileSync('/dev/full', '');
console.log('writeFileSync of nothing: no error');
fs.writeFile('/dev/full', 'x', (e) => {
  show('writeFile', e);
  fs.promises.writeFile('/dev/full', 'x').catch((e) => {
    show('promises.writeFile', e);
    const events = [];
    const ws = fs.createWriteStream('/dev/full');
    for (const name of ['open', 'ready', 'finish', 'close']) ws.on(name, () => events.push(name));
    ws.on('error', (e) => { events.push('error'); show('stream error', e); });
    console.log('stream write returns', ws.write('abc', (e) => events.push('write callback ' + e.code)));
    ws.end();
    ws.on('close', () => console.log(events.join(', '), ws.destroyed, ws.bytesWritten));
  });
});

// Many reads in flight at once: each failure stays with its own file, every
// other read returns its own content, and the loop waits for all of them.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tock-many-'));
for (let i = 0; i < 200; i++) if (i % 7 !== 3) fs.writeFileSync(path.join(dir, `f${i}.txt`), `content ${i}\n`.repeat(i % 5 + 1));
fs.mkdirSync(path.join(dir, 'f10.txt.d'));

(async () => {
  const names = Array.from({ length: 200 }, (_, i) => path.join(dir, `f${i}.txt`));
  names.push(path.join(dir, 'f10.txt.d'));
  const results = await Promise.allSettled(names.map((n) => fsp.readFile(n, 'utf8')));
  let ok = 0;
  const failures = {};
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      ok += r.value === `content ${i}\n`.repeat(i % 5 + 1) ? 1 : 0;
    } else {
      failures[r.reason.code] = (failures[r.reason.code] ?? 0) + 1;
    }
  });
  console.log('correct', ok, 'failed', failures);
  let pending = 50;
  for (let i = 0; i < 50; i++) {
    fs.stat(names[i], (err, st) => {
      if (--pending === 0) console.log('all 50 stat callbacks ran');
    });
  }
})().finally(() => process.on('exit', () => fs.rmSync(dir, { recursive: true })));

// 50,000 reads of one small file issued at once: memory must stay bounded.
// (Past the open-file limit some fail with EMFILE, in node as in tock.)
const { readFile } = require('fs/promises');
(async () => {
  const results = await Promise.allSettled(Array.from({ length: 50000 }, () => readFile(process.argv[2])));
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  if (ok === 0) throw new Error('no read succeeded');
})();

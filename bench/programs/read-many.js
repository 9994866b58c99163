// 2,000 small files read at once with Promise.all(readFile).
const { readFile, readdir } = require('fs/promises');
const path = require('path');
(async () => {
  const dir = process.argv[2];
  const names = await readdir(dir);
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  const total = texts.reduce((sum, t) => sum + t.length, 0);
  if (names.length !== 2000 || total === 0) throw new Error(`read ${names.length} files, ${total} chars`);
})();

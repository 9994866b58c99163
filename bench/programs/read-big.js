// One 100 MB file with readFile.
const { readFile } = require('fs/promises');
(async () => {
  const data = await readFile(process.argv[2]);
  if (data.length !== 100 * 1024 * 1024) throw new Error(`read ${data.length} bytes`);
})();

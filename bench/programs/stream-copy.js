// A 100 MB file copied through fs streams with stream/promises pipeline.
const fs = require('fs');
const { pipeline } = require('stream/promises');
const [source, target] = process.argv.slice(2);
pipeline(fs.createReadStream(source), fs.createWriteStream(target)).then(() => {
  if (fs.statSync(target).size !== fs.statSync(source).size) throw new Error('short copy');
  fs.unlinkSync(target);
});

// node:fs/promises
module.exports = require('internal/fs').fsPromises;

// node:stream/promises
module.exports = require('internal/stream').streamPromises;

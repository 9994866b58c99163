// node:fs — promise, callback and sync forms, streams.
module.exports = require('internal/fs').fs;

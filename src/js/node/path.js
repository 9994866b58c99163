// node:path (POSIX), also as path.posix.
const path = { ...require('internal/path').path };
path.posix = path;

module.exports = path;

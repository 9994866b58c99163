// node:util
module.exports = require('internal/util').util;

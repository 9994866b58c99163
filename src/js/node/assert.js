// node:assert
module.exports = require('internal/assert').assert;

// node:assert/strict
module.exports = require('internal/assert').assert.strict;

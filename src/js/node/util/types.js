// node:util/types: util.types, the checks of what a value is.
module.exports = require('internal/util').util.types;

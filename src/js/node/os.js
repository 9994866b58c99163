// node:os
module.exports = require('internal/os').os;

// node:buffer
module.exports = require('internal/buffer').bufferModule;

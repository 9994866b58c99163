// node:events — EventEmitter, with once, on and the helpers as its properties.
module.exports = require('internal/events').EventEmitter;

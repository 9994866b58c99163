// node:console — the global console.
module.exports = require('internal/console').console;

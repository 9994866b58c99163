// node:readline
module.exports = require('internal/readline').readline;

// node:readline/promises
module.exports = require('internal/readline').readline.promises;

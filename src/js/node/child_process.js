// node:child_process
module.exports = require('internal/child_process').childProcess;

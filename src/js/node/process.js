// node:process — the process object (internal/process).
module.exports = require('internal/process').process;

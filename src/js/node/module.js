// node:module — Module, createRequire, builtinModules.
module.exports = require('internal/modules').Module;

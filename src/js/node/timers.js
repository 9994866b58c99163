// node:timers
const { Timeout, Immediate, ...api } = require('internal/timers').timers;

module.exports = { ...api, promises: require('node/timers/promises') };

// node:timers/promises
module.exports = require('internal/timers_promises').timersPromises;

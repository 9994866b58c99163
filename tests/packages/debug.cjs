// Checks debug's node entry (src/index.js picks node.js, not the "browser" field) with colors and dates switched off.
process.env.DEBUG_COLORS = 'no';
process.env.DEBUG_HIDE_DATE = 'yes';
const path = require('path');
const util = require('util');
console.log('debug ->', path.relative(__dirname, require.resolve('debug')), '| ms ->', path.relative(__dirname, require.resolve('ms')));
const createDebug = require('debug');
createDebug.log = (...args) => console.log(util.format(...args));
createDebug.enable('app:*,-app:quiet');
const log = createDebug('app:main');
log('hello %s, %d items, %o', 'world', 3, { a: 1 });
createDebug('app:quiet')('never printed');
console.log(createDebug.enabled('app:main'), createDebug.enabled('app:quiet'), createDebug.enabled('other'), log.namespace, typeof createDebug.inspectOpts);

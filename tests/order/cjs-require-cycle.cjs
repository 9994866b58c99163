const a = require('./fixtures/cycle-a');
console.log('main sees', a.done, require('./fixtures/cycle-b.js').done);
console.log(require.main === module, typeof __filename, require('path') === undefined);

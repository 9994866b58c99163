// node:_http_common (internal/http/common.js).
const common = require('internal/http/common');
module.exports = {
  _checkInvalidHeaderChar: common.checkInvalidHeaderChar,
  _checkIsHttpToken: common.checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  methods: common.METHODS.toSorted(),
  HTTPParser: common.HTTPParser,
  parsers: common.parsers,
};

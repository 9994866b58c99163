// node:_http_outgoing (internal/http/outgoing.js).
const outgoing = require('internal/http/outgoing');
const common = require('internal/http/common');
module.exports = {
  OutgoingMessage: outgoing.OutgoingMessage,
  validateHeaderName: common.validateHeaderName,
  validateHeaderValue: common.validateHeaderValue,
  kHighWaterMark: outgoing.kHighWaterMark,
  kUniqueHeaders: outgoing.kUniqueHeaders,
};

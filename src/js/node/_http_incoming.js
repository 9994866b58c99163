// node:_http_incoming (internal/http/incoming.js).
module.exports = { IncomingMessage: require('internal/http/incoming').IncomingMessage };

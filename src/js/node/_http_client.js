// node:_http_client (internal/http/client.js).
module.exports = { ClientRequest: require('internal/http/client').ClientRequest };

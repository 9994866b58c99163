// node:_http_server (internal/http/server.js).
const server = require('internal/http/server');
module.exports = {
  STATUS_CODES: require('internal/http/common').STATUS_CODES,
  Server: server.Server,
  ServerResponse: server.ServerResponse,
  _connectionListener: server.connectionListener,
  kConnectionsCheckingInterval: server.kConnectionsCheckingInterval,
};

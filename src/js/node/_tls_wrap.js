// node:_tls_wrap: the socket half of Node's internal TLS modules, by name.
const { TLSSocket, Server, createServer, connect } = require('node/tls');
module.exports = { TLSSocket, Server, createServer, connect };

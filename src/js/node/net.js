// node:net: TCP and Unix-domain sockets (internal/net.js).
module.exports = require('internal/net').net;

// bench/network.py: an http server that keeps idle keep-alive connections
// open (no keep-alive timeout), for the RSS each one costs.
const http = require('http');
const server = http.createServer((req, res) => res.end('hello world'));
server.keepAliveTimeout = 0;
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));

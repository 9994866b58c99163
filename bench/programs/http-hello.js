// bench/network.py: an http.createServer hello world on the port given.
const http = require('http');
http.createServer((req, res) => res.end('hello world')).listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));

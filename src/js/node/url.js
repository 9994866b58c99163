// node:url — URL, URLSearchParams and the file URL helpers.
module.exports = require('internal/url').url;

// node:url — the WHATWG URL (internal/url.js) and the legacy API
// (url.parse, url.format, url.resolve: internal/url_legacy.js).
const legacy = require('internal/url_legacy');
module.exports = {
  ...require('internal/url').url,
  Url: legacy.Url,
  parse: legacy.parse,
  format: legacy.format,
  resolve: legacy.resolve,
  resolveObject: legacy.resolveObject,
  urlToHttpOptions: legacy.urlToHttpOptions,
};

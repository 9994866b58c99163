// The legacy `url` API — url.parse(), url.format(), url.resolve(),
// url.resolveObject(), the Url class and url.urlToHttpOptions() — as Node 20
// behaves, quirks included:
//
// - a parsed Url always owns the same twelve fields, in the same order, each
//   null until the parser fills it in;
// - the protocol and the host are lower-cased, the host is punycoded, an
//   `[ipv6]` host keeps its brackets in `host` and loses them in `hostname`;
// - tabs and line breaks vanish from the authority, while a handful of unsafe
//   characters (space, quotes, `<>`, `{}|\^` and the backquote) are
//   percent-escaped everywhere after it;
// - `javascript:` never has a host; `mailto:`-like schemes take one without
//   slashes; `//x` is a host only when `slashesDenoteHost` says so;
// - resolution follows the old browser-ish rules, including the oddities of
//   schemes that have no slashes.

const querystring = require('node/querystring');
const { codedError, invalidArgType } = require('internal/errors');

// Schemes that never have a host (the protocol may come with or without its
// colon, since callers of url.format() pass both forms).
const HOSTLESS = new Set(['javascript', 'javascript:']);
// Schemes whose formatted form always gets `//`.
const SLASHED = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
// Schemes whose path must not be escaped.
const UNESCAPED = new Set(['javascript', 'javascript:']);

const SCHEME = /^[a-z0-9.+-]+:/i;
const PORT_AT_END = /:[0-9]*$/;
// A bare path with at most a query: nothing to take apart but the `?`.
const PLAIN_PATH = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
// `//user@host` is a host even without slashesDenoteHost.
const AUTH_WITHOUT_SCHEME = /^\/\/[^@/]+@[^@/]+/;
const BAD_HOST = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const BAD_IPV6_HOST = /[\0\t\n\r #%/<>?@\\^|]/;
const MAX_HOST_LENGTH = 255;

// Characters that end the host-and-port part without ending the authority
// scan: they push the rest into the path.
const NOT_IN_HOST = new Set([' ', '"', '%', "'", ';', '<', '>', '\\', '^', '`', '{', '|', '}']);
// Characters escaped in a parsed path, query and hash.
const ESCAPES = {
  '\t': '%09',
  '\n': '%0A',
  '\r': '%0D',
  ' ': '%20',
  '"': '%22',
  "'": '%27',
  '<': '%3C',
  '>': '%3E',
  '\\': '%5C',
  '^': '%5E',
  '`': '%60',
  '{': '%7B',
  '|': '%7C',
  '}': '%7D',
};
const ESCAPED_CHARS = /[\t\n\r "'<>\\^`{|}]/g;

let portWarned = false;
let parseWarned = false;

function isBlank(code) {
  return code <= 0x20 || code === 0xa0 || code === 0xfeff;
}

function invalidUrl(input) {
  const err = codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = input;
  return err;
}

function bracketed(hostname) {
  return hostname.startsWith('[') && hostname.endsWith(']');
}

// ---------------------------------------------------------------------------
// Punycode (RFC 3492) and the host-to-ASCII step.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta, count, first) {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / count);
  let k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

function digitChar(d) {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

function charDigit(code) {
  if (code >= 0x30 && code <= 0x39) return code - 22;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return BASE;
}

function punyEncode(text) {
  const points = Array.from(text, (c) => c.codePointAt(0));
  let out = points.filter((p) => p < 0x80).map((p) => String.fromCharCode(p)).join('');
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < points.length) {
    let next = Infinity;
    for (const p of points) if (p >= n && p < next) next = p;
    delta += (next - n) * (handled + 1);
    n = next;
    for (const p of points) {
      if (p < n) delta++;
      if (p !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

// Returns null when `text` is not valid punycode.
function punyDecode(text) {
  const cut = text.lastIndexOf('-');
  const points = [];
  for (let i = 0; i < Math.max(cut, 0); i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return null;
    points.push(c);
  }
  let n = 0x80;
  let bias = 72;
  let i = 0;
  for (let pos = cut > 0 ? cut + 1 : 0; pos < text.length; ) {
    const before = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= text.length) return null;
      const d = charDigit(text.charCodeAt(pos++));
      if (d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * 4) return null;
    }
    bias = adapt(i - before, points.length + 1, before === 0);
    n += Math.floor(i / (points.length + 1));
    i %= points.length + 1;
    if (n > 0x10ffff) return null;
    points.splice(i++, 0, n);
  }
  return String.fromCodePoint(...points);
}

let URLClass;
function whatwgURL() {
  if (URLClass === undefined) {
    try {
      URLClass = require('internal/url').URL;
    } catch {
      URLClass = undefined;
    }
    if (typeof URLClass !== 'function') URLClass = globalThis.URL;
  }
  return URLClass;
}

// The domain-to-ASCII step of the WHATWG host parser, applied to one label. A
// dummy last label keeps a numeric result from being read as IPv4. Returns
// the ASCII label, or null when it is refused.
function whatwgLabel(label) {
  let host;
  try {
    host = new (whatwgURL())(`ws://${label}.a`).hostname;
  } catch {
    return null;
  }
  return host.endsWith('.a') ? host.slice(0, -2) : null;
}

// An `xn--` label the WHATWG parser cannot be asked about (it holds control
// characters): it must at least decode.
function decodesAsPunycode(label) {
  const decoded = punyDecode(label.slice(4));
  return decoded !== null && decoded !== '';
}

// Characters Node's IDNA step lets through (or maps to) although the WHATWG
// host parser refuses them: some ASCII, and the compatibility forms of the
// forbidden ones, like the no-break space. They only matter past a NUL, where
// Node cuts the name. To map a label holding some, they are swapped for Yi
// syllables (valid, caseless, and never composed with their neighbours) and
// swapped back as the ASCII they stand for afterwards.
const OPAQUE_ASCII = /^[\x00-\x20\x7f#%/:<>?@[\\\]^|]$/;
const STAND_IN = 0xa000;
const STAND_INS = /[\ua000-\ua07f]/g;

function standIn(c) {
  if (c.length === 1 && OPAQUE_ASCII.test(c)) return c;
  if (c.charCodeAt(0) < 0x80) return null;
  const compat = c.normalize('NFKC');
  return compat.length === 1 && OPAQUE_ASCII.test(compat) ? compat : null;
}

function swapOpaque(label) {
  let swapped = false;
  let out = '';
  for (const c of label) {
    const ascii = standIn(c);
    if (ascii === null) {
      out += c;
    } else {
      out += String.fromCharCode(STAND_IN + ascii.charCodeAt(0));
      swapped = true;
    }
  }
  return swapped ? out : null;
}

// Hostnames are already lower-cased here. Labels that are plain ASCII stay as
// they are (an `xn--` one must still be valid punycode); the others go through
// the IDNA mapping and come out punycoded. Control characters and DEL are
// carried through the encoding untouched, and a NUL cuts the name short. An
// empty result means the name was refused.
function hostToASCII(hostname) {
  const labels = hostname.split(/[.\u3002\uff0e\uff61]/);
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k];
    const swapped = swapOpaque(label);
    if (!/[^\x00-\x7f]/.test(label)) {
      if (label.startsWith('xn--') && !(swapped !== null ? decodesAsPunycode(label) : whatwgLabel(label) !== null)) return '';
      continue;
    }
    if (swapped === null) {
      const ascii = whatwgLabel(label);
      if (ascii === null) return '';
      labels[k] = ascii;
      continue;
    }
    const ascii = whatwgLabel(swapped);
    if (ascii === null) return '';
    let mapped = ascii.startsWith('xn--') ? punyDecode(ascii.slice(4)) : ascii;
    if (mapped === null) return '';
    mapped = mapped.replace(STAND_INS, (c) => String.fromCharCode(c.charCodeAt(0) - STAND_IN));
    if (/[^\x00-\x7f]/.test(mapped)) {
      if (mapped.startsWith('xn--')) return '';
      labels[k] = `xn--${punyEncode(mapped)}`;
    } else {
      if (mapped.startsWith('xn--') && !decodesAsPunycode(mapped)) return '';
      labels[k] = mapped;
    }
  }
  let ascii = labels.join('.');
  const nul = ascii.indexOf('\0');
  if (nul !== -1) ascii = ascii.slice(0, nul);
  return ascii;
}

function hostToUnicode(hostname) {
  return hostname
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith('xn--')) return label;
      const decoded = punyDecode(label.slice(4));
      return decoded === null ? label : decoded;
    })
    .join('.');
}

// ---------------------------------------------------------------------------
// The Url object.

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function emptyQuery() {
  return { __proto__: null };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw invalidArgType('url', 'of type string', url);

  // Trim surrounding blanks, turn backslashes into slashes up to the query or
  // fragment, and note whether there is an `@` before them or a `#` anywhere.
  let first = 0;
  let last = url.length;
  while (first < last && isBlank(url.charCodeAt(first))) first++;
  while (last > first && isBlank(url.charCodeAt(last - 1))) last--;
  let rest = url.slice(first, last);
  let cut = rest.search(/[?#]/);
  if (cut === -1) cut = rest.length;
  const head = rest.slice(0, cut);
  const hasAt = head.includes('@');
  const hasHash = rest.includes('#');
  if (head.includes('\\')) rest = head.replace(/\\/g, '/') + rest.slice(cut);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const plain = PLAIN_PATH.exec(rest);
    if (plain !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = plain[1];
      if (plain[2]) {
        this.search = plain[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = emptyQuery();
      }
      return this;
    }
  }

  let scheme = SCHEME.exec(rest);
  let lowerScheme = '';
  if (scheme !== null) {
    scheme = scheme[0];
    lowerScheme = scheme.toLowerCase();
    this.protocol = lowerScheme;
    rest = rest.slice(scheme.length);
  }

  let slashes = false;
  if (slashesDenoteHost || scheme !== null || AUTH_WITHOUT_SCHEME.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(scheme !== null && HOSTLESS.has(lowerScheme))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  // Note that the check for slash-less schemes looks at the scheme as it was
  // written, so `HTTP:x` takes a host where `http:x` does not.
  if (!HOSTLESS.has(lowerScheme) && (slashes || (scheme !== null && !SLASHED.has(scheme)))) {
    rest = parseAuthority(this, rest, url);
  }

  if (!UNESCAPED.has(lowerScheme)) rest = rest.replace(ESCAPED_CHARS, (c) => ESCAPES[c]);

  const hashAt = rest.indexOf('#');
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  if (hashAt !== -1) this.hash = rest.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt !== -1) {
    this.search = beforeHash.slice(queryAt);
    this.query = beforeHash.slice(queryAt + 1);
    if (parseQueryString) this.query = querystring.parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = emptyQuery();
  }
  const pathname = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  if (pathname !== '') this.pathname = pathname;
  if (SLASHED.has(lowerScheme) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Takes `[auth@]host[:port]` off the front of `rest` and returns what is left.
function parseAuthority(self, rest, url) {
  let end = rest.search(/[/?#]/);
  if (end === -1) end = rest.length;
  // Tabs and line breaks are dropped from everything before the path.
  rest = rest.slice(0, end).replace(/[\t\n\r]/g, '') + rest.slice(end);
  end = rest.search(/[/?#]/);
  if (end === -1) end = rest.length;

  // The last `@` before the path separates the credentials; the host stops at
  // the first character a host may not hold.
  const at = rest.lastIndexOf('@', end - 1);
  let hostStart = 0;
  if (at !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, at));
    hostStart = at + 1;
  }
  let hostEnd = end;
  for (let i = hostStart; i < end; i++) {
    if (NOT_IN_HOST.has(rest[i])) {
      hostEnd = i;
      break;
    }
  }
  self.host = rest.slice(hostStart, hostEnd);
  rest = rest.slice(hostEnd);

  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';

  const ipv6 = bracketed(self.hostname);
  if (!ipv6) {
    // Anything from a `:` that is not a port on moves into the path.
    const stop = self.hostname.search(/[/\\#?:]/);
    if (stop !== -1) {
      if (self.hostname[stop] === ':' && !portWarned) {
        portWarned = true;
        process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`, 'DeprecationWarning', 'DEP0170');
      }
      rest = `/${self.hostname.slice(stop)}${rest}`;
      self.hostname = self.hostname.slice(0, stop);
    }
  }

  self.hostname = self.hostname.length > MAX_HOST_LENGTH ? '' : self.hostname.toLowerCase();
  if (self.hostname !== '') {
    if (ipv6) {
      if (BAD_IPV6_HOST.test(self.hostname)) throw invalidUrl(url);
    } else {
      // A name the IDNA step refuses, or one that gains a forbidden character
      // from it, could be used to spoof a host: refuse the whole URL.
      self.hostname = hostToASCII(self.hostname);
      if (self.hostname === '' || BAD_HOST.test(self.hostname)) throw invalidUrl(url);
    }
  }

  self.host = self.hostname + (self.port ? `:${self.port}` : '');
  if (ipv6) {
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) {
    try {
      auth = encodeURIComponent(auth).replace(/%3A/g, ':');
    } catch {
      throw codedError(URIError, 'ERR_INVALID_URI', 'URI malformed');
    }
    auth += '@';
  }

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const name = this.hostname;
    host = auth + (name.includes(':') && !bracketed(name) ? `[${name}]` : name);
    if (this.port) host += `:${this.port}`;
  }

  let query = '';
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';

  let escapedPath = '';
  for (let i = 0; i < pathname.length; i++) {
    const code = pathname.charCodeAt(i);
    escapedPath += code === 0x23 ? '%23' : code === 0x3f ? '%3F' : pathname[i];
  }
  if (typeof pathname === 'string') pathname = escapedPath;

  // Only the slashed schemes get `//` unless the object asks for it.
  if (this.slashes || SLASHED.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3f) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

// Drops `a@` from a host that swallowed the credentials of a slash-less URL
// (`mailto:local1@domain1` resolved against `local2@domain2`).
function splitAuthFromHost(result) {
  if (result.host && result.host.indexOf('@') > 0) {
    const parts = result.host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

function withPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }

  const result = new Url();
  for (const key of Object.keys(this)) result[key] = this[key];

  // The fragment always comes from the relative URL, even an empty one.
  result.hash = relative.hash;
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // `//host/path` keeps only the scheme of the base.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) {
      if (key !== 'protocol') result[key] = relative[key];
    }
    if (SLASHED.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another scheme: a slash-less one is taken as it stands; a slashed one
    // needs a host, which may have to come from the start of its path.
    if (!SLASHED.has(relative.protocol)) {
      for (const key of Object.keys(relative)) result[key] = relative[key];
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !HOSTLESS.has(relative.protocol)) {
      const parts = (relative.pathname || '').split('/');
      while (parts.length && !(relative.host = parts.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (parts[0] !== '') parts.unshift('');
      if (parts.length < 2) parts.unshift('');
      result.pathname = parts.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const baseIsAbsolute = result.pathname && result.pathname.charAt(0) === '/';
  const relIsAbsolute = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustBeAbsolute = relIsAbsolute || baseIsAbsolute || (result.host && relative.pathname);
  const dropAllDots = mustBeAbsolute;
  let segments = (result.pathname && result.pathname.split('/')) || [];
  const relSegments = (relative.pathname && relative.pathname.split('/')) || [];
  const slashless = result.protocol && !SLASHED.has(result.protocol);

  // Without slashes the host is just the first segment of the path, so that
  // `..` can climb into it; it is put back at the end.
  if (slashless) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (segments[0] === '') segments[0] = result.host;
      else segments.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // A relative URL naming the scheme brings its own credentials, if any.
      result.auth = null;
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relSegments[0] === '') relSegments[0] = relative.host;
        else relSegments.unshift(relative.host);
      }
      relative.host = null;
    }
    mustBeAbsolute = mustBeAbsolute && (relSegments[0] === '' || segments[0] === '');
  }

  if (relIsAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    segments = relSegments;
  } else if (relSegments.length) {
    // Replace the last segment of the base with the relative path.
    segments.pop();
    segments = segments.concat(relSegments);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a new query.
    if (slashless) {
      result.hostname = result.host = segments.shift();
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    withPath(result);
    result.href = result.format();
    return result;
  }

  if (!segments.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // A path ending in `.` or `..` (below a host or another segment), or in a
  // slash, keeps a trailing slash.
  let tail = segments[segments.length - 1];
  const trailingSlash = ((result.host || relative.host || segments.length > 1) && (tail === '.' || tail === '..')) || tail === '';

  // Remove `.` segments and fold `..` into their parents, counting the ones
  // that climb above the top.
  let above = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    tail = segments[i];
    if (tail === '.') {
      segments.splice(i, 1);
    } else if (tail === '..') {
      segments.splice(i, 1);
      above++;
    } else if (above) {
      segments.splice(i, 1);
      above--;
    }
  }
  if (!mustBeAbsolute && !dropAllDots) {
    while (above--) segments.unshift('..');
  }

  if (mustBeAbsolute && segments[0] !== '' && (!segments[0] || segments[0].charAt(0) !== '/')) segments.unshift('');
  if (trailingSlash && segments.join('/').slice(-1) !== '/') segments.push('');

  const absolute = segments[0] === '' || (segments[0] && segments[0].charAt(0) === '/');

  if (slashless) {
    result.hostname = result.host = absolute ? '' : segments.length ? segments.shift() : '';
    splitAuthFromHost(result);
  }

  mustBeAbsolute = mustBeAbsolute || (result.host && segments.length);
  if (mustBeAbsolute && !absolute) segments.unshift('');

  if (segments.length > 0) {
    result.pathname = segments.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  withPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = PORT_AT_END.exec(host);
  if (port !== null) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

// ---------------------------------------------------------------------------
// The module functions.

function pendingDeprecation() {
  const argv = process.execArgv || [];
  return argv.includes('--pending-deprecation') || (process.env && process.env.NODE_PENDING_DEPRECATION === '1');
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!parseWarned && pendingDeprecation()) {
    parseWarned = true;
    process.emitWarning(
      '`url.parse()` behavior is not standardized and prone to errors that have security implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` vulnerabilities.',
      'DeprecationWarning',
      'DEP0169',
    );
  }
  if (url instanceof Url) return url;
  const parsed = new Url();
  parsed.parse(url, parseQueryString, slashesDenoteHost);
  return parsed;
}

// url.format() of a WHATWG URL, with Node's options to leave out the
// fragment, the query or the credentials, or to show the host in Unicode.
function formatWhatwg(url, options) {
  let fragment = true;
  let unicode = false;
  let search = true;
  let auth = true;
  if (options) {
    if (typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'of type object', options);
    if (options.fragment != null) fragment = Boolean(options.fragment);
    if (options.unicode != null) unicode = Boolean(options.unicode);
    if (options.search != null) search = Boolean(options.search);
    if (options.auth != null) auth = Boolean(options.auth);
  }
  const copy = new (whatwgURL())(url.href);
  if (!fragment) copy.hash = '';
  if (!search) copy.search = '';
  if (!auth) {
    copy.username = '';
    copy.password = '';
  }
  let href = copy.href;
  if (unicode && copy.hostname) {
    let lead = `${copy.protocol}//`;
    if (copy.username || copy.password) lead += `${copy.username}${copy.password ? `:${copy.password}` : ''}@`;
    if (href.startsWith(lead + copy.hostname)) {
      href = lead + hostToUnicode(copy.hostname) + href.slice(lead.length + copy.hostname.length);
    }
  }
  return href;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw invalidArgType('urlObject', 'one of type object or string', urlObject);
  } else {
    const URLCtor = whatwgURL();
    if (typeof URLCtor === 'function' && urlObject instanceof URLCtor) return formatWhatwg(urlObject, options);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

// The options http.request() takes, from a WHATWG URL (or anything shaped
// like one).
function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

module.exports = {
  Url,
  parse: urlParse,
  format: urlFormat,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  urlToHttpOptions,
};

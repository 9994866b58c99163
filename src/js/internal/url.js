// The WHATWG URL and URLSearchParams globals, and node:url's file-URL
// helpers. Parsing and the setters' rules are native (src/host/url.rs).

const { codedError, invalidArgType } = require('internal/errors');
const { inspect } = require('internal/inspect');
const customInspect = inspect.custom;
const partNames = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash', 'origin'];

function invalidUrl(input) {
  const err = codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = input;
  return err;
}

class URL {
  #parts;
  #searchParams;
  constructor(input, base) {
    if (arguments.length === 0) throw invalidArgType('url', 'of type string', undefined);
    input = `${input}`;
    const parts = native.url.parse(input, base === undefined ? undefined : `${base}`);
    if (parts === undefined || parts === null) throw invalidUrl(input);
    this.#parts = parts;
  }
  static canParse(input, base) {
    const parts = native.url.parse(`${input}`, base === undefined ? undefined : `${base}`);
    return parts !== undefined && parts !== null;
  }
  #set(part, value) {
    const parts = native.url.set(this.#parts.href, part, `${value}`);
    if (parts) this.#parts = parts;
    if ((part === 'search' || part === 'href') && this.#searchParams) replaceQuery(this.#searchParams, this.#parts.search);
  }
  get href() {
    return this.#parts.href;
  }
  set href(value) {
    const parts = native.url.parse(`${value}`);
    if (!parts) throw invalidUrl(`${value}`);
    this.#parts = parts;
    if (this.#searchParams) replaceQuery(this.#searchParams, parts.search);
  }
  get origin() {
    return this.#parts.origin;
  }
  get searchParams() {
    this.#searchParams ??= new URLSearchParams(this.#parts.search, (query) => {
      this.#parts = native.url.set(this.#parts.href, 'search', query) ?? this.#parts;
    });
    return this.#searchParams;
  }
  toString() {
    return this.href;
  }
  toJSON() {
    return this.href;
  }
  [customInspect](depth, options) {
    const shown = {};
    for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search']) {
      shown[name] = this[name];
    }
    shown.searchParams = this.searchParams;
    shown.hash = this.hash;
    if (depth < 0) return '[URL]';
    return `URL ${inspect(shown, { ...options, depth })}`;
  }
  // protocol … hash: read from the parsed parts, written through the setters.
  static {
    for (const name of partNames) {
      if (name === 'href' || name === 'origin') continue;
      Object.defineProperty(URL.prototype, name, {
        get() {
          return this.#parts[name];
        },
        set(value) {
          this.#set(name, value);
        },
        enumerable: true,
        configurable: true,
      });
    }
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });

// How a URL keeps its searchParams in step (not reachable from programs).
let replaceQuery;
class URLSearchParams {
  static {
    replaceQuery = (params, query) => {
      params.#pairs = native.url.searchParse(query.startsWith('?') ? query.slice(1) : query);
    };
  }
  #pairs = [];
  #onChange;
  constructor(init = '', onChange = undefined) {
    this.#onChange = onChange;
    if (typeof init === 'object' && init !== null) {
      const entries = typeof init[Symbol.iterator] === 'function' ? init : Object.entries(init);
      for (const pair of entries) {
        const [name, value] = [...pair];
        this.#pairs.push([`${name}`, `${value}`]);
      }
    } else {
      replaceQuery(this, `${init}`);
    }
  }
  #changed() {
    if (this.#onChange) this.#onChange(this.#pairs.length ? `?${this}` : '');
  }
  get size() {
    return this.#pairs.length;
  }
  append(name, value) {
    this.#pairs.push([`${name}`, `${value}`]);
    this.#changed();
  }
  delete(name, value) {
    this.#pairs = this.#pairs.filter(([n, v]) => n !== `${name}` || (value !== undefined && v !== `${value}`));
    this.#changed();
  }
  get(name) {
    return this.#pairs.find(([n]) => n === `${name}`)?.[1] ?? null;
  }
  getAll(name) {
    return this.#pairs.filter(([n]) => n === `${name}`).map(([, v]) => v);
  }
  has(name, value) {
    return this.#pairs.some(([n, v]) => n === `${name}` && (value === undefined || v === `${value}`));
  }
  set(name, value) {
    const index = this.#pairs.findIndex(([n]) => n === `${name}`);
    if (index === -1) {
      this.#pairs.push([`${name}`, `${value}`]);
    } else {
      this.#pairs[index][1] = `${value}`;
      this.#pairs = this.#pairs.filter(([n], i) => i <= index || n !== `${name}`);
    }
    this.#changed();
  }
  sort() {
    this.#pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#changed();
  }
  forEach(callback, thisArg) {
    for (const [name, value] of this.#pairs) callback.call(thisArg, value, name, this);
  }
  *entries() {
    for (const [name, value] of this.#pairs) yield [name, value];
  }
  *keys() {
    for (const [name] of this.#pairs) yield name;
  }
  *values() {
    for (const [, value] of this.#pairs) yield value;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  toString() {
    return native.url.searchSerialize(this.#pairs);
  }
  [customInspect](depth) {
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    if (this.#pairs.length === 0) return 'URLSearchParams {}';
    return `URLSearchParams { ${this.#pairs.map(([n, v]) => `${inspect(n)} => ${inspect(v)}`).join(', ')} }`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

function fileURLToPath(url) {
  if (typeof url === 'string') url = new URL(url);
  else if (!(url instanceof URL)) throw invalidArgType('path', 'of type string or an instance of URL', url);
  if (url.protocol !== 'file:') throw codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '') {
    throw codedError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) {
    throw codedError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

function pathToFileURL(path) {
  if (typeof path !== 'string') throw invalidArgType('path', 'of type string', path);
  let resolved = require('internal/path').path.resolve(path);
  if (path.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  let href = native.url.pathToFileHref(resolved);
  if (resolved.endsWith('/') && !href.endsWith('/')) href += '/';
  return new URL(href);
}

exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
exports.url = {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  domainToASCII: (domain) => native.url.parse(`ws://${domain}`)?.hostname ?? '',
  format: (url) => (url instanceof URL ? url.href : `${url}`),
};

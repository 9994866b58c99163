// node:querystring — parse and format `a=1&b=2` strings, as Node does:
// `+` is a space, repeated keys become arrays, malformed escapes are kept
// byte for byte, and only strings, finite numbers, bigints and booleans are
// written out.

function unescapeBuffer(s, decodeSpaces) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2b /* + */ && decodeSpaces) {
      out.push(0x20);
    } else if (c === 0x25 /* % */ && i + 2 < s.length && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      out.push(c);
    } else {
      out.push(...new TextEncoder().encode(s[i] + (c >= 0xd800 && c < 0xdc00 ? s[++i] ?? '' : '')));
    }
  }
  return Buffer.from(out);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function escape(value) {
  const s = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? String(value) : `${value}`;
  try {
    return encodeURIComponent(s);
  } catch {
    const err = new URIError('URI malformed');
    err.code = 'ERR_INVALID_URI';
    throw err;
  }
}

function primitive(value) {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? `${value}` : '';
    case 'bigint':
    case 'boolean':
      return `${value}`;
    default:
      return '';
  }
}

function stringify(obj, sep = '&', eq = '=', options) {
  sep ||= '&';
  eq ||= '=';
  const encode = typeof options?.encodeURIComponent === 'function' ? options.encodeURIComponent : escape;
  if (obj === null || typeof obj !== 'object') return '';
  const parts = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const ks = encode(primitive(key)) + eq;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(ks + encode(primitive(item)));
    } else {
      parts.push(ks + encode(primitive(value)));
    }
  }
  return parts.join(sep);
}

function parse(qs, sep = '&', eq = '=', options) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  const decode = typeof options?.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape;
  let pieces = qs.split(sep);
  if (maxKeys > 0) pieces = pieces.slice(0, maxKeys);
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    const at = piece.indexOf(eq);
    const rawKey = at >= 0 ? piece.slice(0, at) : piece;
    const rawValue = at >= 0 ? piece.slice(at + eq.length) : '';
    const key = decodeComponent(rawKey, decode);
    const value = decodeComponent(rawValue, decode);
    if (!(key in obj)) obj[key] = value;
    else if (Array.isArray(obj[key])) obj[key].push(value);
    else obj[key] = [obj[key], value];
  }
  return obj;
}

function decodeComponent(s, decode) {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  try {
    return decode(spaced, true);
  } catch {
    return unescape(spaced, true);
  }
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};

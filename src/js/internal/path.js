// node:path (POSIX), also used by the module loader.

function normalizeParts(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!path.startsWith('/')) out.push('..');
    } else out.push(part);
  }
  return out;
}

function normalize(path) {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const joined = normalizeParts(path).join('/');
  const trailing = path.endsWith('/') && joined !== '' ? '/' : '';
  return (absolute ? '/' : '') + (joined || (absolute ? '' : '.')) + trailing;
}

function resolve(...paths) {
  let resolved = '';
  for (let i = paths.length - 1; i >= 0 && !resolved.startsWith('/'); i--) {
    if (paths[i]) resolved = paths[i] + (resolved ? '/' + resolved : '');
  }
  if (!resolved.startsWith('/')) resolved = native.process.cwd() + (resolved ? '/' + resolved : '');
  return '/' + normalizeParts(resolved).join('/');
}

function dirname(path) {
  if (path === '') return '.';
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const at = trimmed.lastIndexOf('/');
  if (at === -1) return '.';
  if (at === 0) return '/';
  return trimmed.slice(0, at);
}

function basename(path, suffix) {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && base.endsWith(suffix) && base !== suffix) base = base.slice(0, -suffix.length);
  return base;
}

function extname(path) {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

function join(...parts) {
  const joined = parts.filter((p) => p !== '').join('/');
  return normalize(joined);
}

function relative(from, to) {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...Array(a.length - common).fill('..'), ...b.slice(common)].join('/');
}

function parse(path) {
  const root = path.startsWith('/') ? '/' : '';
  const base = basename(path);
  const ext = extname(path);
  let dir = dirname(path);
  if (dir === '.' && !path.includes('/')) dir = '';
  return { root, dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
}

function format({ root = '', dir, base, name = '', ext = '' }) {
  const file = base || `${name}${ext && !ext.startsWith('.') ? '.' : ''}${ext}`;
  if (!dir) return root + file;
  return dir === root ? `${dir}${file}` : `${dir}/${file}`;
}

exports.path = {
  relative,
  parse,
  format,
  toNamespacedPath: (p) => p, normalize, resolve, dirname, basename, extname, join, isAbsolute: (p) => p.startsWith('/'), sep: '/', delimiter: ':' };

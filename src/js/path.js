// POSIX path helpers (the subset the module loader needs; node:path later).

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
  if (!resolved.startsWith('/')) resolved = native.cwd() + (resolved ? '/' + resolved : '');
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

internals.path = { normalize, resolve, dirname, basename, extname, join, isAbsolute: (p) => p.startsWith('/'), sep: '/', delimiter: ':' };

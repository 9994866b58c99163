// Checks createRequire(import.meta.url) from ESM: require/require.resolve of packages, "paths" option, resolve.paths, JSON, built-ins, cache.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire, isBuiltin } from 'node:module';
const dir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const rel = (p) => (path.isAbsolute(p) ? path.relative(dir, p) || '.' : p);
console.log(['semver', 'chalk', 'yaml', 'date-fns/locale', 'fs', 'node:fs', './colors-require.cjs'].map((s) => rel(require.resolve(s))));
console.log('paths option', rel(require.resolve('cond-pkg', { paths: [path.join(dir, 'fixtures')] })), rel(require.resolve('./lib/x.cjs', { paths: ['./fixtures'] })));
try { require.resolve('cond-pkg'); } catch (e) { console.log('without paths:', e.code, e.message.split('\n')[0]); }
console.log('resolve.paths', require.resolve.paths('anything').slice(0, 2).map(rel), require.resolve.paths('fs'), require.resolve.paths('./x').map(rel));
const semver = require('semver');
console.log(semver.valid('1.0.0'), require('semver/package.json').name, require('./package.json').name, require('fs') === require('node:fs'));
const key = require.resolve('semver');
console.log('cached', key in require.cache, require.cache[key].exports === semver, require.main, isBuiltin('node:path'), isBuiltin('semver'));
const fromFixtures = createRequire(path.join(dir, 'fixtures', 'noop.js'));
console.log('createRequire(path)', rel(fromFixtures.resolve('cond-pkg')), fromFixtures('cond-pkg').which, rel(fromFixtures.resolve('#x')));

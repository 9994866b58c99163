// Checks ESM imports of CommonJS semver: named exports found by cjs-module-lexer, and deep files needing an explicit .js extension.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver, { satisfies, valid, coerce, SemVer } from 'semver';
import satisfiesDeep from 'semver/functions/satisfies.js';
import Range from 'semver/classes/range.js';
const dir = path.dirname(fileURLToPath(import.meta.url));
const where = (s) => path.relative(dir, fileURLToPath(import.meta.resolve(s)));
for (const s of ['semver', 'semver/functions/satisfies.js', 'semver/classes/range.js', 'semver/package.json']) console.log(s, '->', where(s));
console.log(satisfies('1.2.3', '^1.0.0'), valid('v2.0.0-rc.1'), coerce('v3.4 beta').version, new SemVer('1.2.3').inc('minor').version);
console.log(satisfiesDeep === semver.satisfies, new Range('>=1.2 <2 || 3.x').range, semver.sort(['1.10.0', '1.2.0', '1.9.9']));
try { await import('semver/functions/satisfies'); } catch (e) { console.log('extensionless deep import:', e.code); }

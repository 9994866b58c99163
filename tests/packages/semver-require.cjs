// Checks require of semver deep files (extension searching), its package.json, and that every path gives the same module.
const path = require('path');
const where = (s) => path.relative(__dirname, require.resolve(s));
for (const s of ['semver', 'semver/functions/satisfies', 'semver/functions/satisfies.js', 'semver/ranges/intersects', 'semver/package.json', 'semver/preload']) console.log(s, '->', where(s));
const semver = require('semver');
const satisfies = require('semver/functions/satisfies');
console.log(satisfies === semver.satisfies, satisfies('2.1.0', '>=2 <3'), require('semver/ranges/intersects')('^1.2', '1.x'));
console.log(semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0'], '~1.4'), semver.diff('1.2.3', '1.3.0'), require('semver/package.json').name);

// Checks which named exports Node's cjs-module-lexer finds when ESM imports CommonJS packages (exports.x =, defineProperty getters, reexports, object literals, UMD).
const pkgs = ['semver', 'ms', 'bytes', 'minimist', 'deepmerge', 'fast-deep-equal', 'fast-deep-equal/es6/index.js', 'classnames', 'pluralize', 'picomatch', 'micromatch',
  'fast-glob', 'qs', 'mime-types', 'iconv-lite', 'rxjs', 'immer', 'tslib/tslib.js', '@babel/parser', 'esprima', 'handlebars', 'validator', 'ajv', 'yaml', 'json5', 'toml',
  'js-yaml', 'moment', 'dayjs', 'luxon', 'picocolors', 'debug', 'commander', 'neverthrow', 'superstruct', 'acorn', 'zod', 'date-fns', 'lodash/fp.js', 'ini', 'content-type'];
for (const p of pkgs) {
  const ns = await import(p);
  const names = Object.keys(ns).filter((k) => k !== 'default');
  console.log(p.padEnd(30), String(names.length).padStart(4), 'default:', typeof ns.default, names.slice(0, 5).join(','));
}
const deepmerge = (await import('deepmerge')).default;
console.log(deepmerge({ a: [1] }, { a: [2], b: 1 }), (await import('classnames')).default('x', { y: true, z: false }), (await import('pluralize')).default('mouse', 2));
console.log((await import('fast-deep-equal')).default({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));

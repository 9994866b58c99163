// CommonJS as Node implements it: resolution with extensions, index files and
// node_modules, a cache that makes cycles see partial exports, JSON files,
// and the built-ins. ES modules live in Rust (src/modules/esm.rs); this file
// decides which way the main program goes.

const { path } = require('internal/path');
const errors = require('internal/errors');
const { codedError } = errors;

// The built-in modules: src/js/node/NAME.js is `node:NAME` (also plain
// `NAME`, but for those Node has only with the scheme, as `node:sqlite`);
// src/js/tock/NAME.js is `tock:NAME`, tock's own.
const builtinNames = new Set(native.builtinNames);
const schemeOnly = new Set(['sqlite']);
for (const name of schemeOnly) builtinNames.delete(name);
const tockNames = new Set(native.tockNames);
// `specifier`: `node:NAME`, `tock:NAME` or a plain name; the exports, or undefined.
function builtin(specifier) {
  if (specifier.startsWith('tock:')) {
    const name = specifier.slice(5);
    return tockNames.has(name) ? require(`tock/${name}`) : undefined;
  }
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (builtinNames.has(name) || (schemeOnly.has(name) && name !== specifier)) return require(`node/${name}`);
  return undefined;
}
const hasScheme = (request) => request.startsWith('node:') || request.startsWith('tock:');

class Module {
  constructor(id = '', parent = null) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false });
    if (parent) parent.children.push(this);
  }

  require(id) {
    if (typeof id !== 'string') throw errors.invalidArgType('id', 'of type string', id);
    if (id === '') throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
    return load(resolveFilename(id, this), this, false);
  }
}
Module._cache = Object.create(null);
// The loaders by extension, as programs inspect them (tock does not call them).
Module._extensions = Object.create(null);
for (const ext of ['.js', '.json', '.node']) {
  Module._extensions[ext] = function (module, filename) {
    throw codedError(Error, 'ERR_NOT_SUPPORTED', `require.extensions['${ext}'] cannot be called in tock (${filename})`);
  };
}
Module.isBuiltin = (name) => {
  if (typeof name !== 'string') return false;
  if (!name.startsWith('node:')) return builtinNames.has(name);
  return builtinNames.has(name.slice(5)) || schemeOnly.has(name.slice(5));
};
Object.defineProperty(Module, 'builtinModules', { get: () => [...builtinNames], enumerable: true });

let mainModule;

// Resolution is Node 20.20's (`"exports"`, `"imports"`, conditions, main and
// index files, node_modules), done in Rust for `require` and `import` alike.
function resolveFilename(request, parent, paths) {
  if (hasScheme(request)) {
    if (builtin(request) === undefined) {
      throw codedError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
    }
    return request;
  }
  if (builtinNames.has(request)) return `node:${request}`;
  const referrer = parent && parent.filename ? parent.filename : '';
  const dirs = paths ?? [referrer ? path.dirname(referrer) : native.process.cwd()];
  for (const dir of dirs) {
    try {
      return native.modules.resolveRequire(request, path.resolve(dir), referrer);
    } catch (err) {
      // A file that "exports" names but that is missing is reported as is.
      if (err.code !== 'MODULE_NOT_FOUND' || err.message !== `Cannot find module '${request}'`) throw err;
    }
  }
  const requireStack = [];
  for (let m = parent; m && m.filename; m = m.parent) requireStack.push(m.filename);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = codedError(Error, 'MODULE_NOT_FOUND', message);
  err.requireStack = requireStack;
  throw err;
}

function load(filename, parent, isMain) {
  if (hasScheme(filename)) return builtin(filename);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(isMain ? '.' : filename, parent);
  module.filename = filename;
  module.paths = nodeModulePaths(path.dirname(filename));
  if (isMain) {
    mainModule = module;
    process.mainModule = module;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    compileAndRun(module, filename, parent, isMain);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  module.loaded = true;
  return module.exports;
}

function nodeModulePaths(from) {
  const paths = [];
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') paths.push(path.join(dir, 'node_modules'));
    if (dir === '/') return paths;
  }
}

function compileAndRun(module, filename, parent, isMain) {
  const ext = path.extname(filename);
  if (ext === '.json') {
    const source = native.modules.readSource(filename);
    native.modules.rememberSource(filename, source);
    try {
      module.exports = JSON.parse(source);
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
    return;
  }
  const isModule = ext === '.mjs' || ext === '.js' ? native.modules.isModule(filename) : false;
  const esm = isModule === true;
  // A `.js` file of a package without "type" that only parses as an ES
  // module (import/export or top-level await) is one.
  if (!esm) errors.commonjsFiles.add(filename);
  const compiled = esm ? null : native.modules.compileCommonJS(native.modules.readSource(filename), filename, isModule === undefined);
  if (compiled == null) {
    errors.commonjsFiles.delete(filename);
    if (isMain) {
      // An ES module main has no CommonJS module: require.main is undefined.
      mainModule = undefined;
      process.mainModule = undefined;
      delete Module._cache[filename];
      return runMainModule(filename);
    }
    // `require` of an ES module (Node 20.19+): its namespace.
    module.exports = native.modules.requireModule(filename, parent?.filename ?? '');
    return;
  }
  const userRequire = makeRequire(module);
  Reflect.apply(compiled, module.exports, [module.exports, userRequire, module, filename, path.dirname(filename)]);
}

function makeRequire(module) {
  const userRequire = (id) => module.require(id);
  userRequire.resolve = (request, options) => {
    if (typeof request !== 'string') throw errors.invalidArgType('request', 'of type string', request);
    const resolved = resolveFilename(request, module, options?.paths);
    return resolved.startsWith('node:') && !request.startsWith('node:') ? request : resolved;
  };
  userRequire.resolve.paths = (request) => {
    if (builtinNames.has(request) || hasScheme(request)) return null;
    const from = module.filename ? path.dirname(module.filename) : native.process.cwd();
    return request.startsWith('./') || request.startsWith('../') ? [from] : nodeModulePaths(from);
  };
  userRequire.cache = Module._cache;
  userRequire.extensions = Module._extensions;
  Object.defineProperty(userRequire, 'main', { get: () => mainModule, enumerable: true });
  return userRequire;
}

// Evaluation failures of the entry module are uncaught exceptions.
function runMainModule(filename) {
  native.modules.runMainModule(filename).then(undefined, (err) => errors.fatalException(inModuleScope(err, filename)));
}

// Node's words when an ES module uses a CommonJS global.
function inModuleScope(err, filename) {
  if (!(err instanceof ReferenceError) || !/^(require|module|exports|__filename|__dirname) is not defined$/.test(err.message)) return err;
  err.message += ' in ES module scope, you can use import instead';
  if (typeof err.stack === 'string') {
    const stack = err.stack.replace(/^ReferenceError: .*/, `ReferenceError: ${err.message}`);
    Object.defineProperty(err, 'stack', { value: stack, writable: true, configurable: true });
  }
  return err;
}

function runMain(file) {
  // A worker made from a data: URL (or module code) runs it as an ES module.
  if (file.startsWith('data:')) return runMainModule(file);
  load(resolveFilename(file, null), null, true);
}

// `tock -e CODE` / `-p CODE`: a sloppy script with CommonJS-style globals.
function evalScript(code, print) {
  // A worker made with `eval: true` runs its code as `-e` does.
  const name = native.workers.isWorker ? '[worker eval]' : '[eval]';
  const filename = path.join(native.process.cwd(), name);
  const module = new Module(name);
  module.filename = filename;
  module.paths = nodeModulePaths(native.process.cwd());
  Object.assign(globalThis, {
    module,
    exports: module.exports,
    require: makeRequire(module),
    __filename: name,
    __dirname: '.',
  });
  const result = native.modules.evalScript(code, name, false);
  if (print) require('internal/console').console.log(result);
}

// `--test262-host`: harness files as global scripts, then the test.
function runTest262(file, preludes, strict, module) {
  for (const prelude of preludes) native.modules.evalScript(native.modules.readSource(prelude), prelude, strict);
  if (module) runMainModule(file);
  else native.modules.evalScript(native.modules.readSource(file), file, strict);
}

Module.Module = Module;
Module.createRequire = (from) => {
  const module = new Module(String(from).replace(/^file:\/\//, ''));
  module.filename = module.id;
  return makeRequire(module);
};

exports.Module = Module;
exports.builtin = builtin;
exports.runMain = runMain;
exports.evalScript = evalScript;
exports.runTest262 = runTest262;
exports.loadCommonJS = (filename) => load(filename, null, false);

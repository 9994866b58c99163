// CommonJS as Node implements it: resolution with extensions, index files and
// node_modules, a cache that makes cycles see partial exports, JSON files,
// and the built-ins. ES modules live in Rust (engine/modules.rs); this file
// decides which way the main program goes.

const { path, codedError } = internals;

// Built-in modules by name: a function making the exports, called once.
const builtins = new Map();
const builtinExports = new Map();
function builtin(name) {
  let exports = builtinExports.get(name);
  if (exports === undefined && builtins.has(name)) {
    exports = builtins.get(name)();
    builtinExports.set(name, exports);
  }
  return exports;
}

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
    if (typeof id !== 'string') throw internals.invalidArgType('id', 'of type string', id);
    if (id === '') throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
    return load(resolveFilename(id, this), this, false);
  }
}
Module._cache = Object.create(null);
Object.defineProperty(Module, 'builtinModules', { get: () => [...builtins.keys()], enumerable: true });

let mainModule;

// Resolution is Node 20.20's (`"exports"`, `"imports"`, conditions, main and
// index files, node_modules), done in Rust for `require` and `import` alike.
function resolveFilename(request, parent, paths) {
  if (request.startsWith('node:')) {
    if (builtin(request.slice(5)) === undefined) {
      throw codedError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
    }
    return request;
  }
  if (builtins.has(request)) return `node:${request}`;
  const referrer = parent && parent.filename ? parent.filename : '';
  const dirs = paths ?? [referrer ? path.dirname(referrer) : native.cwd()];
  for (const dir of dirs) {
    try {
      return native.resolveRequire(request, path.resolve(dir), referrer);
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') throw err;
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
  if (filename.startsWith('node:')) return builtin(filename.slice(5));
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
    const source = native.readSource(filename);
    native.rememberSource(filename, source);
    try {
      module.exports = JSON.parse(source);
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
    return;
  }
  const esm = (ext === '.mjs' || ext === '.js') && native.isModule(filename);
  // A `.js` file of a package without "type" that only parses as an ES
  // module (import/export or top-level await) is one.
  if (!esm) internals.commonjsFiles.add(filename);
  const compiled = esm ? null : native.compileCommonJS(native.readSource(filename), filename);
  if (compiled == null) {
    internals.commonjsFiles.delete(filename);
    if (isMain) return runMainModule(filename);
    // `require` of an ES module (Node 20.19+): its namespace.
    module.exports = native.requireModule(filename, parent?.filename ?? '');
    return;
  }
  const require = makeRequire(module);
  Reflect.apply(compiled, module.exports, [module.exports, require, module, filename, path.dirname(filename)]);
}

function makeRequire(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => {
    if (typeof request !== 'string') throw internals.invalidArgType('request', 'of type string', request);
    const resolved = resolveFilename(request, module, options?.paths);
    return resolved.startsWith('node:') && !request.startsWith('node:') ? request : resolved;
  };
  require.cache = Module._cache;
  require.extensions = Object.create(null);
  Object.defineProperty(require, 'main', { get: () => mainModule, enumerable: true });
  return require;
}

// Evaluation failures of the entry module are uncaught exceptions.
function runMainModule(filename) {
  native.runMainModule(filename).then(undefined, (err) => internals.fatalException(err));
}

function runMain(file) {
  if (internals.trace) internals.trace.task('main', `main script ${path.basename(file)}`);
  load(resolveFilename(file, null), null, true);
}

// `tock -e CODE` / `-p CODE`: a sloppy script with CommonJS-style globals.
function evalScript(code, print) {
  const filename = path.join(native.cwd(), '[eval]');
  const module = new Module('[eval]');
  module.filename = filename;
  module.paths = nodeModulePaths(native.cwd());
  Object.assign(globalThis, {
    module,
    exports: module.exports,
    require: makeRequire(module),
    __filename: '[eval]',
    __dirname: '.',
  });
  if (internals.trace) internals.trace.task('main', '[eval] script');
  const result = native.evalScript(code, '[eval]', false);
  if (print) internals.console.log(result);
}

// `--test262-host`: harness files as global scripts, then the test.
function runTest262(file, preludes, strict, module) {
  for (const prelude of preludes) native.evalScript(native.readSource(prelude), prelude, strict);
  if (module) runMainModule(file);
  else native.evalScript(native.readSource(file), file, strict);
}

builtins.set('module', () => Object.assign(Module, { Module, createRequire: (from) => {
  const module = new Module(String(from).replace(/^file:\/\//, ''));
  module.filename = module.id;
  return makeRequire(module);
} }));

internals.builtins = builtins;
internals.builtin = builtin;
internals.runMain = runMain;
internals.evalScript = evalScript;
internals.runTest262 = runTest262;
internals.loadCommonJS = (filename) => load(filename, null, false);

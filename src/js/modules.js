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
const isFile = (p) => native.statKind(p) === 1;
const isDirectory = (p) => native.statKind(p) === 2;
const extensions = ['.js', '.json', '.node'];

function tryExtensions(base) {
  for (const ext of extensions) if (isFile(base + ext)) return base + ext;
  return undefined;
}

function tryPackage(dir) {
  const manifest = path.join(dir, 'package.json');
  if (isFile(manifest)) {
    let main;
    try {
      main = JSON.parse(native.readSource(manifest)).main;
    } catch (err) {
      err.message = `Error parsing ${manifest}: ${err.message}`;
      throw err;
    }
    if (typeof main === 'string' && main !== '') {
      const target = path.resolve(dir, main);
      const found = (isFile(target) && target) || tryExtensions(target) || tryExtensions(path.join(target, 'index'));
      if (found) return found;
    }
  }
  return tryExtensions(path.join(dir, 'index'));
}

function tryPath(base) {
  return (isFile(base) && base) || tryExtensions(base) || (isDirectory(base) && tryPackage(base)) || undefined;
}

function resolveFilename(request, parent) {
  if (request.startsWith('node:')) {
    if (builtin(request.slice(5)) === undefined) {
      throw codedError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
    }
    return request;
  }
  if (builtins.has(request)) return `node:${request}`;
  const fromDir = parent && parent.filename ? path.dirname(parent.filename) : native.cwd();
  let found;
  if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../') || request.startsWith('/')) {
    found = tryPath(path.resolve(fromDir, request));
  } else {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      if (path.basename(dir) !== 'node_modules') found = tryPath(path.join(dir, 'node_modules', request));
      if (found || dir === '/') break;
    }
  }
  if (found === undefined) {
    const requireStack = [];
    for (let m = parent; m && m.filename; m = m.parent) requireStack.push(m.filename);
    let message = `Cannot find module '${request}'`;
    if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
    const err = codedError(Error, 'MODULE_NOT_FOUND', message);
    err.requireStack = requireStack;
    throw err;
  }
  return native.realpath(found);
}

function requireEsmError(filename, parent) {
  return codedError(
    Error,
    'ERR_REQUIRE_ESM',
    `require() of ES Module ${filename}${parent && parent.filename ? ` from ${parent.filename}` : ''} not supported.`,
  );
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
  if (ext === '.mjs' || (ext === '.js' && native.packageIsModule(path.dirname(filename)))) {
    if (isMain) return runMainModule(filename);
    throw requireEsmError(filename, parent);
  }
  internals.commonjsFiles.add(filename);
  const compiled = native.compileCommonJS(native.readSource(filename), filename);
  if (compiled == null) {
    // Only parses as an ES module (import/export or top-level await).
    if (isMain) return runMainModule(filename);
    throw requireEsmError(filename, parent);
  }
  const require = makeRequire(module);
  Reflect.apply(compiled, module.exports, [module.exports, require, module, filename, path.dirname(filename)]);
}

function makeRequire(module) {
  const require = (id) => module.require(id);
  require.resolve = (request) => {
    const resolved = resolveFilename(request, module);
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

// tock's own module system. Each file under src/js is a module of CommonJS's
// shape — `exports`, `require`, `module`, plus `native` (the Rust functions)
// — named by its path: `internal/errors` is shared code, `node/fs` is the
// built-in a program gets as `node:fs`. build.rs lists the files; a module
// is compiled when first required, so start-up compiles only what it uses.
// This file is compiled first and returns `require`.

const cache = new Map();

function requireBuiltin(id) {
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  const module = { id, exports: {} };
  cache.set(id, module);
  let threw = true;
  try {
    native.compileBuiltin(id)(module.exports, requireBuiltin, module, native);
    threw = false;
  } finally {
    if (threw) cache.delete(id);
  }
  return module.exports;
}

return requireBuiltin;

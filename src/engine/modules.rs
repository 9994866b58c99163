//! Module rules, as Node applies them.
//!
//! `.mjs` is ESM, `.cjs` CommonJS, `.js` follows the nearest package.json
//! `"type"` (CommonJS by default) unless it only parses as a module (Node 22's
//! syntax detection). ESM goes through QuickJS's own module graph with the
//! resolver and loader below; CommonJS is `modules.js`, which uses
//! `compile_commonjs` to get a sloppy-mode function per file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rquickjs::context::EvalOptions;
use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::module::Declared;
use rquickjs::{Ctx, Error, Function, Module, Result, Value};

use crate::host::Host;
use crate::trace::instrument::Goal;

/// Reads a source file the way Node does: invalid UTF-8 becomes U+FFFD, a
/// byte-order mark is dropped.
pub fn read_source(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// Whether the package containing `dir` says `"type": "module"`.
pub fn package_is_module(dir: &Path) -> bool {
    thread_local! {
        static CACHE: RefCell<HashMap<PathBuf, bool>> = RefCell::default();
    }
    if let Some(hit) = CACHE.with_borrow(|c| c.get(dir).copied()) {
        return hit;
    }
    let found = match std::fs::read_to_string(dir.join("package.json")) {
        Ok(text) => package_type_is_module(&text),
        Err(_) => dir.parent().is_some_and(package_is_module),
    };
    CACHE.with_borrow_mut(|c| c.insert(dir.to_owned(), found));
    found
}

/// Finds `"type": "module"` without a JSON dependency for one field.
fn package_type_is_module(json: &str) -> bool {
    let Some(at) = json.find("\"type\"") else {
        return false;
    };
    let rest = json[at + 6..].trim_start();
    rest.strip_prefix(':').is_some_and(|v| v.trim_start().starts_with("\"module\""))
}

/// The parameters Node gives every CommonJS module.
pub const COMMONJS_WRAPPER: &str = "(function (exports, require, module, __filename, __dirname) { ";

/// Compiles a CommonJS file into its module function (sloppy mode unless the
/// file says otherwise). Returns `None` when the file is not CommonJS but
/// parses as an ES module.
pub fn compile_commonjs<'js>(
    ctx: &Ctx<'js>,
    host: &Host,
    source: &str,
    filename: &str,
) -> Result<Option<Function<'js>>> {
    host.remember_source(filename, source);
    reject_nul(ctx, source)?;
    let body = host.instrument(filename, source, Goal::CommonJs);
    let body = hide_shebang(&body);
    let mut options = EvalOptions::default();
    options.strict = false;
    options.filename = Some(filename.to_owned());
    match ctx.eval_with_options::<Function, _>(format!("{COMMONJS_WRAPPER}{body}\n}})"), options) {
        Ok(function) => Ok(Some(function)),
        Err(Error::Exception) => {
            let commonjs_error = ctx.catch();
            // Parsed under another name: the real module is declared by the
            // loader when it is imported.
            if Module::declare(ctx.clone(), format!("{filename}#syntax-check"), source).is_ok() {
                return Ok(None);
            }
            let module_error = ctx.catch();
            let esm_syntax = source.lines().any(|l| {
                let l = l.trim_start();
                l.starts_with("import ") || l.starts_with("import{") || l.starts_with("export ")
            });
            Err(ctx.throw(if esm_syntax { module_error } else { commonjs_error }))
        }
        Err(e) => Err(e),
    }
}

/// A NUL byte cannot reach QuickJS (it takes C strings); Node reports such
/// files (binaries, mostly) as a syntax error too.
fn reject_nul(ctx: &Ctx<'_>, source: &str) -> Result<()> {
    match source.find('\0') {
        Some(at) => {
            let line = source[..at].matches('\n').count() + 1;
            Err(rquickjs::Exception::throw_syntax(
                ctx,
                &format!("Invalid or unexpected token (NUL byte on line {line})"),
            ))
        }
        None => Ok(()),
    }
}

fn hide_shebang(source: &str) -> std::borrow::Cow<'_, str> {
    match source.strip_prefix("#!") {
        Some(rest) => format!("//{rest}").into(),
        None => source.into(),
    }
}

/// Throws `new Error(message)` with a Node error `code`. Built through the
/// global constructor so that the stack header includes the message.
pub fn throw_coded(ctx: &Ctx<'_>, message: &str, code: &str) -> Error {
    let error = ctx
        .globals()
        .get::<_, rquickjs::Constructor>("Error")
        .and_then(|error| error.construct::<_, rquickjs::Object>((message,)));
    match error {
        Ok(error) => {
            let _ = error.set("code", code);
            ctx.throw(error.into_value())
        }
        Err(e) => e,
    }
}

/// `file:///a/b.mjs` or `/a/b.mjs` → the path.
fn path_of(specifier: &str) -> &str {
    specifier.strip_prefix("file://").unwrap_or(specifier)
}

/// Resolves ESM specifiers: relative and absolute paths and file URLs, Node
/// built-ins (`node:process`), and packages under `node_modules`.
pub struct EsmResolver {
    pub host: Rc<Host>,
}

impl Resolver for EsmResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        let base_path = Path::new(path_of(base));
        let base_dir = if base_path.is_absolute() {
            base_path.parent().map(Path::to_owned).unwrap_or_default()
        } else {
            std::env::current_dir().unwrap_or_default()
        };
        let is_path =
            name.starts_with("./") || name.starts_with("../") || name.starts_with('/') || name.starts_with("file://");
        if !is_path {
            let builtin = name.strip_prefix("node:").unwrap_or(name);
            if crate::engine::builtin_exports(ctx, &self.host, builtin)?.is_some() {
                return Ok(format!("node:{builtin}"));
            }
            if name.starts_with("node:") {
                return Err(throw_coded(
                    ctx,
                    &format!("No such built-in module: {name}"),
                    "ERR_UNKNOWN_BUILTIN_MODULE",
                ));
            }
            return resolve_package(&base_dir, name).ok_or_else(|| {
                throw_coded(ctx, &format!("Cannot find package '{name}' imported from {base}"), "ERR_MODULE_NOT_FOUND")
            });
        }
        let path = base_dir.join(path_of(name));
        if path.is_dir() {
            return Err(throw_coded(
                ctx,
                &format!(
                    "Directory import '{}' is not supported resolving ES modules imported from {base}",
                    path.display()
                ),
                "ERR_UNSUPPORTED_DIR_IMPORT",
            ));
        }
        match path.canonicalize() {
            Ok(found) => Ok(found.display().to_string()),
            Err(_) => Err(throw_coded(
                ctx,
                &format!("Cannot find module '{}' imported from {base}", normalize(&path).display()),
                "ERR_MODULE_NOT_FOUND",
            )),
        }
    }
}

/// Lexical `a/./b/../c` → `a/c`, for messages about files that do not exist.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// `pkg` or `pkg/sub/path` from the nearest `node_modules` upwards.
fn resolve_package(from: &Path, name: &str) -> Option<String> {
    let (package, subpath) = match name.split_once('/') {
        Some((scope, rest)) if scope.starts_with('@') => match rest.split_once('/') {
            Some((pkg, sub)) => (format!("{scope}/{pkg}"), Some(sub)),
            None => (name.to_owned(), None),
        },
        Some((pkg, sub)) => (pkg.to_owned(), Some(sub)),
        None => (name.to_owned(), None),
    };
    let dir = from.ancestors().map(|d| d.join("node_modules").join(&package)).find(|d| d.is_dir())?;
    let file = match subpath {
        Some(sub) => dir.join(sub),
        None => dir.join(package_entry(&dir).unwrap_or_else(|| "index.js".into())),
    };
    file.canonicalize().ok().filter(|f| f.is_file()).map(|f| f.display().to_string())
}

/// The ESM entry of a package: `exports` (string, or `"."` / `import` /
/// `default` conditions), else `main`.
pub fn package_entry(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("package.json")).ok()?;
    let field = |text: &str, key: &str| -> Option<String> {
        let at = text.find(&format!("\"{key}\""))?;
        let rest = text[at + key.len() + 2..].trim_start().strip_prefix(':')?.trim_start();
        let rest = rest.strip_prefix('"')?;
        Some(rest[..rest.find('"')?].to_owned())
    };
    ["import", "default", "exports", "main"].iter().find_map(|key| field(&text, key))
}

/// Loads what the resolver named: a built-in, a JSON file, an ES module, or a
/// CommonJS file wrapped as a module whose default export is `module.exports`.
pub struct EsmLoader {
    pub host: Rc<Host>,
}

impl Loader for EsmLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> Result<Module<'js, Declared>> {
        if let Some(builtin) = name.strip_prefix("node:") {
            let exports = crate::engine::builtin_exports(ctx, &self.host, builtin)?.ok_or_else(|| {
                throw_coded(ctx, &format!("No such built-in module: {name}"), "ERR_UNKNOWN_BUILTIN_MODULE")
            })?;
            return reexport(ctx, name, exports.into_value(), None);
        }
        let path = Path::new(name);
        let source = read_source(path).map_err(|e| {
            throw_coded(
                ctx,
                &format!("{}, open '{name}'", crate::host::errno::text(&e)),
                crate::host::errno::describe(&e).0,
            )
        })?;
        let json_requested = attributes.as_ref().and_then(|a| a.get_type().ok().flatten()).is_some_and(|t| t == "json");
        if name.ends_with(".json") {
            if !json_requested {
                let message = format!("Module \"file://{name}\" needs an import attribute of \"type: json\"");
                return Err(throw_coded(ctx, &message, "ERR_IMPORT_ATTRIBUTE_MISSING"));
            }
            let module = Module::declare(ctx.clone(), name, "export default JSON.parse(import.meta.tockJson);")?;
            module.meta()?.set("tockJson", source)?;
            return Ok(module);
        }
        let dir = path.parent().unwrap_or(Path::new("/"));
        let test262_module = self.host.options.test262.as_ref().is_some_and(|t| t.module);
        let esm = name.ends_with(".mjs") || (name.ends_with(".js") && (test262_module || package_is_module(dir)));
        // `.cjs` is CommonJS by name; a plain `.js` is unless it only parses as a module.
        let commonjs = !esm && (name.ends_with(".cjs") || compile_commonjs(ctx, &self.host, &source, name)?.is_some());
        if commonjs {
            let load = crate::engine::hook(ctx, &self.host.hooks().load_commonjs)?;
            let name_owned = name.to_owned();
            let require =
                Function::new(ctx.clone(), move || -> Result<Value<'js>> { load.call((name_owned.as_str(),)) })?;
            return reexport(ctx, name, require.into_value(), Some(commonjs_export_names(&source)));
        }
        self.host.remember_source(name, &source);
        reject_nul(ctx, &source)?;
        let code = self.host.instrument(name, &source, Goal::Module).into_owned();
        let module = Module::declare(ctx.clone(), name, code)?;
        let meta = module.meta()?;
        meta.set("url", format!("file://{name}"))?;
        meta.set("filename", name)?;
        meta.set("dirname", dir.display().to_string())?;
        Ok(module)
    }
}

/// A module re-exporting an object's properties: for built-ins (the object
/// itself) and CommonJS (a function returning `module.exports`, called when
/// the module is evaluated, so side effects keep their order).
fn reexport<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    target: Value<'js>,
    names: Option<Vec<String>>,
) -> Result<Module<'js, Declared>> {
    let (get, names) = match names {
        Some(names) => ("import.meta.tockTarget()", names),
        None => {
            let keys: Vec<String> =
                target.as_object().map(|o| o.keys().collect::<Result<_>>()).transpose()?.unwrap_or_default();
            ("import.meta.tockTarget", keys)
        }
    };
    let mut source = format!("const m = {get};\nexport default m;\nconst o = Object(m);\n");
    for (i, key) in names.iter().filter(|k| is_identifier_name(k) && *k != "default").enumerate() {
        source.push_str(&format!("const e{i} = o[\"{key}\"]; export {{ e{i} as {key} }};\n"));
    }
    let module = Module::declare(ctx.clone(), name, source)?;
    module.meta()?.set("tockTarget", target)?;
    Ok(module)
}

fn is_identifier_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// Named exports of a CommonJS file, found statically as Node's lexer does
/// for the common shapes: `exports.x =`, `module.exports.x =`,
/// `module.exports = { a, b: … }` and `Object.defineProperty(exports, 'x'`.
pub fn commonjs_export_names(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let ident =
        |s: &str| -> String { s.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect() };
    for (at, _) in source.match_indices("exports.") {
        let name = ident(&source[at + 8..]);
        let after = source[at + 8 + name.len()..].trim_start();
        if !name.is_empty() && after.starts_with('=') && !after.starts_with("==") {
            names.push(name);
        }
    }
    for (at, _) in source.match_indices("Object.defineProperty(") {
        let rest = source[at + 22..].trim_start();
        let rest = rest.strip_prefix("module.").unwrap_or(rest);
        if let Some(rest) = rest.strip_prefix("exports") {
            let rest = rest.trim_start().trim_start_matches(',').trim_start();
            if let Some(quoted) = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('"')) {
                names.push(ident(quoted));
            }
        }
    }
    for (at, _) in source.match_indices("module.exports") {
        let rest = source[at + 14..].trim_start();
        let Some(rest) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        let Some(body) = rest.strip_prefix('{') else {
            continue;
        };
        let body = &body[..body.find('}').unwrap_or(body.len())];
        for entry in body.split(',') {
            let key = entry.split(':').next().unwrap_or("").trim();
            let key = key.trim_matches(|c| c == '\'' || c == '"');
            if is_identifier_name(key) {
                names.push(key.to_owned());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_commonjs_export_names() {
        let src = "exports.a = 1;\nmodule.exports.b = 2; if (exports.c == 3) {}\nObject.defineProperty(exports, 'd', {});\nmodule.exports = { e, f: 1, 'g': 2 };";
        assert_eq!(commonjs_export_names(src), ["a", "b", "d", "e", "f", "g"]);
    }

    #[test]
    fn reads_package_type() {
        assert!(package_type_is_module(r#"{ "name": "x", "type" : "module" }"#));
        assert!(!package_type_is_module(r#"{ "type": "commonjs" }"#));
        assert!(!package_type_is_module(r#"{}"#));
    }
}

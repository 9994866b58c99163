//! Module rules, as Node applies them.
//!
//! `.mjs` is ESM, `.cjs` CommonJS, `.js` follows the nearest package.json
//! `"type"` (CommonJS by default) unless it only parses as a module (Node 22's
//! syntax detection). ESM goes through QuickJS's own module graph with the
//! resolver and loader below; CommonJS is `modules.js`, which uses
//! `compile_commonjs` to get a sloppy-mode function per file.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use rquickjs::context::EvalOptions;
use rquickjs::loader::{ImportAttributes, Loader as ModuleLoader, Resolver};
use rquickjs::module::Declared;
use rquickjs::{Ctx, Error, Function, Module, Object, Result, Value};

use super::Loader;
use super::cjs_exports;
use super::resolve::{Kind, PackageType, Unresolved};
use crate::engine::text::Utf8;
use crate::trace::instrument::Goal;

/// Reads a source file the way Node does: invalid UTF-8 becomes U+FFFD, a
/// byte-order mark is dropped.
pub fn read_source(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// The parameters Node gives every CommonJS module.
pub const COMMONJS_WRAPPER: &str = "(function (exports, require, module, __filename, __dirname) { ";

/// Compiles a CommonJS file into its module function (sloppy mode unless the
/// file says otherwise). Returns `None` when the file is not CommonJS but
/// parses as an ES module.
pub fn compile_commonjs<'js>(
    ctx: &Ctx<'js>,
    loader: &Loader,
    source: &str,
    filename: &str,
    detect: bool,
) -> Result<Option<Function<'js>>> {
    loader.remember_source(filename, source);
    reject_nul(ctx, source)?;
    let body = loader.instrument(filename, source, Goal::CommonJs);
    let body = hide_shebang(&body);
    let mut options = EvalOptions::default();
    options.strict = false;
    options.filename = Some(filename.to_owned());
    match ctx.eval_with_options::<Function, _>(format!("{COMMONJS_WRAPPER}{body}\n}})"), options) {
        Ok(function) => Ok(Some(function)),
        Err(Error::Exception) => {
            let commonjs_error = ctx.catch();
            if !detect {
                return Err(ctx.throw(commonjs_error));
            }
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

/// Throws `new Error(message)` with a Node error `code`, shown as Node shows
/// it: `Error [CODE]: message` in its stack and `String(error)`. Built through
/// the global constructor so that the stack header includes the message.
pub fn throw_coded(ctx: &Ctx<'_>, message: &str, code: &str) -> Error {
    throw_coded_as(ctx, "Error", message, code)
}

/// The same with another constructor (`TypeError`…).
pub fn throw_coded_as(ctx: &Ctx<'_>, constructor: &str, message: &str, code: &str) -> Error {
    match coded_error(ctx, constructor, message, code) {
        Ok(error) => ctx.throw(error.into_value()),
        Err(e) => e,
    }
}

/// A failed resolution, thrown as Node throws it.
pub fn throw_unresolved(ctx: &Ctx<'_>, failure: &Unresolved) -> Error {
    let constructor = if failure.type_error { "TypeError" } else { "Error" };
    throw_coded_as(ctx, constructor, &failure.message, failure.code)
}

fn coded_error<'js>(ctx: &Ctx<'js>, constructor: &str, message: &str, code: &str) -> Result<Object<'js>> {
    use rquickjs::object::Property;
    let error: Object = ctx.globals().get::<_, rquickjs::Constructor>(constructor)?.construct((message,))?;
    error.set("code", code)?;
    let header = format!("{constructor}:");
    if let Some(rest) = error.get::<_, Option<String>>("stack")?.as_deref().and_then(|s| s.strip_prefix(&header)) {
        error.prop("stack", Property::from(format!("{constructor} [{code}]:{rest}")).writable().configurable())?;
    }
    let shown = format!("{constructor} [{code}]: {message}");
    let to_string = Function::new(ctx.clone(), move || shown.clone())?;
    error.prop("toString", Property::from(to_string).writable().configurable())?;
    Ok(error)
}

/// A path from a specifier that names one: `/a/b.mjs`, or a `file:` URL
/// (percent-decoded).
fn path_of(specifier: &str) -> Option<PathBuf> {
    if specifier.starts_with("file:") {
        return url::Url::parse(specifier).ok()?.to_file_path().ok();
    }
    Some(PathBuf::from(specifier))
}

fn is_relative_or_absolute(name: &str) -> bool {
    name.starts_with("./") || name.starts_with("../") || name.starts_with('/') || name.starts_with("file:")
}

/// Where `name`, imported from the module `base`, leads: `node:x` for a
/// built-in, else a real path. With `check` off (import.meta.resolve) files
/// are not required to exist, as in Node, and the answer is a URL.
pub fn resolve_import<'js>(ctx: &Ctx<'js>, loader: &Loader, base: &str, name: &str, check: bool) -> Result<String> {
    let base_path = path_of(base).filter(|p| p.is_absolute());
    let base_dir = match &base_path {
        Some(path) => path.parent().map(Path::to_owned).unwrap_or_default(),
        None => std::env::current_dir().unwrap_or_default(),
    };
    let referrer = base_path.as_ref().map_or_else(|| base.to_owned(), |p| p.display().to_string());
    if name.starts_with("data:") {
        return Ok(name.to_owned());
    }
    if name.starts_with("tock:") {
        if loader.builtin_exports(ctx, name)?.is_some() {
            return Ok(name.to_owned());
        }
        return Err(throw_coded(ctx, &format!("No such built-in module: {name}"), "ERR_UNKNOWN_BUILTIN_MODULE"));
    }
    if has_scheme(name) && !name.starts_with("file:") && !name.starts_with("node:") {
        if !check {
            return Ok(name.to_owned());
        }
        let scheme = &name[..name.find(':').unwrap_or(0) + 1];
        let message = format!(
            "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '{scheme}'"
        );
        return Err(throw_coded(ctx, &message, "ERR_UNSUPPORTED_ESM_URL_SCHEME"));
    }
    if !check && name.starts_with("node:") {
        return Ok(name.to_owned());
    }
    if !is_relative_or_absolute(name) && !name.starts_with('#') {
        if loader.builtin_exports(ctx, name)?.is_some() {
            return Ok(format!("node:{}", name.strip_prefix("node:").unwrap_or(name)));
        }
        if name.starts_with("node:") {
            return Err(throw_coded(ctx, &format!("No such built-in module: {name}"), "ERR_UNKNOWN_BUILTIN_MODULE"));
        }
    }
    if is_relative_or_absolute(name) {
        if !check {
            // URL resolution: `./dir/` keeps its slash, `?q#h` stays.
            let base_url = url::Url::from_file_path(base_dir.join("_")).ok();
            return match base_url.and_then(|b| b.join(name).ok()) {
                Some(url) => Ok(url.into()),
                None => Err(throw_coded_as(ctx, "TypeError", &format!("Invalid URL: {name}"), "ERR_INVALID_URL")),
            };
        }
        let Some(path) = path_of(name) else {
            return Err(throw_coded_as(ctx, "TypeError", &format!("Invalid URL: {name}"), "ERR_INVALID_URL"));
        };
        let path = crate::os::normalize(&base_dir.join(path));
        return exact_file(ctx, &path, &referrer, None);
    }
    let found = match loader.resolvers.resolve(Kind::Import, &base_dir, name, &referrer) {
        Ok(found) => found,
        Err(failure) if !check && failure.code == "ERR_MODULE_NOT_FOUND" => {
            let target = loader.resolvers.missing_target(Kind::Import, &base_dir, name);
            match target.or_else(|| legacy_subpath(&base_dir, name).map(|(_, path)| path)) {
                Some(target) => return Ok(file_url(&target.display().to_string())),
                None => return Err(throw_unresolved(ctx, &failure)),
            }
        }
        Err(failure) => return Err(throw_unresolved(ctx, &failure)),
    };
    // A deep import into a package without "exports" names its file exactly:
    // no extension or index file is added, as for a relative import.
    if let Some((root, lexical)) = legacy_subpath(&base_dir, name) {
        if !check {
            return Ok(file_url(&lexical.display().to_string()));
        }
        if lexical.canonicalize().ok().as_ref() != Some(&found) {
            let root = root.canonicalize().unwrap_or(root);
            let hint = found.strip_prefix(&root).ok().map(|rest| format!("{}/{}", package_of(name), rest.display()));
            return exact_file(ctx, &lexical, &referrer, hint);
        }
    }
    let found = found.display().to_string();
    Ok(if check { found } else { file_url(&found) })
}

/// `data:`, `https:`, `node:`… — a URL, not a path or a package.
fn has_scheme(name: &str) -> bool {
    name.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1 && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// `pkg` of `pkg/sub`, `@scope/pkg` of `@scope/pkg/sub`.
fn package_of(name: &str) -> &str {
    let mut slashes = name.match_indices('/').map(|(at, _)| at);
    let end = if name.starts_with('@') { slashes.nth(1) } else { slashes.next() };
    end.map_or(name, |at| &name[..at])
}

/// For `pkg/sub` where `pkg` has no `"exports"`: the package's directory and
/// the path `sub` names in it.
fn legacy_subpath(dir: &Path, name: &str) -> Option<(PathBuf, PathBuf)> {
    let package = package_of(name);
    let sub = name.get(package.len() + 1..).filter(|s| !s.is_empty())?;
    let root = dir.ancestors().map(|d| d.join("node_modules").join(package)).find(|d| d.is_dir())?;
    let manifest: serde_json::Value =
        std::fs::read_to_string(root.join("package.json")).ok().and_then(|t| serde_json::from_str(&t).ok())?;
    manifest.get("exports").is_none().then(|| (root.clone(), root.join(sub)))
}

/// An ES module import of an exact path: the file itself, or Node's error
/// (with "Did you mean…" when CommonJS rules would have found `hint`).
fn exact_file(ctx: &Ctx<'_>, path: &Path, referrer: &str, hint: Option<String>) -> Result<String> {
    let hint = hint.map(|h| format!("\nDid you mean to import \"{h}\"?")).unwrap_or_default();
    if path.is_dir() {
        let message = format!(
            "Directory import '{}' is not supported resolving ES modules imported from {referrer}{hint}",
            path.display()
        );
        return Err(throw_coded(ctx, &message, "ERR_UNSUPPORTED_DIR_IMPORT"));
    }
    match path.canonicalize() {
        Ok(found) => Ok(found.display().to_string()),
        Err(_) => {
            let message = format!("Cannot find module '{}' imported from {referrer}{hint}", path.display());
            Err(throw_coded(ctx, &message, "ERR_MODULE_NOT_FOUND"))
        }
    }
}

/// Resolves ESM specifiers for the engine's module graph.
pub struct EsmResolver {
    pub loader: Rc<Loader>,
}

impl Resolver for EsmResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        resolve_import(ctx, &self.loader, base, name, true)
    }
}

/// Whether a `.js`/`.mjs`/`.cjs` file is an ES module by Node's rules, or
/// `None` for a `.js` file whose package does not say (the syntax decides).
pub fn is_module_by_name(loader: &Loader, path: &Path) -> Option<bool> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("mjs") => Some(true),
        Some("cjs") => Some(false),
        Some("js") => match loader.resolvers.package_type(path) {
            PackageType::Module => Some(true),
            PackageType::CommonJs => Some(false),
            PackageType::Unspecified => None,
        },
        _ => Some(false),
    }
}

/// Loads what the resolver named: a built-in, a JSON file, an ES module, or a
/// CommonJS file wrapped as a module whose default export is `module.exports`.
pub struct EsmLoader {
    pub loader: Rc<Loader>,
}

impl ModuleLoader for EsmLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> Result<Module<'js, Declared>> {
        if name.starts_with("node:") || name.starts_with("tock:") {
            let exports = self.loader.builtin_exports(ctx, name)?.ok_or_else(|| {
                throw_coded(ctx, &format!("No such built-in module: {name}"), "ERR_UNKNOWN_BUILTIN_MODULE")
            })?;
            return reexport(ctx, name, exports.into_value(), None);
        }
        if let Some(url) = name.strip_prefix("data:") {
            return data_module(ctx, name, url, attributes);
        }
        let path = Path::new(name);
        let source = read_source(path).map_err(|e| {
            throw_coded(
                ctx,
                &format!("{}, open '{name}'", crate::os::errno::text(&e)),
                crate::os::errno::describe(&e).0,
            )
        })?;
        let json_requested = attributes.as_ref().and_then(|a| a.get_type().ok().flatten()).is_some_and(|t| t == "json");
        if name.ends_with(".json") {
            if !json_requested {
                let message = format!("Module \"{}\" needs an import attribute of type \"json\"", file_url(name));
                return Err(throw_coded_as(ctx, "TypeError", &message, "ERR_IMPORT_ASSERTION_TYPE_MISSING"));
            }
            let module = Module::declare(ctx.clone(), name, "export default JSON.parse(import.meta.tockJson);")?;
            module.meta()?.set("tockJson", source)?;
            return Ok(module);
        }
        let dir = path.parent().unwrap_or(Path::new("/"));
        let test262_module = self.loader.test262_module;
        let esm = test262_module && name.ends_with(".js") || is_module_by_name(&self.loader, path) == Some(true);
        // A `.js` file of a package without "type" is CommonJS unless it only
        // parses as a module.
        let commonjs = !esm
            && (is_module_by_name(&self.loader, path) == Some(false)
                || compile_commonjs(ctx, &self.loader, &source, name, true)?.is_some());
        if commonjs {
            let load = crate::engine::hook(ctx, &self.loader.hooks().load_commonjs)?;
            let name_owned = name.to_owned();
            let require =
                Function::new(ctx.clone(), move || -> Result<Value<'js>> { load.call((name_owned.as_str(),)) })?;
            let names = commonjs_names(&self.loader, path, &source);
            return reexport(ctx, name, require.into_value(), Some(names));
        }
        self.loader.remember_source(name, &source);
        reject_nul(ctx, &source)?;
        let code = self.loader.instrument(name, &source, Goal::Module).into_owned();
        let module = Module::declare(ctx.clone(), name, code)?;
        let meta = module.meta()?;
        meta.set("url", format!("file://{name}"))?;
        meta.set("filename", name)?;
        meta.set("dirname", dir.display().to_string())?;
        let loader = self.loader.clone();
        let base = name.to_owned();
        let resolve = Function::new(ctx.clone(), move |ctx: Ctx<'js>, specifier: Utf8| -> Result<String> {
            resolve_import(&ctx, &loader, &base, &specifier, false)
        })?;
        meta.set("resolve", resolve)?;
        Ok(module)
    }
}

/// A `data:` URL module: JavaScript (`text/javascript`) or, with the JSON
/// attribute, JSON (`application/json`); base64 or percent-encoded.
fn data_module<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    url: &str,
    attributes: Option<ImportAttributes<'js>>,
) -> Result<Module<'js, Declared>> {
    use base64::Engine;
    let (header, body) = url.split_once(',').unwrap_or((url, ""));
    let (mime, base64) = match header.strip_suffix(";base64") {
        Some(mime) => (mime, true),
        None => (header, false),
    };
    let mime = mime.split(';').next().unwrap_or("");
    let bytes = if base64 {
        base64::engine::general_purpose::STANDARD.decode(body).unwrap_or_default()
    } else {
        percent_encoding::percent_decode_str(body).collect()
    };
    let source = String::from_utf8_lossy(&bytes).into_owned();
    let json_requested = attributes.as_ref().and_then(|a| a.get_type().ok().flatten()).is_some_and(|t| t == "json");
    match mime {
        "text/javascript" | "application/javascript" => {
            let module = Module::declare(ctx.clone(), name, source)?;
            module.meta()?.set("url", name)?;
            Ok(module)
        }
        "application/json" if json_requested => {
            let module = Module::declare(ctx.clone(), name, "export default JSON.parse(import.meta.tockJson);")?;
            module.meta()?.set("tockJson", source)?;
            Ok(module)
        }
        "application/json" => {
            let message = format!("Module \"{name}\" needs an import attribute of type \"json\"");
            Err(throw_coded_as(ctx, "TypeError", &message, "ERR_IMPORT_ASSERTION_TYPE_MISSING"))
        }
        _ => Err(throw_coded_as(
            ctx,
            "TypeError",
            &format!("Unknown module format: {mime} for URL {name}"),
            "ERR_UNKNOWN_MODULE_FORMAT",
        )),
    }
}

/// `file:///a%20b.mjs` for `/a b.mjs`.
fn file_url(path: &str) -> String {
    url::Url::from_file_path(path).map(String::from).unwrap_or_else(|_| format!("file://{path}"))
}

/// `require()` of an ES module, as Node 20.19+: the graph is evaluated at
/// once when it has no top-level await, and the result is its namespace —
/// with `__esModule: true` added when it has a default export, or its
/// `"module.exports"` export when it has one.
pub fn require_module<'js>(ctx: &Ctx<'js>, path: &str, parent: &str) -> Result<Value<'js>> {
    let quoted = serde_json::to_string(path).unwrap_or_default();
    let facade = evaluate_now(ctx, path, parent, format!("export * as ns from {quoted};"))?;
    let namespace: Object = facade.get("ns")?;
    if let Some(exports) = namespace.get::<_, Option<Value>>("module.exports")? {
        return Ok(exports);
    }
    if !namespace.contains_key("default")? || namespace.contains_key("__esModule")? {
        return Ok(namespace.into_value());
    }
    let source =
        format!("export * from {quoted};\nexport {{ default }} from {quoted};\nexport const __esModule = true;");
    Ok(evaluate_now(ctx, path, parent, source)?.into_value())
}

/// Evaluates a module made for `require` (never imported by its name) and
/// returns its namespace, if the evaluation finished synchronously.
fn evaluate_now<'js>(ctx: &Ctx<'js>, path: &str, parent: &str, source: String) -> Result<Object<'js>> {
    use rquickjs::promise::PromiseState;
    let (module, promise) = Module::declare(ctx.clone(), format!("tock:require:{path}"), source)?.eval()?;
    // The failure is thrown from `require`: nothing may report it again.
    let _: Value = promise
        .get::<_, Function>("catch")?
        .call((rquickjs::function::This(promise.clone()), Function::new(ctx.clone(), || ())?))?;
    match promise.state() {
        PromiseState::Resolved => module.namespace(),
        PromiseState::Rejected => match promise.result::<Value>() {
            Some(Ok(reason)) => Err(ctx.throw(reason)),
            Some(Err(Error::Exception)) => {
                let reason = ctx.catch();
                Err(ctx.throw(reason))
            }
            _ => Err(Error::Unknown),
        },
        PromiseState::Pending => Err(throw_coded(
            ctx,
            &format!(
                "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From {parent} \n  Requiring {path} "
            ),
            "ERR_REQUIRE_ASYNC_MODULE",
        )),
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
    for (i, key) in names.iter().filter(|k| *k != "default").enumerate() {
        let quoted = serde_json::to_string(key).unwrap_or_default();
        source.push_str(&format!("const e{i} = o[{quoted}]; export {{ e{i} as {quoted} }};\n"));
    }
    let module = Module::declare(ctx.clone(), name, source)?;
    module.meta()?.set("tockTarget", target)?;
    Ok(module)
}

/// The named exports of a CommonJS file, following its re-exports of other
/// CommonJS files.
fn commonjs_names(loader: &Loader, path: &Path, source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut seen = vec![path.to_owned()];
    let mut queue = vec![(path.to_owned(), cjs_exports::exports_of(source))];
    while let Some((file, exports)) = queue.pop() {
        names.extend(exports.names);
        let dir = file.parent().unwrap_or(Path::new("/"));
        for specifier in exports.reexports {
            let Ok(target) = loader.resolvers.resolve(Kind::Require, dir, &specifier, "") else { continue };
            if seen.contains(&target) || is_module_by_name(loader, &target) == Some(true) {
                continue;
            }
            if let Ok(text) = read_source(&target) {
                queue.push((target.clone(), cjs_exports::exports_of(&text)));
            }
            seen.push(target);
        }
    }
    names.sort();
    names.dedup();
    names
}

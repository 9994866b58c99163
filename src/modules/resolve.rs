//! Node 20.20's module resolution, for `require` and `import` alike, through
//! oxc's resolver: `"exports"` and `"imports"` with conditions and subpath
//! patterns, self-reference, `main` and `index` files, `node_modules`
//! lookup, symlinks resolved to real paths, and the package `"type"` read
//! from the parsed package.json.
//!
//! Built-in modules are not this file's business: callers look them up
//! first. Failures carry Node's error code and message.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use oxc_resolver::{FileMetadata, FileSystem, FileSystemOs, ResolveError, ResolveOptions, Resolver, ResolverGeneric};

/// Which loader asks: the two differ in the conditions they match (Node 20.19+
/// matches `module-sync` for both) and in their error messages.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Require,
    Import,
}

/// A specifier that does not resolve, as Node reports it.
#[derive(Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub code: &'static str,
    pub message: String,
    /// Node throws a TypeError (not an Error) for this code.
    pub type_error: bool,
}

/// What a `.js` file is, from the nearest package.json's `"type"`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PackageType {
    Module,
    CommonJs,
    /// No `"type"`: Node decides by the file's syntax.
    Unspecified,
}

/// One resolver per kind, made at first use (with their caches of
/// package.json files and directory entries).
#[derive(Default)]
pub struct Resolvers {
    require: OnceCell<Resolver>,
    import: OnceCell<Resolver>,
    /// Where `"exports"` and `"imports"` point even when the file is missing
    /// (for messages and `import.meta.resolve`): made on such a failure.
    targets: OnceCell<[ResolverGeneric<AnyTarget>; 2]>,
    /// Package types by directory.
    types: std::cell::RefCell<std::collections::HashMap<PathBuf, PackageType>>,
}

fn options(kind: Kind) -> ResolveOptions {
    let condition = match kind {
        Kind::Require => "require",
        Kind::Import => "import",
    };
    ResolveOptions {
        condition_names: vec!["node".into(), condition.into(), "module-sync".into()],
        extensions: vec![".js".into(), ".json".into(), ".node".into()],
        // NODE_PATH is honoured by `require` only.
        node_path: kind == Kind::Require,
        ..ResolveOptions::default()
    }
}

impl Resolvers {
    fn get(&self, kind: Kind) -> &Resolver {
        let cell = match kind {
            Kind::Require => &self.require,
            Kind::Import => &self.import,
        };
        cell.get_or_init(|| Resolver::new(options(kind)))
    }

    /// Resolves `specifier` from a file in `dir`; `referrer` names that file
    /// in messages (ESM says "imported from").
    pub fn resolve(&self, kind: Kind, dir: &Path, specifier: &str, referrer: &str) -> Result<PathBuf, Unresolved> {
        if specifier == "#" || specifier.starts_with("#/") {
            return Err(Unresolved {
                code: "ERR_INVALID_MODULE_SPECIFIER",
                message: format!(
                    "Invalid module \"{specifier}\" is not a valid internal imports specifier name imported from {referrer}"
                ),
                type_error: true,
            });
        }
        // An absolute path to a file (the main program, mostly) is itself:
        // no resolver to build for it.
        if specifier.starts_with('/')
            && let Ok(found) = std::fs::canonicalize(specifier)
            && found.is_file()
        {
            return Ok(found);
        }
        match self.get(kind).resolve(dir, specifier) {
            Ok(found) => Ok(found.into_path_buf()),
            Err(ResolveError::NotFound(_)) if let Some(target) = self.missing_target(kind, dir, specifier) => {
                let message = format!("Cannot find module '{}'", target.display());
                Err(match kind {
                    Kind::Require => Unresolved { code: "MODULE_NOT_FOUND", message, type_error: false },
                    Kind::Import => Unresolved {
                        code: "ERR_MODULE_NOT_FOUND",
                        message: format!("{message} imported from {referrer}"),
                        type_error: false,
                    },
                })
            }
            Err(error) => Err(unresolved(kind, dir, specifier, referrer, error)),
        }
    }

    /// The file a package's `"exports"` or `"imports"` maps `specifier` to,
    /// when that file does not exist.
    pub fn missing_target(&self, kind: Kind, dir: &Path, specifier: &str) -> Option<PathBuf> {
        if is_path(specifier) {
            return None;
        }
        let targets = self.targets.get_or_init(|| {
            [Kind::Require, Kind::Import].map(|kind| {
                let options = ResolveOptions { extensions: vec![], symlinks: false, ..options(kind) };
                ResolverGeneric::new_with_file_system(AnyTarget, options)
            })
        });
        let found = targets[kind as usize].resolve(dir, specifier).ok()?;
        let path = found.into_path_buf();
        (!path.exists()).then_some(path)
    }

    /// The `"type"` of the package a file belongs to: Node's package scope
    /// lookup (the nearest package.json, not past a `node_modules`
    /// directory), parsed with serde_json, remembered per directory. Done
    /// without the resolver, so that running a `.js` main file builds none.
    pub fn package_type(&self, file: &Path) -> PackageType {
        let Some(dir) = file.parent() else { return PackageType::Unspecified };
        if let Some(&known) = self.types.borrow().get(dir) {
            return known;
        }
        let found = match std::fs::read_to_string(dir.join("package.json")) {
            Ok(text) => {
                match serde_json::from_str::<serde_json::Value>(&text).ok().as_ref().and_then(|v| v.get("type")) {
                    Some(serde_json::Value::String(t)) if t == "module" => PackageType::Module,
                    Some(serde_json::Value::String(t)) if t == "commonjs" => PackageType::CommonJs,
                    _ => PackageType::Unspecified,
                }
            }
            Err(_) if dir.ends_with("node_modules") => PackageType::Unspecified,
            Err(_) => self.package_type(dir),
        };
        self.types.borrow_mut().insert(dir.to_owned(), found);
        found
    }
}

/// The real file system, except that a missing file whose directory exists
/// is taken to be there: resolving through it gives the file a package's
/// `"exports"` names, so that the error can name it as Node does.
struct AnyTarget;

impl AnyTarget {
    fn pretend(path: &Path) -> std::io::Result<FileMetadata> {
        match FileSystemOs::metadata(path) {
            Err(_) if path.extension().is_some() && path.parent().is_some_and(Path::is_dir) => {
                Ok(FileMetadata::new(true, false, false))
            }
            other => other,
        }
    }
}

impl FileSystem for AnyTarget {
    fn new() -> Self {
        AnyTarget
    }
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }
    fn read_to_string(&self, path: &Path) -> std::io::Result<String> {
        FileSystemOs::read_to_string(path)
    }
    fn metadata(&self, path: &Path) -> std::io::Result<FileMetadata> {
        Self::pretend(path)
    }
    fn symlink_metadata(&self, path: &Path) -> std::io::Result<FileMetadata> {
        Self::pretend(path)
    }
    fn read_link(&self, path: &Path) -> Result<PathBuf, ResolveError> {
        FileSystemOs::read_link(path)
    }
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        FileSystemOs::canonicalize(path)
    }
}

fn is_path(specifier: &str) -> bool {
    specifier.starts_with("./")
        || specifier.starts_with("../")
        || specifier.starts_with('/')
        || specifier == "."
        || specifier == ".."
}

/// `pkg` of `pkg/sub` or `@scope/pkg/sub`.
fn package_name(specifier: &str) -> &str {
    let mut parts = specifier.splitn(3, '/');
    let first = parts.next().unwrap_or("");
    match (first.starts_with('@'), parts.next()) {
        (true, Some(second)) => &specifier[..first.len() + 1 + second.len()],
        _ => first,
    }
}

fn unresolved(kind: Kind, dir: &Path, specifier: &str, referrer: &str, error: ResolveError) -> Unresolved {
    let from = match kind {
        Kind::Import => format!(" imported from {referrer}"),
        Kind::Require => String::new(),
    };
    let (code, message) = match error {
        ResolveError::PackagePathNotExported { subpath, package_json_path, package_path, .. } => {
            // `require` names the importing file too when a package refers to itself.
            let from = match kind {
                Kind::Require if !package_path.ends_with(Path::new("node_modules").join(package_name(specifier))) => {
                    format!(" imported from {referrer}")
                }
                _ => from,
            };
            let message = if subpath == "." {
                format!("No \"exports\" main defined in {}{from}", package_json_path.display())
            } else {
                format!(
                    "Package subpath '{subpath}' is not defined by \"exports\" in {}{from}",
                    package_json_path.display()
                )
            };
            ("ERR_PACKAGE_PATH_NOT_EXPORTED", message)
        }
        // `require` names the importing file here too.
        ResolveError::PackageImportNotDefined(name, package_json) => (
            "ERR_PACKAGE_IMPORT_NOT_DEFINED",
            format!(
                "Package import specifier \"{name}\" is not defined in package {} imported from {referrer}",
                package_json.display()
            ),
        ),
        ResolveError::InvalidPackageTarget(target, key, package_json) => (
            "ERR_INVALID_PACKAGE_TARGET",
            format!(
                "Invalid \"exports\" target \"{target}\" defined for '{key}' in the package config {}{from}{}",
                package_json.display(),
                if target.starts_with("./") { "" } else { "; targets must start with \"./\"" }
            ),
        ),
        ResolveError::InvalidModuleSpecifier(name, _) => (
            "ERR_INVALID_MODULE_SPECIFIER",
            format!("Invalid module \"{name}\" is not a valid match in \"exports\"{from}"),
        ),
        ResolveError::InvalidPackageConfig(path)
        | ResolveError::InvalidPackageConfigDefault(path)
        | ResolveError::InvalidPackageConfigDirectory(path) => {
            ("ERR_INVALID_PACKAGE_CONFIG", format!("Invalid package config {}.", path.display()))
        }
        ResolveError::Json(json) => (
            "ERR_INVALID_PACKAGE_CONFIG",
            format!("Invalid package config {}{from}. {}", json.path.display(), json.message),
        ),
        _ if specifier.starts_with('#') && kind == Kind::Import => {
            let scope = dir.ancestors().map(|d| d.join("package.json")).find(|p| p.is_file());
            let scope = scope.map(|p| format!(" in package {}", p.display())).unwrap_or_default();
            let message = format!("Package import specifier \"{specifier}\" is not defined{scope}{from}");
            ("ERR_PACKAGE_IMPORT_NOT_DEFINED", message)
        }
        _ if kind == Kind::Require => ("MODULE_NOT_FOUND", format!("Cannot find module '{specifier}'")),
        _ if is_path(specifier) => {
            let path = crate::os::normalize(&dir.join(specifier));
            ("ERR_MODULE_NOT_FOUND", format!("Cannot find module '{}'{from}", path.display()))
        }
        _ => {
            let name = package_name(specifier);
            let package = dir.ancestors().map(|d| d.join("node_modules").join(name)).find(|d| d.is_dir());
            match package {
                // The package exists; the file it names does not.
                Some(package) if name != specifier => {
                    let file = package.join(&specifier[name.len() + 1..]);
                    ("ERR_MODULE_NOT_FOUND", format!("Cannot find module '{}'{from}", file.display()))
                }
                // Node looks for the empty name's "index.js" in the nearest node_modules.
                _ if name.is_empty() => {
                    let path = dir.join("node_modules/").display().to_string();
                    ("ERR_MODULE_NOT_FOUND", format!("Cannot find package '{path}/index.js'{from}"))
                }
                _ => ("ERR_MODULE_NOT_FOUND", format!("Cannot find package '{name}'{from}")),
            }
        }
    };
    let type_error = matches!(code, "ERR_PACKAGE_IMPORT_NOT_DEFINED" | "ERR_INVALID_MODULE_SPECIFIER");
    Unresolved { code, message, type_error }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_package_of_a_specifier() {
        assert_eq!(package_name("a"), "a");
        assert_eq!(package_name("a/b/c"), "a");
        assert_eq!(package_name("@s/a/b"), "@s/a");
        assert_eq!(package_name("@s/a"), "@s/a");
    }
}

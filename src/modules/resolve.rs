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

use oxc_resolver::{ModuleType, ResolveError, ResolveOptions, Resolver};

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
}

impl Resolvers {
    fn get(&self, kind: Kind) -> &Resolver {
        let (cell, condition) = match kind {
            Kind::Require => (&self.require, "require"),
            Kind::Import => (&self.import, "import"),
        };
        cell.get_or_init(|| {
            Resolver::new(ResolveOptions {
                condition_names: vec!["node".into(), condition.into(), "module-sync".into()],
                extensions: vec![".js".into(), ".json".into(), ".node".into()],
                module_type: true,
                // NODE_PATH is honoured by `require` only.
                node_path: kind == Kind::Require,
                ..ResolveOptions::default()
            })
        })
    }

    /// Resolves `specifier` from a file in `dir`; `referrer` names that file
    /// in messages (ESM says "imported from").
    pub fn resolve(&self, kind: Kind, dir: &Path, specifier: &str, referrer: &str) -> Result<PathBuf, Unresolved> {
        match self.get(kind).resolve(dir, specifier) {
            Ok(found) => Ok(found.into_path_buf()),
            Err(error) => Err(unresolved(kind, dir, specifier, referrer, error)),
        }
    }

    /// The `"type"` of the package a file belongs to.
    pub fn package_type(&self, file: &Path) -> PackageType {
        let dir = file.parent().unwrap_or(Path::new("/"));
        let Some(path) = file.to_str() else { return PackageType::Unspecified };
        match self.get(Kind::Import).resolve(dir, path).ok().and_then(|r| r.module_type()) {
            Some(ModuleType::Module) => PackageType::Module,
            Some(ModuleType::CommonJs) => PackageType::CommonJs,
            _ => PackageType::Unspecified,
        }
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
        ResolveError::PackagePathNotExported { subpath, package_json_path, .. } => {
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
                "Invalid \"exports\" target \"{target}\" defined for '{key}' in the package config {}{from}",
                package_json.display()
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
            ("ERR_PACKAGE_IMPORT_NOT_DEFINED", format!("Package import specifier \"{specifier}\" is not defined{from}"))
        }
        _ if kind == Kind::Require => ("MODULE_NOT_FOUND", format!("Cannot find module '{specifier}'")),
        _ if is_path(specifier) => {
            let path = super::esm::normalize(&dir.join(specifier));
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
                _ => ("ERR_MODULE_NOT_FOUND", format!("Cannot find package '{name}'{from}")),
            }
        }
    };
    Unresolved { code, message }
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

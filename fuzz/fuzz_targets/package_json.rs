//! Any bytes as a package.json: the module-type and entry-point readers
//! answer, and never panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tock::engine::modules::{package_entry, package_is_module};

fn package_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tock-fuzz-package-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        dir
    })
}

fuzz_target!(|json: &[u8]| {
    let dir = package_dir();
    std::fs::write(dir.join("package.json"), json).expect("the scratch package.json is writable");
    let _ = package_is_module(dir);
    let _ = package_entry(dir);
});

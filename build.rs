//! Generates the table of tock's embedded JavaScript modules: every file
//! under `src/js/internal/`, `src/js/node/` and `src/js/tock/`, named by its path without
//! `.js` (`node/fs/promises`). Adding a built-in is adding its file.

use std::path::Path;

fn main() {
    let root = Path::new("src/js");
    println!("cargo:rerun-if-changed=src/js");
    let mut modules = Vec::new();
    for top in ["internal", "node", "tock"] {
        collect(root, &root.join(top), &mut modules);
    }
    modules.sort();
    let mut table = String::from(
        "/// Embedded JavaScript modules: (id, source), sorted by id.\npub const MODULES: &[(&str, &str)] = &[\n",
    );
    for id in &modules {
        let file = std::fs::canonicalize(root.join(format!("{id}.js"))).expect("listed file exists");
        table.push_str(&format!("    ({id:?}, include_str!({:?})),\n", file.display().to_string()));
    }
    table.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("js_modules.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).expect("module directory").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            let id = path.strip_prefix(root).expect("under src/js").with_extension("");
            out.push(id.display().to_string());
        }
    }
}

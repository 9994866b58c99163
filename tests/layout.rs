//! The Rust modules of `src/` form a tree (README, Layout): no top-level
//! module may reach, through `crate::` paths, one that reaches it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn sources(path: &Path, out: &mut String) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("readable directory") {
            sources(&entry.expect("entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push_str(&std::fs::read_to_string(path).expect("readable source"));
    }
}

#[test]
fn top_level_modules_have_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a name").to_owned();
        if name == "lib" || name == "main" || name == "js" {
            continue;
        }
        let mut text = String::new();
        sources(&path, &mut text);
        let mut deps = BTreeSet::new();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + 7..];
            let used: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !used.is_empty() && used != name {
                deps.insert(used);
            }
            // `use crate::{a, b}`
            if let Some(list) = rest.strip_prefix('{') {
                let list = &list[..list.find('}').unwrap_or(0)];
                deps.extend(list.split(',').map(|m| m.trim().split("::").next().unwrap_or("").to_owned()));
            }
        }
        deps.remove("");
        deps.remove(&name);
        graph.insert(name, deps);
    }
    assert!(graph.len() >= 6, "found the modules: {graph:?}");
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            panic!("a cycle among src/ modules: {}", path[at..].join(" → ") + " → " + node);
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(node.to_owned());
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
}

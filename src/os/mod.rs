//! What tock needs from the operating system, below everything else:
//! standard streams written as Node writes them (`stdio`), signals
//! (`signals`), errno codes and messages (`errno`), and lexical paths.

pub mod errno;
pub mod signals;
pub mod stdio;

use std::path::{Component, Path, PathBuf};

/// Lexical `a/./b/../c` → `a/c`, for messages about files that do not exist.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

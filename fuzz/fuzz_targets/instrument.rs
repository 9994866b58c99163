//! Any source, script or module, through the trace's load-time rewrite: it
//! returns a rewrite or nothing, and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tock::trace::instrument::{Goal, instrument};

fuzz_target!(|source: &str| {
    for goal in [Goal::Script, Goal::Module] {
        let _ = instrument(source, goal, 0);
    }
});

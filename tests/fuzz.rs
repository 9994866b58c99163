//! The built-in fuzzer (tests/fuzz/harness.js through tests/fuzz/run.py):
//! every built-in function and method called with odd arguments for about
//! `FUZZ_SECONDS` (45 by default here) must find no panic, hang, exit 7,
//! death by signal or message naming a Rust type.

use std::process::Command;

#[test]
fn built_ins_survive_odd_arguments() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let seconds = std::env::var("FUZZ_SECONDS").unwrap_or_else(|_| "45".into());
    let out = Command::new("python3")
        .arg(root.join("tests/fuzz/run.py"))
        .arg(env!("CARGO_BIN_EXE_tock"))
        // A call stalled 20 s is a hang even on a machine with every core busy.
        .args(["--seconds", &seconds, "--stall", "20"])
        .current_dir(root)
        .output()
        .expect("python3 runs tests/fuzz/run.py");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "the fuzzer found host bugs:\n{report}");
}

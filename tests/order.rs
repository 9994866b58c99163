//! Programs recorded from Node.js: ordering programs (tests/order/) and
//! programs using the built-in APIs — fs, child_process, Buffer, url, os
//! (tests/api/), worker_threads and messaging programs (tests/workers/), and programs loading real npm packages and fixture packages
//! (tests/packages/, installed by `.ci/run`), and network peers — curl,
//! node, and the ws, pg and redis clients of servers the programs start
//! (tests/peers/), and node:sqlite programs (tests/sqlite/, recorded from bun:
//! node 20 has no node:sqlite) and tock:sqlite's (tests/sqlite-async/, whose
//! lines state what they checked: order and causality, by construction). tock must print exactly the stdout the oracle printed when the
//! expectation was recorded (`tests/record.sh`), and exit with the same code. When `node` is on PATH each program is also run through it and
//! compared live, so a stale recording cannot hide a difference. Each program
//! also runs under `tock trace`: tracing must not change what it prints.
//! Programs listed in `tests/expected-failures.txt` (each with its reason)
//! must still differ: one that starts passing fails the run.

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut programs: Vec<PathBuf> =
        ["order", "api", "workers", "packages", "packages/fixtures", "peers", "sqlite", "sqlite-async"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("the program directory exists"))
            .map(|e| e.expect("readable entry").path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("cjs" | "mjs")))
            .collect();
    programs.sort();
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    let listed = std::fs::read_to_string(root.join("expected-failures.txt")).expect("tests/expected-failures.txt");
    let expected_failures: Vec<String> = listed
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    let trials = programs
        .into_iter()
        .map(|program| {
            let name = program.strip_prefix(&root).unwrap_or(&program).display().to_string();
            let known = expected_failures.contains(&name);
            // node 20 has no node:sqlite: those programs' oracle is bun, recorded
            // (tock:sqlite's, with no other runtime to ask, check themselves).
            let live =
                node && !program.starts_with(root.join("sqlite")) && !program.starts_with(root.join("sqlite-async"));
            Trial::test(name, move || match (check(&program, live), known) {
                (Ok(()), true) => {
                    Err("passes, but tests/expected-failures.txt lists it: remove it from the list".into())
                }
                (Err(_), true) => Ok(()),
                (result, false) => result,
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// `// flags: --x --y` on one of the first lines.
fn flags(source: &str) -> Vec<String> {
    source
        .lines()
        .take(3)
        .find_map(|l| l.strip_prefix("// flags: "))
        .map(|f| f.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn run(runtime: &str, flags: &[String], program: &Path) -> (String, i32) {
    run_with(runtime, &[], flags, program)
}

fn run_with(runtime: &str, before: &[&str], flags: &[String], program: &Path) -> (String, i32) {
    let output = Command::new(runtime)
        .args(before)
        .args(flags)
        .arg(program)
        .current_dir(program.parent().unwrap())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {runtime}: {e}"));
    // A death by signal counts as the shell reports it (128 + signal), as recorded.
    let code = output.status.code().or_else(|| output.status.signal().map(|s| 128 + s));
    (String::from_utf8_lossy(&output.stdout).into_owned(), code.unwrap_or(-1))
}

fn check(program: &Path, node: bool) -> Result<(), Failed> {
    let source = std::fs::read_to_string(program).map_err(|e| e.to_string())?;
    let flags = flags(&source);
    let expected_out =
        std::fs::read_to_string(program.with_extension("out")).map_err(|e| format!("no recorded .out: {e}"))?;
    let expected_code: i32 = std::fs::read_to_string(program.with_extension("code"))
        .map_err(|e| format!("no recorded .code: {e}"))?
        .trim()
        .parse()
        .map_err(|e| format!("bad .code: {e}"))?;
    let (out, code) = run(env!("CARGO_BIN_EXE_tock"), &flags, program);
    let mut problems = Vec::new();
    if out != expected_out {
        problems.push(format!(
            "stdout differs from the recording\n--- expected (the oracle)\n{expected_out}--- actual (tock)\n{out}"
        ));
    }
    if code != expected_code {
        problems.push(format!("exit code {code}, recorded {expected_code}"));
    }
    let trace_out = std::env::temp_dir().join(format!("tock-order-{}.trace", std::process::id()));
    let trace_out = format!("{}-{}", trace_out.display(), program.file_name().unwrap().to_string_lossy());
    let (traced_out, traced_code) =
        run_with(env!("CARGO_BIN_EXE_tock"), &["trace", "--trace-out", &trace_out], &flags, program);
    let trace = std::fs::read_to_string(&trace_out).unwrap_or_default();
    let _ = std::fs::remove_file(&trace_out);
    if traced_out != out || traced_code != code {
        problems.push(format!("traced run differs: exit {traced_code}\n--- traced\n{traced_out}--- plain\n{out}"));
    }
    if !trace.contains("▶ task #1") || !trace.contains("■ exit") {
        problems.push(format!("the trace lacks its first task or its exit:\n{trace}"));
    }
    if node {
        // A stale recording differs every time; a timing race in node itself
        // (a few generated programs have them under load) only sometimes.
        let mut live = run("node", &flags, program);
        for _ in 0..2 {
            if live.0 == expected_out && live.1 == expected_code {
                break;
            }
            live = run("node", &flags, program);
        }
        let (node_out, node_code) = live;
        if node_out != out || node_code != code {
            problems.push(format!("live node run differs: exit {node_code}\n--- node\n{node_out}--- tock\n{out}"));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

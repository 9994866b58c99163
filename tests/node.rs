//! Node's own tests for the network modules and for workers and messaging:
//! each test of
//! `tests/node/baseline.txt` (those of `../shared/node-test/test/parallel`
//! that pass under node here) runs under tock as Node's runner runs it —
//! one process, the test's folder as cwd, no stdin, its `// Flags:`, a
//! scratch folder of its own — and passes when it exits 0. Results must
//! match `tests/node/expected-failures.txt`: an unlisted failure fails the
//! run, and so does a listed test that passes (the list only shrinks). A
//! test listed as `flaky: …` (it races on timing by its own design) may
//! do either, and never counts as passing.
//!
//! `cargo test --test node -- FILTER` runs the tests whose name contains
//! FILTER; `TOCK_NODE_TESTS_LIST=1` prints each failure's reason in the
//! list's format.

use std::collections::{BTreeMap, HashMap};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use wait_timeout::ChildExt;

const TIMEOUT: Duration = Duration::from_secs(10);
/// Two at a time, as the brief says heavy suites run.
const WORKERS: usize = 2;

struct Outcome {
    name: String,
    failure: Option<String>,
}

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let parallel = manifest.join("../shared/node-test/test/parallel");
    if !parallel.is_dir() {
        eprintln!("node tests: {} is missing (the shared suite beside the repository)", parallel.display());
        std::process::exit(1);
    }
    let parallel = parallel.canonicalize().unwrap();
    let mut tests = listed(&manifest.join("tests/node/baseline.txt"));
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if let Some(filter) = &filter {
        tests.retain(|t| t.contains(filter.as_str()));
    }
    let scratch = std::env::temp_dir().join(format!("tock-node-tests-{}", std::process::id()));
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for slot in 0..WORKERS {
            let (tests, next, outcomes, parallel, scratch) = (&tests, &next, &outcomes, &parallel, &scratch);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(test) = tests.get(i) else { break };
                    let failure = run(parallel, test, slot, &scratch.join(format!("{i}"))).err();
                    println!("{} {test}", if failure.is_none() { "pass" } else { "FAIL" });
                    outcomes.lock().unwrap().push(Outcome { name: test.clone(), failure });
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    std::process::exit(report(manifest, &outcomes, filter.is_some()));
}

/// The names in a list file: the first word of each line, `#` comments out.
fn listed(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap_or(l).to_owned())
        .collect()
}

fn run(parallel: &Path, test: &str, slot: usize, scratch: &PathBuf) -> Result<(), String> {
    let file = parallel.join(test);
    let source = std::fs::read_to_string(&file).map_err(|e| format!("unreadable: {e}"))?;
    let flags: Vec<String> = source
        .lines()
        .take(10)
        .find_map(|l| l.trim().strip_prefix("// Flags:"))
        .map(|f| f.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    std::fs::create_dir_all(scratch).map_err(|e| e.to_string())?;
    // A process group of its own: a timed-out test's children die with it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_tock"))
        .process_group(0)
        .args(&flags)
        .arg(&file)
        .current_dir(parallel)
        .env("NODE_TEST_DIR", scratch)
        .env("TEST_THREAD_ID", slot.to_string())
        .env("NODE_COMMON_PORT", (12346 + 100 * slot).to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start tock: {e}"))?;
    let status = child.wait_timeout(TIMEOUT).map_err(|e| e.to_string())?;
    let Some(status) = status else {
        // SAFETY: signals the test's own process group.
        unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
        let _ = child.wait();
        return Err(format!("timed out after {TIMEOUT:?}"));
    };
    // Children it left behind would hold its output open.
    // SAFETY: signals the test's own process group.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(scratch);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if status.success() && !stdout.contains("1..0 # Skipped") {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let why = stderr
        .lines()
        .chain(stdout.lines())
        .map(str::trim)
        .find(|l| l.contains("Error") || l.contains("error") || l.contains("Skipped") || l.contains("Mismatched"))
        .unwrap_or("")
        .to_owned();
    Err(format!("exit {:?}: {why}", status.code()))
}

fn expected_failures(manifest: &Path) -> HashMap<String, String> {
    let text = std::fs::read_to_string(manifest.join("tests/node/expected-failures.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(' ') {
            Some((name, reason)) => (name.to_owned(), reason.trim().to_owned()),
            None => (l.to_owned(), String::new()),
        })
        .collect()
}

/// `test-http-agent-keepalive.js` → `http`; the tests of workers and
/// messaging (`test-worker-*`, `test-async-hooks-worker-*`,
/// `test-crypto-key-objects-messageport.js`…) → `workers`.
fn module_of(name: &str) -> &str {
    let rest = name.strip_prefix("test-").unwrap_or(name);
    let messaging = ["worker", "messageport", "message-port", "messagechannel", "message-channel", "broadcastchannel"];
    if !rest.starts_with("cluster") && (messaging.iter().any(|m| rest.contains(m)) || rest.starts_with("messag")) {
        return "workers";
    }
    let end = rest.find(['-', '.']).unwrap_or(rest.len());
    &rest[..end]
}

/// Prints the figures and judges them; returns the exit code.
fn report(manifest: &Path, outcomes: &[Outcome], filtered: bool) -> i32 {
    let expected = expected_failures(manifest);
    // A test listed as `flaky: …` races on timing in its own design: either
    // outcome is accepted, and it never counts as passing.
    let flaky = |name: &str| expected.get(name).is_some_and(|why| why.starts_with("flaky:"));
    let passes = |o: &Outcome| o.failure.is_none() && !flaky(&o.name);
    let mut by_module: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for outcome in outcomes {
        let entry = by_module.entry(module_of(&outcome.name)).or_default();
        entry.1 += 1;
        entry.0 += usize::from(passes(outcome));
    }
    for (module, (passed, run)) in &by_module {
        println!("{module:<10} {passed:>4}/{run:<4} pass under tock (of those that pass under node)");
    }
    let passed = outcomes.iter().filter(|o| passes(o)).count();
    println!(
        "node tests total: {passed}/{} ({:.1}%)",
        outcomes.len(),
        100.0 * passed as f64 / outcomes.len().max(1) as f64
    );

    if std::env::var_os("TOCK_NODE_TESTS_LIST").is_some() {
        for outcome in outcomes {
            if let Some(why) = &outcome.failure {
                println!("LIST {} {}", outcome.name, why.replace('\n', " "));
            }
        }
    }
    let mut bad = 0;
    for outcome in outcomes.iter().filter(|o| !flaky(&o.name)) {
        match (&outcome.failure, expected.contains_key(&outcome.name)) {
            (Some(why), false) => {
                bad += 1;
                println!("\nUNEXPECTED FAILURE {}\n{why}", outcome.name);
            }
            (None, true) => {
                bad += 1;
                println!("\nNOW PASSES (remove it from tests/node/expected-failures.txt): {}", outcome.name);
            }
            _ => {}
        }
    }
    if !filtered {
        for name in expected.keys().filter(|n| !outcomes.iter().any(|o| &o.name == *n)) {
            bad += 1;
            println!("\nLISTED BUT NOT IN THE BASELINE (remove it): {name}");
        }
    }
    println!("\nnode tests: {} as expected, {bad} not", outcomes.len() - bad.min(outcomes.len()));
    i32::from(bad > 0)
}

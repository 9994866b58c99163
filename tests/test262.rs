//! test262 conformance for the async core: every test under
//! `../shared/test262/test` runs through `tock --test262-host`, in strict and
//! sloppy mode as its flags allow, modules as modules. Results must match
//! `tests/test262/expected-failures.txt`: an unlisted failure fails the run,
//! and so does a listed test that passes (so the list only shrinks).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use wait_timeout::ChildExt;

const TIMEOUT: Duration = Duration::from_secs(10);

/// What a test's front matter says.
#[derive(Default)]
struct Meta {
    includes: Vec<String>,
    flags: Vec<String>,
    /// `negative: { phase, type }`: the error the test must end with.
    negative: Option<String>,
}

#[derive(Clone, Copy, Debug)]
enum Mode {
    Sloppy,
    Strict,
    Module,
}

struct Outcome {
    path: String,
    failure: Option<String>,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/test262");
    if !root.join("test").is_dir() {
        eprintln!("test262: {} is missing (it is the shared suite beside the repository)", root.display());
        std::process::exit(1);
    }
    let root = root.canonicalize().unwrap();
    let mut tests = Vec::new();
    collect(&root.join("test"), &mut tests);
    tests.sort();
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if let Some(filter) = &filter {
        tests.retain(|t| t.to_string_lossy().contains(filter.as_str()));
    }

    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(test) = tests.get(i) else { break };
                    let outcome = run_test(&root, test);
                    outcomes.lock().unwrap().push(outcome);
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    std::process::exit(report(&outcomes, filter.is_some()));
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "js") && !path.to_string_lossy().contains("_FIXTURE") {
            out.push(path);
        }
    }
}

fn parse_meta(source: &str) -> Meta {
    let mut meta = Meta::default();
    let Some(start) = source.find("/*---") else {
        return meta;
    };
    let Some(len) = source[start..].find("---*/") else {
        return meta;
    };
    let yaml = &source[start + 5..start + len];
    let list = |value: &str| -> Vec<String> {
        value
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut lines = yaml.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(value) = line.strip_prefix("includes:") {
            meta.includes = list(value);
            while let Some(item) = lines.peek().and_then(|l| l.trim().strip_prefix("- ")) {
                meta.includes.push(item.trim().to_owned());
                lines.next();
            }
        } else if let Some(value) = line.strip_prefix("flags:") {
            meta.flags = list(value);
        } else if line.starts_with("negative:") {
            while let Some(next) = lines.peek() {
                let next = next.trim();
                if let Some(kind) = next.strip_prefix("type:") {
                    meta.negative = Some(kind.trim().to_owned());
                } else if !next.starts_with("phase:") {
                    break;
                }
                lines.next();
            }
        }
    }
    meta
}

fn run_test(root: &Path, test: &Path) -> Outcome {
    let path = test.strip_prefix(root).unwrap().to_string_lossy().into_owned();
    let source = match std::fs::read_to_string(test) {
        Ok(s) => s,
        Err(e) => {
            return Outcome { path, failure: Some(format!("unreadable: {e}")) };
        }
    };
    let meta = parse_meta(&source);
    let has = |flag: &str| meta.flags.iter().any(|f| f == flag);
    let modes: &[Mode] = if has("module") {
        &[Mode::Module]
    } else if has("raw") || has("noStrict") {
        &[Mode::Sloppy]
    } else if has("onlyStrict") {
        &[Mode::Strict]
    } else {
        &[Mode::Sloppy, Mode::Strict]
    };
    let harness = root.join("harness");
    let mut preludes = Vec::new();
    if !has("raw") {
        preludes.push(harness.join("assert.js"));
        preludes.push(harness.join("sta.js"));
        if has("async") {
            preludes.push(harness.join("doneprintHandle.js"));
        }
        preludes.extend(meta.includes.iter().map(|i| harness.join(i)));
    }
    for &mode in modes {
        if let Err(why) = run_mode(test, &preludes, mode, &meta, has("async")) {
            return Outcome { path, failure: Some(format!("{mode:?}: {why}")) };
        }
    }
    Outcome { path, failure: None }
}

fn run_mode(test: &Path, preludes: &[PathBuf], mode: Mode, meta: &Meta, is_async: bool) -> Result<(), String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tock"));
    command.arg("--test262-host");
    match mode {
        Mode::Strict => {
            command.arg("--test262-strict");
        }
        Mode::Module => {
            command.arg("--test262-module");
        }
        Mode::Sloppy => {}
    }
    for prelude in preludes {
        command.arg("--test262-prelude").arg(prelude);
    }
    let mut child = command
        .arg(test)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start tock: {e}"))?;
    // Outputs are small; read them after exit (or kill).
    let status = match child.wait_timeout(TIMEOUT).map_err(|e| e.to_string())? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
    };
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first_lines = |s: &str| s.lines().take(8).collect::<Vec<_>>().join("\n");
    if stderr.contains("internal error") || stderr.contains("panicked") {
        return Err(format!("tock crashed:\n{}", first_lines(&stderr)));
    }
    if let Some(expected) = &meta.negative {
        let marker = format!("Test262:UncaughtError:{expected}");
        return if !status.success() && stderr.contains(&marker) {
            Ok(())
        } else {
            Err(format!("expected {expected}, got exit {:?}\n{}", status.code(), first_lines(&stderr)))
        };
    }
    if is_async && (!stdout.contains("Test262:AsyncTestComplete") || stdout.contains("Test262:AsyncTestFailure")) {
        return Err(format!("async test did not complete:\n{}\n{}", first_lines(&stdout), first_lines(&stderr)));
    }
    if !status.success() {
        return Err(format!("exit {:?}\n{}", status.code(), first_lines(&stderr)));
    }
    Ok(())
}

/// `test/built-ins/Promise/all/x.js` → `built-ins/Promise/all`.
fn directory_of(path: &str) -> String {
    let parts: Vec<&str> = path.trim_start_matches("test/").split('/').collect();
    parts[..parts.len().saturating_sub(1).min(3)].join("/")
}

fn expected_failures() -> HashMap<String, String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/test262/expected-failures.txt");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((path, reason)) => (path.trim().to_owned(), reason.trim().to_owned()),
            None => (l.to_owned(), String::new()),
        })
        .collect()
}

/// Prints the figures and judges them; returns the exit code.
fn report(outcomes: &[Outcome], filtered: bool) -> i32 {
    let mut by_dir: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for outcome in outcomes {
        let entry = by_dir.entry(directory_of(&outcome.path)).or_default();
        entry.1 += 1;
        entry.0 += usize::from(outcome.failure.is_none());
    }
    for (dir, (passed, run)) in &by_dir {
        println!("{dir:<60} {passed:>5}/{run:<5} (0 skipped)");
    }
    let passed = outcomes.iter().filter(|o| o.failure.is_none()).count();
    println!("test262 total: {passed}/{} passed (0 skipped)", outcomes.len());

    let expected = expected_failures();
    let mut unexpected_failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    for outcome in outcomes {
        match (&outcome.failure, expected.contains_key(&outcome.path)) {
            (Some(why), false) => unexpected_failures.push((&outcome.path, why)),
            (None, true) => unexpected_passes.push(&outcome.path),
            _ => {}
        }
    }
    for (path, why) in &unexpected_failures {
        println!("\nUNEXPECTED FAILURE {path}\n{why}");
    }
    for path in &unexpected_passes {
        println!("\nNOW PASSES (remove it from tests/test262/expected-failures.txt): {path}");
    }
    if !filtered {
        let known: Vec<_> = expected.keys().filter(|p| !outcomes.iter().any(|o| &o.path == *p)).collect();
        for path in &known {
            println!("\nLISTED BUT NOT FOUND (remove it): {path}");
        }
        if !known.is_empty() {
            unexpected_passes.extend(known);
        }
    }
    let bad = unexpected_failures.len() + unexpected_passes.len();
    println!("\ntest262: {} passed, {bad} failed", outcomes.len() - bad);
    i32::from(bad > 0)
}

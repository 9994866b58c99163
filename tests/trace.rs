//! Tracing and diagnostics: the formats parse, the timeline names what
//! happened, misuse is pointed out, and the HTML replay works in Chromium.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("trace", name)
}

fn tock(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tock")).args(args).current_dir(cwd).output().expect("tock runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn timeline_of_the_seed_example() {
    let out = tock(&["trace", "examples/fetch-data.mjs"], root());
    assert!(out.status.success());
    let plain = tock(&["examples/fetch-data.mjs"], root());
    assert_eq!(text(&out.stdout), text(&plain.stdout), "tracing changed the program's output");
    let trace = text(&out.stderr);
    for expected in [
        "▶ task #1 main script fetch-data.mjs",
        "→ call async main() (examples/fetch-data.mjs:8)",
        "~ main awaits a pending Promise at examples/fetch-data.mjs:10",
        "+ timer #1 (20 ms) scheduled at examples/fetch-data.mjs:5",
        "▶ task #2 timer #1 (20 ms, from examples/fetch-data.mjs:5)",
        "✓ the promise main awaits at examples/fetch-data.mjs:10 is fulfilled: its continuation is queued",
        "- microtask: await continuation: main resumes after examples/fetch-data.mjs:10 (fulfilled)",
        "- microtask: nextTick callback (examples/fetch-data.mjs:18)",
        "■ exit 0: nothing left to do",
    ] {
        assert!(trace.contains(expected), "missing {expected:?} in:\n{trace}");
    }
    // The timer task comes before the microtask that resumes main.
    let timer = trace.find("▶ task #2 timer #1").unwrap();
    let resume = trace.find("await continuation: main resumes after examples/fetch-data.mjs:10").unwrap();
    assert!(timer < resume);
}

#[test]
fn the_idle_line_names_what_the_loop_waits_for() {
    // The child's exit ends the wait: the poll phase waits for both, whatever the machine's load.
    let dir = scratch("idle");
    std::fs::write(
        dir.join("idle.js"),
        "const t = setTimeout(() => console.log('never'), 60000);
         require('child_process').execFile('true', () => clearTimeout(t));
",
    )
    .unwrap();
    let out = tock(&["trace", "idle.js"], &dir);
    assert!(out.status.success());
    let trace = text(&out.stderr);
    let expected = "… idle: waiting for timer #1 (60000 ms, from idle.js:1) due in";
    assert!(trace.contains(expected), "missing {expected:?} in:\n{trace}");
    assert!(trace.contains("or I/O (1 in flight)"), "{trace}");
    assert!(!text(&out.stdout).contains("never"));
}

#[test]
fn json_lines_parse_and_follow_the_schema() {
    let dir = scratch("json");
    let out_path = dir.join("trace.jsonl");
    let out =
        tock(&["run", "--trace=json", "--trace-out", out_path.to_str().unwrap(), "examples/fetch-data.mjs"], root());
    assert!(out.status.success());
    let lines = std::fs::read_to_string(&out_path).unwrap();
    let events: Vec<serde_json::Value> =
        lines.lines().map(|l| serde_json::from_str(l).expect("a JSON event per line")).collect();
    assert!(events.len() > 20);
    for event in &events {
        assert!(event["t"].is_number() && event["type"].is_string(), "{event}");
    }
    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    // ("idle" is not here: a loaded machine may find each 20 ms timer already due.)
    for kind in ["task", "checkpoint", "taskEnd", "microtask", "call", "await", "resume", "console", "schedule", "exit"]
    {
        assert!(types.contains(&kind), "no {kind} event");
    }
    let awaited = events.iter().find(|e| e["type"] == "await").unwrap();
    assert_eq!(awaited["site"]["line"], 10);
    assert_eq!(awaited["fn"], "main");
}

#[test]
fn chrome_trace_parses_with_nested_microtasks_and_flows() {
    let dir = scratch("chrome");
    let out_path = dir.join("trace.json");
    let out =
        tock(&["run", "--trace=chrome", "--trace-out", out_path.to_str().unwrap(), "examples/fetch-data.mjs"], root());
    assert!(out.status.success());
    let trace: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    let events = trace["traceEvents"].as_array().unwrap();
    let slices = |cat: &str| events.iter().filter(|e| e["cat"] == cat && e["ph"] == "X").collect::<Vec<_>>();
    let tasks = slices("macrotask");
    let microtasks = slices("microtask");
    assert!(tasks.len() >= 4 && !microtasks.is_empty());
    // Every microtask lies inside a task slice.
    for m in &microtasks {
        let (ts, dur) = (m["ts"].as_i64().unwrap(), m["dur"].as_i64().unwrap());
        assert!(
            tasks.iter().any(|t| {
                let (start, len) = (t["ts"].as_i64().unwrap(), t["dur"].as_i64().unwrap());
                start <= ts && ts + dur <= start + len + 1
            }),
            "microtask outside every task: {m}"
        );
    }
    let starts = events.iter().filter(|e| e["ph"] == "s").count();
    let finishes = events.iter().filter(|e| e["ph"] == "f").count();
    assert!(starts >= 2 && finishes >= 2, "await flows: {starts} starts, {finishes} finishes");
}

#[test]
fn await_on_a_plain_function_is_pointed_out() {
    let dir = scratch("plainawait");
    std::fs::write(dir.join("add.js"), "function add(a, b) { return a + b; }\nasync function main() {\n  const sum = await add(1, 2);\n  console.log(sum);\n}\nmain();\n").unwrap();
    let out = tock(&["run", "--diagnose", "add.js"], &dir);
    assert_eq!(text(&out.stdout), "3\n");
    let report = text(&out.stderr);
    assert!(report.contains("await on a plain value (number) at add.js:3"), "{report}");
    let traced = tock(&["trace", "add.js"], &dir);
    assert!(
        text(&traced.stderr).contains("‼ await-non-promise: await on a plain value (number) at add.js:3"),
        "{}",
        text(&traced.stderr)
    );
}

#[test]
fn blocked_loop_is_reported_with_its_origin() {
    let dir = scratch("blocked");
    std::fs::write(
        dir.join("busy.js"),
        "setTimeout(() => {\n  const end = Date.now() + 80;\n  while (Date.now() < end);\n}, 1);\n",
    )
    .unwrap();
    let out = tock(&["run", "--diagnose", "busy.js"], &dir);
    let report = text(&out.stderr);
    assert!(report.contains("blocks the loop") && report.contains("timer #1 (1 ms, from busy.js:1)"), "{report}");
    let quick = tock(&["run", "--diagnose", "--block-threshold", "1000", "busy.js"], &dir);
    assert!(!text(&quick.stderr).contains("blocks the loop"));
}

#[test]
fn unhandled_rejection_names_where_it_was_rejected() {
    let dir = scratch("unhandled");
    std::fs::write(
        dir.join("reject.js"),
        "function load() {\n  return Promise.reject(new Error('gone'));\n}\nload();\n",
    )
    .unwrap();
    let out = tock(&["run", "--diagnose", "reject.js"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stderr);
    assert!(report.contains("unhandled rejection (Error: gone): rejected at reject.js:2"), "{report}");
    assert!(report.contains("error created at"), "{report}");
}

#[test]
fn unsettled_top_level_await_is_pointed_at() {
    let dir = scratch("tla");
    std::fs::write(dir.join("stuck.mjs"), "console.log('start');\nawait new Promise(() => {});\n").unwrap();
    let out = tock(&["run", "--diagnose", "stuck.mjs"], &dir);
    assert_eq!(out.status.code(), Some(13));
    assert!(text(&out.stderr).contains("top-level await at stuck.mjs:2 never settled"), "{}", text(&out.stderr));
}

/// The HTML replay, in headless Chromium (installed by `.ci/run`).
#[test]
fn html_replay_works_offline_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver = root().join("tests/viewer/node_modules/playwright-core");
    assert!(
        Path::new(&chromium).exists() && driver.exists(),
        "Chromium ({chromium}) and tests/viewer/node_modules (npm ci) are needed: `bash .ci/run` installs them"
    );
    let dir = scratch("html");
    let page = dir.join("fetch.html");
    let big = dir.join("big.html");
    let out = tock(&["run", "--trace=html", "--trace-out", page.to_str().unwrap(), "examples/fetch-data.mjs"], root());
    assert!(out.status.success());
    let out = tock(&["run", "--trace=html", "--trace-out", big.to_str().unwrap(), "tests/viewer/big.mjs"], root());
    assert!(out.status.success());
    let io = dir.join("io.html");
    let out = tock(&["run", "--trace=html", "--trace-out", io.to_str().unwrap(), "tests/viewer/io.cjs"], root());
    assert!(out.status.success());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"), "the page must not load anything");
    let screenshot = root().join("target/trace-viewer.png");
    let run = Command::new("node")
        .arg("viewer.test.mjs")
        .args([&page, &big, &screenshot, &io])
        .current_dir(root().join("tests/viewer"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    assert!(run.status.success(), "viewer test failed:\n{}\n{}", text(&run.stdout), text(&run.stderr));
    assert!(std::fs::metadata(&screenshot).unwrap().len() > 10_000);
}

#[test]
fn independent_sequential_awaits_suggest_promise_all() {
    let dir = scratch("sequential");
    std::fs::write(
        dir.join("seq.js"),
        "const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));\nasync function main() {\n  const user = await sleep(20, 'user');\n  const posts = await sleep(20, 'posts');\n  const both = await sleep(5, user + posts);\n  console.log(both);\n}\nmain();\n",
    )
    .unwrap();
    let out = tock(&["run", "--diagnose", "seq.js"], &dir);
    assert_eq!(text(&out.stdout), "userposts\n");
    let report = text(&out.stderr);
    assert!(report.contains("awaits at seq.js:3 and seq.js:4 wait one after the other"), "{report}");
    assert!(report.contains("Promise.all"), "{report}");
    // The third await uses both results: not reported.
    assert!(!report.contains("seq.js:5 wait"), "{report}");
}

#[test]
fn ctrl_c_reports_what_keeps_the_process_alive() {
    let dir = scratch("sigint");
    std::fs::write(
        dir.join("hang.js"),
        "setInterval(() => {}, 1000);\nsetTimeout(() => {}, 60000);\nconsole.log('running');\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tock"))
        .args(["run", "--diagnose", "hang.js"])
        .current_dir(&dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the program has printed, its main script is done and the loop idles: interrupt it then.
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.as_mut().unwrap()), &mut first).unwrap();
    assert_eq!(first, "running\n");
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    // The trace is complete, then tock dies by the signal, as the shell expects of Ctrl-C.
    assert_eq!(std::os::unix::process::ExitStatusExt::signal(&out.status), Some(libc::SIGINT));
    assert_eq!(text(&out.stdout), "");
    let report = text(&out.stderr);
    assert!(
        report.contains("still keeping the process alive: interval #1 (1000 ms, from hang.js:1); timer #2 (60000 ms, from hang.js:2)"),
        "{report}"
    );
}

#[test]
fn io_operations_are_their_own_macrotasks() {
    let dir = scratch("io");
    std::fs::write(dir.join("data.txt"), "some data").unwrap();
    std::fs::write(
        dir.join("io.js"),
        "const fs = require('fs');\n\
         fs.readFile('data.txt', 'utf8', (err, text) => console.log(text));\n\
         require('child_process').exec('echo hi', (err, out) => console.log(out.trim()));\n",
    )
    .unwrap();
    let out = tock(&["trace", "io.js"], &dir);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).lines().count(), 2);
    let trace = text(&out.stderr);
    for expected in [
        "+ I/O #1 fs.readFile('data.txt') started at io.js:2",
        "+ I/O #2 child process '/bin/sh -c echo hi' started at io.js:3",
        "… idle: waiting for I/O (2 in flight)",
        "I/O #1 fs.readFile('data.txt'): open (in progress after",
        "I/O #1 fs.readFile('data.txt'): read (in progress after",
        "I/O #2 child process '/bin/sh -c echo hi': stdout (in progress after",
        "I/O #2 child process '/bin/sh -c echo hi': close (done after",
    ] {
        assert!(trace.contains(expected), "missing {expected:?} in:\n{trace}");
    }
    // The callback's console line belongs to the task of the last step.
    let close = trace.find("I/O #1 fs.readFile('data.txt'): close (done after").expect("the close step");
    let line = trace.find("✎ console: \"some data\"").expect("the callback's output");
    assert!(close < line);
}

#[test]
fn sync_io_in_a_callback_and_too_many_open_files_are_pointed_out() {
    let dir = scratch("io-misuse");
    std::fs::write(
        dir.join("sync.js"),
        "const fs = require('fs');\nfs.readFileSync(__filename);\nsetTimeout(() => {\n  fs.readFileSync(__filename, 'utf8');\n}, 1);\n",
    )
    .unwrap();
    let out = tock(&["run", "--diagnose", "sync.js"], &dir);
    let report = text(&out.stderr);
    assert!(report.contains("fs.readFileSync at sync.js:4 blocks the loop inside timer #1"), "{report}");
    assert!(!report.contains("sync.js:2"), "the main script may read synchronously: {report}");

    // 200 reads at once under a limit of 64 descriptors.
    std::fs::write(
        dir.join("many.js"),
        "const fsp = require('fs/promises');\n\
         Promise.allSettled(Array.from({ length: 200 }, () => fsp.readFile(__filename)))\n\
         .then((r) => console.log(r.some((x) => x.status === 'rejected')));\n",
    )
    .unwrap();
    let out = Command::new("sh")
        .args(["-c", &format!("ulimit -n 64 && exec {} run --diagnose many.js", env!("CARGO_BIN_EXE_tock"))])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "true\n");
    let report = text(&out.stderr);
    assert!(
        report.contains("fs.readFile(") && report.contains("(started at many.js:2) failed with EMFILE"),
        "{report}"
    );
}

/// A signal that ends a busy program still completes its trace, replacing
/// an old one, and the process dies by that signal.
#[test]
fn a_kill_while_busy_completes_the_trace() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch("killed");
    let trace = dir.join("trace.html");
    std::fs::write(&trace, "an old trace").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tock"))
        .args(["--trace=html", "--trace-out", trace.to_str().unwrap(), "-e", "console.log('busy'); for (;;);"])
        .current_dir(&dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut busy = String::new();
    std::io::BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut busy).unwrap();
    assert_eq!(busy, "busy\n");
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.signal(), Some(libc::SIGTERM));
    let page = std::fs::read_to_string(&trace).unwrap();
    assert!(page.contains("interrupted (SIGTERM)"), "{}", &page[..page.len().min(300)]);
    assert!(text(&out.stderr).contains("html trace written to"), "{}", text(&out.stderr));
}

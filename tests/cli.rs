//! The command line and bad input: every failure is a clear message on
//! stderr and a non-zero exit — never a panic, a hang or lost output.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("cli", name)
}

fn tock(args: &[&str], cwd: &Path) -> Run {
    let start = Instant::now();
    let Output { stdout, stderr, status } =
        Command::new(env!("CARGO_BIN_EXE_tock")).args(args).current_dir(cwd).output().expect("tock runs");
    assert!(start.elapsed() < Duration::from_secs(20), "tock took too long");
    let run = Run {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        code: status.code().unwrap_or(-1),
    };
    assert!(!run.stderr.contains("panicked"), "panic reached the user:\n{}", run.stderr);
    assert!(!run.stderr.contains("internal error"), "internal error:\n{}", run.stderr);
    run
}

/// A scratch directory holding `files`.
fn write_files(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = scratch(name);
    for (file, content) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// Writes `files` and runs the first one.
fn run_file(name: &str, files: &[(&str, &[u8])]) -> Run {
    tock(&[files[0].0], &write_files(name, files))
}

#[test]
fn missing_file() {
    let dir = scratch("missing");
    let run = tock(&["nope.js"], &dir);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Cannot find module") && run.stderr.contains("nope.js"), "{}", run.stderr);
}

#[test]
fn directory_without_index() {
    let dir = scratch("dir");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let run = tock(&["sub"], &dir);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Cannot find module"), "{}", run.stderr);
}

#[test]
fn directory_with_index_runs_it() {
    let dir = write_files("dirindex", &[("app/index.js", b"console.log('index ran')")]);
    let run = tock(&["app"], &dir);
    assert_eq!((run.code, run.stdout.as_str()), (0, "index ran\n"));
}

#[test]
fn binary_file_is_a_syntax_error() {
    let run = run_file("binary", &[("bin.js", b"\x7fELF\x02\x01\x01\x00\x00\x00garbage")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("SyntaxError"), "{}", run.stderr);
}

#[test]
fn invalid_utf8_is_replaced_as_node_does() {
    let run = run_file("utf8", &[("bad.js", b"console.log('a\xff\xfeb')")]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "a\u{fffd}\u{fffd}b\n");
}

#[test]
fn syntax_error_shows_line_and_caret() {
    let run = run_file("syntax", &[("bad.js", b"const ok = 1;\nlet x = = 1;\n")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("bad.js:2\nlet x = = 1;\n        ^"), "{}", run.stderr);
    assert!(run.stderr.contains("SyntaxError"), "{}", run.stderr);
}

#[test]
fn import_of_missing_module() {
    let run = run_file("missingimport", &[("main.mjs", b"import './gone.mjs';\nconsole.log('never');")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Cannot find module") && run.stderr.contains("gone.mjs"), "{}", run.stderr);
    assert!(run.stderr.contains("ERR_MODULE_NOT_FOUND"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn require_of_missing_module_names_the_require_stack() {
    let run = run_file("missingrequire", &[("main.cjs", b"require('./gone');")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("Cannot find module './gone'") && run.stderr.contains("Require stack:"),
        "{}",
        run.stderr
    );
}

#[test]
fn syntax_error_in_imported_module() {
    let run = run_file(
        "importsyntax",
        &[
            ("main.mjs", b"console.log('not reached');\nimport './lib/bad.mjs';"),
            ("lib/bad.mjs", b"export const x = ;\n"),
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("bad.mjs:1") && run.stderr.contains("SyntaxError"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn stack_overflow_is_a_range_error() {
    let run = run_file("overflow", &[("deep.js", b"function f(n) { return f(n + 1) + 1; }\nf(0);")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("RangeError: Maximum call stack size exceeded"), "{}", run.stderr);
}

#[test]
fn stack_overflow_can_be_caught() {
    let run = run_file(
        "overflowcaught",
        &[(
            "deep.js",
            b"function f() { return f() + 1; }\ntry { f(); } catch (e) { console.log(e instanceof RangeError); }",
        )],
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, "true\n"));
}

#[test]
fn throwing_non_errors() {
    for (value, shown) in [
        ("'a string'", "a string"),
        ("42", "42"),
        ("null", "null"),
        ("{ code: 7 }", "code: 7"),
        ("undefined", "undefined"),
    ] {
        let source = format!("console.log('before');\nthrow {value};");
        let run = run_file("nonerror", &[("throw.js", source.as_bytes())]);
        assert_eq!(run.code, 1, "throw {value}");
        assert_eq!(run.stdout, "before\n", "output before the throw is kept");
        assert!(run.stderr.contains(shown), "throw {value}: {}", run.stderr);
    }
}

#[test]
fn output_is_flushed_on_process_exit() {
    let run = run_file(
        "flush",
        &[(
            "big.js",
            b"for (let i = 0; i < 20000; i++) console.log('line', i);\nprocess.exit(5);\nconsole.log('never');",
        )],
    );
    assert_eq!(run.code, 5);
    assert_eq!(run.stdout.lines().count(), 20000);
    assert!(run.stdout.ends_with("line 19999\n"));
}

#[test]
fn eval_and_print() {
    let dir = scratch("eval");
    let run = tock(&["-e", "console.log(1 + 1, typeof require, __filename)"], &dir);
    assert_eq!(run.stdout, "2 function [eval]\n");
    let run = tock(&["-p", "({ a: [1, 2], s: 'x' })"], &dir);
    assert_eq!(run.stdout, "{ a: [ 1, 2 ], s: 'x' }\n");
    let run = tock(&["--print", "'plain string'"], &dir);
    assert_eq!(run.stdout, "plain string\n");
}

#[test]
fn run_subcommand_and_arguments() {
    let dir = scratch("argv");
    std::fs::write(dir.join("args.js"), "console.log(JSON.stringify(process.argv.slice(2)), process.argv[1])").unwrap();
    let run = tock(&["run", "args.js", "one", "--two"], &dir);
    let expected_path = dir.join("args.js").canonicalize().unwrap();
    assert_eq!(run.stdout, format!("[\"one\",\"--two\"] {}\n", expected_path.display()));
    let run = tock(&["args.js", "x"], &dir);
    assert!(run.stdout.starts_with("[\"x\"]"), "{}", run.stdout);
}

#[test]
fn version_and_help() {
    let dir = scratch("version");
    let run = tock(&["--version"], &dir);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains(env!("CARGO_PKG_VERSION")));
    let run = tock(&["--help"], &dir);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--unhandled-rejections"), "{}", run.stdout);
}

#[test]
fn bad_flags_are_rejected() {
    let dir = scratch("badflag");
    let run = tock(&["--unhandled-rejections=sometimes", "x.js"], &dir);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("sometimes"), "{}", run.stderr);
}

#[test]
fn sloppy_scripts_and_strict_modules() {
    let run = run_file(
        "sloppy",
        &[("sloppy.cjs", b"undeclared = 5; console.log(undeclared, (function () { return this === globalThis; })());")],
    );
    assert_eq!(run.stdout, "5 true\n");
    let run = run_file("strict", &[("strict.mjs", b"console.log((function () { return this; })());")]);
    assert_eq!(run.stdout, "undefined\n");
}

#[test]
fn esm_syntax_in_plain_js_is_detected() {
    let run = run_file(
        "detect",
        &[
            ("main.js", b"import { x } from './x.mjs';\nconsole.log(x, await Promise.resolve('tla'));"),
            ("x.mjs", b"export const x = 'esm';"),
        ],
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, "esm tla\n"));
}

#[test]
fn package_type_module() {
    let run = run_file(
        "pkgtype",
        &[
            ("main.js", b"console.log(typeof require, import.meta.filename.endsWith('main.js'));"),
            ("package.json", b"{ \"type\": \"module\" }"),
        ],
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, "undefined true\n"));
}

/// Waiting on a timer must sleep, not spin: the CPU time of a process that
/// waits 600 ms, read from /proc while it waits, stays near zero.
#[test]
fn waiting_for_a_timer_does_not_spin() {
    let dir = write_files("idle", &[("idle.js", b"setTimeout(() => {}, 600);")]);
    let child = Command::new(env!("CARGO_BIN_EXE_tock")).arg("idle.js").current_dir(&dir).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap();
    // Fields after the command name: utime and stime are the 12th and 13th (in clock ticks).
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(ticks <= 15, "{ticks} clock ticks of CPU while waiting: the loop spins");
}

/// `tock -e code` with stdin and stdout as pipes.
fn eval_with_piped_stdin(code: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_tock"))
        .args(["-e", code])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("tock runs")
}

#[test]
fn piped_stdin_reaches_readline_and_fs() {
    use std::io::Write;
    let program = "const rl = require('readline').createInterface({ input: process.stdin });\n\
                   const lines = [];\n\
                   rl.on('line', (l) => lines.push(l.toUpperCase()));\n\
                   rl.on('close', () => console.log(lines.join('|')));";
    let mut child = eval_with_piped_stdin(program);
    child.stdin.take().unwrap().write_all(b"first\r\nsecond\nlast without newline").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "FIRST|SECOND|LAST WITHOUT NEWLINE\n");
    assert!(out.status.success());

    let mut child = eval_with_piped_stdin(
        "process.stdout.write(require('fs').readFileSync(0, 'utf8').split('').reverse().join(''))",
    );
    child.stdin.take().unwrap().write_all(b"abc").unwrap();
    assert_eq!(String::from_utf8_lossy(&child.wait_with_output().unwrap().stdout), "cba");
}

#[test]
fn a_paused_stdin_lets_the_program_exit() {
    use wait_timeout::ChildExt;
    // readline closes (pausing stdin) while stdin stays open and silent:
    // as in Node, the pending read no longer keeps the process alive.
    let program = "const rl = require('readline').createInterface({ input: process.stdin });\n\
                   setTimeout(() => { rl.close(); console.log('closed'); }, 100);";
    let mut child = eval_with_piped_stdin(program);
    let _held_open = child.stdin.take();
    let status = child.wait_timeout(Duration::from_secs(5)).unwrap();
    if status.is_none() {
        child.kill().unwrap();
        panic!("tock kept waiting on a paused stdin");
    }
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut out).unwrap();
    assert_eq!(out, "closed\n");
}

/// Output reaches a pipe as it is written, as Node's does: a line logged
/// inside a long task is read while the task still runs (it waits for a
/// file that the reader creates only after reading the line).
#[test]
fn output_reaches_a_pipe_while_the_task_runs() {
    use std::io::BufRead;
    let dir = scratch("live");
    let go = dir.join("go");
    let program = format!(
        "console.log('first'); const fs = require('fs'); while (!fs.existsSync({go:?})); console.log('second');",
        go = go.display().to_string()
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_tock"))
        .args(["-e", &program])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("tock runs");
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "first\n");
    std::fs::write(&go, "").unwrap();
    line.clear();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "second\n");
    assert!(child.wait().unwrap().success());
}

/// A signal that ends the process while JavaScript is busy loses nothing
/// already written, and the process dies by that signal.
#[test]
fn a_kill_while_busy_keeps_what_was_written() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch("kill");
    for signal in ["TERM", "INT", "HUP"] {
        let out = dir.join("out.txt");
        let file = std::fs::File::create(&out).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tock"))
            .args(["-e", "for (let i = 0; i < 1000; i++) console.log('line', i); console.error('busy'); for (;;);"])
            .stdout(file)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("tock runs");
        let mut busy = String::new();
        std::io::BufReader::new(child.stderr.as_mut().unwrap()).read_line(&mut busy).unwrap();
        assert_eq!(busy, "busy\n");
        assert!(
            Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status().unwrap().success()
        );
        let status = child.wait().unwrap();
        assert!(status.signal().is_some(), "SIG{signal}: {status:?}");
        let written = std::fs::read_to_string(&out).unwrap();
        assert_eq!(written.lines().count(), 1000, "SIG{signal}");
        assert!(written.ends_with("line 999\n"));
    }
}

/// Options are checked before the program runs: a bad one is Node's exit 9.
#[test]
fn bad_options_stop_before_the_program_runs() {
    let dir = scratch("options");
    for args in [
        &["--trace=html", "--trace-out=/no/such/dir/t.html", "-e", "console.log('ran')"][..],
        &["--diagnose", "--block-threshold=-5", "-e", "console.log('ran')"],
        &["--diagnose", "--block-threshold=soon", "-e", "console.log('ran')"],
        &["--no-such-option", "x.js"],
    ] {
        let run = tock(args, &dir);
        assert_eq!(run.code, 9, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(run.stderr.starts_with("tock: ") || run.stderr.starts_with("error: "), "{args:?}: {}", run.stderr);
    }
}

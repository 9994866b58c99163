//! Process output. stdout is buffered for speed when it is not a terminal and
//! flushed whenever the loop is about to sleep, before stderr is written (so
//! `2>&1` keeps its order) and on every exit path.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};

thread_local! {
    static STDOUT: RefCell<Stdout> = RefCell::new(Stdout::new());
    /// Where trace output goes when it is not stderr (`--trace-out`).
    static TRACE_FILE: RefCell<Option<std::io::BufWriter<std::fs::File>>> = const { RefCell::new(None) };
}

struct Stdout {
    buffer: Vec<u8>,
    terminal: bool,
}

impl Stdout {
    fn new() -> Self {
        Stdout { buffer: Vec::with_capacity(8192), terminal: std::io::stdout().is_terminal() }
    }

    fn flush(&mut self) {
        if !self.buffer.is_empty() {
            let mut out = std::io::stdout().lock();
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = out.write_all(&self.buffer);
            let _ = out.flush();
            self.buffer.clear();
        }
    }
}

pub fn write_stdout(bytes: &[u8]) {
    STDOUT.with_borrow_mut(|out| {
        out.buffer.extend_from_slice(bytes);
        if out.terminal || out.buffer.len() >= 64 * 1024 {
            out.flush();
        }
    });
}

pub fn write_stderr(bytes: &[u8]) {
    flush();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(bytes);
    let _ = err.flush();
}

/// Sends trace output to `path` instead of stderr.
pub fn open_trace_file(path: &str) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    TRACE_FILE.with_borrow_mut(|f| *f = Some(std::io::BufWriter::new(file)));
    Ok(())
}

pub fn write_trace(bytes: &[u8]) {
    let to_file = TRACE_FILE.with_borrow_mut(|f| f.as_mut().map(|f| f.write_all(bytes)).is_some());
    if !to_file {
        write_stderr(bytes);
    }
}

pub fn flush() {
    let _ = TRACE_FILE.try_with(|f| {
        if let Ok(mut f) = f.try_borrow_mut()
            && let Some(f) = f.as_mut()
        {
            let _ = f.flush();
        }
    });
    // `try_with`: may run from a panic hook while the thread is being torn down.
    let _ = STDOUT.try_with(|out| {
        if let Ok(mut out) = out.try_borrow_mut() {
            out.flush();
        }
    });
}

pub fn is_terminal(fd: i32) -> bool {
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

/// Ends the process now: the one way out, so that output is never lost.
pub fn exit(code: i32) -> ! {
    flush();
    std::process::exit(code)
}

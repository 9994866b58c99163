//! Process output, written as Node writes it on Linux: synchronously, each
//! write straight to its file descriptor, whether a file, a pipe or a
//! terminal. Output reaches its reader as it is written, keeps its order
//! with what child processes write to the same descriptor, and nothing is
//! held back that a signal or an exit could lose.

use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};

thread_local! {
    /// Where trace output goes when it is not stderr (`--trace-out`).
    static TRACE_FILE: RefCell<Option<io::BufWriter<std::fs::File>>> = const { RefCell::new(None) };
}

/// Writes all of `bytes` to `fd` now. A descriptor someone else made
/// non-blocking is waited on, as libuv does for a synchronous stdio write.
pub fn write_fd(fd: i32, mut bytes: &[u8]) -> io::Result<()> {
    while !bytes.is_empty() {
        // SAFETY: writes from a live slice to a descriptor; errors come back as -1.
        let written = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if written >= 0 {
            bytes = &bytes[written as usize..];
            continue;
        }
        let err = io::Error::last_os_error();
        match err.kind() {
            io::ErrorKind::Interrupted => {}
            io::ErrorKind::WouldBlock => {
                let mut poll = libc::pollfd { fd, events: libc::POLLOUT, revents: 0 };
                // SAFETY: one valid pollfd; waits until the descriptor is writable.
                unsafe { libc::poll(&mut poll, 1, -1) };
            }
            _ => return Err(err),
        }
    }
    Ok(())
}

/// Program output (console.log…): a closed or full stdout is not the
/// program's concern, as with Node's console.
pub fn write_stdout(bytes: &[u8]) {
    let _ = write_fd(1, bytes);
}

pub fn write_stderr(bytes: &[u8]) {
    let _ = write_fd(2, bytes);
}

/// Sends trace output to `path` instead of stderr.
pub fn open_trace_file(path: &str) -> io::Result<()> {
    let file = std::fs::File::create(path)?;
    TRACE_FILE.with_borrow_mut(|f| *f = Some(io::BufWriter::new(file)));
    Ok(())
}

pub fn write_trace(bytes: &[u8]) {
    let to_file = TRACE_FILE.with_borrow_mut(|f| f.as_mut().map(|f| f.write_all(bytes)).is_some());
    if !to_file {
        write_stderr(bytes);
    }
}

/// Completes the trace file; program output is never buffered.
pub fn flush() {
    // `try_with`: may run from a panic hook while the thread is being torn down.
    let _ = TRACE_FILE.try_with(|f| {
        if let Ok(mut f) = f.try_borrow_mut()
            && let Some(f) = f.as_mut()
        {
            let _ = f.flush();
        }
    });
}

/// What a descriptor is, in Node's terms (`guessHandleType`): `TTY`,
/// `PIPE` (pipes and sockets), `FILE` (files and other devices) or `UNKNOWN`.
pub fn handle_type(fd: i32) -> &'static str {
    let mut stat = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: fstat fills the struct or fails; isatty only reads the descriptor.
    if unsafe { libc::fstat(fd, stat.as_mut_ptr()) } != 0 {
        return "UNKNOWN";
    }
    // SAFETY: fstat succeeded, so the struct is initialised.
    let mode = unsafe { stat.assume_init() }.st_mode & libc::S_IFMT;
    match mode {
        libc::S_IFCHR if unsafe { libc::isatty(fd) } == 1 => "TTY",
        libc::S_IFIFO | libc::S_IFSOCK => "PIPE",
        _ => "FILE",
    }
}

pub fn is_terminal(fd: i32) -> bool {
    match fd {
        0 => io::stdin().is_terminal(),
        1 => io::stdout().is_terminal(),
        2 => io::stderr().is_terminal(),
        _ => false,
    }
}

/// Ends the process now: the one way out, so that no trace is left unfinished.
pub fn exit(code: i32) -> ! {
    flush();
    std::process::exit(code)
}

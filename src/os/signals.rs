//! Signals as Node treats them, at the process level: which signals have
//! JavaScript listeners, the fatal signal that arrived while tracing, the
//! start-up reset, and dying by a signal. (The natives are host/signals.rs;
//! the loop's watcher of fatal signals is event_loop/signals.rs.)

use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};

/// The signals whose default action ends the process (and that Node leaves
/// to that default).
pub const FATAL: [i32; 6] = [libc::SIGHUP, libc::SIGINT, libc::SIGQUIT, libc::SIGTERM, libc::SIGUSR2, libc::SIGALRM];

/// One bit per signal that has JavaScript listeners.
static LISTENED: AtomicU64 = AtomicU64::new(0);

/// One bit per signal that arrived while it had listeners, taken by the
/// JavaScript side's watcher: the loop's watcher of fatal signals (tracing)
/// may see that signal only after a `once` listener has removed itself, and
/// must not take it for one nobody listened to.
static CLAIMED: AtomicU64 = AtomicU64::new(0);

/// A fatal signal that arrived while tracing (0: none): the engine's
/// interrupt handler stops busy JavaScript so the trace can be completed.
static PENDING: AtomicI32 = AtomicI32::new(0);

/// Records whether `signo` has JavaScript listeners.
pub fn set_listened(signo: i32, listened: bool) {
    let Some(bit) = u32::try_from(signo).ok().and_then(|s| 1u64.checked_shl(s)) else { return };
    if listened {
        LISTENED.fetch_or(bit, Ordering::SeqCst);
    } else {
        LISTENED.fetch_and(!bit, Ordering::SeqCst);
    }
}

/// The JavaScript side's watcher got `signo`: if listeners had it then,
/// it is theirs.
pub fn claim(signo: i32) {
    let bit = 1u64 << signo;
    if LISTENED.load(Ordering::SeqCst) & bit != 0 {
        CLAIMED.fetch_or(bit, Ordering::SeqCst);
    }
}

/// A fatal signal arrived: unless JavaScript listens to it (or its
/// listeners already took it), it is pending (and the caller wakes the
/// loop). Returns whether it is.
pub fn arrived(signo: i32) -> bool {
    let bit = 1u64 << signo;
    if LISTENED.load(Ordering::SeqCst) & bit != 0 || CLAIMED.fetch_and(!bit, Ordering::SeqCst) & bit != 0 {
        return false;
    }
    PENDING.store(signo, Ordering::Relaxed);
    true
}

/// Whether busy JavaScript must stop for a fatal signal (tracing only).
pub fn interrupting() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// The fatal signal that arrived, if any; taking it clears it.
pub fn take_pending() -> Option<i32> {
    Some(PENDING.swap(0, Ordering::Relaxed)).filter(|&s| s != 0)
}

/// Every signal back to its default action (SIGKILL and SIGSTOP cannot
/// change). Async-signal-safe: a child runs it between fork and exec.
pub fn reset_all() {
    for signo in 1..32 {
        if signo != libc::SIGKILL && signo != libc::SIGSTOP {
            // SAFETY: signal(2) with a valid number and the default disposition.
            unsafe { libc::signal(signo, libc::SIG_DFL) };
        }
    }
}

/// At start-up, as Node: whatever the parent ignored, signals start at their
/// defaults, but SIGPIPE and SIGXFSZ, ignored so that a failed write is an
/// error to report rather than a death.
pub fn start() {
    reset_all();
    // SAFETY: ignoring two signals; no handler runs.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Ends the process as `signo` would have without a handler.
pub fn die_by(signo: i32) {
    super::stdio::flush();
    // SAFETY: restores the default action and raises the signal: the
    // process ends as if it had never handled it.
    unsafe {
        libc::signal(signo, libc::SIG_DFL);
        libc::raise(signo);
    }
}

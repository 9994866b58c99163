//! Signals, as Node treats them.
//!
//! A signal with JavaScript listeners (`process.on('SIGTERM', …)`) is watched
//! on the I/O thread and each delivery comes back as a completion (an
//! unref'd operation: watching alone keeps no process alive). A signal
//! without listeners takes its default action: output is written as it is
//! produced, so a kill loses nothing. Only when tracing are the signals that
//! end a process watched too, so that the trace is completed first — busy
//! JavaScript is interrupted for it — and then the process dies by that same
//! signal, as the parent expects.

use std::rc::Rc;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result};
use tokio::signal::unix::{SignalKind, signal};

use super::Host;
use crate::event_loop::{Wake, io::Io};

/// The signals whose default action ends the process (and that Node leaves
/// to that default).
const FATAL: [i32; 6] = [libc::SIGHUP, libc::SIGINT, libc::SIGQUIT, libc::SIGTERM, libc::SIGUSR2, libc::SIGALRM];

/// One bit per signal that has JavaScript listeners.
static LISTENED: AtomicU64 = AtomicU64::new(0);

/// A fatal signal that arrived while tracing (0: none): the engine's
/// interrupt handler stops busy JavaScript so the trace can be completed.
static PENDING: AtomicI32 = AtomicI32::new(0);

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let h = host.clone();
    native.set(
        "signalWatch",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, signo: i32, callback: Function<'js>| -> Result<bool> {
            let Ok(mut watcher) = watch(&h.io, signo) else { return Ok(false) };
            let completer = h.io.start(Persistent::save(&ctx, callback));
            h.io.set_ref(completer.id(), false);
            h.io.spawn(async move {
                while watcher.recv().await.is_some() {
                    completer.send(false, Box::new(move |ctx| Ok(vec![signo.into_js(ctx)?])));
                }
            });
            Ok(true)
        })?,
    )?;
    native.set(
        "signalListened",
        Function::new(ctx.clone(), |signo: i32, listened: bool| {
            let Some(bit) = u32::try_from(signo).ok().and_then(|s| 1u64.checked_shl(s)) else { return };
            if listened {
                LISTENED.fetch_or(bit, Ordering::Relaxed);
            } else {
                LISTENED.fetch_and(!bit, Ordering::Relaxed);
            }
        })?,
    )?;
    native.set("signalDefault", Function::new(ctx.clone(), die_by)?)?;
    Ok(())
}

fn watch(io: &Io, signo: i32) -> std::io::Result<tokio::signal::unix::Signal> {
    let _runtime = io.enter();
    signal(SignalKind::from_raw(signo))
}

/// Tracing: each fatal signal nobody listens to wakes the loop to complete
/// the trace, and stops JavaScript that is busy. Watched from a thread of
/// its own from the start, so that the I/O runtime still starts with the
/// first I/O (and reads `UV_THREADPOOL_SIZE` then, as libuv does).
pub fn watch_fatal(io: &Io) {
    let wake = io.waker();
    let watching = std::thread::Builder::new().name("tock-signals".into()).spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_io().build() else { return };
        runtime.block_on(async move {
            let mut watchers = Vec::new();
            for signo in FATAL {
                if let Ok(watcher) = signal(SignalKind::from_raw(signo)) {
                    watchers.push((signo, watcher));
                }
            }
            let watch = |(signo, mut watcher): (i32, tokio::signal::unix::Signal)| {
                let wake = wake.clone();
                async move {
                    while watcher.recv().await.is_some() {
                        if LISTENED.load(Ordering::Relaxed) & (1 << signo) == 0 {
                            PENDING.store(signo, Ordering::Relaxed);
                            let _ = wake.send(Wake::Signal);
                        }
                    }
                }
            };
            let tasks: Vec<_> = watchers.into_iter().map(|w| tokio::spawn(watch(w))).collect();
            for task in tasks {
                let _ = task.await;
            }
        });
    });
    drop(watching);
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

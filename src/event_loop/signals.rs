//! The loop's watcher of fatal signals, when tracing: each one nobody
//! listens to wakes the poll phase (`Wake::Signal`) so that the trace is
//! completed before the process dies by it.

use tokio::signal::unix::{SignalKind, signal};

use super::{Wake, io::Io};
use crate::os::signals::{FATAL, arrived};

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
                        if arrived(signo) {
                            wake.send(Wake::Signal);
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

//! I/O completions: work that finishes away from the JavaScript thread.
//!
//! Blocking file work runs on a pool of `UV_THREADPOOL_SIZE` threads (4 by
//! default, as libuv's); child processes are driven by Tokio's reactor on one
//! more thread. Whatever finishes comes back over the loop's wake-up channel
//! as a `Completion`, and the poll phase runs its JavaScript callback as a
//! macrotask. Every operation in flight keeps the loop alive unless unref'd.
//!
//! The Tokio runtime starts with the first operation, so programs that do no
//! I/O pay nothing for it.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use rquickjs::{Ctx, Function, Persistent, Value};

use super::Wake;

/// Turns a finished operation's result into the arguments of its callback;
/// runs on the JavaScript thread.
pub type Deliver = Box<dyn for<'js> FnOnce(&Ctx<'js>) -> rquickjs::Result<Vec<Value<'js>>> + Send>;

/// One result of an operation. An operation delivers one completion (a file
/// read) or several (a child process's output chunks, then its exit); the
/// `last` one retires it.
pub struct Completion {
    pub id: u64,
    pub last: bool,
    /// What finished, for the tracer: a step of an operation ("open",
    /// "stdout", "exit"…), or "" when the operation has one.
    pub step: &'static str,
    /// The error code it failed with, if it did (for the tracer's EMFILE
    /// diagnostic).
    pub failure: Option<&'static str>,
    pub deliver: Deliver,
}

/// Sends the completions of one operation from any thread.
#[derive(Clone)]
pub struct Completer {
    id: u64,
    wake: Sender<Wake>,
}

impl Completer {
    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn send(&self, last: bool, deliver: Deliver) {
        self.send_step("", None, last, deliver);
    }

    /// A completion that names its step, and its failure if it failed.
    pub fn send_step(&self, step: &'static str, failure: Option<&'static str>, last: bool, deliver: Deliver) {
        // The loop outlives every operation; a failed send means it is exiting.
        let _ = self.wake.send(Wake::Io(Completion { id: self.id, last, step, failure, deliver }));
    }
}

struct Pending {
    callback: Persistent<Function<'static>>,
    refed: bool,
}

pub struct Io {
    wake: Sender<Wake>,
    /// Where the poll phase sleeps until its deadline or a wake-up.
    wakeups: Receiver<Wake>,
    runtime: OnceCell<tokio::runtime::Runtime>,
    /// Operations in flight, with the callback each completion goes to.
    pending: RefCell<HashMap<u64, Pending>>,
    next_id: Cell<u64>,
    /// How many of `pending` are referenced: asked every turn of the loop, so
    /// counted as they change rather than by walking 50,000 operations.
    refed: Cell<usize>,
}

impl Default for Io {
    fn default() -> Io {
        Io::new()
    }
}

impl Io {
    pub fn new() -> Io {
        let (wake, wakeups) = mpsc::channel();
        Io {
            wake,
            wakeups,
            runtime: OnceCell::new(),
            pending: RefCell::default(),
            next_id: Cell::new(1),
            refed: Cell::new(0),
        }
    }

    /// A handle that wakes the poll phase from another thread.
    pub fn waker(&self) -> Sender<Wake> {
        self.wake.clone()
    }

    /// Sleeps until something arrives or `timeout` passes (`None`: no
    /// deadline), then takes everything that has arrived, in order.
    pub fn wait(&self, timeout: Option<Duration>) -> Vec<Wake> {
        let first = match timeout {
            Some(t) if t.is_zero() => self.wakeups.try_recv().ok(),
            Some(t) => self.wakeups.recv_timeout(t).ok(),
            None => self.wakeups.recv().ok(),
        };
        first.into_iter().chain(std::iter::from_fn(|| self.wakeups.try_recv().ok())).collect()
    }

    /// The number of blocking-pool threads: `UV_THREADPOOL_SIZE`, as in Node.
    pub fn pool_size() -> usize {
        std::env::var("UV_THREADPOOL_SIZE").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(4).clamp(1, 1024)
    }

    fn runtime(&self) -> &tokio::runtime::Runtime {
        self.runtime.get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .max_blocking_threads(Self::pool_size())
                .thread_name("tock-io")
                .enable_io()
                .build()
                .expect("the I/O runtime starts")
        })
    }

    /// Registers an operation whose completions go to `callback`.
    pub fn start(&self, callback: Persistent<Function<'static>>) -> Completer {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.pending.borrow_mut().insert(id, Pending { callback, refed: true });
        self.refed.set(self.refed.get() + 1);
        Completer { id, wake: self.wake.clone() }
    }

    /// Runs blocking work on the pool; its result is the operation's one
    /// completion: its step, its failure if it failed, and what to deliver.
    pub fn run_blocking(
        &self,
        completer: Completer,
        step: &'static str,
        work: impl FnOnce() -> (Option<&'static str>, Deliver) + Send + 'static,
    ) {
        self.runtime().spawn_blocking(move || {
            let (failure, deliver) = work();
            completer.send_step(step, failure, true, deliver)
        });
    }

    /// Runs a future on the reactor thread (child processes).
    pub fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) {
        self.runtime().spawn(future);
    }

    /// Enters the runtime, for Tokio objects that must be created inside it.
    pub fn enter(&self) -> tokio::runtime::EnterGuard<'_> {
        self.runtime().enter()
    }

    /// The callback a completion goes to; retires the operation on its last one.
    pub fn callback_for(&self, completion: &Completion) -> Option<Persistent<Function<'static>>> {
        let mut pending = self.pending.borrow_mut();
        if !completion.last {
            return pending.get(&completion.id).map(|p| p.callback.clone());
        }
        let done = pending.remove(&completion.id)?;
        if done.refed {
            self.refed.set(self.refed.get() - 1);
        }
        Some(done.callback)
    }

    /// `ref()` / `unref()`: whether the operation keeps the loop alive.
    pub fn set_ref(&self, id: u64, refed: bool) {
        if let Some(p) = self.pending.borrow_mut().get_mut(&id)
            && p.refed != refed
        {
            p.refed = refed;
            let count = self.refed.get();
            self.refed.set(if refed { count + 1 } else { count - 1 });
        }
    }

    pub fn has_refed(&self) -> bool {
        self.refed.get() > 0
    }

    pub fn in_flight(&self) -> usize {
        self.pending.borrow().len()
    }
}

//! I/O completions: work that finishes away from the JavaScript thread.
//!
//! Blocking file work runs on a pool of `UV_THREADPOOL_SIZE` threads (4 by
//! default, as libuv's); child processes are driven by Tokio's reactor on one
//! more thread. Whatever finishes comes back over the loop's wake-up channel
//! as a `Completion`, and the poll phase runs its JavaScript callback as a
//! macrotask. Every operation in flight keeps the loop alive unless unref'd.
//!
//! Sockets are different: the poll phase itself sleeps in epoll on them
//! (`net.rs`), and the wake-up channel rings epoll through an eventfd.
//!
//! The Tokio runtime starts with the first operation, so programs that do no
//! I/O pay nothing for it.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use mio::{Events, Poll, Token};

use rquickjs::{Ctx, Function, Persistent, Value};

use super::Wake;
use super::net::Net;

/// epoll's token for the wake-up channel (operation ids start at 1).
const WAKER: Token = Token(0);

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
    /// What the tracer shows of the result (a query's rows), if anything.
    pub detail: Option<String>,
    /// A message port's: what arrives while the poll phase delivers it is
    /// delivered in the same phase (as Node drains a port).
    pub chained: bool,
    /// A message port's: the port's next message, if one waits (with how
    /// many do), so that the poll phase delivers a port's queue in one go.
    pub again: Option<Again>,
    pub deliver: Deliver,
}

/// The next completion of the same operation that is already waiting, and
/// how many are.
pub type Again = Arc<dyn Fn() -> Option<(usize, Completion)> + Send + Sync>;

/// Wakes the poll phase from any thread: the message goes down the channel
/// and, unless the loop has not yet taken the last one, rings the eventfd
/// epoll sleeps on — one system call per batch, not per message, and none
/// while the poll phase spins for it (it sees `rung` instead).
#[derive(Clone)]
pub struct WakeSender {
    channel: Sender<Wake>,
    waker: Arc<mio::Waker>,
    rung: Arc<AtomicBool>,
    spinning: Arc<AtomicBool>,
}

impl WakeSender {
    pub fn send(&self, wake: Wake) {
        // The loop outlives every operation; a failed send means it is exiting.
        // SeqCst with `wait`: either the loop sees `rung`, or this sees it
        // no longer spinning and rings.
        if self.channel.send(wake).is_ok()
            && !self.rung.swap(true, Ordering::SeqCst)
            && !self.spinning.load(Ordering::SeqCst)
        {
            let _ = self.waker.wake();
        }
    }
}

/// Sends the completions of one operation from any thread.
#[derive(Clone)]
pub struct Completer {
    id: u64,
    wake: WakeSender,
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
        self.wake.send(Wake::Io(Completion {
            id: self.id,
            last,
            step,
            failure,
            detail: None,
            chained: false,
            again: None,
            deliver,
        }));
    }

    /// A message port's completion (`chained`, `again`).
    pub fn send_message(&self, last: bool, again: Option<Again>, deliver: Deliver) {
        self.wake.send(Wake::Io(self.message(last, again, deliver)));
    }

    /// A message port's completion, not sent.
    pub fn message(&self, last: bool, again: Option<Again>, deliver: Deliver) -> Completion {
        Completion { id: self.id, last, step: "", failure: None, detail: None, chained: true, again, deliver }
    }

    /// The operation's last completion, with what the tracer shows of its result.
    pub fn send_detailed(&self, detail: String, failure: Option<&'static str>, deliver: Deliver) {
        self.wake.send(Wake::Io(Completion {
            id: self.id,
            last: true,
            step: "",
            failure,
            detail: Some(detail),
            chained: false,
            again: None,
            deliver,
        }));
    }
}

struct Pending {
    callback: Persistent<Function<'static>>,
    refed: bool,
}

pub struct Io {
    wake: WakeSender,
    wakeups: Receiver<Wake>,
    /// Where the poll phase sleeps until its deadline, a socket's readiness
    /// or a wake-up.
    poll: RefCell<Poll>,
    events: RefCell<Events>,
    /// The sockets.
    pub net: Net,
    runtime: OnceCell<tokio::runtime::Runtime>,
    /// Operations in flight, with the callback each completion goes to.
    pending: RefCell<HashMap<u64, Pending>>,
    next_id: Cell<u64>,
    /// How many of `pending` are referenced: asked every turn of the loop, so
    /// counted as they change rather than by walking 50,000 operations.
    refed: Cell<usize>,
    /// Until when a completion is expected within microseconds (a query of
    /// a database thread): the poll phase spins that long before it sleeps,
    /// saving the wake-up of a sleeping thread, several times the work.
    soon: Cell<Option<Instant>>,
    /// Wake-ups taken from the channel while draining message ports, left
    /// for the next poll phase.
    held: RefCell<Vec<Wake>>,
}

/// How long the poll phase spins for a completion expected soon.
const SPIN: Duration = Duration::from_micros(50);

impl Io {
    /// The loop's epoll and wake-up eventfd; fails when descriptors run out.
    pub fn new() -> std::io::Result<Io> {
        let (channel, wakeups) = mpsc::channel();
        let poll = Poll::new()?;
        let waker = Arc::new(mio::Waker::new(poll.registry(), WAKER)?);
        let net = Net::new(poll.registry().try_clone()?);
        Ok(Io {
            wake: WakeSender { channel, waker, rung: Arc::default(), spinning: Arc::default() },
            wakeups,
            poll: RefCell::new(poll),
            events: RefCell::new(Events::with_capacity(1024)),
            net,
            runtime: OnceCell::new(),
            pending: RefCell::default(),
            next_id: Cell::new(1),
            refed: Cell::new(0),
            soon: Cell::new(None),
            held: RefCell::default(),
        })
    }

    /// A handle that wakes the poll phase from another thread.
    pub fn waker(&self) -> WakeSender {
        self.wake.clone()
    }

    /// Sleeps until something arrives or `timeout` passes (`None`: no
    /// deadline), then takes everything that has arrived: the sockets with
    /// work deferred from the last turn, those epoll found ready, then the
    /// completions, in order.
    pub fn wait(&self, timeout: Option<Duration>) -> Vec<Wake> {
        let deferred = self.net.take_deferred();
        let held = std::mem::take(&mut *self.held.borrow_mut());
        let mut timeout = if deferred.is_empty() && held.is_empty() { timeout } else { Some(Duration::ZERO) };
        if let Some(until) = self.soon.take()
            && timeout != Some(Duration::ZERO)
        {
            self.wake.spinning.store(true, Ordering::SeqCst);
            let mut spins = 0u32;
            while !self.wake.rung.load(Ordering::SeqCst) {
                spins = spins.wrapping_add(1);
                if spins.is_multiple_of(64) && Instant::now() >= until {
                    break;
                }
                // Yields: the thread doing the work may be waiting for this core.
                std::thread::yield_now();
            }
            self.wake.spinning.store(false, Ordering::SeqCst);
            // Rung while spinning (with or without the eventfd): no sleep.
            if self.wake.rung.load(Ordering::SeqCst) {
                timeout = Some(Duration::ZERO);
            }
        }
        let mut woken: Vec<Wake> = held;
        woken.extend(deferred.into_iter().map(Wake::Handle));
        let mut events = self.events.borrow_mut();
        // EINTR (a signal) is a wake-up like any other.
        let _ = self.poll.borrow_mut().poll(&mut events, timeout);
        for event in events.iter().filter(|event| event.token() != WAKER) {
            let id = event.token().0 as u64;
            let failed = event.is_error();
            let readable = event.is_readable() || event.is_read_closed() || failed;
            self.net.mark(id, readable, event.is_writable() || event.is_write_closed() || failed);
            woken.push(Wake::Handle(id));
        }
        // Taken before reading the channel: a message sent from now on rings again.
        self.wake.rung.store(false, Ordering::Release);
        woken.extend(std::iter::from_fn(|| self.wakeups.try_recv().ok()));
        woken
    }

    /// The next message-port completion that arrived meanwhile, if any;
    /// other wake-ups met on the way wait for the next poll phase.
    pub fn next_chained(&self) -> Option<Completion> {
        while let Ok(wake) = self.wakeups.try_recv() {
            match wake {
                Wake::Io(completion) if completion.chained => return Some(completion),
                other => self.held.borrow_mut().push(other),
            }
        }
        None
    }

    /// A completion is expected within microseconds: the next poll spins
    /// for it a little before sleeping.
    pub fn expect_soon(&self) {
        self.soon.set(Some(Instant::now() + SPIN));
    }

    /// A fresh id for an operation or a socket.
    pub fn next_id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
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
        let id = self.next_id();
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

    /// Retires an operation that delivers nothing more here (a message port
    /// moved to another thread); completions still on their way are dropped.
    pub fn cancel(&self, id: u64) {
        if let Some(p) = self.pending.borrow_mut().remove(&id)
            && p.refed
        {
            self.refed.set(self.refed.get() - 1);
        }
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
        self.refed.get() > 0 || self.net.has_alive()
    }

    /// Operations in flight and open sockets.
    pub fn in_flight(&self) -> usize {
        self.pending.borrow().len() + self.net.count()
    }

    /// Whether the poll phase has socket work that needs no waiting.
    pub fn has_deferred(&self) -> bool {
        self.net.has_deferred()
    }
}

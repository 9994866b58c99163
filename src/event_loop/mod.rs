//! The event loop: Node's phases, one turn at a time.
//!
//! JavaScript runs on this one thread. The loop runs macrotasks one at a
//! time — each due timer, each I/O completion, each immediate — and
//! after every single one performs the microtask checkpoint: drain the
//! `process.nextTick` queue, then the promise job queue, again until both are
//! empty, then report unhandled rejections (Node's
//! `processTicksAndRejections`). When nothing keeps the loop alive it emits
//! `beforeExit`, which may schedule more work, and finally `exit`.

pub mod immediates;
pub mod io;
pub mod net;
pub mod ports;
pub mod signals;
pub mod stream;
pub mod timers;
pub mod tls;

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rquickjs::function::IntoArgs;
use rquickjs::{Context, Ctx, Function, Object, Persistent, Promise};

use crate::engine;
use crate::os::{signals as os_signals, stdio};
use immediates::Immediates;
use io::Io;
use timers::Timers;

/// How many more messages the poll phase delivers to ports after those it
/// woke for, before leaving the rest for the next turn.
const PORT_DRAIN_LIMIT: usize = 1000;

/// A JavaScript object kept by Rust (a Timeout or Immediate).
pub type JsObject = Persistent<Object<'static>>;

/// The JavaScript the loop calls (registered by `bootstrap.js`).
pub struct Hooks {
    pub run_timer: Persistent<Function<'static>>,
    pub run_immediate: Persistent<Function<'static>>,
    pub run_ticks: Persistent<Function<'static>>,
    pub process_rejections: Persistent<Function<'static>>,
    pub reject_tracker: Persistent<Function<'static>>,
    pub fatal_exception: Persistent<Function<'static>>,
    pub before_exit: Persistent<Function<'static>>,
    pub exit: Persistent<Function<'static>>,
    /// `traceLoop(event, ...)`: loop-level trace events, when tracing.
    pub trace_loop: Persistent<Function<'static>>,
}

/// The loop's state, one per runtime: its clock, its named queues and the
/// flags of the microtask checkpoint. The natives (src/host/) fill the
/// queues; the turn below empties them. Borrows are always short: none is
/// held while JavaScript runs.
pub struct State {
    pub tracing: bool,
    pub clock: Clock,
    /// Timers phase: setTimeout / setInterval.
    pub timers: RefCell<Timers<JsObject>>,
    /// Check phase: setImmediate.
    pub immediates: RefCell<Immediates<JsObject>>,
    /// Close phase: close callbacks of handles closed this turn.
    pub closing: RefCell<Vec<Persistent<Function<'static>>>>,
    /// Poll phase: file operations and child processes in flight, and their
    /// completions.
    pub io: Io,
    /// Node's `hasTickScheduled`: the nextTick queue is not empty.
    pub tick_scheduled: Cell<bool>,
    /// Node's `hasRejectionToWarn`: the rejection tracker saw something.
    pub rejection_to_warn: Cell<bool>,
    pub hooks: OnceCell<Hooks>,
    /// The entry module's evaluation, to detect an unsettled top-level await.
    pub main_module: RefCell<Option<Persistent<Promise<'static>>>>,
    /// `process.exit(code)` was called: JavaScript is unwinding (an
    /// uncatchable exception) and the loop stops where it is, returning it.
    pub exit_code: Cell<Option<i32>>,
    /// A worker's parent called `terminate()` (from its own thread): the
    /// loop stops where it is, and running JavaScript is interrupted.
    pub terminated: Arc<AtomicBool>,
    /// A worker's runtime: Node runs its script from a message of the poll
    /// phase, so its first turn starts at check.
    pub is_worker: Cell<bool>,
    /// A worker with a heap limit (`resourceLimits`) ran out of memory: it
    /// ends, and its parent hears why.
    pub memory_limited: Cell<bool>,
    pub out_of_memory: Cell<bool>,
    /// Tracing only: the operation each traced request belongs to (a
    /// readFile's open, fstat, read and close are one), and the operation
    /// whose callback is running, which a request started without a label
    /// continues.
    traced: RefCell<HashMap<u64, Traced>>,
    current_operation: Cell<Option<u64>>,
}

/// A traced request: its operation, whether that has steps (shown), and
/// what follows this one.
#[derive(Clone, Copy)]
struct Traced {
    operation: u64,
    stepped: bool,
    next: Next,
}

/// What follows a request in its operation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Next {
    /// It is the last (a `stat`; the `close` of a readFile).
    Done,
    /// Another step, whatever happens (the `read` of a readFile: `close`).
    More,
    /// Another step if it succeeds (the `open` of a readFile).
    MoreIfOk,
}

/// How an I/O request presents itself to the tracer.
pub enum Request<'a> {
    /// A new operation, with its label (`fs.readFile('a.txt')`), and
    /// whether the tracer names the step of each completion (a child's
    /// `stdout`, `exit`, `close`; a readFile's `open`…).
    Operation { label: &'a str, next: Next, steps: bool },
    /// The next step of the operation whose callback is running.
    Step { next: Next },
    /// Not shown (watchers, writes).
    Untraced,
}

impl State {
    pub fn new(tracing: bool, terminated: Arc<AtomicBool>) -> std::io::Result<Rc<State>> {
        Ok(Rc::new(State {
            tracing,
            clock: Clock::new(),
            timers: RefCell::default(),
            immediates: RefCell::default(),
            closing: RefCell::default(),
            io: Io::new()?,
            tick_scheduled: Cell::new(false),
            rejection_to_warn: Cell::new(false),
            hooks: OnceCell::new(),
            main_module: RefCell::default(),
            exit_code: Cell::new(None),
            terminated,
            is_worker: Cell::new(false),
            memory_limited: Cell::new(false),
            out_of_memory: Cell::new(false),
            traced: RefCell::default(),
            current_operation: Cell::new(None),
        }))
    }

    pub fn hooks(&self) -> &Hooks {
        self.hooks.get().expect("bootstrap registered the hooks")
    }

    /// Starts an I/O request whose completions go to `callback`. When
    /// tracing, the tracer learns of it here (with the JavaScript site that
    /// started it) and of each completion from the poll phase: the APIs
    /// only say what the request is.
    pub fn start_io<'js>(&self, ctx: &Ctx<'js>, callback: Function<'js>, request: Request<'_>) -> io::Completer {
        let completer = self.io.start(Persistent::save(ctx, callback));
        if !self.tracing {
            return completer;
        }
        let id = completer.id();
        let traced = match request {
            Request::Operation { label, next, steps } => {
                self.trace(ctx, "ioStart", (id, label));
                Traced { operation: id, stepped: steps, next }
            }
            Request::Step { next } => match self.current_operation.get() {
                Some(operation) => Traced { operation, stepped: true, next },
                None => return completer,
            },
            Request::Untraced => return completer,
        };
        self.traced.borrow_mut().insert(id, traced);
        completer
    }

    /// Reports an event to the tracer (`trace.js`'s `loop(event, …)`): the
    /// loop's tasks and what the natives schedule. Only call when tracing.
    pub fn trace<'js>(&self, ctx: &Ctx<'js>, event: &str, args: impl IntoArgs<'js>) {
        let mut all = rquickjs::function::Args::new(ctx.clone(), 6);
        let pushed = all.push_arg(event).and_then(|_| args.into_args(&mut all));
        if pushed.and_then(|_| engine::hook(ctx, &self.hooks().trace_loop)?.call_arg::<()>(all)).is_err() {
            report_exception(ctx, self);
        }
    }

    /// Whether the program asked to exit, or its worker was terminated:
    /// nothing more runs.
    pub fn stopping(&self) -> bool {
        self.exit_code.get().is_some() || self.terminated.load(Ordering::Relaxed)
    }
}

pub struct EventLoop {
    context: Context,
    state: Rc<State>,
}

/// Why the poll phase woke before its deadline.
pub enum Wake {
    /// A file operation finished, or a child process wrote or exited.
    Io(io::Completion),
    /// A signal that ends the process arrived while tracing (Ctrl-C…):
    /// complete the trace, then die by it.
    Signal,
    /// A socket is ready, or has work deferred from the last turn.
    Handle(u64),
    /// The worker was terminated: wake up to stop.
    Stop,
}

impl EventLoop {
    pub fn new(context: Context, state: Rc<State>) -> Self {
        if state.tracing {
            signals::watch_fatal(&state.io);
        }
        EventLoop { context, state }
    }

    /// Runs until nothing keeps the process alive; returns the exit code.
    pub fn run(&self) -> i32 {
        // Where the main program sits in Node's first turn, as programs observe
        // it with `setTimeout(f, 0)` against `setImmediate(g)`:
        // - a CommonJS main runs before the loop; an ES module is evaluated
        //   from an I/O callback of Node's loader (the poll phase), so its
        //   immediates run before any timer: its first turn starts at check;
        // - Node reaches its first timers phase a millisecond or more after
        //   the main program (its own start-up work), so 0–1 ms timers set
        //   by it are due then: the loop's clock starts 1 ms on.
        // - a worker's script runs from a message of its poll phase: its
        //   first turn starts at check, what arrives meanwhile waits a turn.
        let esm_main = self.state.main_module.borrow().is_some();
        let worker = self.state.is_worker.get();
        let mut first_turn = true;
        self.state.clock.skip_ms(1);
        loop {
            while self.is_alive() {
                if !(first_turn && (esm_main || worker)) {
                    self.run_timers(); // timers: due setTimeout / setInterval callbacks
                }
                // pending callbacks: I/O callbacks deferred from the last turn (none: all run in poll)
                if !(first_turn && worker) {
                    self.poll(); // poll: wait for I/O until the next timer, run its callbacks
                }
                first_turn = false;
                self.run_immediates(); // check: setImmediate callbacks
                self.run_closing(); // close callbacks: 'close' events of handles closed this turn
            }
            // `beforeExit` may schedule more work, which revives the loop.
            if !self.state.stopping() {
                self.call_host("beforeExit", |h| &h.before_exit, None);
            }
            if !self.is_alive() {
                break;
            }
        }
        self.exit_code()
    }

    /// The loop stays alive while referenced timers, immediates or I/O exist.
    fn is_alive(&self) -> bool {
        if let Some(signo) = os_signals::take_pending() {
            self.interrupted(signo);
        }
        (self.state.timers.borrow().has_refed()
            || self.state.immediates.borrow().has_refed()
            || self.state.io.has_refed()
            || !self.state.closing.borrow().is_empty())
            && !self.state.stopping()
    }

    fn run_timers(&self) {
        let now = self.state.clock.now_ms();
        loop {
            let due = self.state.timers.borrow_mut().next_due(now);
            let Some(due) = due.filter(|_| !self.state.stopping()) else { break };
            let started = self.state.clock.now_ms();
            self.call_host("timer", |h| &h.run_timer, Some(due.payload));
            if due.repeat {
                self.state.timers.borrow_mut().rearm(due.id, started);
            }
        }
    }

    /// Waits for I/O until the next timer is due (without a deadline when only
    /// I/O is pending; not at all when an immediate is waiting), then runs the
    /// callback of each completion that has arrived, each a macrotask. Never
    /// spins.
    fn poll(&self) {
        // process.exit() in a timer: nothing more is waited for (a worker
        // still running, a request in flight).
        if self.state.stopping() {
            return;
        }
        let now = self.state.clock.now_ms();
        let expiry = self.state.timers.borrow_mut().next_expiry();
        let wait_ms = match expiry {
            _ if !self.state.immediates.borrow().is_empty()
                || !self.state.closing.borrow().is_empty()
                || self.state.io.has_deferred() =>
            {
                Some(0)
            }
            Some(expiry) => Some(expiry.saturating_sub(now)),
            None if self.state.io.has_refed() => None,
            None => Some(0),
        };
        if wait_ms != Some(0) {
            if self.state.tracing {
                let next = self.state.timers.borrow_mut().next_payload().cloned();
                self.context.with(|ctx| {
                    let next = next.and_then(|t| t.restore(&ctx).ok());
                    let pending_io = self.state.io.in_flight();
                    self.trace(&ctx, "idle", (wait_ms.map(|ms| ms as f64), next, pending_io));
                });
            }
            stdio::flush();
        }
        let mut chained = false;
        let mut woken = self.state.io.wait(wait_ms.map(Duration::from_millis));
        ports_in_creation_order(&mut woken);
        for wake in woken {
            if self.state.stopping() {
                break;
            }
            match wake {
                Wake::Io(completion) => {
                    chained |= completion.chained;
                    self.complete(completion)
                }
                Wake::Handle(id) => self.serve(id),
                Wake::Stop => {}
                Wake::Signal => {
                    if let Some(signo) = os_signals::take_pending() {
                        self.interrupted(signo);
                    }
                }
            }
        }
        // Messages posted to ports while their messages were delivered are
        // delivered now too (Node's port drain, at most 1000 more).
        if chained {
            for _ in 0..PORT_DRAIN_LIMIT {
                let Some(completion) = self.state.io.next_chained().filter(|_| !self.state.stopping()) else { break };
                self.complete(completion);
            }
        }
    }

    /// An I/O callback: the completion's result handed to the JavaScript
    /// side of the operation. A message port's delivers the rest of its
    /// queue too, one macrotask each, as Node drains a port per wake-up;
    /// the notices of messages so delivered then find nothing.
    fn complete(&self, completion: io::Completion) {
        let Some(again) = completion.again.clone() else { return self.complete_one(completion) };
        let Some((mut waiting, _)) = again() else { return };
        self.complete_one(completion);
        for _ in 0..PORT_DRAIN_LIMIT {
            // Only while the queue shrinks: a port not started keeps its messages.
            match again().filter(|(count, _)| *count < waiting && !self.state.stopping()) {
                Some((count, next)) => {
                    waiting = count;
                    self.complete_one(next);
                }
                None => break,
            }
        }
    }

    fn complete_one(&self, completion: io::Completion) {
        let Some(callback) = self.state.io.callback_for(&completion) else { return };
        let traced = self.state.traced.borrow().get(&completion.id).copied();
        if traced.is_some() && completion.last {
            self.state.traced.borrow_mut().remove(&completion.id);
        }
        self.run_macrotask(|ctx| {
            if let Some(traced) = traced {
                if let Some(code) = completion.failure {
                    self.trace(ctx, "ioFailed", (traced.operation, code));
                }
                let done = completion.last
                    && match traced.next {
                        Next::Done => true,
                        Next::More => false,
                        Next::MoreIfOk => completion.failure.is_some(),
                    };
                let step = match &completion.detail {
                    Some(detail) => detail.as_str(),
                    None if traced.stepped => completion.step,
                    None => "",
                };
                self.trace(ctx, "ioTask", (traced.operation, step, done));
                self.state.current_operation.set(Some(traced.operation));
            }
            let args = (completion.deliver)(ctx)?;
            let called = callback.restore(ctx)?.call::<_, ()>((rquickjs::function::Rest(args),));
            self.state.current_operation.set(None);
            called
        })
    }

    /// A socket epoll found ready: each result of its I/O (a connection
    /// accepted, a chunk read, a write done…) is a macrotask. After 32 (as
    /// libuv's reads of one wake-up) the rest waits for the next turn, so
    /// that one busy socket cannot starve the others.
    fn serve(&self, id: u64) {
        for _ in 0..32 {
            if self.state.stopping() {
                return;
            }
            let Some((callback, event)) = self.state.io.net.step(id, || self.state.io.next_id()) else { return };
            self.run_macrotask(|ctx| {
                if self.state.tracing {
                    self.trace(ctx, "ioTask", (id, event.step(), false));
                }
                let args = event.into_args(ctx)?;
                callback.restore(ctx)?.call::<_, ()>((rquickjs::function::Rest(args),))
            });
        }
        self.state.io.net.defer(id);
    }

    /// A fatal signal while tracing: `trace.js` reports what was still
    /// pending, completes the trace and dies by the signal.
    fn interrupted(&self, signo: i32) {
        self.context.with(|ctx| self.trace(&ctx, "interrupt", (signo,)));
        os_signals::die_by(signo);
    }

    fn run_immediates(&self) {
        let batch = self.state.immediates.borrow_mut().take_batch();
        for id in batch.into_iter().take_while(|_| !self.state.stopping()) {
            // Skip those cleared by an earlier immediate of this batch.
            let immediate = self.state.immediates.borrow_mut().clear(id);
            if let Some(immediate) = immediate {
                self.call_host("immediate", |h| &h.run_immediate, Some(immediate));
            }
        }
    }

    /// The close phase: the callbacks of the handles closed so far, newest
    /// first (as libuv's list of closing handles); those closed meanwhile
    /// wait for the next turn.
    fn run_closing(&self) {
        let batch = std::mem::take(&mut *self.state.closing.borrow_mut());
        for callback in batch.into_iter().rev().take_while(|_| !self.state.stopping()) {
            self.run_macrotask(|ctx| {
                if self.state.tracing {
                    self.trace(ctx, "task", ("close", "close callback of a handle"));
                }
                callback.restore(ctx)?.call::<_, ()>(())
            });
        }
    }

    /// Runs one macrotask of kind `task` (for the tracer): a JavaScript hook
    /// given the Timeout or Immediate it is about (if any).
    fn call_host(
        &self,
        task: &str,
        hook: impl Fn(&Hooks) -> &Persistent<Function<'static>>,
        subject: Option<JsObject>,
    ) {
        self.run_macrotask(|ctx| {
            let hook = hook(self.state.hooks());
            match subject {
                Some(subject) => {
                    let subject = subject.restore(ctx)?;
                    if self.state.tracing {
                        self.trace(ctx, "task", (task, subject.clone()));
                    }
                    engine::call(ctx, hook, (subject,))
                }
                None => {
                    if self.state.tracing {
                        self.trace(ctx, "task", (task, "'beforeExit' event"));
                    }
                    engine::call(ctx, hook, ())
                }
            }
        })
    }

    /// A macrotask, then the microtask checkpoint; an exception escaping it
    /// is an uncaught exception.
    pub fn run_macrotask(&self, task: impl for<'js> FnOnce(&Ctx<'js>) -> rquickjs::Result<()>) {
        self.context.with(|ctx| {
            if task(&ctx).is_err() {
                report_exception(&ctx, &self.state);
            }
            if self.state.stopping() {
                return;
            }
            let tracing = self.state.tracing;
            if tracing {
                self.trace(&ctx, "checkpoint", ());
            }
            microtask_checkpoint(&ctx, &self.state);
            if tracing {
                self.trace(&ctx, "taskEnd", ());
            }
        })
    }

    /// A loop-level event for `trace.js` (only called when tracing).
    fn trace<'js>(&self, ctx: &Ctx<'js>, event: &str, args: impl IntoArgs<'js>) {
        self.state.trace(ctx, event, args);
    }

    fn exit_code(&self) -> i32 {
        if let Some(code) = self.state.exit_code.get() {
            return code;
        }
        if self.state.terminated.load(Ordering::Relaxed) {
            // As Node's: a terminated worker exits with 1.
            return 1;
        }
        self.context.with(|ctx| {
            let code: Option<i32> = engine::call(&ctx, &self.state.hooks().exit, (self.main_is_pending(&ctx),))
                .unwrap_or_else(|_| {
                    report_exception(&ctx, &self.state);
                    Some(1)
                });
            self.state.exit_code.get().or(code).unwrap_or(0)
        })
    }

    fn main_is_pending(&self, ctx: &Ctx<'_>) -> bool {
        let main = self.state.main_module.borrow().clone();
        main.and_then(|p| p.restore(ctx).ok()).is_some_and(|p| p.state() == rquickjs::promise::PromiseState::Pending)
    }
}

/// Serves the message ports of a wake-up in the order they were made (as
/// libuv walks its async handles), each keeping its place among the other
/// completions: a worker's exit stays after the messages it sent first.
fn ports_in_creation_order(woken: &mut [Wake]) {
    let is_port = |wake: &Wake| matches!(wake, Wake::Io(completion) if completion.chained);
    let slots: Vec<usize> = (0..woken.len()).filter(|&i| is_port(&woken[i])).collect();
    let mut order = slots.clone();
    order.sort_by_key(|&i| match &woken[i] {
        Wake::Io(completion) => completion.id,
        _ => 0,
    });
    // Apply the permutation `order` onto `slots` (a stable sort of the ports alone).
    let mut taken: Vec<Option<Wake>> =
        slots.iter().map(|&i| Some(std::mem::replace(&mut woken[i], Wake::Stop))).collect();
    for (slot, from) in slots.iter().zip(order) {
        let at = slots.binary_search(&from).expect("a port's slot");
        woken[*slot] = taken[at].take().expect("each port placed once");
    }
}

/// Node's `processTicksAndRejections`, run after every macrotask.
pub fn microtask_checkpoint(ctx: &Ctx<'_>, state: &State) {
    let hooks = state.hooks();
    loop {
        if state.tick_scheduled.take() {
            call_hook(ctx, state, &hooks.run_ticks);
        }
        while !state.stopping() && ctx.execute_pending_job() {}
        if state.stopping() {
            return;
        }
        if state.tick_scheduled.get() {
            continue;
        }
        if !state.rejection_to_warn.take() {
            break;
        }
        call_hook(ctx, state, &hooks.process_rejections);
    }
}

fn call_hook(ctx: &Ctx<'_>, state: &State, hook: &Persistent<Function<'static>>) {
    if engine::call::<_, ()>(ctx, hook, ()).is_err() {
        report_exception(ctx, state);
    }
}

/// An exception escaped to the host: Node's `triggerUncaughtException`.
/// `process.on('uncaughtException')` may handle it; otherwise the JavaScript
/// reporter prints it and exits with code 1.
pub fn report_exception(ctx: &Ctx<'_>, state: &State) {
    let error = ctx.catch();
    if state.stopping() {
        // process.exit() unwinding: not an error.
        return;
    }
    if state.memory_limited.get() && is_out_of_memory(&error) {
        // Its heap is full: nothing more runs (Node's ERR_WORKER_OUT_OF_MEMORY).
        state.out_of_memory.set(true);
        state.exit_code.set(Some(1));
        return;
    }
    let backtrace = engine::uncaught_backtrace(ctx);
    if let Some(signo) = os_signals::take_pending() {
        // The engine stopped busy JavaScript for a fatal signal (tracing).
        let _ = engine::call::<_, ()>(ctx, &state.hooks().trace_loop, ("interrupt", signo));
        os_signals::die_by(signo);
    }
    let handled = engine::call::<_, ()>(ctx, &state.hooks().fatal_exception, (error, "uncaughtException", backtrace));
    if handled.is_err() && state.stopping() {
        ctx.catch();
    } else if handled.is_err() {
        // The reporter itself failed (out of memory, say): as Node, exit 7.
        let inner = ctx.catch();
        let why = inner.as_object().and_then(|o| o.get::<_, crate::engine::text::Utf8>("message").ok());
        let why = why.map_or_else(|| "unknown".to_owned(), String::from);
        stdio::write_stderr(format!("tock: the uncaught exception could not be reported ({why})\n").as_bytes());
        stdio::exit(7);
    }
}

fn is_out_of_memory(error: &rquickjs::Value<'_>) -> bool {
    let text = |key: &str| error.as_object().and_then(|o| o.get::<_, Option<String>>(key).ok().flatten());
    text("name").as_deref() == Some("InternalError") && text("message").as_deref() == Some("out of memory")
}

/// Time as the loop sees it: whole milliseconds since start for timers (as
/// libuv), and finer readings for `performance.now()` and `process.hrtime()`.
pub struct Clock {
    start: Instant,
    origin_ms: f64,
    /// Milliseconds the loop clock runs ahead of real time (see `run`).
    skipped_ms: std::cell::Cell<u64>,
}

impl Default for Clock {
    fn default() -> Self {
        Clock::new()
    }
}

impl Clock {
    pub fn new() -> Self {
        let origin_ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1e3).unwrap_or(0.0);
        Clock { start: Instant::now(), origin_ms, skipped_ms: std::cell::Cell::new(0) }
    }

    pub fn now_ms(&self) -> u64 {
        self.start.elapsed().as_millis() as u64 + self.skipped_ms.get()
    }

    /// Moves the loop clock ahead, as if that much time had passed.
    pub fn skip_ms(&self, ms: u64) {
        self.skipped_ms.set(self.skipped_ms.get() + ms);
    }

    pub fn elapsed_ms(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1e3
    }

    pub fn time_origin_ms(&self) -> f64 {
        self.origin_ms
    }

    /// A monotonic reading for `process.hrtime()` (its epoch is arbitrary).
    pub fn monotonic(&self) -> Duration {
        self.start.elapsed()
    }
}

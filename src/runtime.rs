//! One runtime: the engine configured as Node would run a program, the
//! loop's and the loader's state, the natives and embedded JavaScript
//! installed, then the main program and the loop. Everything a runtime owns
//! is reached from here; `run` returns the exit code.

use std::rc::Rc;

use rquickjs::promise::PromiseHookType;
use rquickjs::{Context, Ctx, Runtime, Value};

use crate::cli::{Entry, Options};
use crate::event_loop::{self, EventLoop};
use crate::host::{self, Host};
use crate::modules::{self, Loader};
use crate::{engine, os, worker};

/// The engine and its context (the runtime must outlive the context).
struct Engine {
    _runtime: Runtime,
    context: Context,
}

/// Runs the program the options name until nothing keeps it alive;
/// returns its exit code, or why the engine could not start.
pub fn run(options: Options) -> Result<i32, String> {
    run_with(options, None)
}

/// Runs a worker's program on its own thread (src/worker.rs): a runtime
/// like the main one, whose end is the worker's.
pub fn run_worker(options: Options, worker: worker::Context) -> Result<i32, String> {
    run_with(options, Some(worker))
}

/// Why a worker ended when its heap limit was reached.
pub const OUT_OF_MEMORY: &str = "ERR_WORKER_OUT_OF_MEMORY";

fn run_with(options: Options, worker: Option<worker::Context>) -> Result<i32, String> {
    let tracing = options.trace.is_some();
    let terminated = worker.as_ref().map(|w| w.control.terminated.clone()).unwrap_or_default();
    let state = event_loop::State::new(tracing, terminated).map_err(|e| crate::os::errno::describe(&e).0.to_owned())?;
    if let Some(worker) = &worker {
        worker.control.attach(state.io.waker());
        state.is_worker.set(true);
        state.memory_limited.set(worker.heap_limit_mb.is_some());
    }
    let loader = Loader::new(tracing, options.test262.as_ref().is_some_and(|t| t.module));
    let host = Host::new(options, state.clone(), loader, worker, run_worker);
    let engine = start(&host)?;
    let event_loop = EventLoop::new(engine.context.clone(), state);
    run_entry(&event_loop, &host);
    let code = event_loop.run();
    // Its ports close with it: their other ends (another thread's) hear it.
    host.messaging.close_all();
    let outcome = if host.event_loop.out_of_memory.get() { Err(OUT_OF_MEMORY.to_owned()) } else { Ok(code) };
    if let Some(worker) = &host.worker {
        // The parent hears of the end now, not after the engine's teardown.
        worker.exited.report(outcome.clone());
    }
    outcome
}

fn start(host: &Rc<Host>) -> Result<Engine, String> {
    let runtime = Runtime::new().map_err(|e| e.to_string())?;
    // Node allows ~11k frames of a simple recursive function; QuickJS
    // frames are larger, so give it room on the 8 MiB main stack.
    runtime.set_max_stack_size(4 * 1024 * 1024);
    runtime.set_gc_threshold(64 * 1024 * 1024);
    if let Some(mb) = host.worker.as_ref().and_then(|w| w.heap_limit_mb) {
        runtime.set_memory_limit((mb * 1048576.0) as usize);
    }
    runtime.set_loader(
        modules::esm::EsmResolver { loader: host.loader.clone() },
        modules::esm::EsmLoader { loader: host.loader.clone() },
    );
    let state = host.event_loop.clone();
    runtime.set_host_promise_rejection_tracker(Some(Box::new(move |ctx, promise, reason, handled| {
        track_rejection(&ctx, &state, promise, reason, handled)
    })));
    if host.options.trace.is_some() {
        // Fulfilment of a promise some traced await waits on.
        let watcher = host.clone();
        runtime.set_promise_hook(Some(Box::new(move |ctx, kind, promise, _| {
            if kind != PromiseHookType::Resolve || !promise.is_object() {
                return;
            }
            let watched = watcher.trace_watched.borrow_mut().remove(&host::trace::address(&promise));
            if let Some((_, site)) = watched
                && engine::call::<_, ()>(&ctx, &watcher.event_loop.hooks().trace_loop, ("settle", site)).is_err()
            {
                ctx.catch();
            }
        })));
    }
    // JavaScript busy when it must stop: a fatal signal while tracing (so
    // the trace can be completed), or the worker's terminate().
    let terminated = host.event_loop.terminated.clone();
    let tracing = host.options.trace.is_some();
    if tracing || host.worker.is_some() {
        runtime.set_interrupt_handler(Some(Box::new(move || {
            terminated.load(std::sync::atomic::Ordering::Relaxed) || (tracing && os::signals::interrupting())
        })));
    }
    let context = Context::full(&runtime).map_err(|e| e.to_string())?;
    context.with(|ctx| {
        engine::clone::install(&ctx);
        host::install(&ctx, host).map_err(|e| engine::describe(&ctx, e))
    })?;
    Ok(Engine { _runtime: runtime, context })
}

/// QuickJS reports each rejection without a handler, and each handler added
/// later; `process.js` keeps Node's bookkeeping of them.
fn track_rejection<'js>(
    ctx: &Ctx<'js>,
    state: &event_loop::State,
    promise: Value<'js>,
    reason: Value<'js>,
    handled: bool,
) {
    state.rejection_to_warn.set(true);
    if let Some(hooks) = state.hooks.get()
        && engine::call::<_, ()>(ctx, &hooks.reject_tracker, (promise, reason, handled)).is_err()
    {
        ctx.catch();
    }
}

/// The first macrotask: the main program (a file, or `-e` / `-p` code).
fn run_entry(event_loop: &EventLoop, host: &Host) {
    event_loop.run_macrotask(|ctx| {
        let hooks = host.entry();
        if host.event_loop.tracing {
            let label = match &host.options.entry {
                Entry::File(path) => {
                    let name = std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned());
                    format!("main script {}", name.unwrap_or_default())
                }
                Entry::Eval { .. } => "[eval] script".to_owned(),
            };
            host.event_loop.trace(ctx, "task", ("main", label));
        }
        match (&host.options.entry, &host.options.test262) {
            (Entry::File(path), Some(test)) => {
                engine::call(ctx, &hooks.run_test262, (path.as_str(), test.preludes.clone(), test.strict, test.module))?
            }
            (Entry::File(path), None) => engine::call(ctx, &hooks.run_main, (path.as_str(),))?,
            (Entry::Eval { code, print }, _) => engine::call(ctx, &hooks.eval_script, (code.as_str(), *print))?,
        }
        if host.event_loop.main_module.borrow().is_some() {
            // Node evaluates an ES module inside a promise job, so its
            // microtasks run before any nextTick it queued.
            while !host.event_loop.stopping() && ctx.execute_pending_job() {}
        }
        Ok(())
    })
}

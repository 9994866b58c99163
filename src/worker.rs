//! Workers: each a thread of its own running a runtime of its own — its
//! own engine, its own event loop with the same phases — that shares
//! nothing with its parent but message ports (and SharedArrayBuffers).
//! The parent learns of the worker's end through an I/O completion of its
//! own loop, after every message the worker posted.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::cli::Options;
use crate::engine::clone::Cloned;
use crate::event_loop::Wake;
use crate::event_loop::io::{Completer, WakeSender};
use crate::event_loop::ports::{Endpoint, Message};

/// What a worker is started with.
pub struct Spec {
    pub thread_id: u64,
    pub name: String,
    /// The environment it starts with; `None`: the process's, shared.
    pub env: Option<Vec<(String, String)>>,
    /// `workerData`, with the ports transferred along.
    pub data: Message,
    /// The parent's `setEnvironmentData` values (a Map).
    pub environment_data: Cloned,
    /// `resourceLimits`: maxYoungGenerationSizeMb, maxOldGenerationSizeMb,
    /// codeRangeSizeMb, stackSizeMb.
    pub resource_limits: [f64; 4],
    /// The worker's ends of its two channels: `parentPort`'s, and the one
    /// its runtime reports on (online, output, an uncaught error).
    pub public: Endpoint,
    pub internal: Endpoint,
    pub control: Arc<Control>,
}

/// Shared by a worker and its parent: how the parent stops it.
#[derive(Default)]
pub struct Control {
    pub terminated: Arc<AtomicBool>,
    /// The worker's loop, once it has one: woken to notice the stop.
    wake: Mutex<Option<WakeSender>>,
}

impl Control {
    /// `worker.terminate()`: running JavaScript is interrupted and the loop stops.
    pub fn terminate(&self) {
        self.terminated.store(true, Ordering::SeqCst);
        if let Some(wake) = self.wake.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            wake.send(Wake::Stop);
        }
    }

    /// The worker's loop exists: a terminate from now on wakes it.
    pub fn attach(&self, wake: WakeSender) {
        *self.wake.lock().unwrap_or_else(|e| e.into_inner()) = Some(wake);
        if self.terminated.load(Ordering::SeqCst) {
            self.terminate();
        }
    }
}

/// The worker's side of its spec, taken by its runtime's natives.
pub struct Context {
    pub spec: Mutex<Option<Spec>>,
    pub thread_id: u64,
    /// The heap limit `resourceLimits` sets (young + old generation), if any.
    pub heap_limit_mb: Option<f64>,
    /// The environment it starts with; `None`: the process's, shared.
    pub env: Option<Vec<(String, String)>>,
    pub control: Arc<Control>,
    pub exited: Exited,
}

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

/// The next `threadId` (the main thread's is 0).
pub fn next_thread_id() -> u64 {
    NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed)
}

/// How a runtime is run on a worker's thread (`runtime::run_worker`, which
/// the host is given: the runtime sits above the natives that start workers).
pub type Run = fn(Options, Context) -> Result<i32, String>;

/// Starts the worker's thread running `options`' program with `run`;
/// `exited` gets its exit code when its runtime has ended (its ports
/// closed), or why it could not start.
pub fn spawn(run: Run, options: Options, spec: Spec, exited: Completer) -> std::io::Result<()> {
    let stack_mb = if spec.resource_limits[3] > 0.0 { spec.resource_limits[3] } else { 4.0 };
    let name = format!("tock-worker-{}", spec.thread_id);
    std::thread::Builder::new().name(name).stack_size(((stack_mb + 4.0) * 1048576.0) as usize).spawn(move || {
        let mut spec = spec;
        let [young, old, _, _] = spec.resource_limits;
        let exited = Exited(Arc::new(Mutex::new(Some(exited))));
        let context = Context {
            thread_id: spec.thread_id,
            heap_limit_mb: (old > 0.0).then(|| old + young.max(0.0)),
            env: spec.env.take(),
            control: spec.control.clone(),
            exited: exited.clone(),
            spec: Mutex::new(None),
        };
        *context.spec.lock().unwrap_or_else(|e| e.into_inner()) = Some(spec);
        let terminated = context.control.terminated.clone();
        // Terminated before its program could start: not a failure.
        let outcome = match run(options, context) {
            Err(_) if terminated.load(Ordering::SeqCst) => Ok(1),
            outcome => outcome,
        };
        // If the runtime did not report its end (it could not start).
        exited.report(outcome);
    })?;
    Ok(())
}

/// Where a worker's end is reported to its parent, once: by its runtime as
/// soon as its loop ends (before the engine is torn down), or by its thread.
#[derive(Clone)]
pub struct Exited(Arc<Mutex<Option<Completer>>>);

impl Exited {
    /// The exit code, or why the worker failed (`runtime::OUT_OF_MEMORY`, …).
    pub fn report(&self, outcome: Result<i32, String>) {
        let Some(exited) = self.0.lock().unwrap_or_else(|e| e.into_inner()).take() else { return };
        exited.send(
            true,
            Box::new(move |ctx| {
                use rquickjs::IntoJs;
                Ok(match outcome {
                    Ok(code) => vec![code.into_js(ctx)?],
                    Err(why) => vec![1.into_js(ctx)?, why.into_js(ctx)?],
                })
            }),
        );
    }
}

//! The engine glue: one QuickJS-ng runtime and context, configured as Node
//! would run a program (sloppy scripts, ES modules through our loader,
//! promise rejections tracked), with the host installed.

pub mod text;

use std::rc::Rc;

use rquickjs::function::IntoArgs;
use rquickjs::{Context, Ctx, FromJs, Function, Object, Persistent, Result, Runtime, Value, qjs};

use crate::host::{self, Host};

pub struct Engine {
    // The runtime must outlive the context; both are never dropped (the
    // process exits straight from the loop, as Node does).
    _runtime: Runtime,
    pub context: Context,
}

impl Engine {
    pub fn new(host: &Rc<Host>) -> std::result::Result<Engine, String> {
        Self::start(host).map_err(|e| e.to_string())
    }

    fn start(host: &Rc<Host>) -> std::result::Result<Engine, String> {
        let runtime = Runtime::new().map_err(|e| e.to_string())?;
        // Node allows ~11k frames of a simple recursive function; QuickJS
        // frames are larger, so give it room on the 8 MiB main stack.
        runtime.set_max_stack_size(4 * 1024 * 1024);
        runtime.set_gc_threshold(64 * 1024 * 1024);
        runtime.set_loader(
            crate::modules::esm::EsmResolver { host: host.clone() },
            crate::modules::esm::EsmLoader { host: host.clone() },
        );
        let tracker_host = host.clone();
        runtime.set_host_promise_rejection_tracker(Some(Box::new(move |ctx, promise, reason, handled| {
            track_rejection(&ctx, &tracker_host, promise, reason, handled)
        })));
        if host.options.trace.is_some() {
            // Fulfilment of a promise some traced await waits on.
            let watcher = host.clone();
            runtime.set_promise_hook(Some(Box::new(move |ctx, kind, promise, _| {
                if kind != rquickjs::promise::PromiseHookType::Resolve || !promise.is_object() {
                    return;
                }
                let watched = watcher.trace_watched.borrow_mut().remove(&host::trace::address(&promise));
                if let Some((_, site)) = watched
                    && call::<_, ()>(&ctx, &watcher.hooks().trace_loop, ("settle", site)).is_err()
                {
                    ctx.catch();
                }
            })));
            // A fatal signal while JavaScript is busy: stop it so the trace
            // can be completed.
            runtime.set_interrupt_handler(Some(Box::new(host::signals::interrupting)));
        }
        let context = Context::full(&runtime).map_err(|e| e.to_string())?;
        context.with(|ctx| host::install(&ctx, host).map_err(|e| describe(&ctx, e)))?;
        Ok(Engine { _runtime: runtime, context })
    }
}

/// An error from the engine, with the message and stack of a JavaScript
/// exception (a bug in tock's own JavaScript, at start-up).
fn describe(ctx: &Ctx<'_>, error: rquickjs::Error) -> String {
    if !matches!(error, rquickjs::Error::Exception) {
        return error.to_string();
    }
    let exception = ctx.catch();
    let text = |key: &str| exception.as_object().and_then(|o| o.get::<_, Option<text::Utf8>>(key).ok().flatten());
    match (text("message"), text("stack")) {
        (Some(message), Some(stack)) => format!("{}\n{}", &*message, &*stack),
        (Some(message), None) => message.0,
        _ => format!("{exception:?}"),
    }
}

/// QuickJS reports each rejection without a handler, and each handler added
/// later; `process.js` keeps Node's bookkeeping of them.
fn track_rejection<'js>(ctx: &Ctx<'js>, host: &Host, promise: Value<'js>, reason: Value<'js>, handled: bool) {
    host.rejection_to_warn.set(true);
    if let Some(hooks) = host.hooks.get()
        && call::<_, ()>(ctx, &hooks.reject_tracker, (promise, reason, handled)).is_err()
    {
        ctx.catch();
    }
}

/// The stack where the exception just caught was thrown, as
/// `Error.prepareStackTrace` formats it: QuickJS-ng records it for any thrown
/// value, so the report of `throw null` can show its line too.
pub fn uncaught_backtrace<'js>(ctx: &Ctx<'js>) -> Value<'js> {
    let mut raw = qjs::JS_UNDEFINED;
    // SAFETY: command 2 moves the context's recorded backtrace (a new
    // reference, or undefined) into `raw`; the `Value` owns it.
    unsafe {
        qjs::js_std_cmd(2, ctx.as_raw().as_ptr(), &mut raw as *mut qjs::JSValue);
        Value::from_raw(ctx.clone(), raw)
    }
}

/// A registered JavaScript hook, usable in `ctx`.
pub fn hook<'js>(ctx: &Ctx<'js>, hook: &Persistent<Function<'static>>) -> Result<Function<'js>> {
    hook.clone().restore(ctx)
}

/// Calls a registered JavaScript hook.
pub fn call<'js, A, R>(ctx: &Ctx<'js>, hook: &Persistent<Function<'static>>, args: A) -> Result<R>
where
    A: IntoArgs<'js>,
    R: FromJs<'js>,
{
    self::hook(ctx, hook)?.call(args)
}

/// The exports object of the built-in `node:name`, if there is one.
pub fn builtin_exports<'js>(ctx: &Ctx<'js>, host: &Host, name: &str) -> Result<Option<Object<'js>>> {
    let exports: Value = call(ctx, &host.hooks().builtin, (name,))?;
    Ok(exports.into_object())
}

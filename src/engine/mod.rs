//! The engine glue: what tock adds around QuickJS-ng's API — calling the
//! registered JavaScript hooks, the backtrace of an uncaught exception,
//! describing start-up failures, and string conversion (`text`). How the
//! runtime is configured is `src/runtime.rs`.

pub mod clone;
pub mod text;

use rquickjs::function::IntoArgs;
use rquickjs::{Ctx, FromJs, Function, Persistent, Result, Value, qjs};

/// An error from the engine, with the message and stack of a JavaScript
/// exception (a bug in tock's own JavaScript, at start-up).
pub fn describe(ctx: &Ctx<'_>, error: rquickjs::Error) -> String {
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

/// Throws an exception no `catch` or `finally` can stop: JavaScript unwinds
/// to the host (how `process.exit()` ends a runtime without ending the
/// process).
pub fn throw_uncatchable(ctx: &Ctx<'_>, message: &str) -> rquickjs::Error {
    let error = rquickjs::Exception::from_message(ctx.clone(), message).map(|e| e.into_value());
    match error {
        Ok(error) => {
            // SAFETY: `error` is a live object of this context; the call
            // only sets its uncatchable flag.
            unsafe { qjs::JS_SetUncatchableError(ctx.as_raw().as_ptr(), error.as_raw()) };
            ctx.throw(error)
        }
        Err(e) => e,
    }
}

//! The host interface test262 expects (`INTERPRETING.md`): `print` and
//! `$262`, installed only with `--test262-host`. `createRealm` makes a new
//! QuickJS context in the same runtime, with its own `$262`.

use std::ptr::NonNull;

use rquickjs::context::EvalOptions;
use rquickjs::{ArrayBuffer, Coerced, Ctx, Exception, Function, Object, Result, Value, qjs};

use crate::os::stdio;

/// Defines `print` and `$262` on the global object of `ctx`; returns `$262`.
pub fn install<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let global = ctx.globals();
    global.set(
        "print",
        Function::new(ctx.clone(), |text: Coerced<rquickjs::String<'js>>| -> Result<()> {
            let text = crate::engine::text::to_utf8(&text.0)?;
            stdio::write_stdout(format!("{text}\n").as_bytes());
            Ok(())
        })?,
    )?;
    let host = Object::new(ctx.clone())?;
    host.set("global", global.clone())?;
    host.set("gc", Function::new(ctx.clone(), |ctx: Ctx<'_>| ctx.run_gc())?)?;
    // A native function runs in its own realm: this evaluates in `ctx`'s global scope.
    host.set(
        "evalScript",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, source: crate::engine::text::Utf8| -> Result<Value<'js>> {
            let mut options = EvalOptions::default();
            options.strict = false;
            ctx.eval_with_options(source.0, options)
        })?,
    )?;
    host.set(
        "detachArrayBuffer",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, buffer: Value<'js>| -> Result<()> {
            let mut buffer = ArrayBuffer::from_value(buffer)
                .ok_or_else(|| Exception::throw_type(&ctx, "detachArrayBuffer: not an ArrayBuffer"))?;
            buffer.detach();
            Ok(())
        })?,
    )?;
    host.set("createRealm", Function::new(ctx.clone(), create_realm)?)?;
    global.set("$262", host.clone())?;
    Ok(host)
}

/// `$262.createRealm()`: a fresh global environment; returns its `$262`.
fn create_realm<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    // SAFETY: the new context belongs to the runtime we are running in (its
    // lock is held); it is never freed, as the process exits without teardown.
    let realm: Ctx<'js> = unsafe {
        let raw = qjs::JS_NewContext(qjs::JS_GetRuntime(ctx.as_raw().as_ptr()));
        let raw = NonNull::new(raw).ok_or_else(|| Exception::throw_internal(&ctx, "cannot create a realm"))?;
        Ctx::from_raw(raw)
    };
    install(&realm)
}

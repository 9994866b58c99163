//! Natives behind `trace.js`: the trace options, the instrumented sites, and
//! where the trace is written.

use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Result, Value};

use super::Host;
use crate::engine::text::Utf8;
use crate::modules::esm as modules;
use crate::os::stdio;
use crate::trace::instrument::SiteKind;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "trace")?;
    let Some(trace) = &host.options.trace else {
        return native.set("options", Value::new_undefined(ctx.clone()));
    };
    let options = Object::new(ctx.clone())?;
    options.set("format", trace.format.map(|f| f.as_str()))?;
    options.set("out", trace.out.clone())?;
    options.set("diagnose", trace.diagnose)?;
    options.set("blockThresholdMs", trace.block_threshold_ms)?;
    native.set("options", options)?;
    native.set("viewer", include_str!("../js/trace-viewer.html"))?;

    // [file, line, column, function, kind] of an instrumented site.
    let h = host.clone();
    native.set(
        "site",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: usize| -> Result<Value<'js>> {
            let sites = h.loader.trace_sites.borrow();
            let Some((file, site)) = sites.get(id) else {
                return Ok(Value::new_undefined(ctx));
            };
            let kind = match site.kind {
                SiteKind::Await => "await",
                SiteKind::AsyncFunction => "async function",
            };
            let out = rquickjs::Array::new(ctx.clone())?;
            out.set(0, file.as_ref())?;
            out.set(1, site.line)?;
            out.set(2, site.column)?;
            out.set(3, site.function.as_str())?;
            out.set(4, kind)?;
            // The await before it that it does not depend on (-1: none).
            let sequential = h.loader.trace_sequential.borrow();
            let previous =
                sequential.iter().find(|(_, second)| *second as usize == id).map_or(-1, |(first, _)| *first as i64);
            out.set(5, previous)?;
            Ok(out.into_value())
        })?,
    )?;
    // Report when this pending promise, awaited at `site`, is fulfilled.
    let h = host.clone();
    native.set(
        "watch",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, promise: Object<'js>, site: u32| {
            let key = address(promise.as_value());
            h.trace_watched.borrow_mut().insert(key, (rquickjs::Persistent::save(&ctx, promise), site));
        })?,
    )?;
    native.set(
        "open",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, path: Utf8| -> Result<()> {
            stdio::open_trace_file(&path).map_err(|e| {
                modules::throw_coded(
                    &ctx,
                    &format!("{}, open '{path}'", crate::os::errno::text(&e)),
                    crate::os::errno::describe(&e).0,
                )
            })
        })?,
    )?;
    native.set(
        "write",
        Function::new(ctx.clone(), |text: Utf8| -> Result<()> {
            stdio::write_trace(text.as_bytes());
            Ok(())
        })?,
    )?;
    Ok(())
}

/// The identity of an object value, as QuickJS's promise hook reports it.
pub fn address(value: &Value<'_>) -> usize {
    // SAFETY: only called on objects, whose JSValue holds a pointer.
    unsafe { value.as_raw().u.ptr as usize }
}

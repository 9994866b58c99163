//! Natives behind `timers.js`: the timer heap, the immediate queue and the
//! nextTick flag all live in Rust so the loop can see them without calling
//! into JavaScript. When tracing, scheduling and clearing are reported to
//! the tracer from here, and the loop reports each timer and immediate it
//! runs: timers.js never calls the tracer.

use std::rc::Rc;

use rquickjs::{Ctx, FromJs, Function, Object, Persistent, Result, Value};

use super::Host;

/// A timer or immediate id from JavaScript; anything else a program passes
/// (`clearTimeout(-1)`, a Timeout method called on another object) is no
/// id at all, and the call does nothing, as in Node.
struct Id(Option<u32>);

impl<'js> FromJs<'js> for Id {
    fn from_js(_: &Ctx<'js>, value: Value<'js>) -> Result<Self> {
        let id = value.as_number().filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n));
        Ok(Id(id.map(|n| n as u32)))
    }
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "timers")?;
    let h = host.clone();
    native.set(
        "start",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, timer: Object<'js>, msecs: f64, repeat: bool| {
            let now = h.event_loop.clock.now_ms();
            let id = h.event_loop.timers.borrow_mut().start(
                Persistent::save(&ctx, timer.clone()),
                msecs as u64,
                repeat,
                now,
            );
            if h.event_loop.tracing {
                let what = if repeat { "interval" } else { "timer" };
                h.event_loop.trace(&ctx, "schedule", (what, id, msecs, timer));
            }
            id
        })?,
    )?;
    let h = host.clone();
    native.set(
        "clear",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: Id| {
            let cleared = id.0.is_some_and(|id| h.event_loop.timers.borrow_mut().clear(id));
            if cleared && h.event_loop.tracing {
                h.event_loop.trace(&ctx, "clear", ("timer", id.0));
            }
        })?,
    )?;
    let h = host.clone();
    native.set(
        "refresh",
        Function::new(ctx.clone(), move |id: Id| {
            let now = h.event_loop.clock.now_ms();
            id.0.is_some_and(|id| h.event_loop.timers.borrow_mut().refresh(id, now))
        })?,
    )?;
    let h = host.clone();
    native.set(
        "object",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: Id| -> Result<Option<Object<'js>>> {
            let timer = id.0.and_then(|id| h.event_loop.timers.borrow().payload(id).cloned());
            timer.map(|t| t.restore(&ctx)).transpose()
        })?,
    )?;
    let h = host.clone();
    native.set(
        "ref",
        Function::new(ctx.clone(), move |id: Id, refed: bool| {
            if let Some(id) = id.0 {
                h.event_loop.timers.borrow_mut().set_ref(id, refed);
            }
        })?,
    )?;
    let h = host.clone();
    native.set(
        "immediateStart",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, immediate: Object<'js>| {
            let id = h.event_loop.immediates.borrow_mut().push(Persistent::save(&ctx, immediate.clone()));
            if h.event_loop.tracing {
                h.event_loop.trace(&ctx, "schedule", ("immediate", id, rquickjs::Undefined, immediate));
            }
            id
        })?,
    )?;
    let h = host.clone();
    native.set(
        "immediateClear",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: Id| {
            let cleared = id.0.and_then(|id| h.event_loop.immediates.borrow_mut().clear(id)).is_some();
            if cleared && h.event_loop.tracing {
                h.event_loop.trace(&ctx, "clear", ("immediate", id.0));
            }
        })?,
    )?;
    let h = host.clone();
    native.set(
        "immediateRef",
        Function::new(ctx.clone(), move |id: Id, refed: bool| {
            if let Some(id) = id.0 {
                h.event_loop.immediates.borrow_mut().set_ref(id, refed);
            }
        })?,
    )?;
    // What keeps the loop alive: referenced Timeouts, then Immediates.
    let h = host.clone();
    native.set(
        "liveHandles",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<Vec<Object<'js>>> {
            let timers: Vec<_> = h.event_loop.timers.borrow().referenced().into_iter().cloned().collect();
            let immediates: Vec<_> = h.event_loop.immediates.borrow().referenced().cloned().collect();
            timers.into_iter().chain(immediates).map(|handle| handle.restore(&ctx)).collect()
        })?,
    )?;
    let h = host.clone();
    native.set("scheduleTicks", Function::new(ctx.clone(), move || h.event_loop.tick_scheduled.set(true))?)?;
    Ok(())
}

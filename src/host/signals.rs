//! The natives of signals: `process.on('SIGTERM', …)` watches a signal on
//! the I/O thread, each delivery coming back as a completion (an unref'd
//! operation: watching alone keeps no process alive). A signal without
//! listeners takes its default action (src/os/signals.rs).

use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result};
use tokio::signal::unix::{SignalKind, signal};

use super::Host;
use crate::event_loop::io::Io;
use crate::os::signals;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "signals")?;
    let h = host.clone();
    native.set(
        "watch",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, signo: i32, callback: Function<'js>| -> Result<bool> {
            let Ok(mut watcher) = watch(&h.event_loop.io, signo) else { return Ok(false) };
            let completer = h.event_loop.io.start(Persistent::save(&ctx, callback));
            h.event_loop.io.set_ref(completer.id(), false);
            h.event_loop.io.spawn(async move {
                while watcher.recv().await.is_some() {
                    signals::claim(signo);
                    completer.send(false, Box::new(move |ctx| Ok(vec![signo.into_js(ctx)?])));
                }
            });
            Ok(true)
        })?,
    )?;
    native.set("listened", Function::new(ctx.clone(), signals::set_listened)?)?;
    native.set("toDefault", Function::new(ctx.clone(), signals::die_by)?)?;
    Ok(())
}

fn watch(io: &Io, signo: i32) -> std::io::Result<tokio::signal::unix::Signal> {
    let _runtime = io.enter();
    signal(SignalKind::from_raw(signo))
}

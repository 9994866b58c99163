//! Natives behind `process.on('SIGINT', …)`: a signal with listeners is
//! watched on the I/O thread and each delivery comes back as a completion
//! (an unref'd operation: watching alone keeps no process alive, as in Node).

use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result};
use tokio::signal::unix::{SignalKind, signal};

use super::Host;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let h = host.clone();
    native.set(
        "signalWatch",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, signo: i32, callback: Function<'js>| -> Result<bool> {
            let watcher = {
                let _runtime = h.io.enter();
                signal(SignalKind::from_raw(signo))
            };
            let Ok(mut watcher) = watcher else { return Ok(false) };
            let completer = h.io.start(Persistent::save(&ctx, callback));
            h.io.set_ref(completer.id(), false);
            h.io.spawn(async move {
                while watcher.recv().await.is_some() {
                    completer.send(false, Box::new(move |ctx| Ok(vec![signo.into_js(ctx)?])));
                }
            });
            Ok(true)
        })?,
    )?;
    native.set(
        "signalDefault",
        Function::new(ctx.clone(), |signo: i32| {
            super::stdio::flush();
            // SAFETY: restores the default action and raises the signal: the
            // process ends as if it had never handled it.
            unsafe {
                libc::signal(signo, libc::SIG_DFL);
                libc::raise(signo);
            }
        })?,
    )?;
    Ok(())
}

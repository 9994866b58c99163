//! The close phase's queue: a handle that closes (a child's stdout, later a
//! socket or a server) hands its close callback to the loop, which runs it
//! in the turn's last phase, after the immediates — as libuv runs the
//! callbacks of `uv_close`, newest first.

use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Persistent, Result};

use super::Host;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "handles")?;
    let h = host.clone();
    native.set(
        "closeCallback",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, callback: Function<'js>| {
            h.event_loop.closing.borrow_mut().push(Persistent::save(&ctx, callback));
        })?,
    )?;
    Ok(())
}

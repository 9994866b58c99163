//! Natives of `process.stdin` when it is a pipe or a socket: read through
//! the stream base (readiness on the reactor, read start / stop), as Node
//! reads such a stdin — not on the file pool, where a waiting read would hold
//! one of its threads. A file or a terminal stays an fs stream.

use std::cell::RefCell;
use std::os::fd::FromRawFd;
use std::rc::Rc;
use std::sync::Arc;

use rquickjs::{Ctx, Function, IntoJs, Object, Result};

use super::Host;
use crate::event_loop::Request;
use crate::event_loop::stream::{self, ReadFlow};
use crate::os::stdio;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "stdin")?;
    let flow: Rc<RefCell<Option<Arc<ReadFlow>>>> = Rc::default();
    let (h, opened) = (host.clone(), flow.clone());
    native.set(
        "open",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, callback: Function<'js>| -> Result<Option<f64>> {
            if stdio::handle_type(0) != "PIPE" {
                return Ok(None);
            }
            // Our own descriptor for the same pipe (fd 0 stays for fs calls).
            // SAFETY: dup(2) of fd 0; the new descriptor is owned from here on.
            let fd = unsafe { libc::dup(0) };
            if fd < 0 {
                return Ok(None);
            }
            // SAFETY: `fd` was just made and nothing else owns it.
            let file = unsafe { std::fs::File::from_raw_fd(fd) };
            let reader = {
                let _runtime = h.event_loop.io.enter();
                tokio::net::unix::pipe::Receiver::from_file(file)
            };
            let Ok(reader) = reader else { return Ok(None) };
            let completer = h.event_loop.start_io(&ctx, callback, Request::Untraced);
            let flow = ReadFlow::paused();
            *opened.borrow_mut() = Some(flow.clone());
            let id = completer.id();
            h.event_loop.io.spawn(async move {
                stream::read_chunks(&completer, reader, "data", flow).await;
                completer.send(true, Box::new(|ctx| Ok(vec!["end".into_js(ctx)?])));
            });
            Ok(Some(id as f64))
        })?,
    )?;
    // Read start (true) / stop (false) / close (null).
    native.set(
        "read",
        Function::new(ctx.clone(), move |reading: Option<bool>| {
            if let Some(flow) = flow.borrow().as_ref() {
                match reading {
                    Some(reading) => flow.set_reading(reading),
                    None => flow.close(),
                }
            }
        })?,
    )?;
    Ok(())
}

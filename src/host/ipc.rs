//! Natives behind `ipc.js`: the channel between a parent and a child made
//! by `child_process.fork` — a Unix socket pair; the child finds its end at
//! `NODE_CHANNEL_FD`, as a Node child does. Reads come back as completions
//! (`data` chunks, then `end`); writes go through a queue to a writer task,
//! each an operation of its own that keeps the process alive until written
//! (a child that sends and exits at once must not lose its message).

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::{FromRawFd, IntoRawFd};
use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result, TypedArray};
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::Host;
use crate::event_loop::io::{Completer, ReadFlow};
use crate::os::stdio;

/// Open channels: the writer queue and the descriptor (to shut it down).
type Channels = Rc<RefCell<HashMap<u64, (UnboundedSender<(Vec<u8>, Completer)>, i32)>>>;

/// A socket pair for a child about to be forked: (our end, the child's end).
pub fn socket_pair() -> std::io::Result<(i32, i32)> {
    let (ours, theirs) = std::os::unix::net::UnixStream::pair()?;
    Ok((ours.into_raw_fd(), theirs.into_raw_fd()))
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let channels: Channels = Rc::default();
    let (h, open) = (host.clone(), channels.clone());
    native.set(
        "ipcOpen",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, fd: i32, callback: Function<'js>| -> Result<Option<f64>> {
            // SAFETY: the descriptor is a socket handed to this channel, owned from here on.
            let socket = unsafe { std::os::unix::net::UnixStream::from_raw_fd(fd) };
            let stream = socket.set_nonblocking(true).and_then(|_| {
                let _runtime = h.event_loop.io.enter();
                tokio::net::UnixStream::from_std(socket)
            });
            let Ok(stream) = stream else { return Ok(None) };
            let (reader, mut writer) = stream.into_split();
            let completer = h.event_loop.io.start(Persistent::save(&ctx, callback));
            let (queue, mut outgoing) = unbounded_channel::<(Vec<u8>, Completer)>();
            open.borrow_mut().insert(completer.id(), (queue, fd));
            h.event_loop.io.spawn(async move {
                while let Some((bytes, written)) = outgoing.recv().await {
                    let failed = writer.write_all(&bytes).await.is_err();
                    written.send(true, Box::new(move |ctx| Ok(vec![failed.into_js(ctx)?])));
                }
            });
            let id = completer.id();
            h.event_loop.io.spawn(async move {
                completer.send_chunks(reader, "data", ReadFlow::new()).await;
                completer.send(true, Box::new(|ctx| Ok(vec!["end".into_js(ctx)?])));
            });
            Ok(Some(id as f64))
        })?,
    )?;
    let (h, open) = (host.clone(), channels.clone());
    native.set(
        "ipcSend",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: f64, bytes: TypedArray<'js, u8>, done: Function<'js>| {
            // What we printed happened before the message: the other process may print next.
            stdio::flush();
            // SAFETY: copied out at once.
            let bytes = unsafe { bytes.as_bytes() }.unwrap_or_default().to_vec();
            let written = h.event_loop.io.start(Persistent::save(&ctx, done));
            let queued = match open.borrow().get(&(id as u64)) {
                Some((queue, _)) => queue.send((bytes, written)).map_err(|e| e.0.1),
                None => Err(written),
            };
            // A closed channel: the write fails at once (`done(true)`).
            if let Err(written) = queued {
                written.send(true, Box::new(|ctx| Ok(vec![true.into_js(ctx)?])));
            }
        })?,
    )?;
    native.set(
        "ipcClose",
        Function::new(ctx.clone(), move |id: f64| {
            stdio::flush();
            if let Some((_, fd)) = channels.borrow_mut().remove(&(id as u64)) {
                // SAFETY: shutting down our own socket ends both its tasks (EOF, write error).
                unsafe { libc::shutdown(fd, libc::SHUT_RDWR) };
            }
        })?,
    )?;
    Ok(())
}

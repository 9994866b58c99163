//! Natives behind `ipc.js`: the channel between a parent and a child made
//! by `child_process.fork` — a Unix socket pair; the child finds its end at
//! `NODE_CHANNEL_FD`, as a Node child does. Reads come back as completions
//! (`data` chunks, then `end`); writes are write requests of the stream base
//! (src/event_loop/stream.rs), each an operation of its own that keeps the
//! process alive until written (a child that sends and exits at once must
//! not lose its message).

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::{FromRawFd, IntoRawFd};
use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result, TypedArray};

use super::Host;
use crate::event_loop::stream::{self, ReadFlow, Writer};
use crate::os::stdio;

/// Open channels: the write side and the descriptor (to shut it down).
type Channels = Rc<RefCell<HashMap<u64, (Writer, i32)>>>;

/// A socket pair for a child about to be forked: (our end, the child's end).
pub fn socket_pair() -> std::io::Result<(i32, i32)> {
    let (ours, theirs) = std::os::unix::net::UnixStream::pair()?;
    Ok((ours.into_raw_fd(), theirs.into_raw_fd()))
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "ipc")?;
    let channels: Channels = Rc::default();
    let (h, open) = (host.clone(), channels.clone());
    native.set(
        "open",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, fd: i32, callback: Function<'js>| -> Result<Option<f64>> {
            // SAFETY: the descriptor is a socket handed to this channel, owned from here on.
            let socket = unsafe { std::os::unix::net::UnixStream::from_raw_fd(fd) };
            let stream = socket.set_nonblocking(true).and_then(|_| {
                let _runtime = h.event_loop.io.enter();
                tokio::net::UnixStream::from_std(socket)
            });
            let Ok(stream) = stream else { return Ok(None) };
            let (reader, writer) = stream.into_split();
            let completer = h.event_loop.io.start(Persistent::save(&ctx, callback));
            open.borrow_mut().insert(completer.id(), (Writer::spawn(&h.event_loop.io, writer), fd));
            let id = completer.id();
            h.event_loop.io.spawn(async move {
                stream::read_chunks(&completer, reader, "data", ReadFlow::new()).await;
                completer.send(true, Box::new(|ctx| Ok(vec!["end".into_js(ctx)?])));
            });
            Ok(Some(id as f64))
        })?,
    )?;
    let (h, open) = (host.clone(), channels.clone());
    native.set(
        "send",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: f64, bytes: TypedArray<'js, u8>, done: Function<'js>| {
            // What we printed happened before the message: the other process may print next.
            stdio::flush();
            // SAFETY: copied out at once.
            let bytes = unsafe { bytes.as_bytes() }.unwrap_or_default().to_vec();
            let written = h.event_loop.io.start(Persistent::save(&ctx, done));
            let queued = match open.borrow().get(&(id as u64)) {
                Some((writer, _)) => writer.write(bytes, written),
                None => Err(written),
            };
            // A closed channel: the write fails at once.
            if let Err(written) = queued {
                written.send(true, Box::new(|ctx| stream::outcome(ctx, Some(libc::EPIPE))));
            }
        })?,
    )?;
    let open = channels.clone();
    // trySend(id, bytes): writes what the channel takes now, without
    // waiting (libuv's try-write); the count written, or -1. Only called
    // when no send is in flight, so it cannot interleave with the writer.
    native.set(
        "trySend",
        Function::new(ctx.clone(), move |id: f64, bytes: TypedArray<'js, u8>| -> f64 {
            stdio::flush();
            let Some(fd) = open.borrow().get(&(id as u64)).map(|(_, fd)| *fd) else { return -1.0 };
            // SAFETY: read before JavaScript runs again.
            let bytes = unsafe { bytes.as_bytes() }.unwrap_or_default();
            // SAFETY: our channel's descriptor (non-blocking) and a valid buffer.
            let n =
                unsafe { libc::send(fd, bytes.as_ptr().cast(), bytes.len(), libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) };
            match n {
                n if n >= 0 => n as f64,
                _ if std::io::Error::last_os_error().kind() == std::io::ErrorKind::WouldBlock => 0.0,
                _ => -1.0,
            }
        })?,
    )?;
    native.set(
        "close",
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

//! Natives behind `ipc.js`: the channel between a parent and a child made
//! by `child_process.fork` — a Unix socket pair; the child finds its end at
//! `NODE_CHANNEL_FD`, as a Node child does. Reads come back as completions
//! (`data` chunks, then `end`); writes go through a queue to a writer task.

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::{FromRawFd, IntoRawFd};
use std::rc::Rc;

use rquickjs::{ArrayBuffer, Ctx, Function, IntoJs, Object, Persistent, Result, TypedArray};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::Host;

/// Open channels: the writer queue and the descriptor (to shut it down).
type Channels = Rc<RefCell<HashMap<u64, (UnboundedSender<Vec<u8>>, i32)>>>;

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
                let _runtime = h.io.enter();
                tokio::net::UnixStream::from_std(socket)
            });
            let Ok(stream) = stream else { return Ok(None) };
            let (mut reader, mut writer) = stream.into_split();
            let completer = h.io.start(Persistent::save(&ctx, callback));
            let (queue, mut outgoing) = unbounded_channel::<Vec<u8>>();
            open.borrow_mut().insert(completer.id(), (queue, fd));
            h.io.spawn(async move {
                while let Some(bytes) = outgoing.recv().await {
                    if writer.write_all(&bytes).await.is_err() {
                        break;
                    }
                }
            });
            let id = completer.id();
            h.io.spawn(async move {
                let mut buffer = vec![0; 64 * 1024];
                while let Ok(n) = reader.read(&mut buffer).await
                    && n > 0
                {
                    let chunk = buffer[..n].to_vec();
                    completer.send(
                        false,
                        Box::new(move |ctx| {
                            Ok(vec!["data".into_js(ctx)?, ArrayBuffer::new(ctx.clone(), chunk)?.into_value()])
                        }),
                    );
                }
                completer.send(true, Box::new(|ctx| Ok(vec!["end".into_js(ctx)?])));
            });
            Ok(Some(id as f64))
        })?,
    )?;
    let open = channels.clone();
    native.set(
        "ipcSend",
        Function::new(ctx.clone(), move |id: f64, bytes: TypedArray<'js, u8>| {
            // SAFETY: copied out at once.
            let bytes = unsafe { bytes.as_bytes() }.unwrap_or_default().to_vec();
            open.borrow().get(&(id as u64)).is_some_and(|(queue, _)| queue.send(bytes).is_ok())
        })?,
    )?;
    native.set(
        "ipcClose",
        Function::new(ctx.clone(), move |id: f64| {
            if let Some((_, fd)) = channels.borrow_mut().remove(&(id as u64)) {
                // SAFETY: shutting down our own socket ends both its tasks (EOF, write error).
                unsafe { libc::shutdown(fd, libc::SHUT_RDWR) };
            }
        })?,
    )?;
    Ok(())
}

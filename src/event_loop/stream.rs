//! One stream base for pipes and sockets, as libuv's `uv_stream_t`: reads
//! with flow control (read start / stop: a paused reader stops reading, the
//! pipe fills, the writer at the other end waits), write requests that
//! complete once written (so `'drain'` means the other side has taken the
//! data), and shutdown. Child stdio and the IPC channel use it; sockets
//! will.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rquickjs::{Ctx, IntoJs, Result, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::io::{Completer, Io};
use crate::os::errno::SystemError;

/// Sends each chunk read from `reader` to `completer` as `(event,
/// ArrayBuffer)` until EOF, reading only while `flow` lets it; a read error
/// (a broken pipe) ends it like EOF, as in Node. Closing the flow drops the
/// reader (the writer at the other end sees EPIPE).
pub async fn read_chunks(
    completer: &Completer,
    mut reader: impl AsyncRead + Unpin,
    event: &'static str,
    flow: Arc<ReadFlow>,
) {
    let mut buffer = vec![0; 64 * 1024];
    loop {
        if !flow.ready().await {
            break;
        }
        // A stop or close while waiting for data takes effect at once.
        let n = tokio::select! {
            read = reader.read(&mut buffer) => match read {
                Ok(n) if n > 0 => n,
                _ => break,
            },
            () = flow.wake.notified() => continue,
        };
        let chunk = buffer[..n].to_vec();
        flow.in_flight.store(true, Ordering::Release);
        let delivered = flow.clone();
        completer.send_step(
            event,
            None,
            false,
            Box::new(move |ctx| {
                delivered.delivered();
                Ok(vec![event.into_js(ctx)?, rquickjs::ArrayBuffer::new(ctx.clone(), chunk)?.into_value()])
            }),
        );
    }
}

/// Flow control of one stream read on the I/O thread (libuv's read start /
/// stop). The reader reads only while JavaScript wants data, and never
/// while a chunk is still on its way to the loop: a paused stream stops
/// reading, the pipe fills, and the process writing into it waits.
pub struct ReadFlow {
    reading: AtomicBool,
    in_flight: AtomicBool,
    closed: AtomicBool,
    wake: tokio::sync::Notify,
}

impl ReadFlow {
    pub fn new() -> Arc<ReadFlow> {
        Arc::new(ReadFlow {
            reading: AtomicBool::new(true),
            in_flight: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            wake: Default::default(),
        })
    }

    /// A flow that waits for the first read start (process.stdin: nothing is
    /// read before the program asks).
    pub fn paused() -> Arc<ReadFlow> {
        let flow = ReadFlow::new();
        flow.reading.store(false, Ordering::Release);
        flow
    }

    /// The reading side is done with the stream (`destroy()`): stop for good.
    pub fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.wake.notify_one();
    }

    /// Read start (`true`) or stop (`false`), from the JavaScript thread.
    pub fn set_reading(&self, reading: bool) {
        self.reading.store(reading, Ordering::Release);
        if reading {
            self.wake.notify_one();
        }
    }

    fn delivered(&self) {
        self.in_flight.store(false, Ordering::Release);
        self.wake.notify_one();
    }

    /// Waits until reading is wanted and no chunk is in flight (one reader);
    /// false once the flow is closed.
    async fn ready(&self) -> bool {
        loop {
            if self.closed.load(Ordering::Acquire) {
                return false;
            }
            if self.reading.load(Ordering::Acquire) && !self.in_flight.load(Ordering::Acquire) {
                return true;
            }
            self.wake.notified().await;
        }
    }
}

/// A request to the write side of a stream.
enum Request {
    Write(Vec<u8>, Completer),
    Shutdown(Completer),
}

/// The write side of a stream: requests go, in order, to a writer task on
/// the reactor; each completes (`[]`, or `[error]` with Node's `write`
/// error) once done. After a failure (EPIPE: the reader went away) every
/// later write fails the same way.
pub struct Writer {
    queue: UnboundedSender<Request>,
}

impl Writer {
    pub fn spawn(io: &Io, mut writer: impl AsyncWrite + Unpin + Send + 'static) -> Writer {
        let (queue, mut requests) = unbounded_channel::<Request>();
        io.spawn(async move {
            let mut failed: Option<i32> = None;
            while let Some(request) = requests.recv().await {
                match request {
                    Request::Write(bytes, written) => {
                        if failed.is_none() {
                            failed =
                                writer.write_all(&bytes).await.err().map(|e| e.raw_os_error().unwrap_or(libc::EPIPE));
                        }
                        written.send(true, Box::new(move |ctx| outcome(ctx, failed)));
                    }
                    Request::Shutdown(done) => {
                        let _ = writer.shutdown().await;
                        done.send(true, Box::new(|_| Ok(vec![])));
                        break;
                    }
                }
            }
        });
        Writer { queue }
    }

    /// Queues a write; gives the completer back if the stream is closed.
    pub fn write(&self, bytes: Vec<u8>, written: Completer) -> std::result::Result<(), Completer> {
        self.queue.send(Request::Write(bytes, written)).map_err(|e| match e.0 {
            Request::Write(_, c) | Request::Shutdown(c) => c,
        })
    }

    /// Ends the write side once the queued writes are done.
    pub fn shutdown(&self, done: Completer) -> std::result::Result<(), Completer> {
        self.queue.send(Request::Shutdown(done)).map_err(|e| match e.0 {
            Request::Write(_, c) | Request::Shutdown(c) => c,
        })
    }
}

/// A write's completion: no arguments when written, else the failure.
pub fn outcome<'js>(ctx: &Ctx<'js>, errno: Option<i32>) -> Result<Vec<Value<'js>>> {
    match errno {
        None => Ok(vec![]),
        Some(errno) => Ok(vec![SystemError::new(std::io::Error::from_raw_os_error(errno), "write").to_js(ctx)?]),
    }
}

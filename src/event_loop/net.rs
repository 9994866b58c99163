//! Sockets, polled by the loop thread itself: TCP and Unix-domain listeners
//! and streams, as libuv's `uv_tcp_t` and `uv_pipe_t`, and UDP sockets, as
//! its `uv_udp_t`.
//!
//! The poll phase sleeps in epoll (`mio`) on every socket at once, and when
//! one is ready does its I/O right there — accept, read, write, finish a
//! connect, shut down — each result one macrotask for JavaScript. No thread
//! and no channel sit between the kernel and the callback: a round trip
//! costs half as much as through a reactor thread (bench/reactor.rs).
//!
//! Readiness is edge-triggered, so each handle remembers what the kernel
//! last said (`readable`, `writable`) until a call returns `WouldBlock`.
//! Work that needs no new event — reading resumed on a socket with data
//! waiting, a write that is queued, a shutdown, an error found at once — goes
//! on the `deferred` list, served by the next poll phase as libuv defers
//! the same callbacks to its next turn.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr};

use mio::net::{TcpListener, TcpStream, UdpSocket, UnixListener, UnixStream};
use mio::{Interest, Registry, Token};
use rquickjs::{Ctx, Function, IntoJs, Persistent, Result, Value};

use super::tls::{self, Tls};
use crate::os::errno::SystemError;

/// What a read takes at most, as libuv's 64 KiB.
const READ_SIZE: usize = 64 * 1024;

/// A connected byte stream.
pub enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
}

/// A listening socket.
pub enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener, String),
}

/// One result of a socket for its JavaScript callback.
pub enum Event {
    /// A listener accepted a connection: the new stream's handle.
    Connection(u64),
    /// Accepting failed (EMFILE…).
    AcceptError(io::Error),
    /// A connect finished: `None` when connected.
    Connect(Option<io::Error>),
    Data(Vec<u8>),
    /// The peer ended its side.
    End,
    ReadError(io::Error),
    /// The oldest queued write is done (or failed).
    Written(Option<io::Error>),
    /// The write side is shut down once every write went out.
    Shutdown(Option<io::Error>),
    /// A TLS handshake is done.
    Secure,
    /// TLS failed: Node's code and the message.
    TlsError(&'static str, String),
    /// A UDP socket received a datagram.
    Message(Vec<u8>, SocketAddr),
    /// The oldest queued datagram went out (or failed).
    Sent(Option<io::Error>),
}

impl Event {
    /// The step the tracer shows, and the callback's arguments.
    pub fn step(&self) -> &'static str {
        match self {
            Event::Connection(_) | Event::AcceptError(_) => "connection",
            Event::Connect(_) => "connect",
            Event::Data(_) => "data",
            Event::End => "end",
            Event::ReadError(_) => "read error",
            Event::Written(_) => "written",
            Event::Shutdown(_) => "shutdown",
            Event::Secure => "secure",
            Event::TlsError(..) => "tls error",
            Event::Message(..) => "message",
            Event::Sent(_) => "sent",
        }
    }

    pub fn into_args<'js>(self, ctx: &Ctx<'js>) -> Result<Vec<Value<'js>>> {
        let step = self.step().into_js(ctx)?;
        let outcome = |err: Option<io::Error>, syscall| match err {
            None => Ok(Value::new_undefined(ctx.clone())),
            Some(err) => SystemError::new(err, syscall).to_js(ctx),
        };
        let arg = match self {
            Event::Connection(id) => (id as f64).into_js(ctx)?,
            Event::AcceptError(err) => outcome(Some(err), "accept")?,
            Event::Connect(err) => outcome(err, "connect")?,
            Event::Written(err) => outcome(err, "write")?,
            Event::Shutdown(err) => outcome(err, "shutdown")?,
            Event::Data(bytes) => rquickjs::ArrayBuffer::new(ctx.clone(), bytes)?.into_value(),
            Event::End => Value::new_undefined(ctx.clone()),
            Event::ReadError(err) => outcome(Some(err), "read")?,
            Event::Secure => Value::new_undefined(ctx.clone()),
            Event::TlsError(code, message) => {
                let info = rquickjs::Object::new(ctx.clone())?;
                info.set("code", code)?;
                info.set("message", message)?;
                info.into_value()
            }
            Event::Sent(err) => outcome(err, "send")?,
            Event::Message(bytes, from) => {
                let info = rquickjs::Object::new(ctx.clone())?;
                info.set("address", from.ip().to_string())?;
                info.set("family", if from.is_ipv6() { "IPv6" } else { "IPv4" })?;
                info.set("port", from.port())?;
                info.set("size", bytes.len())?;
                let bytes = rquickjs::ArrayBuffer::new(ctx.clone(), bytes)?.into_value();
                return Ok(vec![step, bytes, info.into_value()]);
            }
        };
        Ok(vec![step, arg])
    }
}

enum Source {
    Listener(Listener),
    Stream(Stream),
    Datagram(UdpSocket),
}

struct Handle {
    source: Source,
    /// Where its events go; an accepted stream has none until JavaScript
    /// makes its Socket.
    callback: Option<Persistent<Function<'static>>>,
    refed: bool,
    /// Counted in `Net::alive`.
    counted: bool,
    /// The kernel said so, and no call has said `WouldBlock` since.
    readable: bool,
    writable: bool,
    connecting: bool,
    /// An error found when starting (a Unix connect refused), delivered by
    /// the next poll phase.
    early_error: Option<io::Error>,
    /// Read start / stop, or listening.
    reading: bool,
    writes: VecDeque<(Vec<u8>, usize)>,
    /// A UDP socket's datagrams waiting for room, and where each goes
    /// (`None`: to the connected peer).
    datagrams: VecDeque<(Vec<u8>, Option<SocketAddr>)>,
    shutdown: bool,
    /// A TLS session over the stream.
    tls: Option<Box<Tls>>,
}

impl Handle {
    fn new(source: Source) -> Handle {
        Handle {
            source,
            callback: None,
            refed: true,
            counted: false,
            readable: false,
            writable: false,
            connecting: false,
            early_error: None,
            reading: false,
            writes: VecDeque::new(),
            datagrams: VecDeque::new(),
            shutdown: false,
            tls: None,
        }
    }

    /// libuv's active handle: it keeps the loop alive (when referenced)
    /// while it listens, connects, reads, or has writes or a shutdown to do.
    fn active(&self) -> bool {
        self.reading
            || self.connecting
            || !self.writes.is_empty()
            || !self.datagrams.is_empty()
            || self.shutdown
            || self.early_error.is_some()
            || self.tls.as_ref().is_some_and(|t| t.has_work())
    }

    fn stream(&mut self) -> Option<&mut Stream> {
        match &mut self.source {
            Source::Stream(stream) => Some(stream),
            Source::Listener(_) | Source::Datagram(_) => None,
        }
    }

    /// One step of I/O, if the handle has one to do now.
    fn step(&mut self, scratch: &mut [u8]) -> Option<Step> {
        if let Some(err) = self.early_error.take() {
            self.connecting = false;
            return Some(Step::Event(Event::Connect(Some(err))));
        }
        let Handle { source, readable, writable, reading, connecting, writes, shutdown, tls, datagrams, .. } = self;
        let stream = match source {
            Source::Datagram(socket) => return datagram_step(socket, readable, writable, *reading, datagrams, scratch),
            Source::Listener(listener) => {
                if !*reading || !*readable {
                    return None;
                }
                return match listener.accept() {
                    Ok(stream) => Some(Step::Accepted(stream)),
                    Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                        *readable = false;
                        None
                    }
                    Err(err) => {
                        *readable = false;
                        Some(Step::Event(Event::AcceptError(err)))
                    }
                };
            }
            Source::Stream(stream) => stream,
        };
        if *connecting {
            if !*writable {
                return None;
            }
            return match stream.connected() {
                Ok(true) => {
                    *connecting = false;
                    Some(Step::Event(Event::Connect(None)))
                }
                Ok(false) => {
                    *writable = false;
                    None
                }
                Err(err) => {
                    *connecting = false;
                    Some(Step::Event(Event::Connect(Some(err))))
                }
            };
        }
        if let Some(tls) = tls {
            let flags = tls::Flags { readable, writable, reading, shutdown };
            return tls.step(stream, flags, scratch).map(|step| match step {
                tls::Step::Event(event) => Step::Event(event),
                tls::Step::Again => Step::Again,
            });
        }
        if *reading && *readable {
            match stream.read_bytes(scratch) {
                Ok(0) => {
                    *reading = false;
                    return Some(Step::Event(Event::End));
                }
                Ok(n) => return Some(Step::Event(Event::Data(scratch[..n].to_vec()))),
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => *readable = false,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => return Some(Step::Again),
                Err(err) => {
                    *reading = false;
                    return Some(Step::Event(Event::ReadError(err)));
                }
            }
        }
        if *writable && let Some((bytes, at)) = writes.front_mut() {
            match stream.write_bytes(&bytes[*at..]) {
                Ok(n) => {
                    *at += n;
                    if *at < bytes.len() {
                        return Some(Step::Again);
                    }
                    writes.pop_front();
                    return Some(Step::Event(Event::Written(None)));
                }
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => *writable = false,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => return Some(Step::Again),
                Err(err) => {
                    writes.pop_front();
                    return Some(Step::Event(Event::Written(Some(err))));
                }
            }
        }
        if *shutdown && writes.is_empty() {
            *shutdown = false;
            return Some(Step::Event(Event::Shutdown(stream.shutdown().err())));
        }
        None
    }
}

/// One receive or send of a UDP socket. A receive error (an ICMP refusal on
/// a connected socket) is reported and receiving goes on, as in libuv.
fn datagram_step(
    socket: &UdpSocket,
    readable: &mut bool,
    writable: &mut bool,
    reading: bool,
    datagrams: &mut VecDeque<(Vec<u8>, Option<SocketAddr>)>,
    scratch: &mut [u8],
) -> Option<Step> {
    if reading && *readable {
        match socket.recv_from(scratch) {
            Ok((n, from)) => return Some(Step::Event(Event::Message(scratch[..n].to_vec(), from))),
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => *readable = false,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => return Some(Step::Again),
            Err(err) => return Some(Step::Event(Event::ReadError(err))),
        }
    }
    if *writable && let Some((bytes, to)) = datagrams.front() {
        match send_datagram(socket, bytes, *to) {
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => *writable = false,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => return Some(Step::Again),
            sent => {
                datagrams.pop_front();
                return Some(Step::Event(Event::Sent(sent.err())));
            }
        }
    }
    None
}

fn send_datagram(socket: &UdpSocket, bytes: &[u8], to: Option<SocketAddr>) -> io::Result<()> {
    match to {
        Some(to) => socket.send_to(bytes, to),
        None => socket.send(bytes),
    }
    .map(|_| ())
}

enum Step {
    Event(Event),
    Accepted(Stream),
    /// Progress without an event (part of a write went out): go on.
    Again,
}

impl Stream {
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match self {
            Stream::Tcp(s) => s,
            Stream::Unix(s) => s,
        }
    }

    /// Whether a connect in progress is done (mio's recipe: a writable
    /// socket with no pending error and a peer).
    fn connected(&self) -> io::Result<bool> {
        let (error, peer) = match self {
            Stream::Tcp(s) => (s.take_error(), s.peer_addr().map(|_| ())),
            Stream::Unix(s) => (s.take_error(), s.peer_addr().map(|_| ())),
        };
        if let Some(err) = error? {
            return Err(err);
        }
        match peer {
            Ok(()) => Ok(true),
            Err(err) if err.kind() == io::ErrorKind::NotConnected || err.raw_os_error() == Some(libc::EINPROGRESS) => {
                Ok(false)
            }
            Err(err) => Err(err),
        }
    }

    pub(super) fn read_bytes(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.read(buffer),
            Stream::Unix(s) => s.read(buffer),
        }
    }

    pub(super) fn write_bytes(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.write(bytes),
            Stream::Unix(s) => s.write(bytes),
        }
    }

    pub(super) fn shutdown(&self) -> io::Result<()> {
        match self {
            Stream::Tcp(s) => s.shutdown(Shutdown::Write),
            Stream::Unix(s) => s.shutdown(Shutdown::Write),
        }
    }
}

impl Source {
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match self {
            Source::Listener(listener) => listener.source(),
            Source::Stream(stream) => stream.source(),
            Source::Datagram(socket) => socket,
        }
    }
}

impl Listener {
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match self {
            Listener::Tcp(l) => l,
            Listener::Unix(l, _) => l,
        }
    }

    fn accept(&self) -> io::Result<Stream> {
        match self {
            Listener::Tcp(l) => l.accept().map(|(s, _)| Stream::Tcp(s)),
            Listener::Unix(l, _) => l.accept().map(|(s, _)| Stream::Unix(s)),
        }
    }
}

/// Every socket handle of the runtime.
pub struct Net {
    registry: Registry,
    handles: RefCell<HashMap<u64, Handle>>,
    /// Handles with work that needs no new event from the kernel.
    deferred: RefCell<Vec<u64>>,
    /// Referenced active handles: they keep the loop alive.
    alive: Cell<usize>,
    scratch: RefCell<Vec<u8>>,
}

impl Net {
    pub fn new(registry: Registry) -> Net {
        Net {
            registry,
            handles: RefCell::default(),
            deferred: RefCell::default(),
            alive: Cell::new(0),
            scratch: RefCell::new(vec![0; READ_SIZE]),
        }
    }

    pub fn has_alive(&self) -> bool {
        self.alive.get() > 0
    }

    pub fn count(&self) -> usize {
        self.handles.borrow().len()
    }

    /// The handles the next poll phase serves without waiting for the
    /// kernel (taken: those deferred meanwhile wait for the turn after).
    pub fn take_deferred(&self) -> Vec<u64> {
        std::mem::take(&mut *self.deferred.borrow_mut())
    }

    pub fn has_deferred(&self) -> bool {
        !self.deferred.borrow().is_empty()
    }

    /// What epoll said of a handle.
    pub fn mark(&self, id: u64, readable: bool, writable: bool) {
        if let Some(handle) = self.handles.borrow_mut().get_mut(&id) {
            handle.readable |= readable;
            handle.writable |= writable;
        }
    }

    pub fn defer(&self, id: u64) {
        let mut deferred = self.deferred.borrow_mut();
        if !deferred.contains(&id) {
            deferred.push(id);
        }
    }

    /// Adds a socket under `id` (the loop's operation ids, shared with every
    /// other I/O request) and watches it.
    fn insert(&self, id: u64, mut handle: Handle) -> io::Result<()> {
        self.registry.register(handle.source.source(), Token(id as usize), Interest::READABLE | Interest::WRITABLE)?;
        let mut handles = self.handles.borrow_mut();
        handles.insert(id, handle);
        self.recount(handles.get_mut(&id).expect("just inserted"));
        Ok(())
    }

    /// Keeps `alive` true to the handles' state after any change.
    fn recount(&self, handle: &mut Handle) {
        let counts = handle.refed && handle.active();
        if counts != handle.counted {
            handle.counted = counts;
            self.alive.set(if counts { self.alive.get() + 1 } else { self.alive.get() - 1 });
        }
    }

    /// Runs `change` on a handle, then recounts it; `None` if it is gone.
    fn with<T>(&self, id: u64, change: impl FnOnce(&mut Handle) -> T) -> Option<T> {
        let mut handles = self.handles.borrow_mut();
        let handle = handles.get_mut(&id)?;
        let result = change(handle);
        self.recount(handle);
        Some(result)
    }

    /// A listener; one that only holds its port (`accepting` false) neither
    /// accepts nor keeps the loop alive.
    pub fn listen(
        &self,
        id: u64,
        listener: Listener,
        callback: Persistent<Function<'static>>,
        accepting: bool,
    ) -> io::Result<()> {
        let mut handle = Handle::new(Source::Listener(listener));
        handle.callback = Some(callback);
        handle.reading = accepting;
        self.insert(id, handle)
    }

    /// A connect started (`Ok(stream)`) or refused at once (`Err`): either
    /// way its outcome is a `connect` event.
    pub fn connect(
        &self,
        id: u64,
        started: std::result::Result<Stream, (io::Error, Stream)>,
        callback: Persistent<Function<'static>>,
    ) -> io::Result<()> {
        let (stream, early_error) = match started {
            Ok(stream) => (stream, None),
            Err((err, stream)) => (stream, Some(err)),
        };
        let mut handle = Handle::new(Source::Stream(stream));
        handle.callback = Some(callback);
        handle.connecting = true;
        handle.early_error = early_error;
        let deferred = handle.early_error.is_some();
        self.insert(id, handle)?;
        if deferred {
            self.defer(id);
        }
        Ok(())
    }

    /// A bound UDP socket; it receives once `set_reading` says so.
    pub fn bind_datagram(&self, id: u64, socket: UdpSocket, callback: Persistent<Function<'static>>) -> io::Result<()> {
        let mut handle = Handle::new(Source::Datagram(socket));
        handle.callback = Some(callback);
        self.insert(id, handle)?;
        self.mark(id, false, true);
        Ok(())
    }

    /// A datagram: sent at once (`Ok(true)`), queued behind others or for
    /// room (`Ok(false)`: a `sent` event follows), or failed.
    pub fn send_datagram(&self, id: u64, bytes: &[u8], to: Option<SocketAddr>) -> io::Result<bool> {
        let mut queued = false;
        let sent = self.with(id, |handle| {
            let Source::Datagram(socket) = &handle.source else {
                return Err(io::Error::from_raw_os_error(libc::EBADF));
            };
            if handle.datagrams.is_empty() {
                match send_datagram(socket, bytes, to) {
                    Ok(()) => return Ok(true),
                    Err(err) if err.kind() == io::ErrorKind::WouldBlock => handle.writable = false,
                    Err(err) => return Err(err),
                }
            }
            handle.datagrams.push_back((bytes.to_vec(), to));
            queued = handle.writable;
            Ok(false)
        });
        if queued {
            self.defer(id);
        }
        sent.unwrap_or_else(|| Err(io::Error::from_raw_os_error(libc::EBADF)))
    }

    /// JavaScript made the Socket of an accepted stream.
    pub fn attach(&self, id: u64, callback: Persistent<Function<'static>>) {
        self.with(id, |handle| handle.callback = Some(callback));
    }

    /// One step of a handle's I/O, as an event and where it goes; `None`
    /// when it has nothing to do until the kernel says more.
    pub fn step(&self, id: u64, next_id: impl FnOnce() -> u64) -> Option<(Persistent<Function<'static>>, Event)> {
        let mut scratch = self.scratch.borrow_mut();
        loop {
            let (step, callback) = self.with(id, |handle| (handle.step(&mut scratch), handle.callback.clone()))?;
            let event = match step? {
                Step::Again => continue,
                Step::Event(event) => event,
                Step::Accepted(stream) => {
                    let accepted = next_id();
                    match self.insert(accepted, Handle::new(Source::Stream(stream))) {
                        Ok(()) => {
                            // The accepted stream is writable until it says not.
                            self.mark(accepted, false, true);
                            Event::Connection(accepted)
                        }
                        Err(err) => Event::AcceptError(err),
                    }
                }
            };
            return Some((callback?, event));
        }
    }

    /// Starts TLS on a connected stream: the handshake begins in the next
    /// poll phase (a client's hello goes out then).
    pub fn start_tls(&self, id: u64, conn: rustls::Connection, verdict: tls::Verdict) {
        if self.with(id, |handle| handle.tls = Some(Box::new(Tls::new(conn, verdict)))).is_some() {
            self.defer(id);
        }
    }

    /// Runs `f` on a handle's TLS session.
    pub fn with_tls<T>(&self, id: u64, f: impl FnOnce(&Tls) -> T) -> Option<T> {
        self.handles.borrow().get(&id)?.tls.as_deref().map(f)
    }

    /// Read start (`true`) or stop.
    pub fn set_reading(&self, id: u64, reading: bool) {
        let ready = self.with(id, |handle| {
            handle.reading = reading;
            // A TLS session may hold plaintext already read.
            reading && (handle.readable || handle.tls.is_some())
        });
        if ready == Some(true) {
            self.defer(id);
        }
    }

    /// A write: done at once (`Ok(true)`), queued (`Ok(false)`: a `written`
    /// event follows), or failed.
    pub fn write(&self, id: u64, bytes: &[u8]) -> io::Result<bool> {
        let mut queued = false;
        let done = self.with(id, |handle| {
            let mut at = 0;
            if let (Some(tls), Source::Stream(stream)) = (&mut handle.tls, &mut handle.source) {
                let done = tls.write(stream, bytes, &mut handle.writable);
                queued = matches!(done, Ok(false)) && handle.writable;
                return done;
            }
            if handle.writes.is_empty() && !handle.connecting {
                let stream = handle.stream().ok_or_else(|| io::Error::from_raw_os_error(libc::ENOTCONN))?;
                while at < bytes.len() {
                    match stream.write_bytes(&bytes[at..]) {
                        Ok(n) => at += n,
                        Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                            handle.writable = false;
                            break;
                        }
                        Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                        Err(err) => return Err(err),
                    }
                }
                if at == bytes.len() {
                    return Ok(true);
                }
            }
            handle.writes.push_back((bytes[at..].to_vec(), 0));
            queued = handle.writable && !handle.connecting;
            Ok(false)
        });
        if queued {
            self.defer(id);
        }
        done.unwrap_or_else(|| Err(io::Error::from_raw_os_error(libc::EBADF)))
    }

    /// Shuts the write side down once the queued writes are out.
    pub fn shutdown(&self, id: u64) {
        if self.with(id, |handle| handle.shutdown = true).is_some() {
            self.defer(id);
        }
    }

    pub fn set_ref(&self, id: u64, refed: bool) {
        self.with(id, |handle| handle.refed = refed);
    }

    /// Closes a handle: no event of it comes any more. A Unix listener's
    /// socket file is removed, as libuv does.
    pub fn close(&self, id: u64) {
        let Some(mut handle) = self.handles.borrow_mut().remove(&id) else { return };
        if handle.counted {
            self.alive.set(self.alive.get() - 1);
        }
        let _ = self.registry.deregister(handle.source.source());
        if let Source::Listener(Listener::Unix(_, path)) = &handle.source {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Runs `f` on a handle's socket (addresses, options).
    pub fn with_socket<T>(&self, id: u64, f: impl FnOnce(socket2::SockRef<'_>) -> T) -> Option<T> {
        let handles = self.handles.borrow();
        let handle = handles.get(&id)?;
        Some(match &handle.source {
            Source::Listener(Listener::Tcp(l)) => f(socket2::SockRef::from(l)),
            Source::Listener(Listener::Unix(l, _)) => f(socket2::SockRef::from(l)),
            Source::Stream(Stream::Tcp(s)) => f(socket2::SockRef::from(s)),
            Source::Stream(Stream::Unix(s)) => f(socket2::SockRef::from(s)),
            Source::Datagram(s) => f(socket2::SockRef::from(s)),
        })
    }
}

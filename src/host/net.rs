//! Natives behind `net.js`: TCP and Unix-domain sockets, each a handle of
//! the loop's socket layer (src/event_loop/net.rs) named by its id. A
//! handle's events (`connection`, `connect`, `data`, `end`, `written`,
//! `shutdown`…) go to the callback it was made with. Failures are returned
//! (or delivered) as `{ code, errno, syscall, … }` for `errors.js`.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::rc::Rc;
use std::time::Duration;

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result, TypedArray, Value};
use socket2::{Domain, SockAddr, SockRef, Socket, TcpKeepalive, Type};

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::net::{Listener, Stream};
use crate::os::errno::SystemError;

/// Where to listen or connect: an IP address and port, or a socket path.
enum Endpoint {
    Ip(SocketAddr),
    Path(String),
}

impl Endpoint {
    fn parse(options: &Object<'_>) -> Result<std::result::Result<Endpoint, io::Error>> {
        if let Some(path) = options.get::<_, Option<Utf8>>("path")? {
            return Ok(Ok(Endpoint::Path(path.0)));
        }
        let address: Utf8 = options.get("address")?;
        let port: u16 = options.get("port")?;
        Ok(match address.parse::<IpAddr>() {
            Ok(ip) => Ok(Endpoint::Ip(SocketAddr::new(ip, port))),
            Err(_) => Err(io::Error::from_raw_os_error(libc::EINVAL)),
        })
    }

    fn socket(&self) -> io::Result<Socket> {
        let socket = match self {
            Endpoint::Ip(addr) => Socket::new(Domain::for_address(*addr), Type::STREAM, None)?,
            Endpoint::Path(_) => Socket::new(Domain::UNIX, Type::STREAM, None)?,
        };
        socket.set_nonblocking(true)?;
        socket.set_cloexec(true)?;
        Ok(socket)
    }

    fn address(&self) -> io::Result<SockAddr> {
        match self {
            Endpoint::Ip(addr) => Ok(SockAddr::from(*addr)),
            Endpoint::Path(path) => SockAddr::unix(path),
        }
    }
}

/// How to listen: Node's options, and cluster's port sharing.
struct Listening {
    backlog: i32,
    ipv6_only: bool,
    /// SO_REUSEPORT: a cluster's workers listen on one port.
    reuse_port: bool,
    /// Bound without listening: the primary holding a port for its workers.
    bind_only: bool,
}

/// `bind` and `listen`, as libuv does them (SO_REUSEADDR on TCP).
fn listen(endpoint: &Endpoint, how: &Listening) -> io::Result<Listener> {
    let socket = endpoint.socket()?;
    if let Endpoint::Ip(addr) = endpoint {
        socket.set_reuse_address(true)?;
        socket.set_reuse_port(how.reuse_port)?;
        if addr.is_ipv6() {
            socket.set_only_v6(how.ipv6_only)?;
        }
    }
    socket.bind(&endpoint.address()?)?;
    if !how.bind_only {
        socket.listen(how.backlog)?;
    }
    Ok(match endpoint {
        Endpoint::Ip(_) => Listener::Tcp(mio::net::TcpListener::from_std(socket.into())),
        Endpoint::Path(path) => Listener::Unix(mio::net::UnixListener::from_std(socket.into()), path.clone()),
    })
}

/// Starts a connect: the stream, and the error if it failed at once.
fn connect(
    endpoint: &Endpoint,
    local: Option<SocketAddr>,
) -> io::Result<std::result::Result<Stream, (io::Error, Stream)>> {
    let socket = endpoint.socket()?;
    if let Some(local) = local {
        socket.bind(&SockAddr::from(local))?;
    }
    let started = socket.connect(&endpoint.address()?);
    let stream = match endpoint {
        Endpoint::Ip(_) => Stream::Tcp(mio::net::TcpStream::from_std(socket.into())),
        Endpoint::Path(_) => Stream::Unix(mio::net::UnixStream::from_std(socket.into())),
    };
    Ok(match started {
        Ok(()) => Ok(stream),
        Err(err) if err.raw_os_error() == Some(libc::EINPROGRESS) => Ok(stream),
        Err(err) => Err((err, stream)),
    })
}

/// `{ address, family, port }`; undefined for a Unix socket (Node reports
/// none: a server's path is known to the JavaScript side).
fn address_js<'js>(ctx: &Ctx<'js>, address: io::Result<SockAddr>) -> Result<Value<'js>> {
    let Some(ip) = address.ok().and_then(|a| a.as_socket()) else { return Ok(Value::new_undefined(ctx.clone())) };
    let info = Object::new(ctx.clone())?;
    info.set("address", ip.ip().to_string())?;
    info.set("family", if ip.is_ipv6() { "IPv6" } else { "IPv4" })?;
    info.set("port", ip.port())?;
    Ok(info.into_value())
}

fn failure<'js>(ctx: &Ctx<'js>, err: io::Error, syscall: &'static str) -> Result<Value<'js>> {
    SystemError::new(err, syscall).to_js(ctx)
}

/// A handle opened: its id for JavaScript (and, when tracing, announced
/// with the label JavaScript gave), or the failure.
pub(super) fn opened<'js>(
    ctx: &Ctx<'js>,
    state: &crate::event_loop::State,
    options: &Object<'js>,
    id: u64,
    result: io::Result<()>,
    syscall: &'static str,
) -> Result<Value<'js>> {
    if let Err(err) = result {
        return failure(ctx, err, syscall);
    }
    if state.tracing {
        let label: Utf8 = options.get("label")?;
        state.trace(ctx, "ioStart", (id, label.0));
    }
    (id as f64).into_js(ctx)
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "net")?;
    let h = host.clone();
    // listen({ address, port, path, backlog, ipv6Only }, callback): the id, or the failure.
    native.set(
        "listen",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, options: Object<'js>, callback: Function<'js>| {
            let state = &h.event_loop;
            // Lenient: a flag is true only when it is, a backlog a number.
            let flag = |key: &str| options.get::<_, Value>(key).map(|v| v.as_bool().unwrap_or(false));
            let how = Listening {
                backlog: options.get::<_, Value>("backlog")?.as_number().map_or(511, |n| n as i32),
                ipv6_only: flag("ipv6Only")?,
                reuse_port: flag("reusePort")?,
                bind_only: flag("bindOnly")?,
            };
            let listener = Endpoint::parse(&options)?.and_then(|endpoint| listen(&endpoint, &how));
            let id = state.io.next_id();
            let callback = Persistent::save(&ctx, callback);
            let listening = listener.and_then(|l| state.io.net.listen(id, l, callback, !how.bind_only));
            opened(&ctx, state, &options, id, listening, "listen")
        })?,
    )?;
    let h = host.clone();
    // connect({ address, port, path, localAddress, localPort }, callback):
    // the id (a `connect` event follows), or the failure.
    native.set(
        "connect",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, options: Object<'js>, callback: Function<'js>| {
            let state = &h.event_loop;
            let local = match options.get::<_, Option<Utf8>>("localAddress")? {
                Some(ip) => match ip.parse::<IpAddr>() {
                    Ok(ip) => Some(SocketAddr::new(ip, options.get::<_, Option<u16>>("localPort")?.unwrap_or(0))),
                    Err(_) => return failure(&ctx, io::Error::from_raw_os_error(libc::EINVAL), "bind"),
                },
                None => None,
            };
            let started = Endpoint::parse(&options)?.and_then(|endpoint| connect(&endpoint, local));
            let id = state.io.next_id();
            let connecting = started.and_then(|s| state.io.net.connect(id, s, Persistent::save(&ctx, callback)));
            opened(&ctx, state, &options, id, connecting, "connect")
        })?,
    )?;
    let h = host.clone();
    native.set(
        "attach",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u64, callback: Function<'js>, label: Utf8| {
            let state = &h.event_loop;
            state.io.net.attach(id, Persistent::save(&ctx, callback));
            if state.tracing {
                state.trace(&ctx, "ioStart", (id, label.0));
            }
        })?,
    )?;
    let h = host.clone();
    native.set(
        "reading",
        Function::new(ctx.clone(), move |id: u64, reading: bool| h.event_loop.io.net.set_reading(id, reading))?,
    )?;
    let h = host.clone();
    // write(id, bytes or a string as UTF-8): true when written at once,
    // false when queued (a `written` event follows), else the failure.
    native.set(
        "write",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u64, data: Value<'js>| {
            let net = &h.event_loop.io.net;
            let written = if let Some(text) = data.as_string() {
                net.write(id, text.to_string()?.as_bytes())
            } else {
                let bytes = TypedArray::<u8>::from_value(data)?;
                // SAFETY: the bytes are copied (or written) before JavaScript runs again.
                net.write(id, unsafe { bytes.as_bytes() }.unwrap_or_default())
            };
            match written {
                Ok(done) => done.into_js(&ctx),
                Err(err) => failure(&ctx, err, "write"),
            }
        })?,
    )?;
    let h = host.clone();
    native.set("shutdown", Function::new(ctx.clone(), move |id: u64| h.event_loop.io.net.shutdown(id))?)?;
    let h = host.clone();
    native.set("close", Function::new(ctx.clone(), move |id: u64| h.event_loop.io.net.close(id))?)?;
    let h = host.clone();
    native
        .set("ref", Function::new(ctx.clone(), move |id: u64, refed: bool| h.event_loop.io.net.set_ref(id, refed))?)?;
    let h = host.clone();
    native.set(
        "address",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u64, peer: bool| {
            let address = h.event_loop.io.net.with_socket(id, |s| if peer { s.peer_addr() } else { s.local_addr() });
            address_js(&ctx, address.unwrap_or_else(|| Err(io::Error::from_raw_os_error(libc::EBADF))))
        })?,
    )?;
    let h = host.clone();
    // reset(id): the close that follows sends an RST (SO_LINGER 0).
    native.set(
        "reset",
        Function::new(ctx.clone(), move |id: u64| {
            h.event_loop
                .io
                .net
                .with_socket(id, |s: SockRef<'_>| s.set_linger(Some(Duration::ZERO)).is_ok())
                .unwrap_or(false)
        })?,
    )?;
    let h = host.clone();
    native.set(
        "setNoDelay",
        Function::new(ctx.clone(), move |id: u64, on: bool| {
            h.event_loop.io.net.with_socket(id, |s: SockRef<'_>| s.set_tcp_nodelay(on).is_ok()).unwrap_or(false)
        })?,
    )?;
    let h = host.clone();
    native.set(
        "setKeepAlive",
        Function::new(ctx.clone(), move |id: u64, on: bool, delay_s: u64| {
            h.event_loop
                .io
                .net
                .with_socket(id, |s: SockRef<'_>| match on {
                    true => s.set_tcp_keepalive(&TcpKeepalive::new().with_time(Duration::from_secs(delay_s.max(1)))),
                    false => s.set_keepalive(false),
                })
                .is_some_and(|set| set.is_ok())
        })?,
    )?;
    Ok(())
}

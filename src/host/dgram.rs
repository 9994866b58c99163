//! Natives behind `dgram.js`: UDP sockets, each a handle of the loop's
//! socket layer (src/event_loop/net.rs) named by its id, as libuv's
//! `uv_udp_t`. A handle exists once bound (before that Node's has no file
//! descriptor either); its `message` and `sent` events go to its callback.
//! Addresses, `close` and `ref` are `net.js`'s natives, shared by every
//! socket. Failures are returned as `{ code, errno, syscall, … }`.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Persistent, Result, TypedArray, Value};
use socket2::{Domain, SockAddr, SockRef, Socket, Type};

use super::Host;
use crate::engine::text::Utf8;
use crate::os::errno::SystemError;

fn failure<'js>(ctx: &Ctx<'js>, err: io::Error, syscall: &'static str) -> Result<Value<'js>> {
    SystemError::new(err, syscall).to_js(ctx)
}

/// Undefined on success, else the failure named after its call.
fn outcome<'js>(ctx: &Ctx<'js>, done: io::Result<()>, syscall: &'static str) -> Result<Value<'js>> {
    match done {
        Ok(()) => Ok(Value::new_undefined(ctx.clone())),
        Err(err) => failure(ctx, err, syscall),
    }
}

fn invalid() -> io::Error {
    io::Error::from_raw_os_error(libc::EINVAL)
}

fn ip(address: &str) -> io::Result<IpAddr> {
    // An IPv6 address may carry its zone (`fe80::1%eth0`): the kernel is
    // given the interface's index.
    let bare = address.split('%').next().unwrap_or(address);
    bare.parse().map_err(|_| invalid())
}

/// The index of the interface an IPv6 zone (`::%eth0`) names; 0 for none.
fn zone_index(address: &str) -> u32 {
    let Some((_, zone)) = address.split_once('%') else { return 0 };
    if let Ok(index) = zone.parse() {
        return index;
    }
    let Ok(name) = std::ffi::CString::new(zone) else { return 0 };
    // SAFETY: a valid NUL-terminated string.
    unsafe { libc::if_nametoindex(name.as_ptr()) }
}

fn socket_addr(address: &str, port: u16) -> io::Result<SocketAddr> {
    Ok(match ip(address)? {
        IpAddr::V6(v6) => SocketAddr::V6(std::net::SocketAddrV6::new(v6, port, 0, zone_index(address))),
        v4 => SocketAddr::new(v4, port),
    })
}

/// A UDP socket bound as `bind(options)` asks, ready for the loop.
fn bind(options: &Object<'_>) -> Result<io::Result<mio::net::UdpSocket>> {
    let flag = |key: &str| options.get::<_, Option<bool>>(key).map(|v| v.unwrap_or(false));
    let ipv6 = options.get::<_, Utf8>("type")?.0 == "udp6";
    let address: Utf8 = options.get("address")?;
    let port: u16 = options.get("port")?;
    let (reuse_addr, reuse_port, ipv6_only) = (flag("reuseAddr")?, flag("reusePort")?, flag("ipv6Only")?);
    let sizes =
        (options.get::<_, Option<usize>>("recvBufferSize")?, options.get::<_, Option<usize>>("sendBufferSize")?);
    Ok((|| {
        let at = socket_addr(&address.0, port)?;
        if at.is_ipv6() != ipv6 {
            return Err(invalid());
        }
        let socket = Socket::new(if ipv6 { Domain::IPV6 } else { Domain::IPV4 }, Type::DGRAM, None)?;
        socket.set_nonblocking(true)?;
        socket.set_cloexec(true)?;
        if reuse_addr {
            socket.set_reuse_address(true)?;
        }
        if reuse_port {
            socket.set_reuse_port(true)?;
        }
        if ipv6 {
            socket.set_only_v6(ipv6_only)?;
        }
        socket.bind(&SockAddr::from(at))?;
        if let Some(size) = sizes.0 {
            socket.set_recv_buffer_size(size)?;
        }
        if let Some(size) = sizes.1 {
            socket.set_send_buffer_size(size)?;
        }
        Ok(mio::net::UdpSocket::from_std(socket.into()))
    })())
}

fn number(value: &Value<'_>) -> io::Result<u32> {
    value.as_number().map(|n| n as u32).ok_or_else(invalid)
}

fn text(value: Value<'_>) -> io::Result<String> {
    value.get::<Utf8>().map(|t| t.0).map_err(|_| invalid())
}

/// `connect(2)` with `AF_UNSPEC`: the socket forgets its peer.
fn disconnect(socket: SockRef<'_>) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: a zeroed sockaddr with family AF_UNSPEC, of its own size.
    let unspec: libc::sockaddr = unsafe { std::mem::zeroed() };
    let size = std::mem::size_of::<libc::sockaddr>() as libc::socklen_t;
    // SAFETY: the fd is the handle's, alive while borrowed.
    let done = unsafe { libc::connect(socket.as_raw_fd(), &unspec, size) };
    if done == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

/// Joins or leaves a multicast group (on an interface given by its address).
fn membership(socket: SockRef<'_>, join: bool, group: &str, interface: Option<&str>) -> io::Result<()> {
    match ip(group)? {
        IpAddr::V4(group) => {
            let interface = match interface {
                Some(i) => i.parse::<Ipv4Addr>().map_err(|_| invalid())?,
                None => Ipv4Addr::UNSPECIFIED,
            };
            if join {
                socket.join_multicast_v4(&group, &interface)
            } else {
                socket.leave_multicast_v4(&group, &interface)
            }
        }
        IpAddr::V6(group) => {
            let index = interface.map(zone_index).unwrap_or(0);
            if join { socket.join_multicast_v6(&group, index) } else { socket.leave_multicast_v6(&group, index) }
        }
    }
}

/// Joins or leaves a source-specific multicast group (IPv4).
fn source_membership(
    socket: SockRef<'_>,
    join: bool,
    source: &str,
    group: &str,
    interface: Option<&str>,
) -> io::Result<()> {
    let (IpAddr::V4(source), IpAddr::V4(group)) = (ip(source)?, ip(group)?) else { return Err(invalid()) };
    let interface = match interface {
        Some(i) => i.parse::<Ipv4Addr>().map_err(|_| invalid())?,
        None => Ipv4Addr::UNSPECIFIED,
    };
    if join {
        socket.join_ssm_v4(&source, &group, &interface)
    } else {
        socket.leave_ssm_v4(&source, &group, &interface)
    }
}

/// The interface outgoing multicast uses: an IPv4 address, or an IPv6 zone.
fn multicast_interface(socket: SockRef<'_>, interface: &str) -> io::Result<()> {
    if socket.local_addr()?.is_ipv6() {
        // A zone names the interface (an unknown one: the default, 0).
        ip(interface)?;
        socket.set_multicast_if_v6(zone_index(interface))
    } else {
        socket.set_multicast_if_v4(&interface.parse().map_err(|_| invalid())?)
    }
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "dgram")?;
    let h = host.clone();
    // bind({ type, address, port, reuseAddr, reusePort, ipv6Only,
    // recvBufferSize, sendBufferSize, label }, callback): the id, or the failure.
    native.set(
        "bind",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, options: Object<'js>, callback: Function<'js>| {
            let state = &h.event_loop;
            let id = state.io.next_id();
            let callback = Persistent::save(&ctx, callback);
            let bound = bind(&options)?.and_then(|socket| state.io.net.bind_datagram(id, socket, callback));
            super::net::opened(&ctx, state, &options, id, bound, "bind")
        })?,
    )?;
    let h = host.clone();
    // send(id, bytes or a string as UTF-8, address, port): true when sent at
    // once, false when queued (a `sent` event follows), else the failure.
    // No address: to the connected peer.
    native.set(
        "send",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u64, data: Value<'js>, address: Option<Utf8>, port: u16| {
                let to = match address.map(|a| socket_addr(&a.0, port)).transpose() {
                    Ok(to) => to,
                    Err(err) => return failure(&ctx, err, "send"),
                };
                let net = &h.event_loop.io.net;
                let sent = if let Some(text) = data.as_string() {
                    net.send_datagram(id, text.to_string()?.as_bytes(), to)
                } else {
                    let bytes = TypedArray::<u8>::from_value(data)?;
                    // SAFETY: the bytes are sent or copied before JavaScript runs again.
                    net.send_datagram(id, unsafe { bytes.as_bytes() }.unwrap_or_default(), to)
                };
                match sent {
                    Ok(done) => done.into_js(&ctx),
                    Err(err) => failure(&ctx, err, "send"),
                }
            },
        )?,
    )?;
    // Options of a bound socket: each (id, …) → undefined or the failure.
    let option = |name: &'static str, set: fn(SockRef<'_>, Value<'_>) -> io::Result<()>| -> Result<()> {
        let h = host.clone();
        native.set(
            name,
            Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u64, value: Value<'js>| {
                let done = h.event_loop.io.net.with_socket(id, |s| set(s, value));
                outcome(&ctx, done.unwrap_or_else(|| Err(io::Error::from_raw_os_error(libc::EBADF))), name)
            })?,
        )
    };
    option("setBroadcast", |s, on| s.set_broadcast(on.as_bool().unwrap_or(false)))?;
    option("setTTL", |s, ttl| {
        let ttl = number(&ttl)?;
        if s.local_addr()?.is_ipv6() { s.set_unicast_hops_v6(ttl) } else { s.set_ttl_v4(ttl) }
    })?;
    option("setMulticastTTL", |s, ttl| {
        let ttl = number(&ttl)?;
        if s.local_addr()?.is_ipv6() { s.set_multicast_hops_v6(ttl) } else { s.set_multicast_ttl_v4(ttl) }
    })?;
    option("setMulticastLoopback", |s, on| {
        let on = on.as_bool().unwrap_or(false);
        if s.local_addr()?.is_ipv6() { s.set_multicast_loop_v6(on) } else { s.set_multicast_loop_v4(on) }
    })?;
    option("setMulticastInterface", |s, interface| multicast_interface(s, &text(interface)?))?;
    option("connect", |s, to| {
        let to: Object<'_> = to.get().map_err(|_| invalid())?;
        let address: Utf8 = to.get("address").map_err(|_| invalid())?;
        let port: u16 = to.get("port").map_err(|_| invalid())?;
        s.connect(&SockAddr::from(socket_addr(&address.0, port)?))
    })?;
    option("disconnect", |s, _| disconnect(s))?;
    // membership(id, { join, group, interface, source }).
    option("membership", |s, request| {
        let request: Object<'_> = request.get().map_err(|_| invalid())?;
        let get = |key: &str| request.get::<_, Option<Utf8>>(key).ok().flatten().map(|t| t.0);
        let join = request.get::<_, bool>("join").map_err(|_| invalid())?;
        let group = get("group").ok_or_else(invalid)?;
        match get("source") {
            Some(source) => source_membership(s, join, &source, &group, get("interface").as_deref()),
            None => membership(s, join, &group, get("interface").as_deref()),
        }
    })?;
    let h = host.clone();
    // bufferSize(id, receive, size): sets it when size > 0; the size in
    // effect, or the failure.
    native.set(
        "bufferSize",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u64, receive: bool, size: usize| {
            let syscall = if receive { "uv_recv_buffer_size" } else { "uv_send_buffer_size" };
            let result = h.event_loop.io.net.with_socket(id, |s| {
                if size > 0 {
                    if receive { s.set_recv_buffer_size(size)? } else { s.set_send_buffer_size(size)? }
                }
                if receive { s.recv_buffer_size() } else { s.send_buffer_size() }
            });
            match result.unwrap_or_else(|| Err(io::Error::from_raw_os_error(libc::EBADF))) {
                Ok(size) => (size as f64).into_js(&ctx),
                Err(err) => failure(&ctx, err, syscall),
            }
        })?,
    )?;
    Ok(())
}

//! Natives behind `dns.js`'s `lookup` and `lookupService`: the system
//! resolver (getaddrinfo / getnameinfo, so /etc/hosts and nsswitch count)
//! run on the blocking pool, as libuv does, each a traced I/O request.
//! And the DNS wire format for `dns.Resolver`, which sends its queries over
//! the loop's own UDP (and TCP) sockets as c-ares does: `encodeQuery` and
//! `decodeAnswer` (hickory-proto).

use std::ffi::{CStr, CString};
use std::net::{IpAddr, SocketAddr};
use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Result, Value};
use socket2::SockAddr;

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::io::Deliver;
use crate::event_loop::{Next, Request};

/// A resolver failure in Node's terms: libuv's `UV_EAI_*` number and the
/// code Node reports (`ENOTFOUND` for "no such name").
struct Failure {
    errno: i32,
    code: &'static str,
}

impl Failure {
    fn from_eai(eai: i32) -> Failure {
        let (errno, code) = match eai {
            // glibc's EAI_ADDRFAMILY.
            -9 => (-3000, "EAI_ADDRFAMILY"),
            libc::EAI_AGAIN => (-3001, "EAI_AGAIN"),
            libc::EAI_BADFLAGS => (-3002, "EAI_BADFLAGS"),
            libc::EAI_FAIL => (-3004, "EAI_FAIL"),
            libc::EAI_FAMILY => (-3005, "EAI_FAMILY"),
            libc::EAI_MEMORY => (-3006, "EAI_MEMORY"),
            libc::EAI_NODATA => (-3007, "ENOTFOUND"),
            libc::EAI_NONAME => (-3008, "ENOTFOUND"),
            libc::EAI_SERVICE => (-3010, "EAI_SERVICE"),
            libc::EAI_SOCKTYPE => (-3011, "EAI_SOCKTYPE"),
            _ => (-3014, "EAI_SYSTEM"),
        };
        Failure { errno, code }
    }

    fn to_js<'js>(&self, ctx: &Ctx<'js>, syscall: &str) -> Result<Value<'js>> {
        let info = Object::new(ctx.clone())?;
        info.set("errno", self.errno)?;
        info.set("code", self.code)?;
        info.set("syscall", syscall)?;
        Ok(info.into_value())
    }
}

/// getaddrinfo(3): the addresses of `host`, in the resolver's order.
fn getaddrinfo(host: &str, family: i32, flags: i32) -> std::result::Result<Vec<IpAddr>, Failure> {
    let Ok(name) = CString::new(host) else { return Err(Failure::from_eai(libc::EAI_NONAME)) };
    // SAFETY: a zeroed addrinfo is a valid "no hints" value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = match family {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    hints.ai_socktype = libc::SOCK_STREAM;
    hints.ai_flags = flags;
    let mut found: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid C strings and hints; the list is freed below.
    let status = unsafe { libc::getaddrinfo(name.as_ptr(), std::ptr::null(), &hints, &mut found) };
    if status != 0 {
        return Err(Failure::from_eai(status));
    }
    let mut addresses = Vec::new();
    let mut at = found;
    while !at.is_null() {
        // SAFETY: getaddrinfo's list, walked until its end.
        let info = unsafe { &*at };
        let length = info.ai_addrlen;
        // SAFETY: ai_addr holds ai_addrlen bytes of a socket address.
        let address = unsafe {
            SockAddr::try_init(|storage, len| {
                std::ptr::copy_nonoverlapping(info.ai_addr.cast::<u8>(), storage.cast::<u8>(), length as usize);
                *len = length;
                Ok(())
            })
        };
        if let Ok(((), address)) = address
            && let Some(ip) = address.as_socket()
            && !addresses.contains(&ip.ip())
        {
            addresses.push(ip.ip());
        }
        at = info.ai_next;
    }
    // SAFETY: the list getaddrinfo allocated.
    unsafe { libc::freeaddrinfo(found) };
    Ok(addresses)
}

/// getnameinfo(3): the host name and service of an address and port.
fn getnameinfo(address: SocketAddr) -> std::result::Result<(String, String), Failure> {
    let address = SockAddr::from(address);
    let mut host = [0 as libc::c_char; 1025];
    let mut service = [0 as libc::c_char; 32];
    // SAFETY: buffers of the given sizes; a valid socket address.
    let status = unsafe {
        libc::getnameinfo(
            address.as_ptr().cast(),
            address.len(),
            host.as_mut_ptr(),
            host.len() as _,
            service.as_mut_ptr(),
            service.len() as _,
            libc::NI_NAMEREQD,
        )
    };
    if status != 0 {
        return Err(Failure::from_eai(status));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let text = |s: &[libc::c_char]| unsafe { CStr::from_ptr(s.as_ptr()) }.to_string_lossy().into_owned();
    Ok((text(&host), text(&service)))
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "dns")?;
    let h = host.clone();
    // lookup(hostname, family, hints, callback): callback(failure) or
    // callback(undefined, [[address, family]…]).
    native.set(
        "lookup",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, name: Utf8, family: i32, flags: i32, callback: Function<'js>| {
                let label = format!("dns.lookup({})", name.0);
                let completer = h.event_loop.start_io(
                    &ctx,
                    callback,
                    Request::Operation { label: &label, next: Next::Done, steps: false },
                );
                h.event_loop.io.run_blocking(completer, "", move || {
                    let found = getaddrinfo(&name.0, family, flags);
                    let failure = found.as_ref().err().map(|f| f.code);
                    let deliver: Deliver = Box::new(move |ctx| {
                        Ok(match found {
                            Err(failure) => vec![failure.to_js(ctx, "getaddrinfo")?],
                            Ok(addresses) => {
                                let all = rquickjs::Array::new(ctx.clone())?;
                                for (i, ip) in addresses.iter().enumerate() {
                                    let pair = rquickjs::Array::new(ctx.clone())?;
                                    pair.set(0, ip.to_string())?;
                                    pair.set(1, if ip.is_ipv6() { 6 } else { 4 })?;
                                    all.set(i, pair)?;
                                }
                                vec![Value::new_undefined(ctx.clone()), all.into_value()]
                            }
                        })
                    });
                    (failure, deliver)
                });
            },
        )?,
    )?;
    let h = host.clone();
    // lookupService(address, port, callback): callback(failure) or
    // callback(undefined, hostname, service).
    native.set(
        "lookupService",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, address: Utf8, port: u16, callback: Function<'js>| {
            let label = format!("dns.lookupService({}, {port})", address.0);
            let completer = h.event_loop.start_io(
                &ctx,
                callback,
                Request::Operation { label: &label, next: Next::Done, steps: false },
            );
            let ip: Option<IpAddr> = address.parse().ok();
            h.event_loop.io.run_blocking(completer, "", move || {
                let found = ip
                    .map(|ip| getnameinfo(SocketAddr::new(ip, port)))
                    .unwrap_or(Err(Failure::from_eai(libc::EAI_NONAME)));
                let failure = found.as_ref().err().map(|f| f.code);
                let deliver: Deliver = Box::new(move |ctx| {
                    Ok(match found {
                        Err(failure) => vec![failure.to_js(ctx, "getnameinfo")?],
                        Ok((host, service)) => {
                            vec![Value::new_undefined(ctx.clone()), host.into_js(ctx)?, service.into_js(ctx)?]
                        }
                    })
                });
                (failure, deliver)
            });
        })?,
    )?;
    // encodeQuery(id, name, type): the query's bytes, or undefined for a
    // name that is not one.
    native.set(
        "encodeQuery",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u16, name: Utf8, kind: Utf8| -> Result<Value<'js>> {
            match wire::query(id, &name.0, &kind.0) {
                Some(bytes) => Ok(rquickjs::ArrayBuffer::new(ctx, bytes)?.into_value()),
                None => Ok(Value::new_undefined(ctx)),
            }
        })?,
    )?;
    // decodeAnswer(bytes): { id, rcode, truncated, answers: [[type, record]…] }
    // with each record in the shape `resolveAny` gives, or undefined for
    // bytes that are no DNS response.
    native.set(
        "decodeAnswer",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, bytes: rquickjs::TypedArray<'js, u8>| {
            // SAFETY: read at once, before JavaScript runs again.
            let bytes = unsafe { bytes.as_bytes() }.unwrap_or_default();
            match hickory_proto::op::Message::from_vec(bytes) {
                Ok(message) => wire::answer_js(&ctx, &message),
                Err(_) => Ok(Value::new_undefined(ctx)),
            }
        })?,
    )?;
    native.set("ADDRCONFIG", libc::AI_ADDRCONFIG)?;
    native.set("V4MAPPED", libc::AI_V4MAPPED)?;
    native.set("ALL", libc::AI_ALL)?;
    Ok(())
}

/// DNS messages: a query made, a response read.
mod wire {
    use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
    use hickory_proto::rr::{Name, RData, RecordType};
    use rquickjs::{Array, Ctx, IntoJs, Object, Result, Value};

    pub fn query(id: u16, name: &str, kind: &str) -> Option<Vec<u8>> {
        let kind: RecordType = kind.parse().ok()?;
        let name = Name::from_utf8(name).ok()?;
        let mut message = Message::new(id, MessageType::Query, OpCode::Query);
        message.metadata.recursion_desired = true;
        message.add_query(Query::query(name, kind));
        message.to_vec().ok()
    }

    /// c-ares's words for a response code (`ENOTFOUND` for NXDOMAIN).
    fn rcode(code: ResponseCode) -> &'static str {
        match code {
            ResponseCode::NoError => "NOERROR",
            ResponseCode::FormErr => "EFORMERR",
            ResponseCode::ServFail => "ESERVFAIL",
            ResponseCode::NXDomain => "ENOTFOUND",
            ResponseCode::NotImp => "ENOTIMP",
            ResponseCode::Refused => "EREFUSED",
            _ => "EBADRESP",
        }
    }

    /// A name as c-ares gives it: no trailing dot.
    fn name(name: &Name) -> String {
        let text = name.to_utf8();
        text.strip_suffix('.').map(str::to_owned).unwrap_or(text)
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    pub fn answer_js<'js>(ctx: &Ctx<'js>, message: &Message) -> Result<Value<'js>> {
        let answer = Object::new(ctx.clone())?;
        answer.set("id", message.metadata.id)?;
        answer.set("rcode", rcode(message.metadata.response_code))?;
        answer.set("truncated", message.metadata.truncation)?;
        answer.set("response", message.metadata.message_type == MessageType::Response)?;
        let records = Array::new(ctx.clone())?;
        for record in &message.answers {
            let Some((kind, value)) = record_js(ctx, &record.data, record.ttl)? else { continue };
            let pair = Array::new(ctx.clone())?;
            pair.set(0, kind)?;
            pair.set(1, value)?;
            records.set(records.len(), pair)?;
        }
        answer.set("answers", records)?;
        answer.into_js(ctx)
    }

    fn record_js<'js>(ctx: &Ctx<'js>, data: &RData, ttl: u32) -> Result<Option<(&'static str, Object<'js>)>> {
        let o = Object::new(ctx.clone())?;
        let kind = match data {
            RData::A(a) => {
                o.set("address", a.0.to_string())?;
                o.set("ttl", ttl)?;
                "A"
            }
            RData::AAAA(a) => {
                o.set("address", a.0.to_string())?;
                o.set("ttl", ttl)?;
                "AAAA"
            }
            RData::CNAME(n) => {
                o.set("value", name(&n.0))?;
                "CNAME"
            }
            RData::NS(n) => {
                o.set("value", name(&n.0))?;
                "NS"
            }
            RData::PTR(n) => {
                o.set("value", name(&n.0))?;
                "PTR"
            }
            RData::MX(mx) => {
                o.set("exchange", name(&mx.exchange))?;
                o.set("priority", mx.preference)?;
                "MX"
            }
            RData::TXT(txt) => {
                let entries: Vec<String> = txt.txt_data.iter().map(|t| text(t)).collect();
                o.set("entries", entries)?;
                "TXT"
            }
            RData::SRV(srv) => {
                o.set("name", name(&srv.target))?;
                o.set("port", srv.port)?;
                o.set("priority", srv.priority)?;
                o.set("weight", srv.weight)?;
                "SRV"
            }
            RData::NAPTR(n) => {
                o.set("flags", text(&n.flags))?;
                o.set("service", text(&n.services))?;
                o.set("regexp", text(&n.regexp))?;
                o.set("replacement", name(&n.replacement))?;
                o.set("order", n.order)?;
                o.set("preference", n.preference)?;
                "NAPTR"
            }
            RData::SOA(soa) => {
                o.set("nsname", name(&soa.mname))?;
                o.set("hostmaster", name(&soa.rname))?;
                o.set("serial", soa.serial)?;
                o.set("refresh", soa.refresh)?;
                o.set("retry", soa.retry)?;
                o.set("expire", soa.expire)?;
                o.set("minttl", soa.minimum)?;
                "SOA"
            }
            RData::CAA(caa) => {
                o.set("critical", if caa.issuer_critical { 128 } else { 0 })?;
                o.set(caa.tag.as_str(), text(&caa.value))?;
                "CAA"
            }
            _ => return Ok(None),
        };
        Ok(Some((kind, o)))
    }
}

//! Natives behind `http.js`: the HTTP/1.1 parser (heads by `httparse`,
//! bodies framed here as RFC 9112 says: Content-Length, chunked with
//! trailers, or until the connection closes). One parser per connection,
//! named by id; `execute` takes what the socket read and returns what it
//! completed, as a flat array the JavaScript side walks:
//! `[HEAD, info, BODY, bytes, END, trailers, ERROR, info, UPGRADE, rest…]`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rquickjs::{Array, ArrayBuffer, Ctx, Function, Object, Result, TypedArray, Value};

use super::Host;

const HEAD: i32 = 1;
const BODY: i32 = 2;
const END: i32 = 3;
const ERROR: i32 = 4;
const UPGRADE: i32 = 5;

/// The methods llhttp knows (`http.METHODS`); others are refused.
const METHODS: &[&str] = &[
    "ACL",
    "BIND",
    "CHECKOUT",
    "CONNECT",
    "COPY",
    "DELETE",
    "GET",
    "HEAD",
    "LINK",
    "LOCK",
    "M-SEARCH",
    "MERGE",
    "MKACTIVITY",
    "MKCALENDAR",
    "MKCOL",
    "MOVE",
    "NOTIFY",
    "OPTIONS",
    "PATCH",
    "POST",
    "PROPFIND",
    "PROPPATCH",
    "PURGE",
    "PUT",
    "QUERY",
    "REBIND",
    "REPORT",
    "SEARCH",
    "SOURCE",
    "SUBSCRIBE",
    "TRACE",
    "UNBIND",
    "UNLINK",
    "UNLOCK",
    "UNSUBSCRIBE",
];

/// Where the parser is in the current message.
enum Framing {
    Head,
    /// So many bytes of body left.
    Length(u64),
    Chunked(Chunk),
    /// A response body that ends with the connection.
    UntilClose,
    /// The connection is another protocol's now (or broken): nothing more
    /// is parsed.
    Done,
}

enum Chunk {
    Size,
    Data(u64),
    /// The CRLF after a chunk's data.
    DataEnd,
    Trailers,
}

struct Parser {
    request: bool,
    max_head: usize,
    framing: Framing,
    /// Bytes of an incomplete head, chunk size line or trailers.
    pending: Vec<u8>,
    /// The response to a HEAD request has no body (the client says so).
    no_body: bool,
    /// Bytes parsed so far, for errors' `bytesParsed`.
    parsed: usize,
    /// Whether an upgrade request hands the connection over (a server
    /// with `'upgrade'` listeners; CONNECT always does).
    upgrades: bool,
}

/// A parse error: Node's (llhttp's) code and reason, and where in the
/// bytes given it was found.
struct Failure(&'static str, &'static str, usize);

/// What one head says.
struct Head {
    info: HeadInfo,
    raw_headers: Vec<(String, String)>,
}

#[derive(Default)]
struct HeadInfo {
    method: Option<String>,
    url: Option<String>,
    status: Option<u16>,
    reason: Option<String>,
    version: u8,
    keep_alive: bool,
    upgrade: bool,
}

impl Parser {
    fn new(request: bool, max_head: usize) -> Parser {
        Parser {
            request,
            max_head,
            framing: Framing::Head,
            pending: Vec::new(),
            no_body: false,
            parsed: 0,
            upgrades: true,
        }
    }

    /// Parses `input`, pushing each event onto `out`.
    fn execute<'js>(&mut self, ctx: &Ctx<'js>, input: &[u8], out: &mut Events<'js>) -> Result<()> {
        let joined;
        let mut input = input;
        if !self.pending.is_empty() {
            let mut pending = std::mem::take(&mut self.pending);
            pending.extend_from_slice(input);
            joined = pending;
            input = &joined[..];
        }
        while !input.is_empty() {
            match self.step(ctx, input, out) {
                Ok(Some(used)) => {
                    self.parsed += used;
                    input = &input[used..];
                }
                Ok(None) => {
                    if matches!(self.framing, Framing::Head) && input.len() > self.max_head {
                        return self.fail(ctx, out, Failure("HPE_HEADER_OVERFLOW", "Header overflow", 0));
                    }
                    self.pending = input.to_vec();
                    return Ok(());
                }
                Err(failure) => return self.fail(ctx, out, failure),
            }
            if matches!(self.framing, Framing::Done) {
                if !input.is_empty() {
                    out.push(UPGRADE, ArrayBuffer::new(ctx.clone(), input.to_vec())?.into_value());
                }
                return Ok(());
            }
        }
        Ok(())
    }

    fn fail<'js>(&mut self, ctx: &Ctx<'js>, out: &mut Events<'js>, Failure(code, reason, at): Failure) -> Result<()> {
        self.framing = Framing::Done;
        self.pending.clear();
        let info = Object::new(ctx.clone())?;
        info.set("code", code)?;
        info.set("reason", reason)?;
        info.set("bytesParsed", self.parsed + at)?;
        out.push(ERROR, info.into_value());
        Ok(())
    }

    /// One step: how much of `input` it used, or `None` if it needs more.
    fn step<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        input: &[u8],
        out: &mut Events<'js>,
    ) -> std::result::Result<Option<usize>, Failure> {
        let js = |r: Result<()>| r.map_err(|_| Failure("HPE_USER", "JavaScript error", 0));
        match &mut self.framing {
            Framing::Head => {
                // Empty lines before a request are ignored (RFC 9112 §2.2).
                if self.request && (input.starts_with(b"\r\n") || input.starts_with(b"\n")) {
                    return Ok(Some(if input[0] == b'\r' { 2 } else { 1 }));
                }
                let Some((used, head)) = parse_head(input, self.request)? else { return Ok(None) };
                if used > self.max_head {
                    return Err(Failure("HPE_HEADER_OVERFLOW", "Header overflow", 0));
                }
                let mut head = head;
                let connect = head.info.method.as_deref() == Some("CONNECT");
                head.info.upgrade &= connect || self.upgrades || !self.request;
                let framing = self.framing_of(&head)?;
                // A body that ends with the connection leaves none to keep.
                if let Framing::UntilClose = framing {
                    head.info.keep_alive = false;
                }
                let upgrade = head.info.upgrade;
                js(out.head(ctx, head))?;
                self.no_body = false;
                self.framing = if upgrade { Framing::Done } else { framing };
                if let Framing::Head = self.framing {
                    js(out.end(ctx, Vec::new()))?;
                }
                Ok(Some(used))
            }
            Framing::Length(left) => {
                let n = (*left).min(input.len() as u64) as usize;
                *left -= n as u64;
                js(out.body(ctx, &input[..n]))?;
                if *left == 0 {
                    self.framing = Framing::Head;
                    js(out.end(ctx, Vec::new()))?;
                }
                Ok(Some(n))
            }
            Framing::UntilClose => {
                js(out.body(ctx, input))?;
                Ok(Some(input.len()))
            }
            Framing::Chunked(chunk) => match chunk {
                Chunk::Size => match httparse::parse_chunk_size(input) {
                    Ok(httparse::Status::Complete((used, 0))) => {
                        *chunk = Chunk::Trailers;
                        Ok(Some(used))
                    }
                    Ok(httparse::Status::Complete((used, size))) => {
                        *chunk = Chunk::Data(size);
                        Ok(Some(used))
                    }
                    Ok(httparse::Status::Partial) if input.len() > 1024 => {
                        Err(Failure("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", 0))
                    }
                    Ok(httparse::Status::Partial) => Ok(None),
                    Err(_) => Err(Failure("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", 0)),
                },
                Chunk::Data(left) => {
                    let n = (*left).min(input.len() as u64) as usize;
                    *left -= n as u64;
                    if *left == 0 {
                        *chunk = Chunk::DataEnd;
                    }
                    js(out.body(ctx, &input[..n]))?;
                    Ok(Some(n))
                }
                Chunk::DataEnd => {
                    if input.starts_with(b"\r\n") {
                        *chunk = Chunk::Size;
                        Ok(Some(2))
                    } else if input.starts_with(b"\n") {
                        *chunk = Chunk::Size;
                        Ok(Some(1))
                    } else if input == b"\r" {
                        Ok(None)
                    } else {
                        Err(Failure("HPE_STRICT", "Expected LF after chunk data", 0))
                    }
                }
                Chunk::Trailers => {
                    let mut headers = vec![httparse::EMPTY_HEADER; 64];
                    match httparse::parse_headers(input, &mut headers) {
                        Ok(httparse::Status::Complete((used, found))) => {
                            let trailers = found.iter().map(|h| (h.name.to_owned(), value_text(h.value))).collect();
                            self.framing = Framing::Head;
                            js(out.end(ctx, trailers))?;
                            Ok(Some(used))
                        }
                        Ok(httparse::Status::Partial) if input.len() > self.max_head => {
                            Err(Failure("HPE_HEADER_OVERFLOW", "Header overflow", 0))
                        }
                        Ok(httparse::Status::Partial) => Ok(None),
                        Err(_) => Err(Failure("HPE_INVALID_HEADER_TOKEN", "Invalid header token", 0)),
                    }
                }
            },
            Framing::Done => Ok(Some(input.len())),
        }
    }

    /// How the body of the message with this head is delimited.
    fn framing_of(&self, head: &Head) -> std::result::Result<Framing, Failure> {
        let header = |name: &'static str| head.raw_headers.iter().filter(move |(n, _)| n.eq_ignore_ascii_case(name));
        let chunked = header("transfer-encoding")
            .next_back()
            .map(|(_, v)| v.rsplit(',').next().is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked")));
        let mut length = None;
        for (_, value) in header("content-length") {
            let value = value.trim();
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Failure("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", 0));
            }
            let parsed: u64 =
                value.parse().map_err(|_| Failure("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", 0))?;
            if length.is_some_and(|l| l != parsed) {
                return Err(Failure("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", 0));
            }
            length = Some(parsed);
        }
        if chunked.is_some() && length.is_some() {
            return Err(Failure(
                "HPE_UNEXPECTED_CONTENT_LENGTH",
                "Content-Length can't be present with Transfer-Encoding",
                0,
            ));
        }
        if !self.request {
            let status = head.info.status.unwrap_or(200);
            if self.no_body || (100..200).contains(&status) || status == 204 || status == 304 {
                return Ok(Framing::Head);
            }
        }
        Ok(match (chunked, length) {
            (Some(true), _) => Framing::Chunked(Chunk::Size),
            (Some(false), _) if self.request => {
                return Err(Failure("HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`", 0));
            }
            (Some(false), _) => Framing::UntilClose,
            (None, Some(0)) => Framing::Head,
            (None, Some(n)) => Framing::Length(n),
            (None, None) if self.request => Framing::Head,
            (None, None) => Framing::UntilClose,
        })
    }

    /// The connection ended: a body delimited by it is complete; anything
    /// else half-parsed is an error.
    fn finish<'js>(&mut self, ctx: &Ctx<'js>, out: &mut Events<'js>) -> Result<()> {
        match self.framing {
            Framing::UntilClose => {
                self.framing = Framing::Head;
                out.end(ctx, Vec::new())
            }
            Framing::Head if self.pending.is_empty() => Ok(()),
            Framing::Done => Ok(()),
            _ => self.fail(ctx, out, Failure("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0)),
        }
    }
}

fn value_text(value: &[u8]) -> String {
    // Header values are Latin-1 on the wire, as Node reads them.
    value.iter().map(|&b| b as char).collect()
}

/// Where a request's method stops being the start of one llhttp knows, as
/// soon as its bytes show it (llhttp refuses `FOO` at its first letter,
/// before the line is complete).
fn bad_method_at(input: &[u8]) -> Option<usize> {
    let end = input.iter().position(|&b| b == b' ').unwrap_or(input.len());
    let method = &input[..end];
    if let Some(at) = (0..method.len()).find(|&i| !METHODS.iter().any(|m| m.as_bytes().starts_with(&method[..=i]))) {
        return Some(at);
    }
    (end < input.len() && !METHODS.iter().any(|m| m.as_bytes() == method)).then_some(end)
}

/// Parses a request or status line and headers, if complete.
fn parse_head(input: &[u8], request: bool) -> std::result::Result<Option<(usize, Head)>, Failure> {
    if request && let Some(at) = bad_method_at(input) {
        return Err(Failure("HPE_INVALID_METHOD", "Invalid method encountered", at + 1));
    }
    let mut size = 64;
    loop {
        let mut headers = vec![httparse::EMPTY_HEADER; size];
        let parsed = if request {
            let mut req = httparse::Request::new(&mut headers);
            req.parse(input).map(|status| match status {
                httparse::Status::Partial => None,
                httparse::Status::Complete(used) => {
                    let info = HeadInfo {
                        method: req.method.map(str::to_owned),
                        url: req.path.map(str::to_owned),
                        version: req.version.unwrap_or(1),
                        ..HeadInfo::default()
                    };
                    Some((used, info, req.headers.iter().map(|h| (h.name.to_owned(), value_text(h.value))).collect()))
                }
            })
        } else {
            let mut res = httparse::Response::new(&mut headers);
            res.parse(input).map(|status| match status {
                httparse::Status::Partial => None,
                httparse::Status::Complete(used) => {
                    let info = HeadInfo {
                        status: res.code,
                        reason: res.reason.map(str::to_owned),
                        version: res.version.unwrap_or(1),
                        ..HeadInfo::default()
                    };
                    Some((used, info, res.headers.iter().map(|h| (h.name.to_owned(), value_text(h.value))).collect()))
                }
            })
        };
        let (used, mut info, raw_headers): (usize, HeadInfo, Vec<(String, String)>) = match parsed {
            Ok(Some(head)) => head,
            Ok(None) => return Ok(None),
            Err(httparse::Error::TooManyHeaders) if size < 8192 => {
                size *= 4;
                continue;
            }
            Err(err) => return Err(failure_of(err, request, input)),
        };
        if request && !info.method.as_deref().is_some_and(|m| METHODS.contains(&m)) {
            return Err(Failure("HPE_INVALID_METHOD", "Invalid method encountered", 0));
        }
        let connection = |token: &str| {
            raw_headers.iter().any(|(n, v)| {
                n.eq_ignore_ascii_case("connection") && v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token))
            })
        };
        info.keep_alive = if info.version == 1 { !connection("close") } else { connection("keep-alive") };
        let has_upgrade = raw_headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("upgrade"));
        info.upgrade = if request {
            info.method.as_deref() == Some("CONNECT") || (has_upgrade && connection("upgrade"))
        } else {
            info.status == Some(101)
        };
        return Ok(Some((used, Head { info, raw_headers })));
    }
}

fn failure_of(err: httparse::Error, request: bool, input: &[u8]) -> Failure {
    // llhttp finds a bad version at the end of the request line.
    let line_end = input.iter().position(|&b| b == b'\r' || b == b'\n').unwrap_or(input.len());
    let mut failure = failure_kind(err, request);
    if matches!(err, httparse::Error::Version) {
        failure.2 = line_end;
    }
    // A value ending in a CR with no LF: llhttp expected the LF.
    let bare_cr = input.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n');
    if matches!(err, httparse::Error::HeaderValue) && bare_cr {
        failure = Failure("HPE_LF_EXPECTED", "Missing expected LF after header value", 0);
    }
    failure
}

fn failure_kind(err: httparse::Error, request: bool) -> Failure {
    match err {
        httparse::Error::Token if request => Failure("HPE_INVALID_METHOD", "Invalid method encountered", 0),
        httparse::Error::HeaderName => Failure("HPE_INVALID_HEADER_TOKEN", "Invalid header token", 0),
        httparse::Error::HeaderValue => Failure("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", 0),
        httparse::Error::NewLine => Failure("HPE_LF_EXPECTED", "Missing expected LF after header value", 0),
        httparse::Error::Status => Failure("HPE_INVALID_STATUS", "Invalid status code", 0),
        httparse::Error::Version => Failure("HPE_INVALID_VERSION", "Invalid HTTP version", 0),
        httparse::Error::TooManyHeaders => Failure("HPE_HEADER_OVERFLOW", "Header overflow", 0),
        httparse::Error::Token => Failure("HPE_INVALID_CONSTANT", "Expected HTTP/", 0),
    }
}

/// The events of one `execute`, flat: a kind, then its value.
struct Events<'js> {
    array: Array<'js>,
    len: usize,
}

impl<'js> Events<'js> {
    fn push(&mut self, kind: i32, value: Value<'js>) {
        let _ = self.array.set(self.len, kind);
        let _ = self.array.set(self.len + 1, value);
        self.len += 2;
    }

    fn head(&mut self, ctx: &Ctx<'js>, head: Head) -> Result<()> {
        let info = Object::new(ctx.clone())?;
        let HeadInfo { method, url, status, reason, version, keep_alive, upgrade } = head.info;
        info.set("method", method)?;
        info.set("url", url)?;
        info.set("statusCode", status)?;
        info.set("statusMessage", reason)?;
        info.set("versionMajor", 1)?;
        info.set("versionMinor", version)?;
        info.set("shouldKeepAlive", keep_alive)?;
        info.set("upgrade", upgrade)?;
        info.set("rawHeaders", flat(ctx, head.raw_headers)?)?;
        self.push(HEAD, info.into_value());
        Ok(())
    }

    fn body(&mut self, ctx: &Ctx<'js>, bytes: &[u8]) -> Result<()> {
        if !bytes.is_empty() {
            self.push(BODY, ArrayBuffer::new(ctx.clone(), bytes.to_vec())?.into_value());
        }
        Ok(())
    }

    fn end(&mut self, ctx: &Ctx<'js>, trailers: Vec<(String, String)>) -> Result<()> {
        self.push(END, flat(ctx, trailers)?.into_value());
        Ok(())
    }
}

/// `[name, value, name, value…]`, as `rawHeaders`.
fn flat<'js>(ctx: &Ctx<'js>, pairs: Vec<(String, String)>) -> Result<Array<'js>> {
    let array = Array::new(ctx.clone())?;
    for (i, (name, value)) in pairs.into_iter().enumerate() {
        array.set(2 * i, name)?;
        array.set(2 * i + 1, value)?;
    }
    Ok(array)
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, _host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "http")?;
    let parsers: Rc<RefCell<HashMap<u32, Parser>>> = Rc::default();
    let next = Rc::new(Cell::new(1u32));
    let all = parsers.clone();
    native.set(
        "parser",
        Function::new(ctx.clone(), move |request: bool, max_head: usize| {
            let id = next.get();
            next.set(id + 1);
            all.borrow_mut().insert(id, Parser::new(request, max_head));
            id
        })?,
    )?;
    let all = parsers.clone();
    native.set(
        "execute",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, bytes: TypedArray<'js, u8>, upgrades: bool| {
            let mut out = Events { array: Array::new(ctx.clone())?, len: 0 };
            if let Some(parser) = all.borrow_mut().get_mut(&id) {
                parser.upgrades = upgrades;
                // SAFETY: the bytes are read before JavaScript runs again.
                parser.execute(&ctx, unsafe { bytes.as_bytes() }.unwrap_or_default(), &mut out)?;
            }
            Ok::<_, rquickjs::Error>(out.array)
        })?,
    )?;
    let all = parsers.clone();
    native.set(
        "finish",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32| {
            let mut out = Events { array: Array::new(ctx.clone())?, len: 0 };
            if let Some(parser) = all.borrow_mut().get_mut(&id) {
                parser.finish(&ctx, &mut out)?;
            }
            Ok::<_, rquickjs::Error>(out.array)
        })?,
    )?;
    let all = parsers.clone();
    // The next response answers a HEAD request: it has no body.
    native.set(
        "noBody",
        Function::new(ctx.clone(), move |id: u32| {
            if let Some(parser) = all.borrow_mut().get_mut(&id) {
                parser.no_body = true;
            }
        })?,
    )?;
    let all = parsers;
    native.set(
        "free",
        Function::new(ctx.clone(), move |id: u32| {
            all.borrow_mut().remove(&id);
        })?,
    )?;
    Ok(())
}

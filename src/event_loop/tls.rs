//! TLS over a socket handle (rustls), as Node's TLSWrap over a TCP handle:
//! ciphertext moves between the socket and the session in the poll phase,
//! and JavaScript sees plaintext — a `secure` event once the handshake is
//! done, then `data`, `end`, `written` and `shutdown` as for any stream.

use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

use super::net::{Event, Stream};

/// What the client's certificate check found: Node's `authorizationError`
/// (an OpenSSL code such as `DEPTH_ZERO_SELF_SIGNED_CERT`), if any. The
/// handshake goes on either way; JavaScript applies `rejectUnauthorized`.
pub type Verdict = Arc<Mutex<Option<&'static str>>>;

pub struct Tls {
    pub conn: rustls::Connection,
    pub verdict: Verdict,
    /// The handshake is done and `secure` was delivered.
    secure: bool,
    /// The peer's TCP side ended.
    eof: bool,
    /// Writes whose ciphertext has not all gone out.
    pending_writes: usize,
    /// close_notify sent, for a shutdown.
    closed: bool,
    /// Sending failed (the peer is gone): what is left is dropped.
    broken: bool,
    /// The first bytes were looked at: an HTTP request (Node's
    /// ERR_SSL_HTTP_REQUEST) rather than a TLS record?
    peeked: bool,
    looks_like_http: bool,
}

/// The stream's flags a TLS step reads and updates.
pub struct Flags<'a> {
    pub readable: &'a mut bool,
    pub writable: &'a mut bool,
    pub reading: &'a mut bool,
    pub shutdown: &'a mut bool,
}

pub enum Step {
    Event(Event),
    /// Progress without an event: go on.
    Again,
}

impl Tls {
    pub fn new(mut conn: rustls::Connection, verdict: Verdict) -> Tls {
        conn.set_buffer_limit(None);
        Tls {
            conn,
            verdict,
            secure: false,
            eof: false,
            pending_writes: 0,
            closed: false,
            broken: false,
            peeked: false,
            looks_like_http: false,
        }
    }

    /// One step: ciphertext in, ciphertext out, then what JavaScript hears.
    pub fn step(&mut self, stream: &mut Stream, flags: Flags<'_>, scratch: &mut [u8]) -> Option<Step> {
        let Flags { readable, writable, reading, shutdown } = flags;
        // The handshake is done: JavaScript hears it before our last flight
        // goes out, so that a client refusing the certificate closes first
        // (the server sees a reset, as with Node).
        if !self.secure && !self.conn.is_handshaking() {
            self.secure = true;
            return Some(Step::Event(Event::Secure));
        }
        // Ciphertext out: handshake messages, alerts, application data.
        while *writable && !self.broken && self.conn.wants_write() {
            match self.conn.write_tls(stream) {
                Ok(_) => {}
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => *writable = false,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => {
                    self.broken = true;
                    if self.pending_writes > 0 {
                        self.pending_writes = 0;
                        return Some(Step::Event(Event::Written(Some(err))));
                    }
                    if *shutdown {
                        *shutdown = false;
                        return Some(Step::Event(Event::Shutdown(Some(err))));
                    }
                    return Some(Step::Event(Event::ReadError(err)));
                }
            }
        }
        if self.pending_writes > 0 && !self.wants_write() {
            self.pending_writes -= 1;
            return Some(Step::Event(Event::Written(None)));
        }
        // Plaintext the session holds.
        if *reading && self.secure {
            match self.conn.reader().read(scratch) {
                Ok(0) => {
                    *reading = false;
                    return Some(Step::Event(Event::End));
                }
                Ok(n) => return Some(Step::Event(Event::Data(scratch[..n].to_vec()))),
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                    if self.eof {
                        *reading = false;
                        return Some(Step::Event(Event::End));
                    }
                }
                // The peer closed without close_notify: an end all the same.
                Err(_) => {
                    *reading = false;
                    return Some(Step::Event(Event::End));
                }
            }
        }
        // Ciphertext in: while handshaking, or while JavaScript reads.
        if *readable && !self.eof && (self.conn.is_handshaking() || *reading) {
            let mut peek = [0u8; 5];
            if !self.peeked
                && let Stream::Tcp(tcp) = stream
            {
                match tcp.peek(&mut peek) {
                    Ok(n) => {
                        self.peeked = true;
                        self.looks_like_http =
                            [&b"GET "[..], b"POST ", b"HEAD ", b"PUT ", b"DELET", b"OPTIO", b"PATCH"]
                                .iter()
                                .any(|m| n >= 4 && peek[..n].starts_with(&m[..m.len().min(n)]));
                    }
                    Err(err) if err.kind() == io::ErrorKind::WouldBlock => *readable = false,
                    // The peek took the socket's error: it is the read's.
                    Err(err) => return Some(Step::Event(Event::ReadError(err))),
                }
                if !*readable {
                    return None;
                }
            }
            match self.conn.read_tls(stream) {
                Ok(0) => {
                    self.eof = true;
                    if self.conn.is_handshaking() {
                        return Some(Step::Event(Event::TlsError(
                            "ECONNRESET",
                            "Client network socket disconnected before secure TLS connection was established".into(),
                        )));
                    }
                    return Some(Step::Again);
                }
                Ok(_) => {
                    if let Err(err) = self.conn.process_new_packets() {
                        // A handshake refused gets its alert; bytes that are
                        // not TLS at all get nothing back, as from OpenSSL.
                        let not_tls = matches!(err, rustls::Error::InvalidMessage(_));
                        if !not_tls {
                            let _ = self.conn.write_tls(stream);
                        }
                        let code =
                            if not_tls && self.looks_like_http { "ERR_SSL_HTTP_REQUEST" } else { error_code(&err) };
                        return Some(Step::Event(Event::TlsError(code, err.to_string())));
                    }
                    return Some(Step::Again);
                }
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => *readable = false,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => return Some(Step::Again),
                // A reset in the middle of a handshake is a hang-up, as Node says.
                Err(err) if self.conn.is_handshaking() && err.kind() == io::ErrorKind::ConnectionReset => {
                    return Some(Step::Event(Event::TlsError("ECONNRESET", "socket hang up".into())));
                }
                Err(err) => return Some(Step::Event(Event::ReadError(err))),
            }
        }
        if *shutdown && self.pending_writes == 0 {
            if !self.closed {
                self.closed = true;
                self.conn.send_close_notify();
                return Some(Step::Again);
            }
            if !self.wants_write() {
                *shutdown = false;
                return Some(Step::Event(Event::Shutdown(stream.shutdown().err())));
            }
        }
        None
    }

    /// Plaintext to send: done at once (`Ok(true)`) when its ciphertext
    /// went out, else a `written` event follows.
    pub fn write(&mut self, stream: &mut Stream, bytes: &[u8], writable: &mut bool) -> io::Result<bool> {
        self.conn.writer().write_all(bytes)?;
        while *writable && self.wants_write() {
            match self.conn.write_tls(stream) {
                Ok(_) => {}
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => *writable = false,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        if self.wants_write() || !self.secure {
            self.pending_writes += 1;
            return Ok(false);
        }
        Ok(true)
    }

    /// Whether it has work without a new event (ciphertext to send).
    pub fn has_work(&self) -> bool {
        self.wants_write() || self.pending_writes > 0
    }

    fn wants_write(&self) -> bool {
        !self.broken && self.conn.wants_write()
    }
}

/// Node's code for a TLS failure, in OpenSSL's spelling where one fits.
fn error_code(err: &rustls::Error) -> &'static str {
    use rustls::{AlertDescription, Error};
    match err {
        Error::InvalidMessage(_) => "ERR_SSL_WRONG_VERSION_NUMBER",
        Error::AlertReceived(AlertDescription::HandshakeFailure) => "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
        Error::AlertReceived(AlertDescription::BadCertificate) => "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
        Error::AlertReceived(AlertDescription::UnknownCA) => "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
        Error::AlertReceived(AlertDescription::ProtocolVersion) => "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION",
        Error::AlertReceived(AlertDescription::NoApplicationProtocol) => "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
        Error::AlertReceived(_) => "ERR_SSL_TLSV1_ALERT",
        Error::NoApplicationProtocol => "ERR_SSL_NO_APPLICATION_PROTOCOL",
        Error::PeerIncompatible(_) => "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
        Error::NoCertificatesPresented => "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE",
        _ => "ERR_SSL_SSL_HANDSHAKE_FAILURE",
    }
}

impl Read for Stream {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.read_bytes(buffer)
    }
}

impl Write for Stream {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_bytes(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

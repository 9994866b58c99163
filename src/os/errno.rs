//! Node's spelling of OS errors (libuv's table): `ENOENT: no such file or directory`.

use std::io;

use rquickjs::{Ctx, Object, Result, Value};

/// Each errno libuv knows: its number, its code name and libuv's description.
const TABLE: &[(i32, &str, &str)] = &[
    (libc::EPERM, "EPERM", "operation not permitted"),
    (libc::ENOENT, "ENOENT", "no such file or directory"),
    (libc::ESRCH, "ESRCH", "no such process"),
    (libc::EINTR, "EINTR", "interrupted system call"),
    (libc::EIO, "EIO", "i/o error"),
    (libc::ENXIO, "ENXIO", "no such device or address"),
    (libc::E2BIG, "E2BIG", "argument list too long"),
    (libc::EBADF, "EBADF", "bad file descriptor"),
    (libc::EAGAIN, "EAGAIN", "resource temporarily unavailable"),
    (libc::ENOMEM, "ENOMEM", "not enough memory"),
    (libc::EACCES, "EACCES", "permission denied"),
    (libc::EFAULT, "EFAULT", "bad address in system call argument"),
    (libc::EBUSY, "EBUSY", "resource busy or locked"),
    (libc::EEXIST, "EEXIST", "file already exists"),
    (libc::EXDEV, "EXDEV", "cross-device link not permitted"),
    (libc::ENODEV, "ENODEV", "no such device"),
    (libc::ENOTDIR, "ENOTDIR", "not a directory"),
    (libc::EISDIR, "EISDIR", "illegal operation on a directory"),
    (libc::EINVAL, "EINVAL", "invalid argument"),
    (libc::ENFILE, "ENFILE", "file table overflow"),
    (libc::EMFILE, "EMFILE", "too many open files"),
    (libc::ENOTTY, "ENOTTY", "inappropriate ioctl for device"),
    (libc::ETXTBSY, "ETXTBSY", "text file is busy"),
    (libc::EFBIG, "EFBIG", "file too large"),
    (libc::ENOSPC, "ENOSPC", "no space left on device"),
    (libc::ESPIPE, "ESPIPE", "invalid seek"),
    (libc::EROFS, "EROFS", "read-only file system"),
    (libc::EMLINK, "EMLINK", "too many links"),
    (libc::EPIPE, "EPIPE", "broken pipe"),
    (libc::ERANGE, "ERANGE", "result too large"),
    (libc::ENAMETOOLONG, "ENAMETOOLONG", "name too long"),
    (libc::ENOSYS, "ENOSYS", "function not implemented"),
    (libc::ENOTEMPTY, "ENOTEMPTY", "directory not empty"),
    (libc::ELOOP, "ELOOP", "too many symbolic links encountered"),
    (libc::EUNATCH, "EUNATCH", "protocol driver not attached"),
    (libc::ENODATA, "ENODATA", "no data available"),
    (libc::ENONET, "ENONET", "machine is not on the network"),
    (libc::EPROTO, "EPROTO", "protocol error"),
    (libc::EOVERFLOW, "EOVERFLOW", "value too large for defined data type"),
    (libc::EILSEQ, "EILSEQ", "illegal byte sequence"),
    (libc::ENOTSOCK, "ENOTSOCK", "socket operation on non-socket"),
    (libc::EDESTADDRREQ, "EDESTADDRREQ", "destination address required"),
    (libc::EMSGSIZE, "EMSGSIZE", "message too long"),
    (libc::EPROTOTYPE, "EPROTOTYPE", "protocol wrong type for socket"),
    (libc::ENOPROTOOPT, "ENOPROTOOPT", "protocol not available"),
    (libc::EPROTONOSUPPORT, "EPROTONOSUPPORT", "protocol not supported"),
    (libc::ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT", "socket type not supported"),
    (libc::ENOTSUP, "ENOTSUP", "operation not supported on socket"),
    (libc::EAFNOSUPPORT, "EAFNOSUPPORT", "address family not supported"),
    (libc::EADDRINUSE, "EADDRINUSE", "address already in use"),
    (libc::EADDRNOTAVAIL, "EADDRNOTAVAIL", "address not available"),
    (libc::ENETDOWN, "ENETDOWN", "network is down"),
    (libc::ENETUNREACH, "ENETUNREACH", "network is unreachable"),
    (libc::ECONNABORTED, "ECONNABORTED", "software caused connection abort"),
    (libc::ECONNRESET, "ECONNRESET", "connection reset by peer"),
    (libc::ENOBUFS, "ENOBUFS", "no buffer space available"),
    (libc::EISCONN, "EISCONN", "socket is already connected"),
    (libc::ENOTCONN, "ENOTCONN", "socket is not connected"),
    (libc::ESHUTDOWN, "ESHUTDOWN", "cannot send after transport endpoint shutdown"),
    (libc::ETIMEDOUT, "ETIMEDOUT", "connection timed out"),
    (libc::ECONNREFUSED, "ECONNREFUSED", "connection refused"),
    (libc::EHOSTDOWN, "EHOSTDOWN", "host is down"),
    (libc::EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"),
    (libc::EALREADY, "EALREADY", "connection already in progress"),
    (libc::EREMOTEIO, "EREMOTEIO", "remote I/O error"),
    (libc::ECANCELED, "ECANCELED", "operation canceled"),
];

/// The errno code name (`ENOENT`) and Node's description of it.
pub fn describe(err: &io::Error) -> (&'static str, &'static str) {
    let errno = err.raw_os_error();
    TABLE
        .iter()
        .find(|(number, _, _)| Some(*number) == errno)
        .map_or(("UNKNOWN", "unknown error"), |(_, code, description)| (*code, *description))
}

/// `ENOENT: no such file or directory`
pub fn text(err: &io::Error) -> String {
    let (code, description) = describe(err);
    format!("{code}: {description}")
}

/// A failed system call, with what Node's error carries: the natives of
/// every API report failures as one of these, and `internal/errors.js`
/// makes Node's error object of it (`uvException` for files,
/// `errnoException` for pipes and sockets).
#[derive(Debug)]
pub struct SystemError {
    pub err: io::Error,
    pub syscall: &'static str,
    pub path: Option<String>,
    pub dest: Option<String>,
    pub address: Option<String>,
    pub port: Option<u16>,
}

impl SystemError {
    pub fn new(err: io::Error, syscall: &'static str) -> Self {
        SystemError { err, syscall, path: None, dest: None, address: None, port: None }
    }

    pub fn path(mut self, path: &str) -> Self {
        self.path = Some(path.to_owned());
        self
    }

    pub fn dest(mut self, dest: &str) -> Self {
        self.dest = Some(dest.to_owned());
        self
    }

    /// Its code: `ENOENT`…
    pub fn code(&self) -> &'static str {
        self.code_and_description().0
    }

    fn code_and_description(&self) -> (&'static str, String) {
        // A file too large for readFile carries its size as the description.
        match self.err.kind() {
            io::ErrorKind::FileTooLarge if self.err.raw_os_error().is_none() => {
                ("ERR_FS_FILE_TOO_LARGE", self.err.to_string())
            }
            _ => {
                let (code, description) = describe(&self.err);
                (code, description.to_owned())
            }
        }
    }

    /// `{ code, errno, description, syscall, path?, dest?, address?, port? }`.
    pub fn to_js<'js>(&self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let (code, description) = self.code_and_description();
        let info = Object::new(ctx.clone())?;
        info.set("code", code)?;
        info.set("errno", -self.err.raw_os_error().unwrap_or(0))?;
        info.set("description", description)?;
        info.set("syscall", self.syscall)?;
        for (key, value) in [("path", &self.path), ("dest", &self.dest), ("address", &self.address)] {
            if let Some(value) = value {
                info.set(key, value.as_str())?;
            }
        }
        if let Some(port) = self.port {
            info.set("port", port)?;
        }
        Ok(info.into_value())
    }
}

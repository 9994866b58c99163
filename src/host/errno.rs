//! Node's spelling of OS errors: `ENOENT: no such file or directory`.

use std::io;

/// The errno code name (`ENOENT`) and Node's description of it.
pub fn describe(err: &io::Error) -> (&'static str, &'static str) {
    match err.raw_os_error() {
        Some(1) => ("EPERM", "operation not permitted"),
        Some(2) => ("ENOENT", "no such file or directory"),
        Some(5) => ("EIO", "i/o error"),
        Some(9) => ("EBADF", "bad file descriptor"),
        Some(13) => ("EACCES", "permission denied"),
        Some(17) => ("EEXIST", "file already exists"),
        Some(18) => ("EXDEV", "cross-device link not permitted"),
        Some(20) => ("ENOTDIR", "not a directory"),
        Some(21) => ("EISDIR", "illegal operation on a directory"),
        Some(22) => ("EINVAL", "invalid argument"),
        Some(24) => ("EMFILE", "too many open files"),
        Some(28) => ("ENOSPC", "no space left on device"),
        Some(30) => ("EROFS", "read-only file system"),
        Some(36) => ("ENAMETOOLONG", "name too long"),
        Some(39) => ("ENOTEMPTY", "directory not empty"),
        Some(40) => ("ELOOP", "too many symbolic links encountered"),
        Some(11) => ("EAGAIN", "resource temporarily unavailable"),
        Some(16) => ("EBUSY", "resource busy or locked"),
        Some(26) => ("ETXTBSY", "text file is busy"),
        Some(32) => ("EPIPE", "broken pipe"),
        Some(3) => ("ESRCH", "no such process"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// `ENOENT: no such file or directory`
pub fn text(err: &io::Error) -> String {
    let (code, description) = describe(err);
    format!("{code}: {description}")
}

//! SQLite, compiled in (libsqlite3-sys's bundled build, with FTS5, JSON and
//! the session extension): connections opened as node:sqlite opens them,
//! the prepared statements node:sqlite keeps (`statement.rs`), and the
//! connection threads of tock:sqlite (`worker.rs`), where queries run off
//! the JavaScript thread. No JavaScript here: `src/host/sqlite.rs` binds it.

pub mod session;
pub mod statement;
pub mod worker;

use std::ffi::{CStr, c_int};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, ffi};

/// An open connection, as SQLite's C API names it.
#[derive(Clone, Copy)]
pub struct Handle(*mut ffi::sqlite3);

impl Handle {
    pub fn of(conn: &Connection) -> Handle {
        // SAFETY: the pointer is only used while the connection is open.
        Handle(unsafe { conn.handle() })
    }

    pub fn raw(self) -> *mut ffi::sqlite3 {
        self.0
    }
}

/// An error SQLite reported: its extended result code, the code's text
/// (`sqlite3_errstr`) and the connection's message (`sqlite3_errmsg`).
#[derive(Clone, Debug)]
pub struct Failure {
    pub code: c_int,
    pub errstr: String,
    pub message: String,
}

impl Failure {
    /// The connection's last error, for result `code`.
    pub fn of(db: Handle, code: c_int) -> Failure {
        let db = db.0;
        // SAFETY: SQLite's static and per-connection messages, copied at once.
        unsafe {
            let code = if db.is_null() { code } else { ffi::sqlite3_extended_errcode(db) };
            let text = |p: *const std::ffi::c_char| CStr::from_ptr(p).to_string_lossy().into_owned();
            let errstr = text(ffi::sqlite3_errstr(code));
            let message = if db.is_null() { errstr.clone() } else { text(ffi::sqlite3_errmsg(db)) };
            Failure { code, errstr, message }
        }
    }

    /// A failure to open a database: SQLite's own message, without the
    /// path rusqlite adds.
    pub fn opening(err: &rusqlite::Error) -> Failure {
        let failure = Failure::from_rusqlite(err);
        Failure { message: failure.errstr.clone(), ..failure }
    }

    /// A failure rusqlite reported.
    pub fn from_rusqlite(err: &rusqlite::Error) -> Failure {
        match err {
            rusqlite::Error::SqliteFailure(e, message) => {
                let code = e.extended_code;
                // SAFETY: SQLite's static text.
                let errstr = unsafe { CStr::from_ptr(ffi::sqlite3_errstr(code)) }.to_string_lossy().into_owned();
                Failure { code, message: message.clone().unwrap_or_else(|| errstr.clone()), errstr }
            }
            other => Failure { code: ffi::SQLITE_ERROR, errstr: "SQL logic error".into(), message: other.to_string() },
        }
    }
}

/// How a database is opened: node:sqlite's options that SQLite sees.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    pub read_only: bool,
    pub foreign_keys: bool,
    pub double_quoted_strings: bool,
    pub allow_extension: bool,
    /// The busy timeout, in milliseconds.
    pub timeout: u64,
}

/// Opens `location` (a path, `:memory:` or a `file:` URI) as node:sqlite
/// does: read-write and created unless read-only, foreign keys enforced
/// unless turned off, double-quoted string literals refused unless allowed.
pub fn open(location: &str, options: &OpenOptions) -> Result<Connection, Failure> {
    let mut flags = OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    flags |= if options.read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    };
    let conn = Connection::open_with_flags(location, flags).map_err(|e| Failure::opening(&e))?;
    let configure = || -> rusqlite::Result<()> {
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DQS_DML, options.double_quoted_strings)?;
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DQS_DDL, options.double_quoted_strings)?;
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_FKEY, options.foreign_keys)?;
        conn.busy_timeout(Duration::from_millis(options.timeout))?;
        if options.allow_extension {
            // The C API only: SQL's load_extension() stays off, as in Node.
            // SAFETY: an open connection.
            unsafe {
                ffi::sqlite3_db_config(
                    conn.handle(),
                    ffi::SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
                    1,
                    std::ptr::null_mut::<c_int>(),
                )
            };
        }
        Ok(())
    };
    configure().map_err(|e| Failure::from_rusqlite(&e))?;
    Ok(conn)
}

/// The file behind database `name` of a connection; `None` for an
/// in-memory or temporary one.
pub fn location(conn: &Connection, name: &str) -> Option<String> {
    let name = std::ffi::CString::new(name).ok()?;
    // SAFETY: an open connection and a NUL-terminated name.
    let file = unsafe { ffi::sqlite3_db_filename(conn.handle(), name.as_ptr()) };
    // SAFETY: SQLite's text, copied at once.
    let file = (!file.is_null()).then(|| unsafe { CStr::from_ptr(file) }.to_string_lossy().into_owned())?;
    (!file.is_empty()).then_some(file)
}

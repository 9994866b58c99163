//! SQLite's session extension: recording a connection's changes as a
//! changeset (or patchset) and applying one to another connection.

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::ptr;

use rusqlite::ffi;

use super::{Failure, Handle};

/// A session recording changes to some tables of one database of a
/// connection; deleted on drop, which must come before the connection
/// closes.
pub struct Session {
    raw: *mut ffi::sqlite3_session,
}

impl Session {
    /// Records changes of database `db_name` to `table` (every table when `None`).
    pub fn create(db: Handle, db_name: &str, table: Option<&str>) -> Result<Session, Failure> {
        let db_name = CString::new(db_name).unwrap_or_default();
        let mut raw = ptr::null_mut();
        // SAFETY: an open connection and NUL-terminated names.
        let code = unsafe { ffi::sqlite3session_create(db.raw(), db_name.as_ptr(), &mut raw) };
        if code != ffi::SQLITE_OK {
            return Err(Failure::of(db, code));
        }
        let session = Session { raw };
        let table = table.map(|t| CString::new(t).unwrap_or_default());
        // SAFETY: the session just made; a null table means all tables.
        let code = unsafe { ffi::sqlite3session_attach(raw, table.as_ref().map_or(ptr::null(), |t| t.as_ptr())) };
        if code != ffi::SQLITE_OK {
            return Err(Failure::of(db, code));
        }
        Ok(session)
    }

    /// The changes so far, as a changeset (`patch` false) or a patchset.
    pub fn changes(&self, db: Handle, patch: bool) -> Result<Vec<u8>, Failure> {
        let (mut size, mut data): (c_int, *mut c_void) = (0, ptr::null_mut());
        // SAFETY: a live session; SQLite allocates the buffer, freed below.
        let code = unsafe {
            if patch {
                ffi::sqlite3session_patchset(self.raw, &mut size, &mut data)
            } else {
                ffi::sqlite3session_changeset(self.raw, &mut size, &mut data)
            }
        };
        if code != ffi::SQLITE_OK {
            return Err(Failure::of(db, code));
        }
        // SAFETY: `size` bytes at `data`, then SQLite's to free.
        let bytes = if data.is_null() {
            Vec::new()
        } else {
            unsafe { std::slice::from_raw_parts(data.cast::<u8>(), size as usize) }.to_vec()
        };
        unsafe { ffi::sqlite3_free(data) };
        Ok(bytes)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: deleted once, before its connection closes.
        unsafe { ffi::sqlite3session_delete(self.raw) };
    }
}

/// What `apply` asks of its caller: whether to apply a table's changes, and
/// what to do about a conflict of some kind (`SQLITE_CHANGESET_DATA`…):
/// `SQLITE_CHANGESET_OMIT`, `REPLACE` or `ABORT`.
pub trait Apply {
    fn filter(&mut self, table: &str) -> bool;
    fn conflict(&mut self, kind: c_int) -> c_int;
}

unsafe extern "C" fn filter_of(context: *mut c_void, table: *const c_char) -> c_int {
    // SAFETY: `context` is the `&mut dyn Apply` `apply` passed, alive for the call.
    let apply = unsafe { &mut **(context as *mut &mut dyn Apply) };
    let table = unsafe { CStr::from_ptr(table) }.to_string_lossy();
    apply.filter(&table) as c_int
}

unsafe extern "C" fn conflict_of(context: *mut c_void, kind: c_int, _: *mut ffi::sqlite3_changeset_iter) -> c_int {
    // SAFETY: as in `filter_of`.
    let apply = unsafe { &mut **(context as *mut &mut dyn Apply) };
    apply.conflict(kind)
}

/// Applies a changeset to a connection: `Ok(false)` when a conflict
/// aborted it (nothing applied).
pub fn apply(db: Handle, changeset: &[u8], mut callbacks: &mut dyn Apply) -> Result<bool, Failure> {
    let context = &mut callbacks as *mut &mut dyn Apply as *mut c_void;
    // SAFETY: an open connection; SQLite only reads the changeset; the
    // callbacks' context outlives the call.
    let code = unsafe {
        ffi::sqlite3changeset_apply(
            db.raw(),
            changeset.len() as c_int,
            changeset.as_ptr() as *mut c_void,
            Some(filter_of),
            Some(conflict_of),
            context,
        )
    };
    match code {
        ffi::SQLITE_OK => Ok(true),
        ffi::SQLITE_ABORT => Ok(false),
        // Known by its code only: the code's text is the message.
        code => {
            // SAFETY: SQLite's static text.
            let message = unsafe { CStr::from_ptr(ffi::sqlite3_errstr(code)) }.to_string_lossy().into_owned();
            Err(Failure { code, errstr: String::new(), message })
        }
    }
}

//! A prepared statement over SQLite's C API: what node:sqlite's
//! StatementSync keeps between calls (a statement is stepped across several
//! JavaScript calls by `iterate()`, which rusqlite's borrowed statements
//! cannot do).

use std::ffi::{CStr, c_int};
use std::ptr;

use rusqlite::ffi;

use super::{Failure, Handle};

/// A statement prepared on a connection; finalized on drop. Its connection
/// finalizes it before closing (see `Database::close`).
pub struct Statement {
    raw: *mut ffi::sqlite3_stmt,
}

/// One step's outcome.
pub enum Step {
    Row,
    Done,
}

impl Statement {
    /// Prepares the first statement of `sql`; `None` when it holds none
    /// (only comments or white space).
    pub fn prepare(db: Handle, sql: &str) -> Result<Option<Statement>, Failure> {
        let mut raw = ptr::null_mut();
        // SAFETY: `db` is an open connection; the length bounds the text.
        let code = unsafe {
            ffi::sqlite3_prepare_v2(db.raw(), sql.as_ptr().cast(), sql.len() as c_int, &mut raw, ptr::null_mut())
        };
        if code != ffi::SQLITE_OK {
            return Err(Failure::of(db, code));
        }
        Ok((!raw.is_null()).then_some(Statement { raw }))
    }

    pub fn raw(&self) -> *mut ffi::sqlite3_stmt {
        self.raw
    }

    fn db(&self) -> Handle {
        // SAFETY: a live statement knows its connection.
        Handle(unsafe { ffi::sqlite3_db_handle(self.raw) })
    }

    /// Resets the statement to its first row (its values stay bound).
    pub fn reset(&self) {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_reset(self.raw) };
    }

    /// Resets it and clears its values, before a new run.
    pub fn rebind(&self) {
        self.reset();
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_clear_bindings(self.raw) };
    }

    pub fn step(&self) -> Result<Step, Failure> {
        // SAFETY: a live statement.
        match unsafe { ffi::sqlite3_step(self.raw) } {
            ffi::SQLITE_ROW => Ok(Step::Row),
            ffi::SQLITE_DONE => Ok(Step::Done),
            code => {
                let failure = Failure::of(self.db(), code);
                // SAFETY: a live statement; resetting keeps it usable.
                unsafe { ffi::sqlite3_reset(self.raw) };
                Err(failure)
            }
        }
    }

    pub fn parameter_count(&self) -> c_int {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_bind_parameter_count(self.raw) }
    }

    /// The name of parameter `index` (from 1) with its prefix (`$a`, `:a`,
    /// `@a`, `?1`), or `None` for an anonymous `?`.
    pub fn parameter_name(&self, index: c_int) -> Option<&str> {
        // SAFETY: a live statement; the name lives as long as it does.
        let name = unsafe { ffi::sqlite3_bind_parameter_name(self.raw, index) };
        (!name.is_null()).then(|| unsafe { CStr::from_ptr(name) }.to_str().unwrap_or_default())
    }

    /// The index of the parameter named `name` (with its prefix), or 0.
    pub fn parameter_index(&self, name: &str) -> c_int {
        let Ok(name) = std::ffi::CString::new(name) else { return 0 };
        // SAFETY: a live statement and a NUL-terminated name.
        unsafe { ffi::sqlite3_bind_parameter_index(self.raw, name.as_ptr()) }
    }

    pub fn bind_null(&self, index: c_int) -> c_int {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_bind_null(self.raw, index) }
    }

    pub fn bind_double(&self, index: c_int, value: f64) -> c_int {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_bind_double(self.raw, index, value) }
    }

    pub fn bind_int64(&self, index: c_int, value: i64) -> c_int {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_bind_int64(self.raw, index, value) }
    }

    pub fn bind_text(&self, index: c_int, text: &[u8]) -> c_int {
        // SAFETY: SQLite copies the text (SQLITE_TRANSIENT).
        unsafe {
            ffi::sqlite3_bind_text64(
                self.raw,
                index,
                text.as_ptr().cast(),
                text.len() as u64,
                ffi::SQLITE_TRANSIENT(),
                ffi::SQLITE_UTF8 as u8,
            )
        }
    }

    pub fn bind_blob(&self, index: c_int, bytes: &[u8]) -> c_int {
        // SAFETY: SQLite copies the bytes (SQLITE_TRANSIENT).
        unsafe {
            ffi::sqlite3_bind_blob64(
                self.raw,
                index,
                bytes.as_ptr().cast(),
                bytes.len() as u64,
                ffi::SQLITE_TRANSIENT(),
            )
        }
    }

    /// Checks a bind's result code.
    pub fn check(&self, code: c_int) -> Result<(), Failure> {
        if code == ffi::SQLITE_OK { Ok(()) } else { Err(Failure::of(self.db(), code)) }
    }

    pub fn column_count(&self) -> c_int {
        // SAFETY: a live statement.
        unsafe { ffi::sqlite3_column_count(self.raw) }
    }

    fn text_of(text: *const std::ffi::c_char) -> Option<String> {
        // SAFETY: SQLite's NUL-terminated UTF-8, valid until the next call.
        (!text.is_null()).then(|| unsafe { CStr::from_ptr(text) }.to_string_lossy().into_owned())
    }

    pub fn column_name(&self, index: c_int) -> String {
        // SAFETY: a live statement and a column index below the count.
        Self::text_of(unsafe { ffi::sqlite3_column_name(self.raw, index) }).unwrap_or_default()
    }

    /// What `columns()` reports of a column: the database, table and column
    /// it comes from (when it is a table's column), its declared type.
    pub fn column_origin(&self, index: c_int) -> [Option<String>; 4] {
        // SAFETY: a live statement and a column index below the count.
        unsafe {
            [
                Self::text_of(ffi::sqlite3_column_database_name(self.raw, index)),
                Self::text_of(ffi::sqlite3_column_table_name(self.raw, index)),
                Self::text_of(ffi::sqlite3_column_origin_name(self.raw, index)),
                Self::text_of(ffi::sqlite3_column_decltype(self.raw, index)),
            ]
        }
    }

    pub fn column_type(&self, index: c_int) -> c_int {
        // SAFETY: a live statement on a row.
        unsafe { ffi::sqlite3_column_type(self.raw, index) }
    }

    pub fn column_int64(&self, index: c_int) -> i64 {
        // SAFETY: a live statement on a row.
        unsafe { ffi::sqlite3_column_int64(self.raw, index) }
    }

    pub fn column_double(&self, index: c_int) -> f64 {
        // SAFETY: a live statement on a row.
        unsafe { ffi::sqlite3_column_double(self.raw, index) }
    }

    /// A TEXT column's bytes (UTF-8) or a BLOB's, valid until the next step.
    pub fn column_bytes(&self, index: c_int, text: bool) -> &[u8] {
        // SAFETY: a live statement on a row; the pointer is asked for before
        // the length, as SQLite's documentation says.
        unsafe {
            let data: *const u8 = if text {
                ffi::sqlite3_column_text(self.raw, index)
            } else {
                ffi::sqlite3_column_blob(self.raw, index).cast()
            };
            let len = ffi::sqlite3_column_bytes(self.raw, index) as usize;
            if data.is_null() { &[] } else { std::slice::from_raw_parts(data, len) }
        }
    }

    /// The SQL as written.
    pub fn source_sql(&self) -> String {
        // SAFETY: a live statement.
        Self::text_of(unsafe { ffi::sqlite3_sql(self.raw) }).unwrap_or_default()
    }

    /// The SQL with the bound values in place of the parameters.
    pub fn expanded_sql(&self) -> Option<String> {
        // SAFETY: a live statement; the copy is SQLite's to free.
        unsafe {
            let text = ffi::sqlite3_expanded_sql(self.raw);
            let expanded = Self::text_of(text);
            ffi::sqlite3_free(text.cast());
            expanded
        }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: finalized once; its connection is still open (it finalizes
        // its statements before it closes).
        unsafe { ffi::sqlite3_finalize(self.raw) };
    }
}

//! tock:sqlite's connections: each lives on a thread of its own, which runs
//! its queries in the order they were asked (one queue per connection), so
//! the JavaScript thread never waits on SQLite. Separate connections run at
//! once (readers in parallel on a WAL database). Each answer goes back
//! through the `reply` given with the job — for the binding, an I/O
//! completion: a macrotask of the poll phase.

use std::collections::HashMap;
use std::ffi::c_int;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

use rusqlite::types::Value;

use super::statement::{Statement, Step};
use super::{Failure, OpenOptions};

/// Bound parameters, copied from JavaScript before the job is queued.
#[derive(Default)]
pub struct Params {
    pub positional: Vec<Value>,
    pub named: Vec<(String, Value)>,
}

/// What a query answers with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Run,
    Get,
    All,
}

pub enum Job {
    Exec(String),
    /// Prepares `sql` (kept by the connection, by its text), answering
    /// with its column names.
    Prepare(String),
    Query {
        sql: String,
        params: Params,
        mode: Mode,
    },
    /// Starts a cursor over `sql`'s rows (named by `cursor`); `Next` takes
    /// up to so many more rows; `EndCursor` drops it.
    Cursor {
        cursor: u32,
        sql: String,
        params: Params,
    },
    Next {
        cursor: u32,
        rows: usize,
    },
    EndCursor(u32),
    Close,
}

pub enum Answer {
    Done,
    Run {
        changes: i64,
        last_insert_rowid: i64,
    },
    /// Column names (shared by every answer of one statement), then the
    /// values row after row; `done` when no row is left (a cursor's end).
    Rows {
        columns: Arc<Vec<String>>,
        values: Vec<Value>,
        done: bool,
    },
    Columns(Arc<Vec<String>>),
}

pub type Reply = Box<dyn FnOnce(Result<Answer, Failure>) + Send>;

/// How long a connection's thread waits for its next job before it sleeps,
/// yielding its core meanwhile: a program awaiting query after query sends
/// the next within microseconds, sooner than a sleeping thread wakes.
const SPIN: Duration = Duration::from_micros(50);

/// The next job; `None` when the connection's sender is gone.
fn next_job(queue: &Receiver<(Job, Reply)>) -> Option<(Job, Reply)> {
    let until = Instant::now() + SPIN;
    for spins in 1u32.. {
        match queue.try_recv() {
            Ok(job) => return Some(job),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) if spins % 64 != 0 || Instant::now() < until => std::thread::yield_now(),
            Err(TryRecvError::Empty) => break,
        }
    }
    queue.recv().ok()
}

/// A connection's queue, from the JavaScript thread.
pub struct Connection {
    jobs: Sender<(Job, Reply)>,
}

impl Connection {
    /// Opens `location` on a new thread; `opened` says how that went.
    pub fn open(location: String, options: OpenOptions, opened: Reply) -> Connection {
        let (jobs, queue) = mpsc::channel::<(Job, Reply)>();
        std::thread::Builder::new()
            .name("tock-sqlite".into())
            .spawn(move || {
                let mut worker = match super::open(&location, &options) {
                    Ok(conn) => {
                        opened(Ok(Answer::Done));
                        Worker { conn, statements: HashMap::new(), cursors: HashMap::new() }
                    }
                    Err(failure) => {
                        opened(Err(failure));
                        return;
                    }
                };
                while let Some((job, reply)) = next_job(&queue) {
                    let close = matches!(job, Job::Close);
                    let answer = worker.run(job);
                    if close {
                        drop(worker);
                        reply(answer);
                        return;
                    }
                    reply(answer);
                }
            })
            .expect("a thread starts");
        Connection { jobs }
    }

    /// Queues a job; its reply back when the connection's thread is gone
    /// (it failed to open, or was closed).
    pub fn send(&self, job: Job, reply: Reply) -> Result<(), Reply> {
        self.jobs.send((job, reply)).map_err(|unsent| unsent.0.1)
    }
}

struct Prepared {
    statement: Statement,
    columns: Arc<Vec<String>>,
}

struct Worker {
    // Dropped last: the statements first (fields drop in order of declaration).
    statements: HashMap<String, Prepared>,
    cursors: HashMap<u32, Prepared>,
    conn: rusqlite::Connection,
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.statements.clear();
        self.cursors.clear();
    }
}

fn columns_of(statement: &Statement) -> Arc<Vec<String>> {
    Arc::new((0..statement.column_count()).map(|i| statement.column_name(i)).collect())
}

fn bind(statement: &Statement, params: &Params) -> Result<(), Failure> {
    statement.rebind();
    for (name, value) in &params.named {
        // A bare name (`a`) stands for `:a`, `$a` or `@a`.
        let index = match name.starts_with([':', '$', '@', '?']) {
            true => statement.parameter_index(name),
            false => [":", "$", "@"]
                .iter()
                .map(|p| statement.parameter_index(&format!("{p}{name}")))
                .find(|i| *i != 0)
                .unwrap_or(0),
        };
        if index == 0 {
            return Err(Failure {
                code: rusqlite::ffi::SQLITE_RANGE,
                errstr: "column index out of range".into(),
                message: format!("Unknown named parameter '{name}'"),
            });
        }
        bind_value(statement, index, value)?;
    }
    let mut index: c_int = 1;
    for value in &params.positional {
        while statement.parameter_name(index).is_some_and(|name| !name.starts_with('?')) {
            index += 1;
        }
        bind_value(statement, index, value)?;
        index += 1;
    }
    Ok(())
}

fn bind_value(statement: &Statement, index: c_int, value: &Value) -> Result<(), Failure> {
    let code = match value {
        Value::Null => statement.bind_null(index),
        Value::Integer(n) => statement.bind_int64(index, *n),
        Value::Real(n) => statement.bind_double(index, *n),
        Value::Text(text) => statement.bind_text(index, text.as_bytes()),
        Value::Blob(bytes) => statement.bind_blob(index, bytes),
    };
    statement.check(code)
}

/// The current row's values, appended to `out`.
pub fn read_row(statement: &Statement, out: &mut Vec<Value>) {
    for i in 0..statement.column_count() {
        out.push(match statement.column_type(i) {
            rusqlite::ffi::SQLITE_INTEGER => Value::Integer(statement.column_int64(i)),
            rusqlite::ffi::SQLITE_FLOAT => Value::Real(statement.column_double(i)),
            rusqlite::ffi::SQLITE_TEXT => {
                Value::Text(String::from_utf8_lossy(statement.column_bytes(i, true)).into_owned())
            }
            rusqlite::ffi::SQLITE_BLOB => Value::Blob(statement.column_bytes(i, false).to_vec()),
            _ => Value::Null,
        });
    }
}

/// Steps `prepared` for up to `limit` rows.
fn rows(prepared: &Prepared, limit: usize) -> Result<Answer, Failure> {
    let mut values = Vec::new();
    let mut taken = 0;
    while taken < limit {
        match prepared.statement.step()? {
            Step::Row => read_row(&prepared.statement, &mut values),
            Step::Done => {
                prepared.statement.reset();
                return Ok(Answer::Rows { columns: prepared.columns.clone(), values, done: true });
            }
        }
        taken += 1;
    }
    Ok(Answer::Rows { columns: prepared.columns.clone(), values, done: false })
}

impl Worker {
    fn db(&self) -> super::Handle {
        super::Handle::of(&self.conn)
    }

    fn prepare(&mut self, sql: &str) -> Result<&Prepared, Failure> {
        if !self.statements.contains_key(sql) {
            let prepared = self.fresh(sql)?;
            self.statements.insert(sql.to_owned(), prepared);
        }
        Ok(&self.statements[sql])
    }

    fn fresh(&self, sql: &str) -> Result<Prepared, Failure> {
        let statement = Statement::prepare(self.db(), sql)?.ok_or_else(|| Failure {
            code: rusqlite::ffi::SQLITE_MISUSE,
            errstr: "bad parameter or other API misuse".into(),
            message: "The statement is empty (only white space or comments)".into(),
        })?;
        let columns = columns_of(&statement);
        Ok(Prepared { statement, columns })
    }

    fn run(&mut self, job: Job) -> Result<Answer, Failure> {
        match job {
            Job::Exec(sql) => {
                self.conn.execute_batch(&sql).map(|_| Answer::Done).map_err(|e| Failure::from_rusqlite(&e))
            }
            Job::Prepare(sql) => Ok(Answer::Columns(self.prepare(&sql)?.columns.clone())),
            Job::Query { sql, params, mode } => {
                let db = self.db();
                let prepared = self.prepare(&sql)?;
                bind(&prepared.statement, &params)?;
                let answer = match mode {
                    Mode::All => rows(prepared, usize::MAX),
                    Mode::Get => rows(prepared, 1),
                    Mode::Run => {
                        while let Step::Row = prepared.statement.step()? {}
                        // SAFETY: the worker's open connection.
                        let (changes, last_insert_rowid) = unsafe {
                            (
                                rusqlite::ffi::sqlite3_changes64(db.raw()),
                                rusqlite::ffi::sqlite3_last_insert_rowid(db.raw()),
                            )
                        };
                        Ok(Answer::Run { changes, last_insert_rowid })
                    }
                };
                prepared.statement.reset();
                answer
            }
            Job::Cursor { cursor, sql, params } => {
                let prepared = self.fresh(&sql)?;
                bind(&prepared.statement, &params)?;
                let columns = prepared.columns.clone();
                self.cursors.insert(cursor, prepared);
                Ok(Answer::Columns(columns))
            }
            Job::Next { cursor, rows: limit } => {
                let Some(prepared) = self.cursors.get(&cursor) else {
                    return Ok(Answer::Rows { columns: Arc::default(), values: Vec::new(), done: true });
                };
                let answer = rows(prepared, limit);
                if !matches!(answer, Ok(Answer::Rows { done: false, .. })) {
                    self.cursors.remove(&cursor);
                }
                answer
            }
            Job::EndCursor(cursor) => {
                self.cursors.remove(&cursor);
                Ok(Answer::Done)
            }
            Job::Close => {
                self.statements.clear();
                self.cursors.clear();
                Ok(Answer::Done)
            }
        }
    }
}

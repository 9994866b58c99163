//! Natives behind node:sqlite (`sqlite.js`: databases, statements,
//! sessions, user functions — run at once, on the JavaScript thread, as
//! Node runs them) and tock:sqlite (`tock/sqlite.js`: each connection's
//! queries on its own thread, each answer an I/O completion). Everything is
//! named by id; the JavaScript side checks arguments and state, this side
//! converts values and reports SQLite's errors as Node does.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::c_int;
use std::panic::{AssertUnwindSafe, RefUnwindSafe, UnwindSafe};
use std::ptr::NonNull;
use std::rc::Rc;

use rquickjs::function::Rest;
use rquickjs::{Array, BigInt, Ctx, Function, IntoJs, Object, Persistent, Result, TypedArray, Value, qjs};
use rusqlite::functions::{Aggregate, FunctionFlags, WindowAggregate};
use rusqlite::types::{Value as Sql, ValueRef};

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::{Next, Request};
use crate::sqlite::statement::{Statement, Step};
use crate::sqlite::worker::{self, Answer, Job, Mode, Params};
use crate::sqlite::{self, Failure, Handle, OpenOptions, session};

// --- errors ---

fn error<'js>(ctx: &Ctx<'js>, constructor: &str, message: &str, code: &str) -> Result<Object<'js>> {
    let error: Object = ctx.globals().get::<_, rquickjs::Constructor>(constructor)?.construct((message,))?;
    error.set("code", code)?;
    Ok(error)
}

fn throw(ctx: &Ctx<'_>, constructor: &str, message: &str, code: &str) -> rquickjs::Error {
    match error(ctx, constructor, message, code) {
        Ok(error) => ctx.throw(error.into_value()),
        Err(e) => e,
    }
}

/// SQLite's error as Node reports it: `code: 'ERR_SQLITE_ERROR'`, the
/// extended result code as `errcode`, its text as `errstr`.
fn sqlite_error<'js>(ctx: &Ctx<'js>, failure: &Failure) -> Result<Object<'js>> {
    let error = error(ctx, "Error", &failure.message, "ERR_SQLITE_ERROR")?;
    error.set("errcode", failure.code)?;
    // A failure known by its result code only has no errstr (Node's applyChangeset).
    if !failure.errstr.is_empty() {
        error.set("errstr", failure.errstr.as_str())?;
    }
    Ok(error)
}

fn throw_sqlite(ctx: &Ctx<'_>, failure: &Failure) -> rquickjs::Error {
    match sqlite_error(ctx, failure) {
        Ok(error) => ctx.throw(error.into_value()),
        Err(e) => e,
    }
}

fn not_open(ctx: &Ctx<'_>) -> rquickjs::Error {
    throw(ctx, "Error", "database is not open", "ERR_INVALID_STATE")
}

// --- values ---

/// A JavaScript value as an SQLite value for parameter `index`: numbers
/// bind as REAL (SQLite's affinity makes integers of them where a column
/// wants), bigints as INTEGER, strings as TEXT, typed arrays and DataViews
/// as BLOB, null as NULL; anything else is refused, as in Node.
fn to_sql<'js>(ctx: &Ctx<'js>, value: &Value<'js>, index: c_int) -> Result<Sql> {
    if let Some(n) = value.as_int() {
        return Ok(Sql::Real(n as f64));
    }
    if let Some(n) = value.as_float() {
        return Ok(Sql::Real(n));
    }
    if let Some(text) = value.as_string() {
        return Ok(Sql::Text(crate::engine::text::to_utf8(text)?));
    }
    if value.is_null() {
        return Ok(Sql::Null);
    }
    if value.is_big_int() {
        let big = BigInt::from_value(value.clone())?;
        return match i64_of(ctx, &big)? {
            Some(n) => Ok(Sql::Integer(n)),
            None => Err(throw(ctx, "TypeError", "BigInt value is too large to bind.", "ERR_INVALID_ARG_VALUE")),
        };
    }
    if let Some(bytes) = view_bytes(value) {
        return Ok(Sql::Blob(bytes));
    }
    Err(throw(
        ctx,
        "TypeError",
        &format!("Provided value cannot be bound to SQLite parameter {index}."),
        "ERR_INVALID_ARG_TYPE",
    ))
}

/// A bigint's value when it fits in 64 bits.
fn i64_of<'js>(ctx: &Ctx<'js>, big: &BigInt<'js>) -> Result<Option<i64>> {
    let n = big.clone().to_i64()?;
    // to_i64 wraps: the value fits when it converts back to the same bigint.
    let back = BigInt::from_i64(ctx.clone(), n)?;
    let same: bool = ctx.globals().get::<_, Function>("Object")?.get::<_, Function>("is")?.call((back, big.clone()))?;
    Ok(same.then_some(n))
}

/// The bytes of a typed array or DataView, copied.
fn view_bytes(value: &Value<'_>) -> Option<Vec<u8>> {
    let object = value.as_object()?;
    let ctx = value.ctx();
    let (mut offset, mut length, mut per): (qjs::size_t, qjs::size_t, qjs::size_t) = (0, 0, 0);
    // SAFETY: reads the view's backing store, copied before JavaScript runs again.
    let buffer = unsafe {
        qjs::JS_GetTypedArrayBuffer(ctx.as_raw().as_ptr(), object.as_raw(), &mut offset, &mut length, &mut per)
    };
    if unsafe { qjs::JS_IsException(buffer) } {
        // Not a typed array: perhaps a DataView.
        let _ = ctx.catch();
        return dataview_bytes(object);
    }
    // SAFETY: the new reference `JS_GetTypedArrayBuffer` returned.
    let buffer = rquickjs::ArrayBuffer::from_value(unsafe { Value::from_raw(ctx.clone(), buffer) })?;
    let (offset, length) = (offset as usize, length as usize);
    // SAFETY: copied before JavaScript runs again.
    unsafe { buffer.as_bytes() }?.get(offset..offset + length).map(<[u8]>::to_vec)
}

fn dataview_bytes(object: &Object<'_>) -> Option<Vec<u8>> {
    let ctx = object.ctx();
    let constructor: Function = ctx.globals().get("DataView").ok()?;
    let prototype: Object = constructor.get("prototype").ok()?;
    if !object.is_instance_of(&constructor) && object.get_prototype().as_ref() != Some(&prototype) {
        return None;
    }
    let buffer: rquickjs::ArrayBuffer = object.get("buffer").ok()?;
    let offset: usize = object.get("byteOffset").ok()?;
    let length: usize = object.get("byteLength").ok()?;
    // SAFETY: copied before JavaScript runs again.
    unsafe { buffer.as_bytes() }?.get(offset..offset + length).map(<[u8]>::to_vec)
}

fn too_large<'js>(ctx: &Ctx<'js>, n: i64) -> rquickjs::Error {
    throw(
        ctx,
        "RangeError",
        &format!("Value is too large to be represented as a JavaScript number: {n}"),
        "ERR_OUT_OF_RANGE",
    )
}

const MAX_SAFE: i64 = (1 << 53) - 1;

fn integer<'js>(ctx: &Ctx<'js>, n: i64, big: bool) -> Result<Value<'js>> {
    if big {
        return Ok(BigInt::from_i64(ctx.clone(), n)?.into_value());
    }
    if !(-MAX_SAFE..=MAX_SAFE).contains(&n) {
        return Err(too_large(ctx, n));
    }
    Ok(match i32::try_from(n) {
        Ok(small) => Value::new_int(ctx.clone(), small),
        Err(_) => Value::new_float(ctx.clone(), n as f64),
    })
}

fn text<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    // SAFETY: SQLite's TEXT is UTF-8 (QuickJS replaces what is not).
    let raw = unsafe { qjs::JS_NewStringLen(ctx.as_raw().as_ptr(), bytes.as_ptr().cast(), bytes.len() as _) };
    // SAFETY: a new value (or an exception, checked by `from_raw`'s users).
    Ok(unsafe { Value::from_raw(ctx.clone(), raw) })
}

fn blob<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    Ok(TypedArray::<u8>::new_copy(ctx.clone(), bytes)?.into_value())
}

/// An SQLite value (a function's argument, an async query's column) as JavaScript.
fn from_sql<'js>(ctx: &Ctx<'js>, value: ValueRef<'_>, big: bool) -> Result<Value<'js>> {
    match value {
        ValueRef::Null => Ok(Value::new_null(ctx.clone())),
        ValueRef::Integer(n) => integer(ctx, n, big),
        ValueRef::Real(n) => Ok(Value::new_float(ctx.clone(), n)),
        ValueRef::Text(bytes) => text(ctx, bytes),
        ValueRef::Blob(bytes) => blob(ctx, bytes),
    }
}

/// Column `i` of the statement's current row.
fn column<'js>(ctx: &Ctx<'js>, statement: &Statement, i: c_int, big: bool) -> Result<Value<'js>> {
    match statement.column_type(i) {
        rusqlite::ffi::SQLITE_INTEGER => integer(ctx, statement.column_int64(i), big),
        rusqlite::ffi::SQLITE_FLOAT => Ok(Value::new_float(ctx.clone(), statement.column_double(i))),
        rusqlite::ffi::SQLITE_TEXT => text(ctx, statement.column_bytes(i, true)),
        rusqlite::ffi::SQLITE_BLOB => blob(ctx, statement.column_bytes(i, false)),
        _ => Ok(Value::new_null(ctx.clone())),
    }
}

/// Column names as atoms, made once per statement: a row object is built
/// by defining its properties straight from them.
struct Atoms {
    rt: *mut qjs::JSRuntime,
    atoms: Vec<qjs::JSAtom>,
}

impl Atoms {
    fn new(ctx: &Ctx<'_>, names: impl Iterator<Item = String>) -> Atoms {
        let raw = ctx.as_raw().as_ptr();
        // SAFETY: atoms of this runtime, freed on drop.
        let atoms = names.map(|n| unsafe { qjs::JS_NewAtomLen(raw, n.as_ptr().cast(), n.len() as _) }).collect();
        Atoms { rt: unsafe { qjs::JS_GetRuntime(raw) }, atoms }
    }
}

impl Drop for Atoms {
    fn drop(&mut self) {
        for atom in &self.atoms {
            // SAFETY: made by `new` on this runtime, freed once.
            unsafe { qjs::JS_FreeAtomRT(self.rt, *atom) };
        }
    }
}

/// What a row is made as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// An object without prototype (node:sqlite's rows).
    Bare,
    /// An ordinary object (`run()`'s result).
    Plain,
    Array,
}

impl Shape {
    fn of_rows(arrays: bool) -> Shape {
        if arrays { Shape::Array } else { Shape::Bare }
    }
}

/// A row as node:sqlite returns it: an object without prototype, columns
/// by name (a repeated name keeps the last value), or an array.
fn row<'js>(
    ctx: &Ctx<'js>,
    atoms: &Atoms,
    shape: Shape,
    mut value: impl FnMut(usize) -> Result<Value<'js>>,
) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    if shape == Shape::Array {
        let array = Array::new(ctx.clone())?;
        for i in 0..atoms.atoms.len() {
            array.set(i, value(i)?)?;
        }
        return Ok(array.into_value());
    }
    // SAFETY: a new object, owned by `object`.
    let object = unsafe {
        let made =
            if shape == Shape::Bare { qjs::JS_NewObjectProto(raw, qjs::JS_NULL) } else { qjs::JS_NewObject(raw) };
        Value::from_raw(ctx.clone(), made)
    };
    for (i, atom) in atoms.atoms.iter().enumerate() {
        let value = value(i)?;
        let owned = value.as_raw();
        // The call below takes over the value's reference.
        std::mem::forget(value);
        // SAFETY: defines an own property of a new object.
        let done =
            unsafe { qjs::JS_DefinePropertyValue(raw, object.as_raw(), *atom, owned, qjs::JS_PROP_C_W_E as c_int) };
        if done < 0 {
            return Err(rquickjs::Error::Exception);
        }
    }
    Ok(object)
}

// --- node:sqlite ---

/// A StatementSync's state.
struct Prepared {
    statement: Option<Statement>,
    db: u32,
    read_big_ints: Cell<bool>,
    return_arrays: Cell<bool>,
    allow_bare: Cell<bool>,
    allow_unknown: Cell<bool>,
    /// Bare names (`a`) to the parameters' names (`$a`), made on first use.
    bare: RefCell<Option<HashMap<String, String>>>,
    atoms: RefCell<Option<Atoms>>,
    /// Runs so far: an iterator over an earlier run is invalidated.
    runs: Cell<u32>,
}

struct Database {
    conn: rusqlite::Connection,
    statements: Vec<u32>,
    sessions: Vec<u32>,
}

struct Sync {
    databases: HashMap<u32, Database>,
    statements: HashMap<u32, Rc<Prepared>>,
    sessions: HashMap<u32, (u32, session::Session)>,
    next: u32,
    /// What a user function threw, to rethrow when its statement fails.
    thrown: Option<Persistent<Value<'static>>>,
    /// `run()`'s result's keys.
    run_atoms: Rc<Atoms>,
}

impl Sync {
    fn id(&mut self) -> u32 {
        self.next += 1;
        self.next
    }

    fn handle(&self, db: u32) -> Option<Handle> {
        self.databases.get(&db).map(|d| Handle::of(&d.conn))
    }

    /// Closes a database: its statements are finalized and its sessions
    /// deleted first (using them afterwards throws).
    fn close(&mut self, db: u32) -> Option<std::result::Result<(), Failure>> {
        let database = self.databases.remove(&db)?;
        for id in &database.sessions {
            self.sessions.remove(id);
        }
        for id in &database.statements {
            if let Some(prepared) = self.statements.remove(id) {
                drop(prepared);
            }
        }
        // A statement still stepping (close() from inside a user function)
        // keeps it open: it stays usable, and the close fails.
        Some(database.conn.close().map_err(|(conn, e)| {
            self.databases.insert(db, Database { conn, statements: Vec::new(), sessions: Vec::new() });
            Failure::from_rusqlite(&e)
        }))
    }
}

/// The JavaScript thread's pointers, for SQLite's callbacks into user
/// functions. SQLite calls them on this thread, inside a statement step
/// that JavaScript started, so the context is alive and not in use.
struct OnThisThread<T>(T);

impl<T> OnThisThread<T> {
    fn get(&self) -> &T {
        &self.0
    }
}
// SAFETY: a node:sqlite connection is only ever used on the JavaScript
// thread (its functions are called from its steps).
unsafe impl<T> Send for OnThisThread<T> {}
impl<T> UnwindSafe for OnThisThread<T> {}
impl<T> RefUnwindSafe for OnThisThread<T> {}

struct Callback {
    ctx: NonNull<qjs::JSContext>,
    sync: Rc<RefCell<Sync>>,
    big: bool,
}

impl Callback {
    fn ctx<'js>(&self) -> Ctx<'js> {
        // SAFETY: see `OnThisThread`.
        unsafe { Ctx::from_raw(self.ctx) }
    }

    /// Calls `f` with SQL's arguments after `first`; what it threw is kept
    /// for the statement to rethrow, and SQLite told of an error.
    fn call(&self, f: &Function<'_>, args: &rusqlite::functions::Context<'_>) -> rusqlite::Result<Sql> {
        let ctx = self.ctx();
        let value = (|| -> Result<Value> {
            let mut all = Vec::with_capacity(args.len());
            for i in 0..args.len() {
                all.push(from_sql(&ctx, args.get_raw(i), self.big)?);
            }
            f.call((Rest(all),))
        })();
        self.result(&ctx, &value.map_err(|_| self.threw(&ctx))?)
    }

    fn threw(&self, ctx: &Ctx<'_>) -> rusqlite::Error {
        let thrown = ctx.catch();
        self.sync.borrow_mut().thrown = Some(Persistent::save(ctx, thrown));
        rusqlite::Error::UserFunctionError("the function threw".into())
    }

    /// What a user function returned, as SQLite's value; one it cannot
    /// take fails the statement with SQLite's error (Node's wording).
    fn result<'js>(&self, ctx: &Ctx<'js>, value: &Value<'js>) -> rusqlite::Result<Sql> {
        let refuse = |message: &str| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                Some(message.to_owned()),
            )
        };
        if value.is_undefined() || value.is_null() {
            return Ok(Sql::Null);
        }
        if value.is_promise() {
            return Err(refuse("Asynchronous user-defined functions are not supported"));
        }
        if value.is_big_int() {
            let big = BigInt::from_value(value.clone()).map_err(|_| self.threw(ctx))?;
            return match i64_of(ctx, &big).map_err(|_| self.threw(ctx))? {
                Some(n) => Ok(Sql::Integer(n)),
                None => Err(refuse("BigInt value is too large for SQLite")),
            };
        }
        if value.is_number() || value.is_string() || view_bytes(value).is_some() {
            return to_sql(ctx, value, 0).map_err(|_| self.threw(ctx));
        }
        Err(refuse("Returned JavaScript value cannot be converted to a SQLite value"))
    }
}

/// A JavaScript aggregate: `start` (a value, or a function making one),
/// `step(acc, ...args)`, `inverse(acc, ...args)` for a window, `result(acc)`.
struct JsAggregate {
    callback: Callback,
    start: Persistent<Value<'static>>,
    step: Persistent<Function<'static>>,
    inverse: Option<Persistent<Function<'static>>>,
    result: Option<Persistent<Function<'static>>>,
}

type Acc = OnThisThread<AssertUnwindSafe<RefCell<Persistent<Value<'static>>>>>;

impl JsAggregate {
    fn start_value(&self) -> rusqlite::Result<Persistent<Value<'static>>> {
        let ctx = self.callback.ctx();
        let start = self.start.clone().restore(&ctx).map_err(|_| self.callback.threw(&ctx))?;
        let value = match start.as_function() {
            Some(f) => f.call::<_, Value>(()).map_err(|_| self.callback.threw(&ctx))?,
            None => start,
        };
        Ok(Persistent::save(&ctx, value))
    }

    fn apply(
        &self,
        f: &Persistent<Function<'static>>,
        args: &mut rusqlite::functions::Context<'_>,
        acc: &Acc,
    ) -> rusqlite::Result<()> {
        let ctx = self.callback.ctx();
        let f = f.clone().restore(&ctx).map_err(|_| self.callback.threw(&ctx))?;
        let current = acc.0.borrow().clone().restore(&ctx).map_err(|_| self.callback.threw(&ctx))?;
        let mut all = vec![current];
        for i in 0..args.len() {
            all.push(from_sql(&ctx, args.get_raw(i), self.callback.big).map_err(|_| self.callback.threw(&ctx))?);
        }
        let next: Value = f.call((Rest(all),)).map_err(|_| self.callback.threw(&ctx))?;
        *acc.0.borrow_mut() = Persistent::save(&ctx, next);
        Ok(())
    }

    fn value(&self, acc: &Persistent<Value<'static>>) -> rusqlite::Result<Sql> {
        let ctx = self.callback.ctx();
        let acc = acc.clone().restore(&ctx).map_err(|_| self.callback.threw(&ctx))?;
        let value = match &self.result {
            Some(result) => {
                let result = result.clone().restore(&ctx).map_err(|_| self.callback.threw(&ctx))?;
                result.call::<_, Value>((acc,)).map_err(|_| self.callback.threw(&ctx))?
            }
            None => acc,
        };
        self.callback.result(&ctx, &value)
    }
}

impl Aggregate<Acc, Sql> for OnThisThread<JsAggregate> {
    fn init(&self, _: &mut rusqlite::functions::Context<'_>) -> rusqlite::Result<Acc> {
        Ok(OnThisThread(AssertUnwindSafe(RefCell::new(self.0.start_value()?))))
    }

    fn step(&self, args: &mut rusqlite::functions::Context<'_>, acc: &mut Acc) -> rusqlite::Result<()> {
        self.0.apply(&self.0.step, args, acc)
    }

    fn finalize(&self, _: &mut rusqlite::functions::Context<'_>, acc: Option<Acc>) -> rusqlite::Result<Sql> {
        let acc = match acc {
            Some(acc) => acc.0.0.into_inner(),
            None => self.0.start_value()?,
        };
        self.0.value(&acc)
    }
}

impl WindowAggregate<Acc, Sql> for OnThisThread<JsAggregate> {
    fn value(&self, acc: Option<&mut Acc>) -> rusqlite::Result<Sql> {
        let acc = match acc {
            Some(acc) => acc.0.borrow().clone(),
            None => self.0.start_value()?,
        };
        self.0.value(&acc)
    }

    fn inverse(&self, args: &mut rusqlite::functions::Context<'_>, acc: &mut Acc) -> rusqlite::Result<()> {
        match &self.0.inverse {
            Some(inverse) => self.0.apply(inverse, args, acc),
            None => Ok(()),
        }
    }
}

fn function_flags(options: &Object<'_>) -> Result<FunctionFlags> {
    let mut flags = FunctionFlags::SQLITE_UTF8;
    if options.get::<_, Option<bool>>("deterministic")?.unwrap_or(false) {
        flags |= FunctionFlags::SQLITE_DETERMINISTIC;
    }
    if options.get::<_, Option<bool>>("directOnly")?.unwrap_or(false) {
        flags |= FunctionFlags::SQLITE_DIRECTONLY;
    }
    Ok(flags)
}

/// What a statement call binds: named parameters from `named` (an object,
/// or undefined), then the positional ones into the anonymous parameters.
/// Whether a call's first value is its named parameters: an object that is
/// no typed array or DataView.
fn is_named(value: &Value<'_>) -> bool {
    // SAFETY: type checks of a live value.
    value.is_object() && unsafe { qjs::JS_GetTypedArrayType(value.as_raw()) < 0 && !qjs::JS_IsDataView(value.as_raw()) }
}

fn bind_params<'js>(ctx: &Ctx<'js>, prepared: &Prepared, params: &Array<'js>) -> Result<()> {
    let statement = prepared.statement.as_ref().ok_or_else(|| finalized(ctx))?;
    statement.rebind();
    prepared.runs.set(prepared.runs.get().wrapping_add(1));
    let fail = |failure: Failure| throw_sqlite(ctx, &failure);
    let first: Value = params.get(0)?;
    let named = is_named(&first);
    if let Some(object) = first.as_object().filter(|_| named) {
        if prepared.allow_bare.get() && prepared.bare.borrow().is_none() {
            let mut bare = HashMap::new();
            for i in 1..=statement.parameter_count() {
                let Some(name) = statement.parameter_name(i) else { continue };
                let short = name[1..].to_owned();
                if let Some(existing) = bare.get(&short)
                    && existing != name
                {
                    let message = format!(
                        "Cannot create bare named parameter '{short}' because of conflicting names '{existing}' and '{name}'."
                    );
                    return Err(throw(ctx, "Error", &message, "ERR_INVALID_STATE"));
                }
                bare.insert(short, name.to_owned());
            }
            *prepared.bare.borrow_mut() = Some(bare);
        }
        for key in object.keys::<String>() {
            let key = key?;
            let mut index = statement.parameter_index(&key);
            if index == 0
                && prepared.allow_bare.get()
                && let Some(full) = prepared.bare.borrow().as_ref().and_then(|b| b.get(&key))
            {
                index = statement.parameter_index(full);
            }
            if index == 0 {
                if prepared.allow_unknown.get() {
                    continue;
                }
                return Err(throw(ctx, "Error", &format!("Unknown named parameter '{key}'"), "ERR_INVALID_STATE"));
            }
            let value: Value = object.get(key.as_str())?;
            bind_one(ctx, statement, index, &value).map_err(|e| e.thrown(fail))?;
        }
    }
    let mut index: c_int = 1;
    for value in params.iter::<Value>().skip(named as usize) {
        let value = value?;
        while statement.parameter_name(index).is_some_and(|name| !name.starts_with('?')) {
            index += 1;
        }
        bind_one(ctx, statement, index, &value).map_err(|e| e.thrown(fail))?;
        index += 1;
    }
    Ok(())
}

/// A bind's failure: already thrown (a value refused), or SQLite's.
type BindError = std::result::Result<rquickjs::Error, Failure>;

trait Thrown {
    fn thrown(self, f: impl FnOnce(Failure) -> rquickjs::Error) -> rquickjs::Error;
}

impl Thrown for BindError {
    fn thrown(self, f: impl FnOnce(Failure) -> rquickjs::Error) -> rquickjs::Error {
        match self {
            Ok(thrown) => thrown,
            Err(failure) => f(failure),
        }
    }
}

fn bind_one<'js>(
    ctx: &Ctx<'js>,
    statement: &Statement,
    index: c_int,
    value: &Value<'js>,
) -> std::result::Result<(), BindError> {
    // The common kinds straight from the value, a string without a copy.
    let code = if let Some(n) = value.as_int() {
        statement.bind_double(index, n as f64)
    } else if let Some(n) = value.as_float() {
        statement.bind_double(index, n)
    } else if let Some(text) = value.as_string() {
        crate::engine::text::with_utf8(text, |text| statement.bind_text(index, text.as_bytes())).map_err(Ok)?
    } else {
        bind_other(ctx, statement, index, value)?
    };
    statement.check(code).map_err(Err)
}

fn bind_other<'js>(
    ctx: &Ctx<'js>,
    statement: &Statement,
    index: c_int,
    value: &Value<'js>,
) -> std::result::Result<c_int, BindError> {
    Ok(match to_sql(ctx, value, index).map_err(Ok)? {
        Sql::Null => statement.bind_null(index),
        Sql::Integer(n) => statement.bind_int64(index, n),
        Sql::Real(n) => statement.bind_double(index, n),
        Sql::Text(text) => statement.bind_text(index, text.as_bytes()),
        Sql::Blob(bytes) => statement.bind_blob(index, &bytes),
    })
}

fn finalized(ctx: &Ctx<'_>) -> rquickjs::Error {
    throw(ctx, "Error", "statement has been finalized", "ERR_INVALID_STATE")
}

/// A step that failed: what a user function threw, else SQLite's error.
fn step_failed(ctx: &Ctx<'_>, sync: &RefCell<Sync>, failure: Failure) -> rquickjs::Error {
    match sync.borrow_mut().thrown.take().and_then(|t| t.restore(ctx).ok()) {
        Some(thrown) => ctx.throw(thrown),
        None => throw_sqlite(ctx, &failure),
    }
}

/// The current row of a statement.
fn current_row<'js>(ctx: &Ctx<'js>, prepared: &Prepared, statement: &Statement) -> Result<Value<'js>> {
    let mut atoms = prepared.atoms.borrow_mut();
    let count = statement.column_count() as usize;
    if atoms.as_ref().is_none_or(|a| a.atoms.len() != count) {
        *atoms = Some(Atoms::new(ctx, (0..count as c_int).map(|i| statement.column_name(i))));
    }
    let atoms = atoms.as_ref().expect("made above");
    let big = prepared.read_big_ints.get();
    row(ctx, atoms, Shape::of_rows(prepared.return_arrays.get()), |i| column(ctx, statement, i as c_int, big))
}

fn register_sync<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let sync = Rc::new(RefCell::new(Sync {
        databases: HashMap::new(),
        statements: HashMap::new(),
        sessions: HashMap::new(),
        next: 0,
        thrown: None,
        run_atoms: Rc::new(Atoms::new(ctx, ["changes", "lastInsertRowid"].into_iter().map(String::from))),
    }));
    let s = sync.clone();
    let h = host.clone();
    // open(location, { readOnly, enableForeignKeyConstraints, enableDoubleQuotedStringLiterals, allowExtension, timeout }): an id.
    native.set(
        "open",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, location: Utf8, options: Object<'js>| -> Result<u32> {
            let options = open_options(&options)?;
            let started = h.event_loop.tracing.then(std::time::Instant::now);
            let conn = sqlite::open(&location.0, &options);
            blocked(&h, &ctx, started, || format!("new DatabaseSync({:?})", location.0));
            let conn = conn.map_err(|f| throw_sqlite(&ctx, &f))?;
            let mut sync = s.borrow_mut();
            let id = sync.id();
            sync.databases.insert(id, Database { conn, statements: Vec::new(), sessions: Vec::new() });
            Ok(id)
        })?,
    )?;
    let s = sync.clone();
    native.set(
        "close",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32| -> Result<()> {
            let closed = s.borrow_mut().close(db);
            match closed {
                None => Err(not_open(&ctx)),
                Some(Err(failure)) => Err(throw_sqlite(&ctx, &failure)),
                Some(Ok(())) => Ok(()),
            }
        })?,
    )?;
    let s = sync.clone();
    let h = host.clone();
    native.set(
        "exec",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32, sql: Utf8| -> Result<()> {
            let handle = s.borrow().handle(db).ok_or_else(|| not_open(&ctx))?;
            let started = h.event_loop.tracing.then(std::time::Instant::now);
            let sql = std::ffi::CString::new(sql.0).unwrap_or_default();
            // SAFETY: an open connection; the borrow is released, so user functions may run.
            let code = unsafe {
                rusqlite::ffi::sqlite3_exec(
                    handle.raw(),
                    sql.as_ptr(),
                    None,
                    std::ptr::null_mut(),
                    std::ptr::null_mut(),
                )
            };
            blocked(&h, &ctx, started, || shorten(&sql.to_string_lossy()));
            if code != rusqlite::ffi::SQLITE_OK {
                return Err(step_failed(&ctx, &s, Failure::of(handle, code)));
            }
            Ok(())
        })?,
    )?;
    let s = sync.clone();
    // prepare(db, sql, readBigInts, returnArrays, allowBare, allowUnknown): a statement id.
    native.set(
        "prepare",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  db: u32,
                  sql: Utf8,
                  big: bool,
                  arrays: bool,
                  bare: bool,
                  unknown: bool|
                  -> Result<u32> {
                let handle = s.borrow().handle(db).ok_or_else(|| not_open(&ctx))?;
                // SQL with no statement (comments, white space) makes one that
                // is finalized already, as in Node.
                let statement = Statement::prepare(handle, &sql.0).map_err(|f| throw_sqlite(&ctx, &f))?;
                let mut sync = s.borrow_mut();
                let id = sync.id();
                let prepared = Prepared {
                    statement,
                    db,
                    read_big_ints: Cell::new(big),
                    return_arrays: Cell::new(arrays),
                    allow_bare: Cell::new(bare),
                    allow_unknown: Cell::new(unknown),
                    bare: RefCell::default(),
                    atoms: RefCell::default(),
                    runs: Cell::new(0),
                };
                sync.statements.insert(id, Rc::new(prepared));
                sync.databases.get_mut(&db).expect("checked open").statements.push(id);
                Ok(id)
            },
        )?,
    )?;
    let s = sync.clone();
    let h = host.clone();
    // query(statement, mode, params): run → { changes, lastInsertRowid },
    // get → a row or undefined, all → the rows.
    native.set(
        "query",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u32, mode: u8, params: Array<'js>| -> Result<Value<'js>> {
                let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
                bind_params(&ctx, &prepared, &params)?;
                let statement = prepared.statement.as_ref().ok_or_else(|| finalized(&ctx))?;
                let started = h.event_loop.tracing.then(std::time::Instant::now);
                let result = run_query(&ctx, &s, &prepared, statement, mode);
                statement.reset();
                blocked(&h, &ctx, started, || shorten(&statement.source_sql()));
                result
            },
        )?,
    )?;
    let s = sync.clone();
    // iterate(statement, params): binds a new run, named by the number returned
    // (params: the named ones first, as an object, then the positional ones).
    native.set(
        "iterate",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, params: Array<'js>| -> Result<u32> {
            let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
            bind_params(&ctx, &prepared, &params)?;
            Ok(prepared.runs.get())
        })?,
    )?;
    let s = sync.clone();
    // next(statement, run): the run's next row, or undefined at its end;
    // a run since restarted (by another call) throws.
    native.set(
        "next",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, run: u32| -> Result<Value<'js>> {
            let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
            let statement = prepared.statement.as_ref().ok_or_else(|| finalized(&ctx))?;
            if prepared.runs.get() != run {
                return Err(throw(&ctx, "Error", "iterator was invalidated", "ERR_INVALID_STATE"));
            }
            match statement.step() {
                Ok(Step::Row) => current_row(&ctx, &prepared, statement),
                Ok(Step::Done) => {
                    statement.reset();
                    Ok(Value::new_undefined(ctx.clone()))
                }
                Err(failure) => Err(step_failed(&ctx, &s, failure)),
            }
        })?,
    )?;
    let s = sync.clone();
    // endIterate(statement, run): an iterator's `return()`.
    native.set(
        "endIterate",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, run: u32| -> Result<()> {
            let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
            let statement = prepared.statement.as_ref().ok_or_else(|| finalized(&ctx))?;
            if prepared.runs.get() == run {
                statement.reset();
            }
            Ok(())
        })?,
    )?;
    let s = sync.clone();
    // set(statement, flag, value): readBigInts, returnArrays, allowBareNamedParameters, allowUnknownNamedParameters.
    native.set(
        "set",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, flag: Utf8, on: bool| -> Result<()> {
            let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
            match flag.0.as_str() {
                "readBigInts" => prepared.read_big_ints.set(on),
                "returnArrays" => prepared.return_arrays.set(on),
                "allowBareNamedParameters" => prepared.allow_bare.set(on),
                _ => prepared.allow_unknown.set(on),
            }
            Ok(())
        })?,
    )?;
    let s = sync.clone();
    // sql(statement, expanded): sourceSQL or expandedSQL.
    native.set(
        "sql",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, expanded: bool| -> Result<String> {
            let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
            let statement = prepared.statement.as_ref().ok_or_else(|| finalized(&ctx))?;
            if !expanded {
                return Ok(statement.source_sql());
            }
            statement.expanded_sql().ok_or_else(|| {
                throw(&ctx, "Error", "Expanded SQL text would exceed configured limits", "ERR_SQLITE_ERROR")
            })
        })?,
    )?;
    let s = sync.clone();
    // columns(statement): [{ column, database, name, table, type }].
    native.set(
        "columns",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32| -> Result<Array<'js>> {
            let prepared = s.borrow().statements.get(&id).cloned().ok_or_else(|| finalized(&ctx))?;
            let statement = prepared.statement.as_ref().ok_or_else(|| finalized(&ctx))?;
            let columns = Array::new(ctx.clone())?;
            for i in 0..statement.column_count() {
                let [database, table, column, declared] = statement.column_origin(i);
                // SAFETY: a new object without prototype, owned by `info`.
                let info = unsafe {
                    Value::from_raw(ctx.clone(), qjs::JS_NewObjectProto(ctx.as_raw().as_ptr(), qjs::JS_NULL))
                };
                let info = Object::from_value(info)?;
                let or_null = |text: Option<String>| -> Result<Value<'js>> {
                    Ok(match text {
                        Some(text) => text.into_js(&ctx)?,
                        None => Value::new_null(ctx.clone()),
                    })
                };
                info.set("column", or_null(column)?)?;
                info.set("database", or_null(database)?)?;
                info.set("name", statement.column_name(i))?;
                info.set("table", or_null(table)?)?;
                info.set("type", or_null(declared)?)?;
                columns.set(i as usize, info)?;
            }
            Ok(columns)
        })?,
    )?;
    let s = sync.clone();
    native.set(
        "isTransaction",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32| -> Result<bool> {
            let sync = s.borrow();
            let database = sync.databases.get(&db).ok_or_else(|| not_open(&ctx))?;
            Ok(!database.conn.is_autocommit())
        })?,
    )?;
    let s = sync.clone();
    native.set(
        "location",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32, name: Utf8| -> Result<Option<String>> {
            let sync = s.borrow();
            let database = sync.databases.get(&db).ok_or_else(|| not_open(&ctx))?;
            Ok(sqlite::location(&database.conn, &name.0))
        })?,
    )?;
    let s = sync.clone();
    // function(db, name, options, fn, argumentCount).
    native.set(
        "function",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  db: u32,
                  name: Utf8,
                  options: Object<'js>,
                  f: Function<'js>,
                  count: c_int|
                  -> Result<()> {
                let flags = function_flags(&options)?;
                let callback = Callback {
                    ctx: ctx.as_raw(),
                    sync: s.clone(),
                    big: options.get::<_, Option<bool>>("useBigIntArguments")?.unwrap_or(false),
                };
                let f = OnThisThread((callback, Persistent::save(&ctx, f)));
                let sync = s.borrow();
                let database = sync.databases.get(&db).ok_or_else(|| not_open(&ctx))?;
                database
                    .conn
                    .create_scalar_function(name.0.as_str(), count, flags, move |args| {
                        let (callback, f) = f.get();
                        let ctx = callback.ctx();
                        let f = f.clone().restore(&ctx).map_err(|_| callback.threw(&ctx))?;
                        callback.call(&f, args)
                    })
                    .map_err(|e| throw_sqlite(&ctx, &Failure::from_rusqlite(&e)))
            },
        )?,
    )?;
    let s = sync.clone();
    // aggregate(db, name, options, argumentCount): options as checked by sqlite.js.
    native.set(
        "aggregate",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, db: u32, name: Utf8, options: Object<'js>, count: c_int| -> Result<()> {
                let flags = function_flags(&options)?;
                let callback = Callback {
                    ctx: ctx.as_raw(),
                    sync: s.clone(),
                    big: options.get::<_, Option<bool>>("useBigIntArguments")?.unwrap_or(false),
                };
                let persist = |key: &str| -> Result<Option<Persistent<Function<'static>>>> {
                    Ok(options.get::<_, Option<Function>>(key)?.map(|f| Persistent::save(&ctx, f)))
                };
                let aggregate = JsAggregate {
                    callback,
                    start: Persistent::save(&ctx, options.get::<_, Value>("start")?),
                    step: persist("step")?.expect("sqlite.js checked step"),
                    inverse: persist("inverse")?,
                    result: persist("result")?,
                };
                let window = aggregate.inverse.is_some();
                let sync = s.borrow();
                let database = sync.databases.get(&db).ok_or_else(|| not_open(&ctx))?;
                let made = if window {
                    database.conn.create_window_function(name.0.as_str(), count, flags, OnThisThread(aggregate))
                } else {
                    database.conn.create_aggregate_function(name.0.as_str(), count, flags, OnThisThread(aggregate))
                };
                made.map_err(|e| throw_sqlite(&ctx, &Failure::from_rusqlite(&e)))
            },
        )?,
    )?;
    let s = sync.clone();
    // createSession(db, table or null, dbName): a session id.
    native.set(
        "createSession",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32, table: Option<Utf8>, name: Utf8| -> Result<u32> {
            let handle = s.borrow().handle(db).ok_or_else(|| not_open(&ctx))?;
            let session = session::Session::create(handle, &name.0, table.as_ref().map(|t| t.0.as_str()))
                .map_err(|f| throw_sqlite(&ctx, &f))?;
            let mut sync = s.borrow_mut();
            let id = sync.id();
            sync.sessions.insert(id, (db, session));
            sync.databases.get_mut(&db).expect("checked open").sessions.push(id);
            Ok(id)
        })?,
    )?;
    let s = sync.clone();
    // changes(session, patch): the changeset (or patchset) as a Uint8Array;
    // undefined when the session is closed.
    native.set(
        "changes",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, patch: bool| -> Result<Value<'js>> {
            let sync = s.borrow();
            let Some((db, session)) = sync.sessions.get(&id) else { return Ok(Value::new_undefined(ctx.clone())) };
            let handle = sync.handle(*db).ok_or_else(|| not_open(&ctx))?;
            let bytes = session.changes(handle, patch).map_err(|f| throw_sqlite(&ctx, &f))?;
            blob(&ctx, &bytes)
        })?,
    )?;
    let s = sync.clone();
    native.set(
        "closeSession",
        Function::new(ctx.clone(), move |id: u32| {
            let mut sync = s.borrow_mut();
            if let Some((db, _)) = sync.sessions.remove(&id)
                && let Some(database) = sync.databases.get_mut(&db)
            {
                database.sessions.retain(|s| *s != id);
            }
        })?,
    )?;
    let s = sync.clone();
    // applyChangeset(db, bytes, filter or undefined, onConflict(kind) → action): applied or not.
    native.set(
        "applyChangeset",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  db: u32,
                  changes: TypedArray<'js, u8>,
                  filter: Option<Function<'js>>,
                  conflict: Function<'js>|
                  -> Result<bool> {
                let handle = s.borrow().handle(db).ok_or_else(|| not_open(&ctx))?;
                // SAFETY: copied before JavaScript runs again.
                let bytes = unsafe { changes.as_bytes() }.unwrap_or_default().to_vec();
                struct Calls<'a, 'js> {
                    ctx: &'a Ctx<'js>,
                    filter: Option<Function<'js>>,
                    conflict: Function<'js>,
                    threw: bool,
                }
                impl session::Apply for Calls<'_, '_> {
                    fn filter(&mut self, table: &str) -> bool {
                        let Some(filter) = &self.filter else { return true };
                        match filter.call::<_, Value>((table,)) {
                            Ok(keep) => keep.as_bool().unwrap_or(false) || keep.as_int().is_some_and(|n| n != 0),
                            Err(_) => {
                                self.threw = true;
                                false
                            }
                        }
                    }
                    fn conflict(&mut self, kind: c_int) -> c_int {
                        if self.threw {
                            return rusqlite::ffi::SQLITE_CHANGESET_ABORT;
                        }
                        match self.conflict.call::<_, Value>((kind,)) {
                            Ok(action) => action.as_int().unwrap_or(rusqlite::ffi::SQLITE_CHANGESET_ABORT),
                            Err(_) => {
                                self.threw = true;
                                rusqlite::ffi::SQLITE_CHANGESET_ABORT
                            }
                        }
                    }
                }
                let mut calls = Calls { ctx: &ctx, filter, conflict, threw: false };
                let applied = session::apply(handle, &bytes, &mut calls);
                if calls.threw {
                    return Err(rquickjs::Error::Exception);
                }
                let _ = calls.ctx;
                applied.map_err(|f| throw_sqlite(&ctx, &f))
            },
        )?,
    )?;
    let s = sync.clone();
    native.set(
        "enableLoadExtension",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32, on: bool| -> Result<()> {
            let handle = s.borrow().handle(db).ok_or_else(|| not_open(&ctx))?;
            // SAFETY: an open connection.
            unsafe {
                rusqlite::ffi::sqlite3_db_config(
                    handle.raw(),
                    rusqlite::ffi::SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
                    on as c_int,
                    std::ptr::null_mut::<c_int>(),
                )
            };
            Ok(())
        })?,
    )?;
    let s = sync.clone();
    native.set(
        "loadExtension",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, db: u32, path: Utf8, entry: Option<Utf8>| -> Result<()> {
            let handle = s.borrow().handle(db).ok_or_else(|| not_open(&ctx))?;
            let path = std::ffi::CString::new(path.0).unwrap_or_default();
            let entry = entry.map(|e| std::ffi::CString::new(e.0).unwrap_or_default());
            let mut message: *mut std::ffi::c_char = std::ptr::null_mut();
            // SAFETY: an open connection and NUL-terminated names; the message is SQLite's to free.
            let code = unsafe {
                rusqlite::ffi::sqlite3_load_extension(
                    handle.raw(),
                    path.as_ptr(),
                    entry.as_ref().map_or(std::ptr::null(), |e| e.as_ptr()),
                    &mut message,
                )
            };
            if code != rusqlite::ffi::SQLITE_OK {
                let mut failure = Failure::of(handle, code);
                if !message.is_null() {
                    // SAFETY: SQLite's message, copied then freed.
                    failure.message = unsafe { std::ffi::CStr::from_ptr(message) }.to_string_lossy().into_owned();
                    unsafe { rusqlite::ffi::sqlite3_free(message.cast()) };
                }
                return Err(throw_sqlite(&ctx, &failure));
            }
            Ok(())
        })?,
    )?;
    let s = sync.clone();
    let h = host.clone();
    // backup(db, path, source, target, rate, progress(done, total), callback(err, pages)):
    // a step of `rate` pages per turn of the loop, as Node's threadpool job does.
    native.set(
        "backup",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  db: u32,
                  path: Utf8,
                  source: Utf8,
                  target: Utf8,
                  rate: c_int,
                  progress: Option<Function<'js>>|
                  -> Result<Value<'js>> {
                let sync = s.borrow();
                let database = sync.databases.get(&db).ok_or_else(|| not_open(&ctx))?;
                let started = h.event_loop.tracing.then(std::time::Instant::now);
                let done = backup(&ctx, &database.conn, &path.0, &source.0, &target.0, rate, progress.as_ref());
                blocked(&h, &ctx, started, || format!("backup to {:?}", path.0));
                match done {
                    Ok(Ok(pages)) => Ok(Value::new_int(ctx.clone(), pages)),
                    Ok(Err(failure)) => Ok(sqlite_error(&ctx, &failure)?.into_value()),
                    Err(thrown) => Err(thrown),
                }
            },
        )?,
    )?;
    Ok(())
}

/// Copies database `source` of `conn` into `target` of the file at `path`,
/// `rate` pages a step, telling `progress` after each: the total pages.
fn backup<'js>(
    ctx: &Ctx<'js>,
    conn: &rusqlite::Connection,
    path: &str,
    source: &str,
    target: &str,
    rate: c_int,
    progress: Option<&Function<'js>>,
) -> Result<std::result::Result<c_int, Failure>> {
    let fail = |e: rusqlite::Error| Ok(Err(Failure::from_rusqlite(&e)));
    let mut destination = match rusqlite::Connection::open(path) {
        Ok(d) => d,
        Err(e) => return Ok(Err(Failure::opening(&e))),
    };
    let copy = match rusqlite::backup::Backup::new_with_names(conn, source, &mut destination, target) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    loop {
        match copy.step(rate) {
            Ok(rusqlite::backup::StepResult::Done) => return Ok(Ok(copy.progress().pagecount)),
            Ok(_) => {}
            Err(e) => return fail(e),
        }
        if let Some(progress) = progress {
            let p = copy.progress();
            let info = Object::new(ctx.clone())?;
            info.set("totalPages", p.pagecount)?;
            info.set("remainingPages", p.remaining)?;
            progress.call::<_, ()>((info,))?;
        }
    }
}

fn run_query<'js>(
    ctx: &Ctx<'js>,
    sync: &RefCell<Sync>,
    prepared: &Prepared,
    statement: &Statement,
    mode: u8,
) -> Result<Value<'js>> {
    let big = prepared.read_big_ints.get();
    match mode {
        // run
        // One step, as Node's run() takes (a RETURNING's first row, say).
        0 => {
            if let Err(failure) = statement.step() {
                return Err(step_failed(ctx, sync, failure));
            }
            let db = sync.borrow().handle(prepared.db).ok_or_else(|| not_open(ctx))?;
            // SAFETY: an open connection.
            let (changes, last) = unsafe {
                (rusqlite::ffi::sqlite3_changes64(db.raw()), rusqlite::ffi::sqlite3_last_insert_rowid(db.raw()))
            };
            let counts = [changes, last];
            let atoms = sync.borrow().run_atoms.clone();
            row(ctx, &atoms, Shape::Plain, |i| integer(ctx, counts[i], big))
        }
        // get
        1 => match statement.step() {
            Ok(Step::Row) => current_row(ctx, prepared, statement),
            Ok(Step::Done) => Ok(Value::new_undefined(ctx.clone())),
            Err(failure) => Err(step_failed(ctx, sync, failure)),
        },
        // all
        _ => {
            let rows = Array::new(ctx.clone())?;
            let mut n = 0;
            loop {
                match statement.step() {
                    Ok(Step::Row) => rows.set(n, current_row(ctx, prepared, statement)?)?,
                    Ok(Step::Done) => return Ok(rows.into_value()),
                    Err(failure) => return Err(step_failed(ctx, sync, failure)),
                }
                n += 1;
            }
        }
    }
}

fn open_options(options: &Object<'_>) -> Result<OpenOptions> {
    let flag =
        |key: &str, default: bool| -> Result<bool> { Ok(options.get::<_, Option<bool>>(key)?.unwrap_or(default)) };
    Ok(OpenOptions {
        read_only: flag("readOnly", false)?,
        foreign_keys: flag("enableForeignKeyConstraints", true)?,
        double_quoted_strings: flag("enableDoubleQuotedStringLiterals", false)?,
        allow_extension: flag("allowExtension", false)?,
        timeout: options.get::<_, Option<f64>>("timeout")?.unwrap_or(0.0).max(0.0) as u64,
    })
}

/// A synchronous call that took the loop's thread since `started`: the
/// tracer's `--diagnose` names one that blocked the loop too long.
fn blocked(host: &Host, ctx: &Ctx<'_>, started: Option<std::time::Instant>, what: impl FnOnce() -> String) {
    if let Some(started) = started {
        host.event_loop.trace(ctx, "syncSqlite", (what(), started.elapsed().as_secs_f64() * 1000.0));
    }
}

/// SQL as the tracer and the diagnostics show it: one line, at most 60 characters.
fn shorten(sql: &str) -> String {
    let line: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

// --- tock:sqlite ---

/// Parameters copied from JavaScript: the named ones first (an object), then
/// the positional ones.
fn params_of<'js>(ctx: &Ctx<'js>, values: &Array<'js>) -> Result<Params> {
    let mut params = Params::default();
    let first: Value = values.get(0)?;
    let named = is_named(&first);
    if let Some(object) = first.as_object().filter(|_| named) {
        for key in object.keys::<String>() {
            let key = key?;
            let value: Value = object.get(key.as_str())?;
            let value = to_sql(ctx, &value, 0)?;
            params.named.push((key, value));
        }
    }
    for (i, value) in values.iter::<Value>().skip(named as usize).enumerate() {
        params.positional.push(to_sql(ctx, &value?, i as c_int + 1)?);
    }
    Ok(params)
}

/// An async answer as JavaScript: `{ changes, lastInsertRowid }`, rows (a
/// get's first or undefined), or column names.
fn answer_js<'js>(ctx: &Ctx<'js>, answer: Answer, mode: Option<Mode>, big: bool, arrays: bool) -> Result<Value<'js>> {
    match answer {
        Answer::Done => Ok(Value::new_undefined(ctx.clone())),
        Answer::Run { changes, last_insert_rowid } => {
            let result = Object::new(ctx.clone())?;
            result.set("changes", integer(ctx, changes, big)?)?;
            result.set("lastInsertRowid", integer(ctx, last_insert_rowid, big)?)?;
            Ok(result.into_value())
        }
        Answer::Columns(columns) => columns.iter().map(String::as_str).collect::<Vec<_>>().into_js(ctx),
        Answer::Rows { columns, values, done } => {
            let atoms = Atoms::new(ctx, columns.iter().cloned());
            let width = columns.len().max(1);
            let shape = Shape::of_rows(arrays);
            let make = |chunk: &[Sql]| row(ctx, &atoms, shape, |i| from_sql(ctx, ValueRef::from(&chunk[i]), big));
            if mode == Some(Mode::Get) {
                return match values.chunks(width).next() {
                    Some(first) => make(first),
                    None => Ok(Value::new_undefined(ctx.clone())),
                };
            }
            let rows = Array::new(ctx.clone())?;
            for (n, chunk) in values.chunks(width).enumerate() {
                rows.set(n, make(chunk)?)?;
            }
            if mode.is_none() {
                // A cursor's batch: [rows, done].
                let batch = Array::new(ctx.clone())?;
                batch.set(0, rows)?;
                batch.set(1, done)?;
                return Ok(batch.into_value());
            }
            Ok(rows.into_value())
        }
    }
}

/// tock:sqlite's jobs by number (`tock/sqlite.js` numbers them the same).
const JOB_NAMES: [&str; 9] = ["exec", "prepare", "run", "get", "all", "iterate", "next", "end", "close"];

/// Rows a cursor brings back per answer.
const CURSOR_BATCH: usize = 256;

fn register_async<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let connections: Rc<RefCell<HashMap<u32, worker::Connection>>> = Rc::default();
    let next = Rc::new(Cell::new(0u32));
    let (all, h) = (connections.clone(), host.clone());
    // connect(location, options, callback(err)): a connection id; the
    // callback follows once it is open (or failed to).
    native.set(
        "connect",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, location: Utf8, options: Object<'js>, callback: Function<'js>| -> Result<u32> {
                let options = open_options(&options)?;
                let label = format!("sqlite open {:?}", location.0);
                let completer = h.event_loop.start_io(
                    &ctx,
                    callback,
                    Request::Operation { label: &label, next: Next::Done, steps: false },
                );
                let connection = worker::Connection::open(
                    location.0,
                    options,
                    Box::new(move |result| {
                        let failure = result.as_ref().err().map(|_| "SQLITE");
                        completer.send_step("", failure, true, Box::new(move |ctx| opened(ctx, result)));
                    }),
                );
                next.set(next.get() + 1);
                all.borrow_mut().insert(next.get(), connection);
                Ok(next.get())
            },
        )?,
    )?;
    let (all, h) = (connections.clone(), host.clone());
    // job(connection, code, sql, params): a promise of the
    // answer, or false when the connection is gone. `code` is the kind
    // (below) + READ_BIG_INTS + RETURN_ARRAYS + 256 × the cursor a cursor's
    // job is about. The completion calls the promise's resolve (with a
    // rejected promise for a failure).
    native.set(
        "job",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u32, code: f64, sql: Utf8, values: Array<'js>| -> Result<Value<'js>> {
                let code = code as u64;
                let (kind, big, arrays, cursor) = (code & 15, code & 16 != 0, code & 32 != 0, (code >> 8) as u32);
                let query = |mode| -> Result<(Job, Option<Mode>)> {
                    Ok((Job::Query { sql: sql.0.clone(), params: params_of(&ctx, &values)?, mode }, Some(mode)))
                };
                let (job, mode) = match kind {
                    0 => (Job::Exec(sql.0.clone()), Some(Mode::Run)),
                    1 => (Job::Prepare(sql.0.clone()), Some(Mode::All)),
                    2 => query(Mode::Run)?,
                    3 => query(Mode::Get)?,
                    4 => query(Mode::All)?,
                    5 => {
                        let params = params_of(&ctx, &values)?;
                        (Job::Cursor { cursor, sql: sql.0.clone(), params }, Some(Mode::All))
                    }
                    6 => (Job::Next { cursor, rows: CURSOR_BATCH }, None),
                    7 => (Job::EndCursor(cursor), Some(Mode::Run)),
                    _ => (Job::Close, Some(Mode::Run)),
                };
                let close = matches!(job, Job::Close);
                let label = if !h.event_loop.tracing {
                    String::new()
                } else {
                    match &job {
                        Job::Exec(sql) | Job::Prepare(sql) | Job::Query { sql, .. } | Job::Cursor { sql, .. } => {
                            let count = match &job {
                                Job::Query { params, .. } | Job::Cursor { params, .. } => {
                                    params.named.len() + params.positional.len()
                                }
                                _ => 0,
                            };
                            format!("sqlite {} {:?} ({count} params)", JOB_NAMES[kind as usize], shorten(sql))
                        }
                        _ => format!("sqlite {}", JOB_NAMES[kind.min(8) as usize]),
                    }
                };
                let traced = match &job {
                    Job::Next { .. } | Job::EndCursor(_) => Request::Untraced,
                    _ => Request::Operation { label: &label, next: Next::Done, steps: false },
                };
                let (promise, resolve, _) = ctx.promise()?;
                let completer = h.event_loop.start_io(&ctx, resolve, traced);
                let tracing = h.event_loop.tracing;
                let reply: worker::Reply = Box::new(move |result| {
                    let failure = result.as_ref().err().map(|_| "SQLITE");
                    let rows = if tracing { result_rows(&result) } else { None };
                    let deliver: crate::event_loop::io::Deliver =
                        Box::new(move |ctx| deliver(ctx, result, mode, big, arrays));
                    match rows {
                        Some(rows) => completer.send_detailed(rows, failure, deliver),
                        None => completer.send_step("", failure, true, deliver),
                    }
                });
                let connections = all.borrow();
                let Some(connection) = connections.get(&id) else { return Ok(Value::new_bool(ctx.clone(), false)) };
                if let Err(reply) = connection.send(job, reply) {
                    // Its thread is gone: the answer says so at once.
                    reply(Err(Failure {
                        code: rusqlite::ffi::SQLITE_MISUSE,
                        errstr: "bad parameter or other API misuse".into(),
                        message: "database is not open".into(),
                    }));
                }
                drop(connections);
                h.event_loop.io.expect_soon();
                if close {
                    all.borrow_mut().remove(&id);
                }
                Ok(promise.into_value())
            },
        )?,
    )?;
    Ok(())
}

/// What the tracer shows of an answer: how many rows it has.
fn result_rows(result: &std::result::Result<Answer, Failure>) -> Option<String> {
    match result {
        Ok(Answer::Rows { columns, values, .. }) => {
            let rows = values.len() / columns.len().max(1);
            Some(format!("{rows} row{}", if rows == 1 { "" } else { "s" }))
        }
        Ok(Answer::Run { changes, .. }) => Some(format!("{changes} changed")),
        _ => None,
    }
}

/// A job's result as its promise's resolution: the answer, or a promise
/// rejected with the failure.
fn deliver<'js>(
    ctx: &Ctx<'js>,
    result: std::result::Result<Answer, Failure>,
    mode: Option<Mode>,
    big: bool,
    arrays: bool,
) -> Result<Vec<Value<'js>>> {
    let rejected = |error: Value<'js>| -> Result<Vec<Value<'js>>> {
        let (promise, _, reject) = ctx.promise()?;
        reject.call::<_, ()>((error,))?;
        Ok(vec![promise.into_value()])
    };
    match result {
        Ok(answer) => match answer_js(ctx, answer, mode, big, arrays) {
            Ok(answer) => Ok(vec![answer]),
            // A value JavaScript cannot hold (an integer too large): the error is the answer.
            Err(rquickjs::Error::Exception) => rejected(ctx.catch()),
            Err(e) => Err(e),
        },
        Err(failure) => rejected(sqlite_error(ctx, &failure)?.into_value()),
    }
}

/// How opening a connection went, as its callback's argument: the failure or null.
fn opened<'js>(ctx: &Ctx<'js>, result: std::result::Result<Answer, Failure>) -> Result<Vec<Value<'js>>> {
    Ok(vec![match result {
        Ok(_) => Value::new_null(ctx.clone()),
        Err(failure) => sqlite_error(ctx, &failure)?.into_value(),
    }])
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "sqlite")?;
    register_sync(ctx, native, host)?;
    register_async(ctx, native, host)
}

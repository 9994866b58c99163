//! Structured clone (HTML's StructuredSerializeWithTransfer and
//! StructuredDeserializeWithTransfer): a JavaScript value copied out of one
//! runtime as a `Cloned` tree that any thread may hold, then rebuilt in
//! another runtime (or the same: `structuredClone`). What `postMessage`
//! carries between threads.
//!
//! Objects met twice are sent once and referred to by the order they were
//! first met (`Ref`), so shared and circular references survive. An
//! ArrayBuffer in the transfer list moves: the sender's is detached. A
//! SharedArrayBuffer is not copied at all: both runtimes see the same
//! memory (`Shared`), its lifetime counted across them (`install`).
//!
//! The engine's intrinsics that Rust cannot reach directly (a Date's time,
//! a Map's entries…) are the functions of `src/js/internal/clone.js`,
//! captured before any program runs, so a program replacing
//! `Map.prototype.forEach` cannot change what is cloned.

use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

use rquickjs::{Array, Ctx, Function, IntoJs, Object, Persistent, Result, Value, qjs};

use super::text::{Utf8, to_utf8};

/// A value copied out of a runtime.
#[derive(Clone)]
pub enum Cloned {
    Undefined,
    Null,
    Bool(bool),
    Int(i32),
    Float(f64),
    /// Its decimal digits.
    BigInt(String),
    String(String),
    /// The object first met at this position of the message.
    Ref(usize),
    /// Own enumerable string-keyed properties, in order.
    Object(Vec<(String, Cloned)>),
    Array {
        length: u32,
        properties: Vec<(String, Cloned)>,
    },
    /// A Boolean, Number, String or BigInt object.
    Boxed(Box<Cloned>),
    Date(f64),
    RegExp {
        source: String,
        flags: String,
    },
    /// Keys and values, alternating.
    Map(Vec<Cloned>),
    Set(Vec<Cloned>),
    Error {
        name: String,
        message: Option<String>,
        stack: Option<String>,
        cause: Option<Box<Cloned>>,
    },
    /// An ArrayBuffer: copied, or moved when transferred.
    Bytes(Vec<u8>),
    Shared(SharedMemory),
    /// A typed array (`kind` as `JS_GetTypedArrayType`) or a DataView
    /// (`kind` None) over `buffer`.
    View {
        kind: Option<i32>,
        buffer: Box<Cloned>,
        offset: usize,
        length: usize,
    },
    /// The transferred object (a MessagePort) at this index among those of
    /// the transfer list that are not ArrayBuffers.
    Transferred(usize),
}

/// Why a value cannot be cloned.
pub enum CloneError {
    /// The message of the DataCloneError.
    Uncloneable(String),
    /// A MessagePort met in the value but missing from the transfer list.
    MissingTransfer,
}

/// Memory of a SharedArrayBuffer, counted: every runtime's buffer over it
/// holds one count, and so does each message carrying it.
pub struct SharedMemory {
    data: *mut u8,
    len: usize,
}

// SAFETY: the memory is shared by design (Atomics order its accesses); the
// count that keeps it alive is atomic.
unsafe impl Send for SharedMemory {}

impl Clone for SharedMemory {
    fn clone(&self) -> SharedMemory {
        // SAFETY: memory `shared_alloc` made, alive while `self` holds its count.
        unsafe { shared_dup(std::ptr::null_mut(), self.data.cast()) };
        SharedMemory { data: self.data, len: self.len }
    }
}

impl Drop for SharedMemory {
    fn drop(&mut self) {
        // SAFETY: this value held one count of memory `shared_alloc` made.
        unsafe { shared_free(std::ptr::null_mut(), self.data.cast()) }
    }
}

/// The header before a SharedArrayBuffer's bytes: how many hold them.
#[repr(C, align(16))]
struct SharedHeader {
    count: AtomicUsize,
}

unsafe extern "C" fn shared_alloc(_opaque: *mut c_void, size: qjs::size_t) -> *mut c_void {
    let size = size as usize;
    let header = std::mem::size_of::<SharedHeader>();
    // SAFETY: a fresh allocation of header + size bytes, zeroed (QuickJS
    // zeroes the bytes too), its header initialised before use.
    unsafe {
        let base = libc::calloc(1, header + size).cast::<SharedHeader>();
        if base.is_null() {
            return base.cast();
        }
        base.write(SharedHeader { count: AtomicUsize::new(1) });
        base.cast::<u8>().add(header).cast()
    }
}

/// The header of bytes `shared_alloc` made.
unsafe fn header_of(data: *mut c_void) -> *mut SharedHeader {
    // SAFETY: `data` comes from `shared_alloc`, right after its header.
    unsafe { data.cast::<u8>().sub(std::mem::size_of::<SharedHeader>()).cast() }
}

unsafe extern "C" fn shared_free(_opaque: *mut c_void, data: *mut c_void) {
    // SAFETY: `data` comes from `shared_alloc`; the last holder frees it.
    unsafe {
        let header = header_of(data);
        if (*header).count.fetch_sub(1, Ordering::AcqRel) == 1 {
            libc::free(header.cast());
        }
    }
}

unsafe extern "C" fn shared_dup(_opaque: *mut c_void, data: *mut c_void) {
    // SAFETY: `data` comes from `shared_alloc` and is alive (its caller holds a count).
    unsafe { (*header_of(data)).count.fetch_add(1, Ordering::Relaxed) };
}

/// Makes a runtime's SharedArrayBuffers shareable with other runtimes, and
/// lets `Atomics.wait` block (as Node allows on every thread).
pub fn install(ctx: &Ctx<'_>) {
    let functions = qjs::JSSharedArrayBufferFunctions {
        sab_alloc: Some(shared_alloc),
        sab_free: Some(shared_free),
        sab_dup: Some(shared_dup),
        sab_opaque: std::ptr::null_mut(),
    };
    // SAFETY: the runtime is live; QuickJS copies the table.
    unsafe {
        let raw = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetSharedArrayBufferFunctions(raw, &functions);
        qjs::JS_SetCanBlock(raw, true);
    }
}

/// The intrinsics `clone.js` captured, for one runtime.
pub struct Intrinsics {
    helpers: Persistent<Object<'static>>,
}

impl Intrinsics {
    pub fn new(helpers: Persistent<Object<'static>>) -> Intrinsics {
        Intrinsics { helpers }
    }

    fn get<'js>(&self, ctx: &Ctx<'js>, name: &str) -> Result<Function<'js>> {
        self.helpers.clone().restore(ctx)?.get(name)
    }

    /// Calls the helper `name`.
    pub fn call<'js, A: rquickjs::function::IntoArgs<'js>, R: rquickjs::FromJs<'js>>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        args: A,
    ) -> Result<R> {
        self.get(ctx, name)?.call(args)
    }
}

/// The kinds of object the clone tells apart, by the engine's class.
fn class_of(value: &Value<'_>) -> qjs::JSClassID {
    // SAFETY: reads the class of a live value.
    unsafe { qjs::JS_GetClassID(value.as_raw()) }
}

#[derive(Clone, Copy)]
struct Classes {
    object: qjs::JSClassID,
    boolean: qjs::JSClassID,
    number: qjs::JSClassID,
    string: qjs::JSClassID,
    bigint: qjs::JSClassID,
    shared: qjs::JSClassID,
}

/// Serializes `value`; `transfer` are the objects of the transfer list
/// (ArrayBuffers are moved, others are the caller's: MessagePorts).
pub fn serialize<'js>(
    ctx: &Ctx<'js>,
    intrinsics: &Intrinsics,
    value: Value<'js>,
    transfer: &[Object<'js>],
) -> Result<std::result::Result<Cloned, CloneError>> {
    let port_prototype: Option<Object> = intrinsics.helpers.clone().restore(ctx)?.get("portPrototype")?;
    let port_prototype = port_prototype.map(|p| address(p.as_value()));
    let mut writer = Writer { ctx, intrinsics, seen: HashMap::new(), transfer, classes: classes(ctx)?, port_prototype };
    let cloned = match writer.write(value) {
        Ok(cloned) => cloned,
        Err(Fail::Clone(e)) => return Ok(Err(e)),
        Err(Fail::Js(e)) => return Err(e),
    };
    // Transferred buffers are detached once the whole value is serialized.
    for buffer in transfer.iter().filter(|t| is_array_buffer(t.as_value())) {
        // SAFETY: detaches a live ArrayBuffer of this context.
        unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), buffer.as_raw()) };
    }
    Ok(Ok(cloned))
}

/// The class ids of plain objects, the boxed primitives and
/// SharedArrayBuffer, read once from samples: they are the engine's own
/// numbering, the same in every runtime.
fn classes(ctx: &Ctx<'_>) -> Result<Classes> {
    static CLASSES: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();
    if let Some(classes) = CLASSES.get() {
        return Ok(*classes);
    }
    let sample = |source: &str| -> Result<qjs::JSClassID> { Ok(class_of(&ctx.eval::<Value, _>(source)?)) };
    let classes = Classes {
        object: sample("({})")?,
        boolean: sample("Object(false)")?,
        number: sample("Object(0)")?,
        string: sample("Object('')")?,
        bigint: sample("Object(0n)")?,
        shared: sample("new SharedArrayBuffer(0)")?,
    };
    Ok(*CLASSES.get_or_init(|| classes))
}

enum Fail {
    Clone(CloneError),
    Js(rquickjs::Error),
}

impl From<rquickjs::Error> for Fail {
    fn from(e: rquickjs::Error) -> Fail {
        Fail::Js(e)
    }
}

struct Writer<'a, 'js> {
    ctx: &'a Ctx<'js>,
    intrinsics: &'a Intrinsics,
    /// Objects met so far, by address: their position.
    seen: HashMap<usize, usize>,
    transfer: &'a [Object<'js>],
    classes: Classes,
    /// MessagePort.prototype's address: ports are transferred, never cloned.
    port_prototype: Option<usize>,
}

fn address(value: &Value<'_>) -> usize {
    // SAFETY: an object value's pointer identifies it while it lives.
    unsafe { qjs::JS_VALUE_GET_PTR(value.as_raw()) as usize }
}

impl<'js> Writer<'_, 'js> {
    fn fail<T>(&self, value: &Value<'js>) -> std::result::Result<T, Fail> {
        let shown: String = self.intrinsics.get(self.ctx, "describe")?.call((value.clone(),))?;
        Err(Fail::Clone(CloneError::Uncloneable(format!("{shown} could not be cloned."))))
    }

    fn write(&mut self, value: Value<'js>) -> std::result::Result<Cloned, Fail> {
        use rquickjs::Type;
        Ok(match value.type_of() {
            Type::Uninitialized | Type::Undefined => Cloned::Undefined,
            Type::Null => Cloned::Null,
            Type::Bool => Cloned::Bool(value.as_bool().unwrap_or(false)),
            Type::Int => Cloned::Int(value.as_int().unwrap_or(0)),
            Type::Float => Cloned::Float(value.as_float().unwrap_or(f64::NAN)),
            Type::String => Cloned::String(to_utf8(value.as_string().expect("a string"))?),
            Type::BigInt => Cloned::BigInt(self.digits(&value)?),
            Type::Symbol | Type::Function | Type::Constructor => return self.fail(&value),
            _ => {
                let Some(object) = value.as_object().cloned() else { return self.fail(&value) };
                self.write_object(value, object)?
            }
        })
    }

    fn digits(&self, value: &Value<'js>) -> Result<String> {
        self.intrinsics.get(self.ctx, "digits")?.call((value.clone(),))
    }

    fn write_object(&mut self, value: Value<'js>, object: Object<'js>) -> std::result::Result<Cloned, Fail> {
        let at = address(&value);
        if let Some(&index) = self.seen.get(&at) {
            return Ok(Cloned::Ref(index));
        }
        // A transferred port: its index among the transferred objects that are not buffers.
        let mut others = self.transfer.iter().filter(|t| !is_array_buffer(t.as_value()));
        if let Some(index) = others.position(|t| address(t.as_value()) == at) {
            return Ok(Cloned::Transferred(index));
        }
        let raw = value.as_raw();
        // SAFETY: type tests of a live object.
        let (is_array, is_date, is_regexp, is_map, is_set, is_error, is_proxy, is_view) = unsafe {
            (
                qjs::JS_IsArray(raw),
                qjs::JS_IsDate(raw),
                qjs::JS_IsRegExp(raw),
                qjs::JS_IsMap(raw),
                qjs::JS_IsSet(raw),
                qjs::JS_IsError(raw),
                qjs::JS_IsProxy(raw),
                qjs::JS_IsDataView(raw),
            )
        };
        if is_proxy {
            return self.fail(&value);
        }
        self.seen.insert(at, self.seen.len());
        let class = class_of(&value);
        let (intrinsics, ctx) = (self.intrinsics, self.ctx);
        let helper = |name: &str| intrinsics.get(ctx, name);
        if class == self.classes.boolean
            || class == self.classes.number
            || class == self.classes.string
            || class == self.classes.bigint
        {
            let primitive: Value = helper("unbox")?.call((value,))?;
            return Ok(Cloned::Boxed(Box::new(self.write(primitive)?)));
        }
        if is_date {
            return Ok(Cloned::Date(helper("time")?.call((value,))?));
        }
        if is_regexp {
            let (source, flags): (Utf8, Utf8) =
                (helper("regexpSource")?.call((value.clone(),))?, helper("regexpFlags")?.call((value,))?);
            return Ok(Cloned::RegExp { source: source.0, flags: flags.0 });
        }
        if is_array_buffer(&value) || class == self.classes.shared {
            return self.write_buffer(&value, class);
        }
        // SAFETY: a live object; -1 when it is no typed array.
        let typed = unsafe { qjs::JS_GetTypedArrayType(raw) };
        if typed >= 0 || is_view {
            let parts = helper(if typed >= 0 { "typedView" } else { "dataView" })?;
            let parts: Array = parts.call((value,))?;
            let (buffer, offset, length): (Value, usize, usize) = (parts.get(0)?, parts.get(1)?, parts.get(2)?);
            let buffer = self.write(buffer)?;
            return Ok(Cloned::View { kind: (typed >= 0).then_some(typed), buffer: Box::new(buffer), offset, length });
        }
        if is_map {
            let entries: Array = helper("mapEntries")?.call((value,))?;
            let mut out = Vec::with_capacity(entries.len());
            for entry in entries.iter::<Value>() {
                out.push(self.write(entry?)?);
            }
            return Ok(Cloned::Map(out));
        }
        if is_set {
            let values: Array = helper("setValues")?.call((value,))?;
            let mut out = Vec::with_capacity(values.len());
            for entry in values.iter::<Value>() {
                out.push(self.write(entry?)?);
            }
            return Ok(Cloned::Set(out));
        }
        if is_error {
            let parts: Array = helper("errorParts")?.call((value,))?;
            let (name, message, stack, cause): (Utf8, Option<Utf8>, Option<Utf8>, Value) =
                (parts.get(0)?, parts.get(1)?, parts.get(2)?, parts.get(3)?);
            let (name, message, stack) = (name.0, message.map(String::from), stack.map(String::from));
            let has_cause: bool = helper("hasCause")?.call((object.clone(),))?;
            let cause = if has_cause { Some(Box::new(self.write(cause)?)) } else { None };
            return Ok(Cloned::Error { name, message, stack, cause });
        }
        // The engine's other kinds (promises, weak maps…) are not cloneable.
        if !is_array && class != self.classes.object {
            return self.fail(&value);
        }
        if self.port_prototype.is_some() && object.get_prototype().map(|p| address(p.as_value())) == self.port_prototype
        {
            return Err(Fail::Clone(CloneError::MissingTransfer));
        }
        let properties = self.properties(&object)?;
        if is_array {
            let length: u32 = object.get("length")?;
            return Ok(Cloned::Array { length, properties });
        }
        Ok(Cloned::Object(properties))
    }

    fn properties(&mut self, object: &Object<'js>) -> std::result::Result<Vec<(String, Cloned)>, Fail> {
        let keys: Vec<String> = object.keys::<String>().collect::<Result<_>>()?;
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let value: Value = object.get(key.as_str())?;
            out.push((key, self.write(value)?));
        }
        Ok(out)
    }

    fn write_buffer(&mut self, value: &Value<'js>, class: qjs::JSClassID) -> std::result::Result<Cloned, Fail> {
        let mut len: qjs::size_t = 0;
        // SAFETY: a live ArrayBuffer or SharedArrayBuffer; null (and an
        // exception) when detached.
        let data = unsafe { qjs::JS_GetArrayBuffer(self.ctx.as_raw().as_ptr(), &mut len, value.as_raw()) };
        let len = len as usize;
        if data.is_null() {
            self.ctx.catch();
            if self.transfer.iter().any(|t| address(t.as_value()) == address(value)) {
                // Transferring a buffer already detached moves nothing.
                return Ok(Cloned::Bytes(Vec::new()));
            }
            return Err(Fail::Clone(CloneError::Uncloneable(
                "An ArrayBuffer is detached and could not be cloned.".into(),
            )));
        }
        if class == self.classes.shared {
            // SAFETY: the buffer's memory came from `shared_alloc`; this message holds a count.
            unsafe { shared_dup(std::ptr::null_mut(), data.cast()) };
            return Ok(Cloned::Shared(SharedMemory { data, len }));
        }
        // SAFETY: `len` bytes at `data`, read before any JavaScript runs again.
        Ok(Cloned::Bytes(unsafe { std::slice::from_raw_parts(data, len) }.to_vec()))
    }
}

fn is_array_buffer(value: &Value<'_>) -> bool {
    // SAFETY: a type test of a live value.
    unsafe { qjs::JS_IsArrayBuffer(value.as_raw()) }
}

/// Rebuilds a cloned value in `ctx`; `transferred` are the objects the
/// receiver made for the transferred ones (MessagePorts), by index.
pub fn deserialize<'js>(
    ctx: &Ctx<'js>,
    intrinsics: &Intrinsics,
    cloned: Cloned,
    transferred: &[Value<'js>],
) -> Result<Value<'js>> {
    let mut reader = Reader { ctx, intrinsics, objects: Vec::new(), transferred };
    reader.read(cloned)
}

struct Reader<'a, 'js> {
    ctx: &'a Ctx<'js>,
    intrinsics: &'a Intrinsics,
    objects: Vec<Value<'js>>,
    transferred: &'a [Value<'js>],
}

impl<'js> Reader<'_, 'js> {
    fn helper(&self, name: &str) -> Result<Function<'js>> {
        self.intrinsics.get(self.ctx, name)
    }

    /// Keeps an object's position (for `Ref`) before its contents are read.
    fn reserve(&mut self) -> usize {
        self.objects.push(Value::new_undefined(self.ctx.clone()));
        self.objects.len() - 1
    }

    fn read(&mut self, cloned: Cloned) -> Result<Value<'js>> {
        let ctx = self.ctx.clone();
        Ok(match cloned {
            Cloned::Undefined => Value::new_undefined(ctx),
            Cloned::Null => Value::new_null(ctx),
            Cloned::Bool(b) => Value::new_bool(ctx, b),
            Cloned::Int(i) => Value::new_int(ctx, i),
            Cloned::Float(f) => Value::new_float(ctx, f),
            Cloned::BigInt(digits) => self.helper("bigint")?.call((digits,))?,
            Cloned::String(s) => s.into_js(&ctx)?,
            Cloned::Ref(index) => self.objects.get(index).cloned().unwrap_or_else(|| Value::new_undefined(ctx)),
            Cloned::Transferred(index) => {
                self.transferred.get(index).cloned().unwrap_or_else(|| Value::new_undefined(ctx))
            }
            Cloned::Object(properties) => {
                let object = Object::new(ctx)?;
                self.objects.push(object.clone().into_value());
                self.fill(&object, properties)?;
                object.into_value()
            }
            Cloned::Array { length, properties } => {
                let array = Array::new(ctx)?;
                self.objects.push(array.clone().into_value());
                array.as_object().set("length", length)?;
                self.fill(array.as_object(), properties)?;
                array.into_value()
            }
            Cloned::Boxed(inner) => {
                let at = self.reserve();
                let primitive = self.read(*inner)?;
                let boxed: Value = self.helper("box")?.call((primitive,))?;
                self.objects[at] = boxed.clone();
                boxed
            }
            Cloned::Date(time) => self.record(self.helper("date")?.call((time,))?),
            Cloned::RegExp { source, flags } => self.record(self.helper("newRegExp")?.call((source, flags))?),
            Cloned::Map(entries) => {
                let map: Value = self.helper("newMap")?.call(())?;
                self.objects.push(map.clone());
                let set = self.helper("mapSet")?;
                let mut entries = entries.into_iter();
                while let (Some(key), Some(value)) = (entries.next(), entries.next()) {
                    let (key, value) = (self.read(key)?, self.read(value)?);
                    set.call::<_, ()>((map.clone(), key, value))?;
                }
                map
            }
            Cloned::Set(values) => {
                let set: Value = self.helper("newSet")?.call(())?;
                self.objects.push(set.clone());
                let add = self.helper("setAdd")?;
                for value in values {
                    let value = self.read(value)?;
                    add.call::<_, ()>((set.clone(), value))?;
                }
                set
            }
            Cloned::Error { name, message, stack, cause } => {
                let error: Object = self.helper("newError")?.call((name, message, stack))?;
                self.objects.push(error.clone().into_value());
                if let Some(cause) = cause {
                    let cause = self.read(*cause)?;
                    self.helper("setCause")?.call::<_, ()>((error.clone(), cause))?;
                }
                error.into_value()
            }
            Cloned::Bytes(bytes) => {
                let buffer = rquickjs::ArrayBuffer::new(ctx, bytes)?.into_value();
                self.record(buffer)
            }
            Cloned::Shared(memory) => {
                // SAFETY: `shared_alloc` memory of `len` bytes; QuickJS takes
                // its own count (sab_dup), and `memory` drops this message's.
                let raw = unsafe {
                    qjs::JS_NewArrayBuffer(
                        ctx.as_raw().as_ptr(),
                        memory.data,
                        memory.len as qjs::size_t,
                        0,
                        None,
                        std::ptr::null_mut(),
                        true,
                    )
                };
                // SAFETY: a new reference (or an exception) the `Value` owns.
                let buffer = unsafe { Value::from_raw(ctx.clone(), raw) };
                if buffer.is_exception() {
                    return Err(rquickjs::Error::Exception);
                }
                drop(memory);
                self.record(buffer)
            }
            Cloned::View { kind, buffer, offset, length } => {
                let at = self.reserve();
                let buffer = self.read(*buffer)?;
                let view: Value = self.helper("newView")?.call((kind, buffer, offset, length))?;
                self.objects[at] = view.clone();
                view
            }
        })
    }

    fn record(&mut self, value: Value<'js>) -> Value<'js> {
        self.objects.push(value.clone());
        value
    }

    fn fill(&mut self, object: &Object<'js>, properties: Vec<(String, Cloned)>) -> Result<()> {
        for (key, value) in properties {
            let value = self.read(value)?;
            object.set(key.as_str(), value)?;
        }
        Ok(())
    }
}

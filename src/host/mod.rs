//! The host: the natives behind tock's JavaScript, one file per API.
//!
//! Rust owns the state the loop needs (timer heap, immediate queue, flags);
//! the thin API layers (console, process, timers, require…) are JavaScript
//! shipped inside the binary (`src/js/`), given a `native` object of Rust
//! functions. Each API lives in its own file on both sides.

pub mod buffer;
pub mod child_process;
pub mod crypto;
pub mod dgram;
pub mod dns;
pub mod fs;
pub mod handles;
pub mod http;
pub mod ipc;
pub mod messaging;
pub mod modules;
pub mod net;
pub mod os;
pub mod process;
pub mod signals;
pub mod sqlite;
pub mod stdin;
pub mod test262;
pub mod timers;
pub mod tls;
pub mod trace;
pub mod url;
pub mod workers;
pub mod zlib;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Persistent};

use crate::cli::Options;
use crate::event_loop;
use crate::modules::Loader;

pub use crate::event_loop::JsObject;

/// What the natives share: the options, the loop's state (its queues), the
/// loader's, and the tracer's watch list. One per runtime.
pub struct Host {
    pub options: Options,
    pub event_loop: Rc<event_loop::State>,
    pub loader: Rc<Loader>,
    pub entry: OnceCell<EntryHooks>,
    /// Pending promises an instrumented `await` waits on, by address, with
    /// the await site: their fulfilment is reported (tracing only).
    pub trace_watched: RefCell<HashMap<usize, (Persistent<Object<'static>>, u32)>>,
    /// This runtime's message ports.
    pub messaging: messaging::Messaging,
    /// Set when this runtime is a worker's.
    pub worker: Option<crate::worker::Context>,
    /// How a worker's runtime is run (`runtime::run_worker`).
    pub run_worker: crate::worker::Run,
}

/// How the program starts (registered by `bootstrap.js`).
pub struct EntryHooks {
    pub run_main: Persistent<Function<'static>>,
    pub eval_script: Persistent<Function<'static>>,
    /// `runTest262(file, preludes, strict, module)`: `--test262-host` mode.
    pub run_test262: Persistent<Function<'static>>,
}

impl Host {
    pub fn new(
        options: Options,
        event_loop: Rc<event_loop::State>,
        loader: Rc<Loader>,
        worker: Option<crate::worker::Context>,
        run_worker: crate::worker::Run,
    ) -> Rc<Host> {
        Rc::new(Host {
            options,
            event_loop,
            loader,
            entry: OnceCell::new(),
            trace_watched: RefCell::default(),
            messaging: messaging::Messaging::default(),
            worker,
            run_worker,
        })
    }

    pub fn entry(&self) -> &EntryHooks {
        self.entry.get().expect("bootstrap registered the hooks")
    }
}

/// The object holding one module's natives (`native.fs`, `native.timers`…):
/// each file's `register` fills its own.
fn group<'js>(ctx: &Ctx<'js>, native: &Object<'js>, name: &str) -> rquickjs::Result<Object<'js>> {
    let group = Object::new(ctx.clone())?;
    native.set(name, group.clone())?;
    Ok(group)
}

mod js_modules {
    include!(concat!(env!("OUT_DIR"), "/js_modules.rs"));
}

/// An embedded module's source wrapped as a function of `(exports, require,
/// module, native)` (`src/js/internal/loader.js` calls it).
/// A worker's runtime keeps what it compiles for the next (`keep`).
fn compile_module<'js>(ctx: &Ctx<'js>, id: &str, params: &str, keep: bool) -> rquickjs::Result<Function<'js>> {
    let source = match js_modules::MODULES.binary_search_by_key(&id, |(name, _)| name) {
        Ok(at) => js_modules::MODULES[at].1,
        Err(_) => {
            return Err(crate::modules::esm::throw_coded(ctx, &format!("No internal module {id}"), "ERR_INTERNAL"));
        }
    };
    // Debug builds read a module from `$TOCK_DEV_JS/{id}.js` when it is there,
    // so built-ins can be edited and tried without a rebuild.
    #[cfg(debug_assertions)]
    if let Some(dev) = std::env::var_os("TOCK_DEV_JS")
        .and_then(|dir| std::fs::read_to_string(std::path::Path::new(&dir).join(format!("{id}.js"))).ok())
    {
        let mut options = rquickjs::context::EvalOptions::default();
        options.filename = Some(format!("tock:{id}"));
        return ctx.eval_with_options(format!("(function ({params}) {{'use strict';{dev}\n}})"), options);
    }
    bytecode::load(ctx, id, keep, || format!("(function ({params}) {{'use strict';{source}\n}})"))
}

/// The embedded modules' bytecode, compiled once per process: a worker's
/// runtime reads it rather than compiling the JavaScript again.
mod bytecode {
    use std::collections::HashMap;
    use std::ffi::CString;
    use std::sync::{Arc, Mutex};

    use rquickjs::{Ctx, Function, Value, qjs};

    static COMPILED: Mutex<Option<HashMap<String, Arc<Vec<u8>>>>> = Mutex::new(None);

    /// The function module `id`'s source (`wrapped()`) evaluates to; its
    /// bytecode is kept for later runtimes when `keep` (only workers pay
    /// for writing it: a program without workers never reads it).
    pub fn load<'js>(
        ctx: &Ctx<'js>,
        id: &str,
        keep: bool,
        wrapped: impl FnOnce() -> String,
    ) -> rquickjs::Result<Function<'js>> {
        let cached = COMPILED.lock().unwrap_or_else(|e| e.into_inner()).as_ref().and_then(|c| c.get(id).cloned());
        let raw = ctx.as_raw().as_ptr();
        let compiled = match cached {
            // SAFETY: bytes JS_WriteObject wrote in this process, read back as bytecode.
            Some(bytes) => unsafe {
                qjs::JS_ReadObject(raw, bytes.as_ptr(), bytes.len() as _, qjs::JS_READ_OBJ_BYTECODE as _)
            },
            None => {
                let source = CString::new(wrapped()).map_err(|_| rquickjs::Error::Unknown)?;
                let name = CString::new(format!("tock:{id}")).map_err(|_| rquickjs::Error::Unknown)?;
                let flags = (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_STRICT | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as _;
                // SAFETY: a NUL-terminated source and name; the result is a new reference or an exception.
                let compiled =
                    unsafe { qjs::JS_Eval(raw, source.as_ptr(), source.as_bytes().len() as _, name.as_ptr(), flags) };
                // SAFETY: `compiled` is ours until `Value::from_raw` below takes it.
                if unsafe { qjs::JS_IsException(compiled) } {
                    return Err(rquickjs::Error::Exception);
                }
                if keep {
                    remember(raw, id, compiled);
                }
                compiled
            }
        };
        // SAFETY: a function's bytecode (or an exception); JS_EvalFunction
        // takes it and returns the function it evaluates to.
        let value = unsafe { Value::from_raw(ctx.clone(), qjs::JS_EvalFunction(raw, compiled)) };
        if value.is_exception() {
            return Err(rquickjs::Error::Exception);
        }
        value.into_function().ok_or(rquickjs::Error::Unknown)
    }

    /// Keeps `compiled`'s bytecode for the next runtime.
    fn remember(raw: *mut qjs::JSContext, id: &str, compiled: qjs::JSValue) {
        let mut size: qjs::size_t = 0;
        // SAFETY: writes live bytecode to a buffer the engine allocates (freed below).
        let buffer = unsafe { qjs::JS_WriteObject(raw, &mut size, compiled, qjs::JS_WRITE_OBJ_BYTECODE as _) };
        if buffer.is_null() {
            // SAFETY: clears the exception a failed write left.
            unsafe { qjs::JS_FreeValue(raw, qjs::JS_GetException(raw)) };
            return;
        }
        // SAFETY: `size` bytes at `buffer`, copied before it is freed.
        let bytes = unsafe { std::slice::from_raw_parts(buffer, size as usize) }.to_vec();
        // SAFETY: the buffer JS_WriteObject allocated in this context.
        unsafe { qjs::js_free(raw, buffer.cast()) };
        COMPILED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert_with(HashMap::new)
            .insert(id.to_owned(), Arc::new(bytes));
    }
}

/// Installs the globals (console, process, timers…) into a fresh context.
pub fn install<'js>(ctx: &Ctx<'js>, host: &Rc<Host>) -> rquickjs::Result<()> {
    let native = Object::new(ctx.clone())?;
    let keep = host.worker.is_some();
    process::register(ctx, &native, host)?;
    timers::register(ctx, &native, host)?;
    handles::register(ctx, &native, host)?;
    fs::register(ctx, &native, host)?;
    buffer::register(ctx, &native)?;
    crypto::register(ctx, &native)?;
    url::register(ctx, &native)?;
    os::register(ctx, &native)?;
    child_process::register(ctx, &native, host)?;
    signals::register(ctx, &native, host)?;
    stdin::register(ctx, &native, host)?;
    ipc::register(ctx, &native, host)?;
    net::register(ctx, &native, host)?;
    dgram::register(ctx, &native, host)?;
    zlib::register(ctx, &native, host)?;
    sqlite::register(ctx, &native, host)?;
    dns::register(ctx, &native, host)?;
    http::register(ctx, &native, host)?;
    tls::register(ctx, &native, host)?;
    messaging::register(ctx, &native, host)?;
    workers::register(ctx, &native, host)?;
    modules::register(ctx, &native, host)?;
    trace::register(ctx, &native, host)?;
    native.set(
        "compileBuiltin",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: crate::engine::text::Utf8| {
            compile_module(&ctx, &id, "exports, require, module, native", keep)
        })?,
    )?;
    let public: Vec<&str> = js_modules::MODULES.iter().filter_map(|(id, _)| id.strip_prefix("node/")).collect();
    native.set("builtinNames", public)?;
    let tock: Vec<&str> = js_modules::MODULES.iter().filter_map(|(id, _)| id.strip_prefix("tock/")).collect();
    native.set("tockNames", tock)?;
    native.set("tracing", host.options.trace.is_some())?;
    let require: Function = compile_module(ctx, "internal/loader", "native", keep)?.call((native,))?;
    require.call::<_, ()>(("internal/bootstrap",))?;
    if host.options.test262.is_some() {
        test262::install(ctx)?;
    }
    Ok(())
}

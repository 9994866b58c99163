//! The host: everything tock adds to the bare engine.
//!
//! Rust owns the state the loop needs (timer heap, immediate queue, flags);
//! the thin API layers (console, process, timers, require…) are JavaScript
//! shipped inside the binary (`src/js/`), given a `native` object of Rust
//! functions. Each API lives in its own file on both sides.

pub mod buffer;
pub mod child_process;
pub mod errno;
pub mod fs;
pub mod handles;
pub mod ipc;
pub mod modules;
pub mod os;
pub mod process;
pub mod signals;
pub mod stdio;
pub mod test262;
pub mod timers;
pub mod trace;
pub mod url;

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Persistent, Promise};

use crate::cli::Options;
use crate::event_loop::{Clock, immediates::Immediates, io::Io, timers::Timers};
use crate::trace::instrument::Goal;

/// A JavaScript object kept by Rust (a Timeout or Immediate).
pub type JsObject = Persistent<Object<'static>>;

/// State shared by the loop and the native functions. Borrows are always
/// short: no borrow is held while JavaScript runs.
pub struct Host {
    pub options: Options,
    pub clock: Clock,
    pub timers: RefCell<Timers<JsObject>>,
    pub immediates: RefCell<Immediates<JsObject>>,
    /// Close callbacks of handles closed this turn, for the close phase.
    pub closing: RefCell<Vec<Persistent<Function<'static>>>>,
    /// File operations and child processes in flight, and their completions.
    pub io: Io,
    /// Node's `hasTickScheduled`: the nextTick queue is not empty.
    pub tick_scheduled: Cell<bool>,
    /// Node's `hasRejectionToWarn`: the rejection tracker saw something.
    pub rejection_to_warn: Cell<bool>,
    pub hooks: OnceCell<Hooks>,
    /// Sources of loaded files, to show the offending line in error reports.
    pub sources: RefCell<HashMap<String, Rc<str>>>,
    /// Sites of instrumented `await`s and async functions (tracing only).
    pub trace_sites: RefCell<Vec<(Rc<str>, crate::trace::instrument::Site)>>,
    /// Pending promises an instrumented `await` waits on, by address, with
    /// the await site: their fulfilment is reported (tracing only).
    pub trace_watched: RefCell<HashMap<usize, (Persistent<Object<'static>>, u32)>>,
    /// Await sites that run in sequence but look independent (first, second).
    pub trace_sequential: RefCell<Vec<(u32, u32)>>,
    /// Module resolution, with its caches of package.json files.
    pub resolvers: crate::modules::resolve::Resolvers,
    /// The entry module's evaluation, to detect an unsettled top-level await.
    pub main_module: RefCell<Option<Persistent<Promise<'static>>>>,
}

/// JavaScript entry points the loop calls (registered by `bootstrap.js`).
pub struct Hooks {
    pub run_timer: Persistent<Function<'static>>,
    pub run_immediate: Persistent<Function<'static>>,
    pub run_ticks: Persistent<Function<'static>>,
    pub process_rejections: Persistent<Function<'static>>,
    pub reject_tracker: Persistent<Function<'static>>,
    pub fatal_exception: Persistent<Function<'static>>,
    pub before_exit: Persistent<Function<'static>>,
    pub exit: Persistent<Function<'static>>,
    pub run_main: Persistent<Function<'static>>,
    pub eval_script: Persistent<Function<'static>>,
    /// `runTest262(file, preludes, strict, module)`: `--test262-host` mode.
    pub run_test262: Persistent<Function<'static>>,
    /// `builtin(name)`: the exports object of `node:name`, or undefined.
    pub builtin: Persistent<Function<'static>>,
    /// `loadCommonJS(path)`: `module.exports` of a CommonJS file.
    pub load_commonjs: Persistent<Function<'static>>,
    /// `traceLoop(event, ...)`: loop-level trace events, when tracing.
    pub trace_loop: Persistent<Function<'static>>,
}

impl Host {
    pub fn new(options: Options) -> Rc<Host> {
        Rc::new(Host {
            options,
            clock: Clock::new(),
            timers: RefCell::default(),
            immediates: RefCell::default(),
            closing: RefCell::default(),
            io: Io::new(),
            tick_scheduled: Cell::new(false),
            rejection_to_warn: Cell::new(false),
            hooks: OnceCell::new(),
            sources: RefCell::default(),
            trace_sites: RefCell::default(),
            trace_sequential: RefCell::default(),
            trace_watched: RefCell::default(),
            main_module: RefCell::default(),
            resolvers: Default::default(),
        })
    }

    pub fn hooks(&self) -> &Hooks {
        self.hooks.get().expect("bootstrap registered the hooks")
    }

    pub fn remember_source(&self, name: &str, source: &str) {
        self.sources.borrow_mut().insert(name.to_owned(), Rc::from(source));
    }

    /// The source to compile: rewritten for tracing when tracing is on.
    pub fn instrument<'s>(&self, name: &str, source: &'s str, goal: Goal) -> Cow<'s, str> {
        if self.options.trace.is_none() {
            return source.into();
        }
        let mut sites = self.trace_sites.borrow_mut();
        match crate::trace::instrument::instrument(source, goal, sites.len() as u32) {
            Some(done) => {
                let file: Rc<str> = Rc::from(name);
                sites.extend(done.sites.into_iter().map(|site| (file.clone(), site)));
                self.trace_sequential.borrow_mut().extend(done.sequential);
                done.code.into()
            }
            None => source.into(),
        }
    }
}

mod js_modules {
    include!(concat!(env!("OUT_DIR"), "/js_modules.rs"));
}

/// An embedded module's source wrapped as a function of `(exports, require,
/// module, native)` (`src/js/internal/loader.js` calls it).
fn compile_module<'js>(ctx: &Ctx<'js>, id: &str, params: &str) -> rquickjs::Result<Function<'js>> {
    let source = match js_modules::MODULES.binary_search_by_key(&id, |(name, _)| name) {
        Ok(at) => js_modules::MODULES[at].1,
        Err(_) => {
            return Err(crate::modules::esm::throw_coded(ctx, &format!("No internal module {id}"), "ERR_INTERNAL"));
        }
    };
    let wrapped = format!("(function ({params}) {{'use strict';{source}\n}})");
    let mut options = rquickjs::context::EvalOptions::default();
    options.filename = Some(format!("tock:{id}"));
    ctx.eval_with_options(wrapped, options)
}

/// Installs the globals (console, process, timers…) into a fresh context.
pub fn install<'js>(ctx: &Ctx<'js>, host: &Rc<Host>) -> rquickjs::Result<()> {
    let native = Object::new(ctx.clone())?;
    process::register(ctx, &native, host)?;
    timers::register(ctx, &native, host)?;
    handles::register(ctx, &native, host)?;
    fs::register(ctx, &native, host)?;
    buffer::register(ctx, &native)?;
    url::register(ctx, &native)?;
    os::register(ctx, &native)?;
    child_process::register(ctx, &native, host)?;
    signals::register(ctx, &native, host)?;
    ipc::register(ctx, &native, host)?;
    modules::register(ctx, &native, host)?;
    trace::register(ctx, &native, host)?;
    native.set(
        "compileBuiltin",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: crate::engine::text::Utf8| {
            compile_module(&ctx, &id, "exports, require, module, native")
        })?,
    )?;
    let public: Vec<&str> = js_modules::MODULES.iter().filter_map(|(id, _)| id.strip_prefix("node/")).collect();
    native.set("builtinNames", public)?;
    native.set("tracing", host.options.trace.is_some())?;
    let require: Function = compile_module(ctx, "internal/loader", "native")?.call((native,))?;
    require.call::<_, ()>(("internal/bootstrap",))?;
    if host.options.test262.is_some() {
        test262::install(ctx)?;
    }
    Ok(())
}

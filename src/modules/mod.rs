//! Modules as Node has them: resolution (`resolve`), the ES module loader
//! (`esm`), and the named exports of CommonJS files (`cjs_exports`).
//! CommonJS loading itself is `src/js/internal/modules.js`, on these
//! natives. `Loader` is the per-runtime state they share.

pub mod cjs_exports;
pub mod esm;
pub mod resolve;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Persistent, Result, Value};

use crate::trace::instrument::{self, Goal, Site};

/// The JavaScript the ES module loader calls (registered by `bootstrap.js`).
pub struct Hooks {
    /// `builtin(specifier)`: the exports object of `node:name`, `tock:name`
    /// or a plain built-in name, or undefined.
    pub builtin: Persistent<Function<'static>>,
    /// `loadCommonJS(path)`: `module.exports` of a CommonJS file.
    pub load_commonjs: Persistent<Function<'static>>,
}

/// The loader's state, one per runtime.
pub struct Loader {
    /// Sources are instrumented for the tracer.
    pub tracing: bool,
    /// `--test262-host` with a module test: `.js` files are modules.
    pub test262_module: bool,
    /// Module resolution, with its caches of package.json files.
    pub resolvers: resolve::Resolvers,
    /// Sources of loaded files, to show the offending line in error reports.
    pub sources: RefCell<HashMap<String, Rc<str>>>,
    /// Sites of instrumented `await`s and async functions (tracing only).
    pub trace_sites: RefCell<Vec<(Rc<str>, Site)>>,
    /// Await sites that run in sequence but look independent (first, second).
    pub trace_sequential: RefCell<Vec<(u32, u32)>>,
    pub hooks: OnceCell<Hooks>,
}

impl Loader {
    pub fn new(tracing: bool, test262_module: bool) -> Rc<Loader> {
        Rc::new(Loader {
            tracing,
            test262_module,
            resolvers: Default::default(),
            sources: RefCell::default(),
            trace_sites: RefCell::default(),
            trace_sequential: RefCell::default(),
            hooks: OnceCell::new(),
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
        if !self.tracing {
            return source.into();
        }
        let mut sites = self.trace_sites.borrow_mut();
        match instrument::instrument(source, goal, sites.len() as u32) {
            Some(done) => {
                let file: Rc<str> = Rc::from(name);
                sites.extend(done.sites.into_iter().map(|site| (file.clone(), site)));
                self.trace_sequential.borrow_mut().extend(done.sequential);
                done.code.into()
            }
            None => source.into(),
        }
    }

    /// The exports object of a built-in (`node:name`, `tock:name`, `name`),
    /// if there is one.
    pub fn builtin_exports<'js>(&self, ctx: &Ctx<'js>, name: &str) -> Result<Option<Object<'js>>> {
        let exports: Value = crate::engine::call(ctx, &self.hooks().builtin, (name,))?;
        Ok(exports.into_object())
    }
}

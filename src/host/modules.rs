//! Natives behind `modules.js` (CommonJS) and the error reporter: reading and
//! compiling files, package types, promise state, source lines.

use std::path::Path;
use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Promise, Result, Value};

use super::Host;
use crate::engine::modules;
use crate::trace::instrument::Goal;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    // 0: missing, 1: file, 2: directory — what `require` resolution needs.
    native.set(
        "statKind",
        Function::new(ctx.clone(), |path: String| match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => 2,
            Ok(_) => 1,
            Err(_) => 0,
        })?,
    )?;
    native.set(
        "readSource",
        Function::new(ctx.clone(), |ctx: Ctx<'_>, path: String| -> Result<String> {
            modules::read_source(Path::new(&path)).map_err(|e| {
                let (code, _) = super::errno::describe(&e);
                modules::throw_coded(&ctx, &format!("{}, open '{path}'", super::errno::text(&e)), code)
            })
        })?,
    )?;
    native.set(
        "realpath",
        Function::new(ctx.clone(), |path: String| {
            std::fs::canonicalize(&path).map(|p| p.display().to_string()).unwrap_or(path)
        })?,
    )?;
    native.set(
        "packageIsModule",
        Function::new(ctx.clone(), |dir: String| modules::package_is_module(Path::new(&dir)))?,
    )?;
    native.set("commonjsWrapperLength", modules::COMMONJS_WRAPPER.len())?;
    let h = host.clone();
    native.set(
        "compileCommonJS",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, source: String, filename: String| {
            modules::compile_commonjs(&ctx, &h, &source, &filename)
        })?,
    )?;
    let h = host.clone();
    native.set(
        "runMainModule",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, path: String| -> Result<Promise<'js>> {
            let promise = rquickjs::Module::import(&ctx, path)?;
            *h.main_module.borrow_mut() = Some(rquickjs::Persistent::save(&ctx, promise.clone()));
            Ok(promise)
        })?,
    )?;
    let h = host.clone();
    native.set(
        "evalScript",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, code: String, filename: String, strict: bool| -> Result<Value<'js>> {
                h.remember_source(&filename, &code);
                let code = h.instrument(&filename, &code, Goal::Script);
                // A directive on the same line keeps line numbers.
                let code = if strict { format!("'use strict';{code}") } else { code.into_owned() };
                let mut options = rquickjs::context::EvalOptions::default();
                options.strict = false;
                options.filename = Some(filename);
                ctx.eval_with_options(code, options)
            },
        )?,
    )?;
    let h = host.clone();
    native.set(
        "rememberSource",
        Function::new(ctx.clone(), move |name: String, source: String| h.remember_source(&name, &source))?,
    )?;
    let h = host.clone();
    native.set(
        "sourceText",
        Function::new(ctx.clone(), move |name: String| h.sources.borrow().get(&name).map(|s| s.to_string()))?,
    )?;
    let h = host.clone();
    native.set(
        "sourceLine",
        Function::new(ctx.clone(), move |name: String, line: usize| -> Option<String> {
            let sources = h.sources.borrow();
            let source = sources.get(&name)?;
            source.lines().nth(line.checked_sub(1)?).map(str::to_owned)
        })?,
    )?;
    // [state, result]: 0 pending, 1 fulfilled, 2 rejected (for inspect).
    native.set(
        "promiseState",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, promise: Promise<'js>| -> Result<Vec<Value<'js>>> {
            use rquickjs::promise::PromiseState::*;
            let undefined = Value::new_undefined(ctx.clone());
            let (state, value) = match promise.state() {
                Pending => (0, undefined),
                Resolved => (1, promise.result::<Value>().and_then(|r| r.ok()).unwrap_or(undefined)),
                Rejected => {
                    let reason = match promise.result::<Value>() {
                        Some(Err(rquickjs::Error::Exception)) => ctx.catch(),
                        Some(Ok(v)) => v,
                        _ => undefined,
                    };
                    (2, reason)
                }
            };
            Ok(vec![Value::new_int(ctx, state), value])
        })?,
    )?;
    Ok(())
}

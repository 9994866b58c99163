//! Natives behind `modules.js` (CommonJS) and the error reporter: reading and
//! compiling files, package types, promise state, source lines.

use std::path::Path;
use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Promise, Result, Value, qjs};

use super::Host;
use crate::engine::text::Utf8;
use crate::modules::esm as modules;
use crate::modules::resolve::Kind;
use crate::trace::instrument::Goal;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "modules")?;
    // 0: missing, 1: file, 2: directory — what `require` resolution needs.
    native.set(
        "statKind",
        Function::new(ctx.clone(), |path: Utf8| match std::fs::metadata(&*path) {
            Ok(m) if m.is_dir() => 2,
            Ok(_) => 1,
            Err(_) => 0,
        })?,
    )?;
    native.set(
        "readSource",
        Function::new(ctx.clone(), |ctx: Ctx<'_>, path: Utf8| -> Result<String> {
            modules::read_source(Path::new(&*path)).map_err(|e| {
                let (code, _) = crate::os::errno::describe(&e);
                modules::throw_coded(&ctx, &format!("{}, open '{}'", crate::os::errno::text(&e), &*path), code)
            })
        })?,
    )?;
    native.set(
        "realpath",
        Function::new(ctx.clone(), |path: Utf8| {
            std::fs::canonicalize(&*path).map(|p| p.display().to_string()).unwrap_or(path.0)
        })?,
    )?;
    // true for an ES module, false for CommonJS, undefined when only the
    // syntax can tell (a `.js` file whose package has no "type").
    let h = host.clone();
    native.set(
        "isModule",
        Function::new(ctx.clone(), move |path: Utf8| modules::is_module_by_name(&h.loader, Path::new(&*path)))?,
    )?;
    // `require` resolution of a non-built-in: the real path, or Node's error.
    let h = host.clone();
    native.set(
        "resolveRequire",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, specifier: Utf8, dir: Utf8, referrer: Utf8| -> Result<String> {
                match h.loader.resolvers.resolve(Kind::Require, Path::new(&*dir), &specifier, &referrer) {
                    Ok(found) => Ok(found.display().to_string()),
                    Err(failure) => Err(modules::throw_unresolved(&ctx, &failure)),
                }
            },
        )?,
    )?;
    native.set(
        "requireModule",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, path: Utf8, parent: Utf8| {
            modules::require_module(&ctx, &path, &parent)
        })?,
    )?;
    native.set("commonjsWrapperLength", modules::COMMONJS_WRAPPER.len())?;
    let h = host.clone();
    native.set(
        "compileCommonJS",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, source: Utf8, filename: Utf8, detect: bool| {
            modules::compile_commonjs(&ctx, &h.loader, &source, &filename, detect)
        })?,
    )?;
    let h = host.clone();
    native.set(
        "runMainModule",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, path: Utf8| -> Result<Promise<'js>> {
            let promise = rquickjs::Module::import(&ctx, path.0)?;
            *h.event_loop.main_module.borrow_mut() = Some(rquickjs::Persistent::save(&ctx, promise.clone()));
            Ok(promise)
        })?,
    )?;
    let h = host.clone();
    native.set(
        "evalScript",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, code: Utf8, filename: Utf8, strict: bool| -> Result<Value<'js>> {
                h.loader.remember_source(&filename, &code);
                let code = h.loader.instrument(&filename, &code, Goal::Script);
                // A directive on the same line keeps line numbers.
                let code = if strict { format!("'use strict';{code}") } else { code.into_owned() };
                let mut options = rquickjs::context::EvalOptions::default();
                options.strict = false;
                options.filename = Some(filename.0);
                ctx.eval_with_options(code, options)
            },
        )?,
    )?;
    let h = host.clone();
    native.set(
        "rememberSource",
        Function::new(ctx.clone(), move |name: Utf8, source: Utf8| h.loader.remember_source(&name, &source))?,
    )?;
    let h = host.clone();
    native.set(
        "sourceText",
        Function::new(ctx.clone(), move |name: Utf8| h.loader.sources.borrow().get(&*name).map(|s| s.to_string()))?,
    )?;
    let h = host.clone();
    native.set(
        "sourceLine",
        Function::new(ctx.clone(), move |name: Utf8, line: usize| -> Option<String> {
            let sources = h.loader.sources.borrow();
            let source = sources.get(&*name)?;
            source.lines().nth(line.checked_sub(1)?).map(str::to_owned)
        })?,
    )?;
    // A Proxy's [target, handler] without running any trap; null when it is
    // revoked; undefined for anything else (for inspect).
    native.set(
        "proxyDetails",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, value: Value<'js>| -> Result<Value<'js>> {
            // SAFETY: `value` is live; JS_IsProxy only reads its tag and class.
            if !unsafe { qjs::JS_IsProxy(value.as_raw()) } {
                return Ok(Value::new_undefined(ctx));
            }
            let raw = ctx.as_raw().as_ptr();
            // SAFETY: `value` is a proxy; each call returns a new reference
            // (or an exception, for a revoked proxy), owned by the `Value`.
            let (target, handler) = unsafe {
                (
                    Value::from_raw(ctx.clone(), qjs::JS_GetProxyTarget(raw, value.as_raw())),
                    Value::from_raw(ctx.clone(), qjs::JS_GetProxyHandler(raw, value.as_raw())),
                )
            };
            if target.is_exception() || handler.is_exception() {
                ctx.catch();
                return Ok(Value::new_null(ctx));
            }
            vec![target, handler].into_js(&ctx)
        })?,
    )?;
    native.set("isError", Function::new(ctx.clone(), |value: Value<'js>| value.is_error())?)?;
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

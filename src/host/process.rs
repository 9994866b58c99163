//! Natives behind `process.js` and `console.js`: output, clock, exit, the
//! process's environment, and the hooks the loop calls back into.

use std::rc::Rc;

use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, FromJs, Function, Object, Persistent, Result, Value, qjs};

use super::{EntryHooks, Host};
use crate::engine::text::{self, Utf8};
use crate::os::{errno, stdio};
use crate::{event_loop, modules};

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "process")?;
    let h = host.clone();
    // write(fd, string | Uint8Array): written at once; a failure comes back
    // as `[code, errno, description, syscall]` (see `internals.uvError`).
    native.set(
        "write",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, fd: i32, data: Value<'js>, console: Opt<bool>| -> Result<Option<Value<'js>>> {
                // The tracer shows console.* output (a line, without its newline).
                if h.event_loop.tracing
                    && console.0 == Some(true)
                    && let Some(text) = data.as_string()
                {
                    let text = text::to_utf8(text)?;
                    h.event_loop.trace(&ctx, "console", (fd, text.strip_suffix('\n').unwrap_or(&text)));
                }
                let written = match data.as_string() {
                    Some(text) => text::with_utf8(text, |text| stdio::write_fd(fd, text.as_bytes()))?,
                    // SAFETY: the bytes are written before any JavaScript runs.
                    None => match rquickjs::TypedArray::<u8>::from_value(data.clone()) {
                        Ok(bytes) => stdio::write_fd(fd, unsafe { bytes.as_bytes() }.unwrap_or_default()),
                        Err(_) => stdio::write_fd(fd, Utf8::from_js(&ctx, data)?.as_bytes()),
                    },
                };
                written.err().map(|err| errno::SystemError::new(err, "write").to_js(&ctx)).transpose()
            },
        )?,
    )?;
    native.set("isatty", Function::new(ctx.clone(), stdio::is_terminal)?)?;
    native.set("handleType", Function::new(ctx.clone(), stdio::handle_type)?)?;
    // process.exit: the loop stops and returns the code (the command then
    // exits with it); JavaScript unwinds at once, nothing else runs.
    let h = host.clone();
    native.set(
        "exit",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, code: i32| -> Result<()> {
            h.event_loop.exit_code.set(Some(code));
            Err(crate::engine::throw_uncatchable(&ctx, "process.exit()"))
        })?,
    )?;

    let h = host.clone();
    native.set(
        "hrtime",
        Function::new(ctx.clone(), move || {
            let t = h.event_loop.clock.monotonic();
            vec![t.as_secs() as f64, t.subsec_nanos() as f64]
        })?,
    )?;
    let h = host.clone();
    native.set("now", Function::new(ctx.clone(), move || h.event_loop.clock.elapsed_ms())?)?;
    native.set("timeOrigin", host.event_loop.clock.time_origin_ms())?;

    native.set(
        "cwd",
        Function::new(ctx.clone(), || std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default())?,
    )?;
    native.set(
        "chdir",
        Function::new(ctx.clone(), |ctx: Ctx<'_>, dir: Utf8| -> Result<()> {
            std::env::set_current_dir(&*dir).map_err(|e| {
                rquickjs::Exception::throw_message(&ctx, &format!("{}, chdir '{}'", crate::os::errno::text(&e), &*dir))
            })
        })?,
    )?;

    let env = Object::new(ctx.clone())?;
    // A worker has its own copy, unless it shares the process's (SHARE_ENV).
    let own_env = host.worker.as_ref().and_then(|w| w.env.as_ref());
    match own_env {
        Some(vars) => {
            for (key, value) in vars {
                env.set(key.as_str(), value.as_str())?;
            }
        }
        None => {
            for (key, value) in std::env::vars_os() {
                env.set(key.to_string_lossy().as_ref(), value.to_string_lossy().as_ref())?;
            }
        }
    }
    native.set("env", env)?;
    let shares_env = own_env.is_none();
    native.set("sharesEnv", shares_env)?;
    native.set(
        "getEnv",
        Function::new(ctx.clone(), |key: Utf8| {
            let valid = !key.is_empty() && !key.contains(['=', '\0']);
            valid.then(|| std::env::var_os(&*key)).flatten().map(|v| v.to_string_lossy().into_owned())
        })?,
    )?;
    native.set(
        "setEnv",
        Function::new(ctx.clone(), move |key: Utf8, value: Option<Utf8>| {
            if !shares_env
                || key.is_empty()
                || key.contains(['=', '\0'])
                || value.as_ref().is_some_and(|v| v.contains('\0'))
            {
                return;
            }
            // SAFETY: only the JavaScript thread changes the environment, and
            // tock's other threads do not read it (children get an explicit one).
            unsafe {
                match value {
                    Some(value) => std::env::set_var(&*key, &*value),
                    None => std::env::remove_var(&*key),
                }
            }
        })?,
    )?;
    let argv = Array::new(ctx.clone())?;
    let exec_path = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "tock".into());
    argv.set(0, exec_path.as_str())?;
    for (i, arg) in host.options.argv.iter().enumerate() {
        argv.set(i + 1, arg.as_str())?;
    }
    native.set("argv", argv)?;
    let exec_argv = Array::new(ctx.clone())?;
    for (i, arg) in host.options.exec_argv.iter().enumerate() {
        exec_argv.set(i, arg.as_str())?;
    }
    native.set("execArgv", exec_argv)?;
    // `gc()` under --expose-gc: a full collection now.
    native.set("gc", Function::new(ctx.clone(), |ctx: Ctx<'_>| ctx.run_gc())?)?;
    native.set("execPath", exec_path)?;
    native.set("pid", std::process::id())?;
    // SAFETY: these calls cannot fail.
    let ids = unsafe { [libc::getuid(), libc::getgid(), libc::geteuid(), libc::getegid()] };
    native.set("processIds", ids.to_vec())?;
    native.set("ppid", std::os::unix::process::parent_id())?;
    native.set("platform", std::env::consts::OS)?;
    native.set("arch", node_arch())?;
    native.set("version", env!("CARGO_PKG_VERSION"))?;
    native.set("engineVersion", engine_version())?;
    native.set("unhandledRejections", host.options.unhandled_rejections.as_str())?;
    native.set("test262", host.options.test262.is_some())?;
    native.set("memoryUsage", Function::new(ctx.clone(), memory_usage)?)?;

    let h = host.clone();
    native.set(
        "setHooks",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, hooks: Object<'js>| -> Result<()> {
            let get = |name: &str| -> Result<Persistent<Function<'static>>> {
                Ok(Persistent::save(&ctx, hooks.get::<_, Function>(name)?))
            };
            let _ = h.event_loop.hooks.set(event_loop::Hooks {
                run_timer: get("runTimer")?,
                run_immediate: get("runImmediate")?,
                run_ticks: get("runTicks")?,
                process_rejections: get("processRejections")?,
                reject_tracker: get("rejectTracker")?,
                fatal_exception: get("fatalException")?,
                before_exit: get("beforeExit")?,
                exit: get("exit")?,
                trace_loop: get("traceLoop")?,
            });
            let _ =
                h.loader.hooks.set(modules::Hooks { builtin: get("builtin")?, load_commonjs: get("loadCommonJS")? });
            let _ = h.entry.set(EntryHooks {
                run_main: get("runMain")?,
                eval_script: get("evalScript")?,
                run_test262: get("runTest262")?,
            });
            Ok(())
        })?,
    )?;
    Ok(())
}

fn node_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        other => other,
    }
}

fn engine_version() -> String {
    // SAFETY: JS_GetVersion returns a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(qjs::JS_GetVersion()) }.to_string_lossy().into_owned()
}

/// `process.memoryUsage()`: rss from the kernel, heap figures from QuickJS.
fn memory_usage<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    let rss = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map(|pages| pages * 4096)
        .unwrap_or(0);
    let mut usage = std::mem::MaybeUninit::<qjs::JSMemoryUsage>::uninit();
    // SAFETY: the runtime pointer is valid while `ctx` is; the struct is fully written.
    let usage = unsafe {
        qjs::JS_ComputeMemoryUsage(qjs::JS_GetRuntime(ctx.as_raw().as_ptr()), usage.as_mut_ptr());
        usage.assume_init()
    };
    let out = Object::new(ctx)?;
    out.set("rss", rss as f64)?;
    out.set("heapTotal", usage.malloc_size as f64)?;
    out.set("heapUsed", usage.memory_used_size as f64)?;
    out.set("external", 0)?;
    out.set("arrayBuffers", 0)?;
    Ok(out)
}

//! Natives behind `child_process.js`. An asynchronous child is driven by
//! Tokio on the I/O thread: each chunk it writes, its exit and finally the
//! closing of its pipes come back as completions (events `stdout`, `stderr`,
//! `stdout-end`, `stderr-end`, `exit`, and `close` last). Synchronous
//! children (`spawnSync`, `execSync`) block the JavaScript thread, as in Node.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{ExitStatus, Stdio};
use std::rc::Rc;
use std::sync::Arc;

use rquickjs::{ArrayBuffer, Ctx, FromJs, Function, IntoJs, Object, Persistent, Result, TypedArray, Value};
use tokio::io::AsyncRead;

use super::Host;
use crate::engine::text::Utf8;
use crate::event_loop::io::Completer;
use crate::event_loop::stream::{self, ReadFlow, Writer};
use crate::event_loop::{Next, Request};
use crate::os::errno::{self, SystemError};
use crate::os::stdio;

/// How the JavaScript side asked to run a program.
struct Spawn {
    file: String,
    args: Vec<String>,
    argv0: Option<String>,
    /// A process group of its own, so it can outlive us.
    detached: bool,
    cwd: Option<String>,
    env: Vec<(String, String)>,
    /// For stdin, stdout, stderr.
    stdio: [StdioMode; 3],
    /// An IPC channel on the child's fd 3 (`fork`).
    ipc: bool,
}

/// Where one of a child's standard streams goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StdioMode {
    Pipe,
    Inherit,
    Ignore,
    /// A copy of one of our descriptors.
    Fd(i32),
}

impl Spawn {
    /// `file args…`, as the tracer shows the child.
    fn command_line(&self) -> String {
        std::iter::once(self.file.as_str()).chain(self.args.iter().map(String::as_str)).collect::<Vec<_>>().join(" ")
    }

    fn parse(options: &Object<'_>) -> Result<Spawn> {
        let text = |key: &str| options.get::<_, Utf8>(key).map(String::from);
        let texts = |key: &str| options.get::<_, Vec<Utf8>>(key).map(|all| all.into_iter().map(String::from).collect());
        let stdio: Vec<Value> = options.get("stdio")?;
        let mode = |i: usize| -> Result<StdioMode> {
            let Some(mode) = stdio.get(i) else { return Ok(StdioMode::Pipe) };
            if let Some(fd) = mode.as_int() {
                return Ok(StdioMode::Fd(fd));
            }
            Ok(match &*Utf8::from_js(mode.ctx(), mode.clone())? {
                "inherit" => StdioMode::Inherit,
                "ignore" => StdioMode::Ignore,
                _ => StdioMode::Pipe,
            })
        };
        let env: Vec<Vec<Utf8>> = options.get("env")?;
        Ok(Spawn {
            file: text("file")?,
            args: texts("args")?,
            argv0: options.get::<_, Option<Utf8>>("argv0")?.map(String::from),
            detached: options.get::<_, Option<bool>>("detached")?.unwrap_or(false),
            cwd: options.get::<_, Option<Utf8>>("cwd")?.map(String::from),
            env: env.into_iter().filter_map(|pair| Some((pair.first()?.0.clone(), pair.get(1)?.0.clone()))).collect(),
            stdio: [mode(0)?, mode(1)?, mode(2)?],
            ipc: options.get::<_, Option<bool>>("ipc")?.unwrap_or(false),
        })
    }

    fn command(&self) -> std::process::Command {
        let mut command = std::process::Command::new(&self.file);
        command.args(&self.args).env_clear().envs(self.env.iter().map(|(k, v)| (k, v)));
        if let Some(argv0) = &self.argv0 {
            command.arg0(argv0);
        }
        if self.detached {
            command.process_group(0);
        }
        if let Some(cwd) = &self.cwd {
            command.current_dir(cwd);
        }
        let [stdin, stdout, stderr] = self.stdio.each_ref().map(|mode| match *mode {
            StdioMode::Inherit => Stdio::inherit(),
            StdioMode::Ignore => Stdio::null(),
            StdioMode::Pipe => Stdio::piped(),
            // SAFETY: dup(2) gives the child its own copy; ours stays open.
            StdioMode::Fd(fd) => match unsafe { libc::dup(fd) } {
                copy if copy >= 0 => Stdio::from(unsafe { std::os::fd::OwnedFd::from_raw_fd(copy) }),
                _ => Stdio::null(),
            },
        });
        command.stdin(stdin).stdout(stdout).stderr(stderr);
        // As libuv: the child starts with every signal at its default action
        // and none blocked, whatever tock ignored or watches.
        // SAFETY: between fork and exec only signal(2) and sigprocmask(2) run
        // (async-signal-safe).
        unsafe {
            command.pre_exec(|| {
                crate::os::signals::reset_all();
                let mut none = std::mem::zeroed::<libc::sigset_t>();
                libc::sigemptyset(&mut none);
                libc::sigprocmask(libc::SIG_SETMASK, &none, std::ptr::null_mut());
                Ok(())
            });
        }
        command
    }
}

/// The pipes of a running child the JavaScript side drives: its stdin's
/// writer, and the read flow of its stdout and stderr.
#[derive(Default)]
struct Pipes {
    stdin: Option<Writer>,
    output: [Option<Arc<ReadFlow>>; 2],
}

/// The pipes of running children, by operation id.
type Children = Rc<RefCell<HashMap<u64, Pipes>>>;

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "child")?;
    let signals = Object::new(ctx.clone())?;
    for (name, number) in SIGNALS {
        signals.set(*name, *number)?;
    }
    native.set("signals", signals)?;
    let running: Children = Rc::default();
    let (h, children) = (host.clone(), running.clone());
    native.set(
        "spawn",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, options: Object<'js>, callback: Function<'js>| {
            let spec = Spawn::parse(&options)?;
            // What we printed comes before anything the child writes to a shared stdout.
            stdio::flush();
            let mut command = spec.command();
            let channel = match spec.ipc.then(super::ipc::socket_pair).transpose() {
                Ok(channel) => channel,
                Err(err) => return failed(&ctx, err),
            };
            if let Some((_, theirs)) = channel {
                // SAFETY: between fork and exec only dup2/fcntl run (async-signal-safe):
                // the child's end of the channel becomes its fd 3, kept across exec.
                unsafe {
                    command.pre_exec(move || {
                        let moved = if theirs == 3 { libc::fcntl(3, libc::F_SETFD, 0) } else { libc::dup2(theirs, 3) };
                        if moved < 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) }
                    });
                }
            }
            let child = {
                let _runtime = h.event_loop.io.enter();
                tokio::process::Command::from(command).kill_on_drop(false).spawn()
            };
            if let Some((_, theirs)) = channel {
                // SAFETY: the child has its copy; ours of its end is no longer needed.
                unsafe { libc::close(theirs) };
            }
            let mut child = match child {
                Ok(child) => child,
                Err(err) => {
                    if let Some((ours, _)) = channel {
                        // SAFETY: our end of a channel nobody will use.
                        unsafe { libc::close(ours) };
                    }
                    return failed(&ctx, err);
                }
            };
            let pid = child.id().unwrap_or(0);
            let label = format!("child process '{}'", spec.command_line());
            let request = Request::Operation { label: &label, next: Next::Done, steps: true };
            let completer = h.event_loop.start_io(&ctx, callback, request);
            let mut pipes = Pipes::default();
            if let Some(stdin) = child.stdin.take() {
                pipes.stdin = Some(Writer::spawn(&h.event_loop.io, stdin));
            }
            let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
            let flows = [stdout.is_some(), stderr.is_some()].map(|piped| piped.then(ReadFlow::new));
            pipes.output = flows.clone();
            children.borrow_mut().insert(completer.id(), pipes);
            let [stdout_flow, stderr_flow] = flows;
            let c = completer.clone();
            h.event_loop.io.spawn(async move {
                let exited = async {
                    let status = child.wait().await;
                    let (code, signal) = status.map(exit_status).unwrap_or((None, None));
                    c.send_step(
                        "exit",
                        None,
                        false,
                        Box::new(move |ctx| Ok(vec!["exit".into_js(ctx)?, code.into_js(ctx)?, signal.into_js(ctx)?])),
                    );
                };
                tokio::join!(
                    exited,
                    forward(stdout, "stdout", stdout_flow, &c),
                    forward(stderr, "stderr", stderr_flow, &c)
                );
                c.send_step("close", None, true, Box::new(|ctx| Ok(vec!["close".into_js(ctx)?])));
            });
            let ours = channel.map_or(-1.0, |(ours, _)| ours as f64);
            let started = Object::new(ctx.clone())?;
            started.set("id", completer.id() as f64)?;
            started.set("pid", pid)?;
            started.set("ipc", ours)?;
            Ok(started.into_value())
        })?,
    )?;
    let (h, children) = (host.clone(), running.clone());
    native.set(
        "write",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: f64, bytes: Option<TypedArray<'js, u8>>, done: Function<'js>| {
                let id = id as u64;
                // SAFETY: copied out at once.
                let chunk = bytes.map(|b| unsafe { b.as_bytes() }.unwrap_or_default().to_vec()).unwrap_or_default();
                let end = chunk.is_empty();
                let written = h.event_loop.io.start(Persistent::save(&ctx, done));
                let mut children = children.borrow_mut();
                let input = children.get_mut(&id).and_then(|pipes| pipes.stdin.as_ref());
                // A child whose stdin is closed: the write fails with EPIPE.
                let refused = match input {
                    Some(input) if end => input.shutdown(written).err(),
                    Some(input) => input.write(chunk, written).err(),
                    None => Some(written),
                };
                if let Some(refused) = refused {
                    refused.send(true, Box::new(move |ctx| stream::outcome(ctx, (!end).then_some(libc::EPIPE))));
                }
                if end && let Some(pipes) = children.get_mut(&id) {
                    pipes.stdin = None;
                }
            },
        )?,
    )?;
    // Read start (true) / stop (false) / close (null) of a child's stdout (1)
    // or stderr (2).
    let children = running.clone();
    native.set(
        "read",
        Function::new(ctx.clone(), move |id: f64, fd: usize, reading: Option<bool>| {
            let children = children.borrow();
            let flow = children.get(&(id as u64)).and_then(|pipes| pipes.output.get(fd.wrapping_sub(1))?.as_ref());
            match (flow, reading) {
                (Some(flow), Some(reading)) => flow.set_reading(reading),
                (Some(flow), None) => flow.close(),
                (None, _) => {}
            }
        })?,
    )?;
    native.set(
        "forget",
        Function::new(ctx.clone(), move |id: f64| running.borrow_mut().remove(&(id as u64)).is_some())?,
    )?;
    // ref()/unref() of any I/O operation (a child, an IPC channel).
    let h = host.clone();
    native.set(
        "ref",
        Function::new(ctx.clone(), move |id: f64, refed: bool| h.event_loop.io.set_ref(id as u64, refed))?,
    )?;
    native.set(
        "kill",
        Function::new(ctx.clone(), |pid: i32, signal: i32| -> Option<&'static str> {
            // SAFETY: kill(2) with a pid and a signal number; errors come back as -1.
            let failed = unsafe { libc::kill(pid, signal) } != 0;
            failed.then(|| errno::describe(&std::io::Error::last_os_error()).0)
        })?,
    )?;
    native.set(
        "spawnSync",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, options: Object<'js>| -> Result<Value<'js>> {
            let spec = Spawn::parse(&options)?;
            let input: Option<TypedArray<u8>> = options.get("input")?;
            // SAFETY: copied out at once.
            let input = input.map(|i| unsafe { i.as_bytes() }.unwrap_or_default().to_vec());
            let mut command = spec.command();
            stdio::flush();
            if input.is_some() {
                command.stdin(Stdio::piped());
            }
            let mut child = match command.spawn() {
                Ok(child) => child,
                Err(err) => return failed(&ctx, err),
            };
            if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
                // A writer thread: a child may fill its output pipe before reading all input.
                std::thread::spawn(move || stdin.write_all(&input));
            }
            let pid = child.id();
            let output =
                child.wait_with_output().map_err(|e| rquickjs::Exception::throw_message(&ctx, &e.to_string()))?;
            let (code, signal) = exit_status(output.status);
            let bytes = |data: Vec<u8>, mode: StdioMode| -> Result<Value<'js>> {
                if mode == StdioMode::Pipe {
                    ArrayBuffer::new(ctx.clone(), data)?.into_js(&ctx)
                } else {
                    Ok(Value::new_null(ctx.clone()))
                }
            };
            let result = Object::new(ctx.clone())?;
            result.set("pid", pid)?;
            result.set("status", code)?;
            result.set("signal", signal)?;
            result.set("stdout", bytes(output.stdout, spec.stdio[1])?)?;
            result.set("stderr", bytes(output.stderr, spec.stdio[2])?)?;
            Ok(result.into_value())
        })?,
    )?;
    Ok(())
}

/// Sends each chunk a child writes to `stream`, as `flow` lets it, then its end.
async fn forward(
    stream: Option<impl AsyncRead + Unpin>,
    name: &'static str,
    flow: Option<Arc<ReadFlow>>,
    completer: &Completer,
) {
    let (Some(stream), Some(flow)) = (stream, flow) else { return };
    stream::read_chunks(completer, stream, name, flow).await;
    let end = if name == "stdout" { "stdout-end" } else { "stderr-end" };
    completer.send_step(end, None, false, Box::new(move |ctx| Ok(vec![end.into_js(ctx)?])));
}

/// An exit code, or the name of the signal that ended the process.
fn exit_status(status: ExitStatus) -> (Option<i32>, Option<&'static str>) {
    match status.signal() {
        Some(signal) => (None, Some(signal_name(signal))),
        None => (status.code(), None),
    }
}

pub const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGCHLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGWINCH", 28),
];

fn signal_name(signal: i32) -> &'static str {
    SIGNALS.iter().find(|(_, n)| *n == signal).map_or("SIGUNKNOWN", |(name, _)| name)
}

/// A failed spawn, returned (not thrown, Node emits it) as `{ error }`;
/// `spawn` otherwise returns `{ id, pid, ipc }` (ipc: our end of the IPC
/// channel, or -1).
fn failed<'js>(ctx: &Ctx<'js>, err: std::io::Error) -> Result<Value<'js>> {
    let result = Object::new(ctx.clone())?;
    result.set("error", SystemError::new(err, "spawn").to_js(ctx)?)?;
    Ok(result.into_value())
}

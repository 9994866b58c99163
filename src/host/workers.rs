//! Natives of worker_threads (`src/js/node/worker_threads.js` and, inside a
//! worker, `src/js/internal/worker.js`): starting a worker, stopping it,
//! whether its thread keeps this loop alive; and, in a worker, what it was
//! started with.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use rquickjs::{Array, Ctx, Function, IntoJs, Object, Result, Value};

use super::Host;
use crate::cli::{Entry, Options};
use crate::engine::text::Utf8;
use crate::event_loop::Request;
use crate::event_loop::ports::Endpoint;
use crate::worker::{self, Control, Spec};

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "workers")?;
    // Each running worker's control, by the id of its exit operation.
    let controls: Rc<RefCell<HashMap<u64, Arc<Control>>>> = Rc::default();
    native.set("isWorker", host.worker.is_some())?;
    native.set("threadId", host.worker.as_ref().map_or(0, |w| w.thread_id) as f64)?;

    // spawn(spec, transfer, portIds, onExit) → [threadId, publicPort, internalPort, exitId]
    let (h, running) = (host.clone(), controls.clone());
    native.set(
        "spawn",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  spec: Object<'js>,
                  transfer: Option<Array<'js>>,
                  port_ids: Vec<f64>,
                  on_exit: Function<'js>|
                  -> Result<Vec<f64>> {
                let state = &h.event_loop;
                let transfer: Vec<Object> =
                    transfer.map_or_else(|| Ok(Vec::new()), |list| list.iter::<Object>().collect())?;
                let ports: Vec<u64> = port_ids.into_iter().map(|p| p as u64).collect();
                let data = h.messaging.serialize(&ctx, state, spec.get("workerData")?, &transfer, &ports)?;
                let environment_data =
                    h.messaging.serialize(&ctx, state, spec.get("environmentData")?, &[], &[])?.value;
                let entry = match spec.get::<_, Option<Utf8>>("code")? {
                    Some(code) => Entry::Eval { code: code.0, print: false },
                    None => Entry::File(spec.get::<_, Utf8>("file")?.0),
                };
                let argv: Vec<Utf8> = spec.get("argv")?;
                let exec_argv: Vec<Utf8> = spec.get("execArgv")?;
                let env: Option<Object> = spec.get("env")?;
                let env = match env {
                    Some(env) => Some(
                        env.props::<String, Utf8>().map(|p| p.map(|(k, v)| (k, v.0))).collect::<Result<Vec<_>>>()?,
                    ),
                    None => None,
                };
                let limits: Vec<f64> = spec.get("resourceLimits")?;
                let mut resource_limits = [0.0; 4];
                for (slot, limit) in resource_limits.iter_mut().zip(limits) {
                    *slot = limit;
                }
                let options = Options {
                    entry,
                    test262: None,
                    trace: None,
                    argv: argv.into_iter().map(String::from).collect(),
                    exec_argv: exec_argv.into_iter().map(String::from).collect(),
                    unhandled_rejections: h.options.unhandled_rejections,
                };
                let (public, public_theirs) = Endpoint::pair();
                let (internal, internal_theirs) = Endpoint::pair();
                // The internal port first, as Node makes it: when both have
                // messages waiting, 'online' comes before the worker's messages.
                let internal = h.messaging.adopt(&ctx, state, internal)?;
                let public = h.messaging.adopt(&ctx, state, public)?;
                let thread_id = worker::next_thread_id();
                let control = Arc::new(Control::default());
                let spec = Spec {
                    thread_id,
                    name: spec.get::<_, Utf8>("name")?.0,
                    env,
                    data,
                    environment_data,
                    resource_limits,
                    public: public_theirs,
                    internal: internal_theirs,
                    control: control.clone(),
                };
                let exited = state.start_io(&ctx, on_exit, Request::Untraced);
                let exit_id = exited.id();
                if let Err(e) = worker::spawn(h.run_worker, options, spec, exited.clone()) {
                    // No thread: the worker fails as one that could not start.
                    let why = crate::os::errno::describe(&e).0;
                    exited.send(true, Box::new(move |ctx| Ok(vec![1.into_js(ctx)?, why.into_js(ctx)?])));
                }
                running.borrow_mut().insert(exit_id, control);
                Ok(vec![thread_id as f64, public as f64, internal as f64, exit_id as f64])
            },
        )?,
    )?;
    let running = controls.clone();
    native.set(
        "terminate",
        Function::new(ctx.clone(), move |exit_id: f64| {
            if let Some(control) = running.borrow().get(&(exit_id as u64)) {
                control.terminate();
            }
        })?,
    )?;
    native.set(
        "exited",
        Function::new(ctx.clone(), move |exit_id: f64| {
            controls.borrow_mut().remove(&(exit_id as u64));
        })?,
    )?;
    let h = host.clone();
    native.set(
        "ref",
        Function::new(ctx.clone(), move |exit_id: f64, refed: bool| h.event_loop.io.set_ref(exit_id as u64, refed))?,
    )?;
    // In a worker: what it was started with (once).
    let h = host.clone();
    native.set(
        "context",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<Option<Object<'js>>> {
            let Some(spec) = h.worker.as_ref().and_then(|w| w.spec.lock().unwrap_or_else(|e| e.into_inner()).take())
            else {
                return Ok(None);
            };
            let state = &h.event_loop;
            let out = Object::new(ctx.clone())?;
            out.set("threadId", spec.thread_id as f64)?;
            out.set("name", spec.name)?;
            out.set("internalPort", h.messaging.adopt(&ctx, state, spec.internal)? as f64)?;
            out.set("publicPort", h.messaging.adopt(&ctx, state, spec.public)? as f64)?;
            let (data, _) = h.messaging.deserialize(&ctx, state, spec.data)?;
            out.set("workerData", data)?;
            let message = crate::event_loop::ports::Message { value: spec.environment_data, ports: Vec::new() };
            let (environment, _): (Value, _) = h.messaging.deserialize(&ctx, state, message)?;
            out.set("environmentData", environment)?;
            out.set("resourceLimits", spec.resource_limits.to_vec().into_js(&ctx)?)?;
            Ok(Some(out))
        })?,
    )?;
    Ok(())
}

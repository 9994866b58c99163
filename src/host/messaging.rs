//! Natives of messaging (`src/js/internal/messaging.js`): MessageChannel's
//! ports, BroadcastChannel and `structuredClone`. Each port of this runtime
//! is an I/O operation of its loop (unref'd until it is started with
//! listeners), known to JavaScript by that operation's id; its completions
//! go to one dispatcher, `dispatch(id, 'message' | 'close')`.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rquickjs::{Array, Ctx, Function, IntoJs, Object, Persistent, Result, Value};

use super::Host;
use crate::engine::clone::{self, Cloned, Intrinsics};
use crate::engine::text::Utf8;
use crate::event_loop::State;
use crate::event_loop::ports::{Endpoint, Message};

/// This runtime's ports, and what JavaScript gave to make and reach them.
#[derive(Default)]
pub struct Messaging {
    intrinsics: OnceCell<Intrinsics>,
    /// `dispatch(id, event)`: every port's completions.
    dispatch: OnceCell<Persistent<Function<'static>>>,
    /// `makePort(id)`: the MessagePort object of a port that arrived.
    make_port: OnceCell<Persistent<Function<'static>>>,
    ports: RefCell<HashMap<u64, Endpoint>>,
}

impl Messaging {
    fn intrinsics(&self) -> &Intrinsics {
        self.intrinsics.get().expect("messaging.js set up the clone's intrinsics")
    }

    /// Makes `endpoint` a port of this runtime: its id.
    pub fn adopt<'js>(&self, ctx: &Ctx<'js>, state: &State, endpoint: Endpoint) -> Result<u64> {
        let dispatch = self.dispatch.get().expect("messaging.js set up the dispatcher").clone().restore(ctx)?;
        let completer = state.io.start(Persistent::save(ctx, dispatch));
        let id = completer.id();
        state.io.set_ref(id, false);
        endpoint.watch(completer);
        self.ports.borrow_mut().insert(id, endpoint);
        Ok(id)
    }

    /// Takes a port of this runtime away from it (it is being transferred).
    fn release(&self, state: &State, id: u64) -> Option<Endpoint> {
        let endpoint = self.ports.borrow_mut().remove(&id)?;
        endpoint.unwatch();
        state.io.cancel(id);
        Some(endpoint)
    }

    /// Serializes a message, moving the ports `port_ids` (the MessagePort
    /// objects among `transfer`) out of this runtime; throws a
    /// DataCloneError when the value cannot be cloned.
    pub fn serialize<'js>(
        &self,
        ctx: &Ctx<'js>,
        state: &State,
        value: Value<'js>,
        transfer: &[Object<'js>],
        port_ids: &[u64],
    ) -> Result<Message> {
        let value = match clone::serialize(ctx, self.intrinsics(), value, transfer)? {
            Ok(value) => value,
            Err(clone::CloneError::Uncloneable(message)) => return Err(self.data_clone_error(ctx, &message)),
            Err(clone::CloneError::MissingTransfer) => return Err(self.missing_transfer(ctx)),
        };
        if port_ids.iter().any(|id| !self.ports.borrow().contains_key(id)) {
            return Err(self.missing_transfer(ctx));
        }
        let ports = port_ids.iter().filter_map(|&id| self.release(state, id)).collect();
        Ok(Message { value, ports })
    }

    fn data_clone_error(&self, ctx: &Ctx<'_>, message: &str) -> rquickjs::Error {
        self.throw(ctx, "dataCloneError", message)
    }

    fn missing_transfer(&self, ctx: &Ctx<'_>) -> rquickjs::Error {
        self.throw(ctx, "missingTransfer", "")
    }

    /// Throws the error the helper `make` makes.
    fn throw(&self, ctx: &Ctx<'_>, make: &str, message: &str) -> rquickjs::Error {
        match self.intrinsics().call(ctx, make, (message.to_owned(),)) {
            Ok(error) => ctx.throw(error),
            Err(e) => e,
        }
    }

    /// A message rebuilt here: its value, and the MessagePorts that came with it.
    pub fn deserialize<'js>(
        &self,
        ctx: &Ctx<'js>,
        state: &State,
        message: Message,
    ) -> Result<(Value<'js>, Vec<Value<'js>>)> {
        let make_port = self.make_port.get().expect("messaging.js set up makePort").clone().restore(ctx)?;
        let mut ports = Vec::with_capacity(message.ports.len());
        for endpoint in message.ports {
            let id = self.adopt(ctx, state, endpoint)?;
            ports.push(make_port.call::<_, Value>((id as f64,))?);
        }
        let value = clone::deserialize(ctx, self.intrinsics(), message.value, &ports)?;
        Ok((value, ports))
    }

    /// Closes every port of this runtime (it is ending).
    pub fn close_all(&self) {
        self.ports.borrow_mut().clear();
    }

    fn with_port<R>(&self, id: u64, use_it: impl FnOnce(&Endpoint) -> R) -> Option<R> {
        self.ports.borrow().get(&id).map(use_it)
    }
}

/// BroadcastChannel's subscribers, in every thread: by channel name, each
/// subscriber's token and the end that posts into its inbox.
static BROADCASTS: Mutex<Vec<(String, u64, Endpoint)>> = Mutex::new(Vec::new());
static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);

fn broadcasts() -> std::sync::MutexGuard<'static, Vec<(String, u64, Endpoint)>> {
    BROADCASTS.lock().unwrap_or_else(|e| e.into_inner())
}

/// `transfer` as objects, and the port ids JavaScript found among them.
fn transfer_list<'js>(transfer: Option<Array<'js>>) -> Result<Vec<Object<'js>>> {
    transfer.map_or_else(|| Ok(Vec::new()), |list| list.iter::<Object>().collect())
}

pub fn register<'js>(ctx: &Ctx<'js>, native: &Object<'js>, host: &Rc<Host>) -> Result<()> {
    let native = &super::group(ctx, native, "messaging")?;
    let h = host.clone();
    native.set(
        "setup",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, helpers: Object<'js>, dispatch: Function<'js>, make_port: Function<'js>| {
                let m = &h.messaging;
                let _ = m.intrinsics.set(Intrinsics::new(Persistent::save(&ctx, helpers)));
                let _ = m.dispatch.set(Persistent::save(&ctx, dispatch));
                let _ = m.make_port.set(Persistent::save(&ctx, make_port));
            },
        )?,
    )?;
    let h = host.clone();
    native.set(
        "channel",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<Vec<f64>> {
            let (a, b) = Endpoint::pair();
            let a = h.messaging.adopt(&ctx, &h.event_loop, a)?;
            let b = h.messaging.adopt(&ctx, &h.event_loop, b)?;
            Ok(vec![a as f64, b as f64])
        })?,
    )?;
    // post(id, value, transfer, portIds): false when the channel is closed.
    let h = host.clone();
    native.set(
        "post",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  id: f64,
                  value: Value<'js>,
                  transfer: Option<Array<'js>>,
                  ports: Vec<f64>|
                  -> Result<bool> {
                let transfer = transfer_list(transfer)?;
                let ports: Vec<u64> = ports.into_iter().map(|p| p as u64).collect();
                let message = h.messaging.serialize(&ctx, &h.event_loop, value, &transfer, &ports)?;
                // An answer from another thread may follow within microseconds.
                h.event_loop.io.expect_soon();
                Ok(h.messaging.with_port(id as u64, |port| port.post(message)).unwrap_or(false))
            },
        )?,
    )?;
    // receive(id): [value, ports] of the next message waiting, or undefined.
    let h = host.clone();
    native.set(
        "receive",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: f64| -> Result<Option<Vec<Value<'js>>>> {
            let Some(message) = h.messaging.with_port(id as u64, Endpoint::receive).flatten() else { return Ok(None) };
            let (value, ports) = h.messaging.deserialize(&ctx, &h.event_loop, message)?;
            Ok(Some(vec![value, ports.into_js(&ctx)?]))
        })?,
    )?;
    let h = host.clone();
    native.set(
        "start",
        Function::new(ctx.clone(), move |id: f64| {
            h.messaging.with_port(id as u64, Endpoint::renotify);
        })?,
    )?;
    let h = host.clone();
    native.set(
        "ref",
        Function::new(ctx.clone(), move |id: f64, refed: bool| h.event_loop.io.set_ref(id as u64, refed))?,
    )?;
    let h = host.clone();
    native.set(
        "close",
        Function::new(ctx.clone(), move |id: f64| {
            h.messaging.with_port(id as u64, Endpoint::close);
        })?,
    )?;
    // After its 'close': the port is gone.
    let h = host.clone();
    native.set(
        "forget",
        Function::new(ctx.clone(), move |id: f64| {
            h.messaging.ports.borrow_mut().remove(&(id as u64));
        })?,
    )?;
    // structuredClone(value, transfer, portIds): the copy, made here.
    let h = host.clone();
    native.set(
        "structuredClone",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  value: Value<'js>,
                  transfer: Option<Array<'js>>,
                  ports: Vec<f64>|
                  -> Result<Value<'js>> {
                let transfer = transfer_list(transfer)?;
                let ports: Vec<u64> = ports.into_iter().map(|p| p as u64).collect();
                let message = h.messaging.serialize(&ctx, &h.event_loop, value, &transfer, &ports)?;
                Ok(h.messaging.deserialize(&ctx, &h.event_loop, message)?.0)
            },
        )?,
    )?;
    // BroadcastChannel: join(name) → [id, token]; post(token, name, value); leave(token).
    let h = host.clone();
    native.set(
        "joinBroadcast",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, name: Utf8| -> Result<Vec<f64>> {
            let (mine, theirs) = Endpoint::pair();
            let id = h.messaging.adopt(&ctx, &h.event_loop, mine)?;
            let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
            broadcasts().push((name.0, token, theirs));
            Ok(vec![id as f64, token as f64])
        })?,
    )?;
    let h = host.clone();
    native.set(
        "postBroadcast",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, token: f64, name: Utf8, value: Value<'js>| -> Result<()> {
            let Message { value, .. } = h.messaging.serialize(&ctx, &h.event_loop, value, &[], &[])?;
            let token = token as u64;
            let mut all = broadcasts();
            all.retain(|(_, _, end)| !end.is_closed());
            for (_, _, end) in all.iter().filter(|(n, t, _)| *t != token && *n == name.0) {
                end.post(Message { value: Cloned::clone(&value), ports: Vec::new() });
            }
            Ok(())
        })?,
    )?;
    native.set(
        "leaveBroadcast",
        Function::new(ctx.clone(), move |token: f64| {
            broadcasts().retain(|(_, t, _)| *t != token as u64);
        })?,
    )?;
    Ok(())
}

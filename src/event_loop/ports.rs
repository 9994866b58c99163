//! Message ports: the two entangled ends of a MessageChannel, on the same
//! thread or on two (a worker and its parent). A message posted on one end
//! goes into the other's inbox; the loop that owns that end learns of it
//! through a completion, and delivers it as a macrotask of its poll phase.
//!
//! An inbox is shared (`Arc`) because an end can move: transferred in a
//! message, its queued messages travel with it to the thread that receives
//! it. Each end is watched by at most one loop at a time (`watch`); messages
//! that arrive while nobody watches, or before the port is started, wait in
//! the inbox until someone does.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use rquickjs::IntoJs;

use super::io::{Again, Completer, Deliver};
use crate::engine::clone::Cloned;

/// What a message carries: the cloned value and the ports transferred with it.
pub struct Message {
    pub value: Cloned,
    pub ports: Vec<Endpoint>,
}

#[derive(Default)]
struct InboxState {
    queue: VecDeque<Message>,
    /// The loop watching this end: told of each message, and of the close.
    watcher: Option<Completer>,
    closed: bool,
}

#[derive(Default)]
struct Inbox {
    state: Mutex<InboxState>,
}

impl Inbox {
    fn lock(&self) -> MutexGuard<'_, InboxState> {
        // A panic while holding the lock leaves the queue as it was.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Tells a watcher that a message arrived in `inbox` (`"message"`) or the
/// channel closed (`"close"`, its last completion).
fn notify(watcher: &Completer, inbox: &Arc<Inbox>, event: &'static str) {
    let id = watcher.id() as f64;
    if event == "close" {
        watcher.send_message(true, None, Box::new(move |ctx| Ok(vec![id.into_js(ctx)?, "close".into_js(ctx)?])));
        return;
    }
    let deliver = move || -> Deliver { Box::new(move |ctx| Ok(vec![id.into_js(ctx)?, "message".into_js(ctx)?])) };
    let (watching, waiting) = (watcher.clone(), Arc::downgrade(inbox));
    let again: Again = Arc::new(move || {
        let count = waiting.upgrade()?.lock().queue.len();
        (count > 0).then(|| (count, watching.message(false, None, deliver())))
    });
    watcher.send_message(false, Some(again), deliver());
}

/// One end of a channel: its own inbox and its peer's.
pub struct Endpoint {
    inbox: Arc<Inbox>,
    peer: Arc<Inbox>,
}

impl Endpoint {
    /// A new channel's two ends.
    pub fn pair() -> (Endpoint, Endpoint) {
        let (a, b) = (Arc::new(Inbox::default()), Arc::new(Inbox::default()));
        (Endpoint { inbox: a.clone(), peer: b.clone() }, Endpoint { inbox: b, peer: a })
    }

    /// Sends a message to the other end; false when the channel is closed
    /// (the message is dropped, as the spec says).
    pub fn post(&self, message: Message) -> bool {
        let mut peer = self.peer.lock();
        if peer.closed {
            return false;
        }
        peer.queue.push_back(message);
        if let Some(watcher) = &peer.watcher {
            notify(watcher, &self.peer, "message");
        }
        true
    }

    /// The next message waiting at this end.
    pub fn receive(&self) -> Option<Message> {
        self.inbox.lock().queue.pop_front()
    }

    /// Starts telling `watcher` of what arrives, and of a close that
    /// happened already.
    pub fn watch(&self, watcher: Completer) {
        let mut inbox = self.inbox.lock();
        if inbox.closed {
            notify(&watcher, &self.inbox, "close");
        } else {
            inbox.watcher = Some(watcher);
        }
    }

    /// Tells the watcher again of each message waiting: a port that starts
    /// receives what arrived before (notifications it let pass).
    pub fn renotify(&self) {
        let inbox = self.inbox.lock();
        if let Some(watcher) = &inbox.watcher {
            for _ in 0..inbox.queue.len() {
                notify(watcher, &self.inbox, "message");
            }
        }
    }

    /// Stops telling anyone (the end is being transferred); what arrives waits.
    pub fn unwatch(&self) {
        self.inbox.lock().watcher = None;
    }

    /// Closes the channel: both ends are told, and nothing more is delivered
    /// to either. Messages already queued stay receivable.
    pub fn close(&self) {
        for inbox in [&self.inbox, &self.peer] {
            let mut state = inbox.lock();
            if state.closed {
                continue;
            }
            state.closed = true;
            if let Some(watcher) = state.watcher.take() {
                notify(&watcher, inbox, "close");
            }
        }
    }

    pub fn is_closed(&self) -> bool {
        self.inbox.lock().closed
    }
}

impl Drop for Endpoint {
    /// An end nobody holds any longer (its runtime ended) closes the channel.
    fn drop(&mut self) {
        self.close();
    }
}

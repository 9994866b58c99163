//! The immediate queue (`setImmediate`), run in the check phase.
//!
//! Each check phase runs only the immediates queued before it began; those
//! queued meanwhile wait for the next turn of the loop, as in Node.

use std::collections::{HashMap, VecDeque};

pub type ImmediateId = u32;

pub struct Immediates<T> {
    queue: VecDeque<ImmediateId>,
    /// Live (not yet run, not cleared) immediates: payload and whether referenced.
    live: HashMap<ImmediateId, (T, bool)>,
    next_id: ImmediateId,
    refed: usize,
}

impl<T> Default for Immediates<T> {
    fn default() -> Self {
        Immediates { queue: VecDeque::new(), live: HashMap::new(), next_id: 0, refed: 0 }
    }
}

impl<T> Immediates<T> {
    pub fn push(&mut self, payload: T) -> ImmediateId {
        self.next_id = self.next_id.wrapping_add(1).max(1);
        let id = self.next_id;
        self.queue.push_back(id);
        self.live.insert(id, (payload, true));
        self.refed += 1;
        id
    }

    /// Forgets `id`; returns its payload if it was still live.
    pub fn clear(&mut self, id: ImmediateId) -> Option<T> {
        let (payload, refed) = self.live.remove(&id)?;
        self.refed -= usize::from(refed);
        Some(payload)
    }

    pub fn set_ref(&mut self, id: ImmediateId, refed: bool) {
        if let Some((_, was)) = self.live.get_mut(&id)
            && *was != refed
        {
            *was = refed;
            if refed {
                self.refed += 1;
            } else {
                self.refed -= 1;
            }
        }
    }

    /// Payloads of the immediates that keep the loop alive, in queue order.
    pub fn referenced(&self) -> impl Iterator<Item = &T> {
        self.queue.iter().filter_map(|id| self.live.get(id)).filter(|(_, refed)| *refed).map(|(payload, _)| payload)
    }

    /// The batch for this check phase: everything queued so far.
    pub fn take_batch(&mut self) -> VecDeque<ImmediateId> {
        std::mem::take(&mut self.queue)
    }

    pub fn has_refed(&self) -> bool {
        self.refed > 0
    }

    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }
}

//! The immediate queue (`setImmediate`), run in the check phase.
//!
//! Each check phase runs only the immediates queued before it began; those
//! queued meanwhile wait for the next turn of the loop, as in Node.

use std::collections::{HashMap, VecDeque};

pub type ImmediateId = u32;

#[derive(Default)]
pub struct Immediates {
    queue: VecDeque<ImmediateId>,
    /// Live (not yet run, not cleared) immediates and whether they are referenced.
    live: HashMap<ImmediateId, bool>,
    next_id: ImmediateId,
    refed: usize,
}

impl Immediates {
    pub fn push(&mut self) -> ImmediateId {
        self.next_id = self.next_id.wrapping_add(1).max(1);
        let id = self.next_id;
        self.queue.push_back(id);
        self.live.insert(id, true);
        self.refed += 1;
        id
    }

    /// Forgets `id`; returns whether it was still live.
    pub fn clear(&mut self, id: ImmediateId) -> bool {
        match self.live.remove(&id) {
            Some(refed) => {
                self.refed -= usize::from(refed);
                true
            }
            None => false,
        }
    }

    pub fn set_ref(&mut self, id: ImmediateId, refed: bool) {
        if let Some(was) = self.live.get_mut(&id)
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

//! The timer heap, with Node's exact firing order.
//!
//! Node keeps one list per distinct duration (all timers of a list expire in
//! insertion order) and a priority queue of lists ordered by `(expiry, id)`.
//! A list whose head is not yet due is re-queued with a fresh id, which is
//! what decides ties between lists. We keep the same structure so that
//! programs observe the same order, with lazy deletion so that `clearTimeout`
//! and `refresh` are O(1) and scheduling is O(log n).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

pub type TimerId = u32;

struct Timer<T> {
    /// What the host keeps with the timer (its JavaScript Timeout object).
    payload: T,
    msecs: u64,
    start: u64,
    repeat: bool,
    refed: bool,
    /// Bumped whenever the timer is (re)inserted: older list entries are stale.
    generation: u32,
    /// Whether a list holds it (false while a repeating timer's callback runs).
    queued: bool,
}

struct List {
    id: u64,
    expiry: u64,
    entries: VecDeque<(TimerId, u32)>,
    live: usize,
}

/// A timer that is due: the loop calls its callback, then `rearm`s it when
/// it repeats.
pub struct Due<T> {
    pub id: TimerId,
    pub repeat: bool,
    pub payload: T,
}

pub struct Timers<T> {
    timers: HashMap<TimerId, Timer<T>>,
    lists: HashMap<u64, List>,
    queue: BinaryHeap<Reverse<(u64, u64, u64)>>, // (expiry, list id, msecs)
    next_list_id: u64,
    next_timer_id: TimerId,
    refed: usize,
}

impl<T> Default for Timers<T> {
    fn default() -> Self {
        Timers {
            timers: HashMap::new(),
            lists: HashMap::new(),
            queue: BinaryHeap::new(),
            next_list_id: 0,
            next_timer_id: 0,
            refed: 0,
        }
    }
}

impl<T: Clone> Timers<T> {
    /// Schedules a new timer of `msecs` (already clamped to 1..2^31-1) at `now`.
    pub fn start(&mut self, payload: T, msecs: u64, repeat: bool, now: u64) -> TimerId {
        self.next_timer_id = self.next_timer_id.wrapping_add(1).max(1);
        let id = self.next_timer_id;
        self.timers.insert(id, Timer { payload, msecs, start: now, repeat, refed: true, generation: 0, queued: false });
        self.refed += 1;
        self.append(id, now);
        id
    }

    /// Cancels a timer; a no-op for unknown or already fired timers.
    /// Whether the timer was still there (not fired, not cleared).
    pub fn clear(&mut self, id: TimerId) -> bool {
        let Some(timer) = self.timers.remove(&id) else { return false };
        if timer.refed {
            self.refed -= 1;
        }
        if timer.queued {
            self.detach(timer.msecs);
        }
        true
    }

    /// `timeout.refresh()`: restart the countdown from `now`, keeping the
    /// duration. False when the timer already fired or was cleared.
    pub fn refresh(&mut self, id: TimerId, now: u64) -> bool {
        let Some(&Timer { msecs, queued, .. }) = self.timers.get(&id) else {
            return false;
        };
        if queued {
            self.detach(msecs);
        }
        self.append(id, now);
        true
    }

    /// `ref()` / `unref()`: only referenced timers keep the loop alive.
    pub fn set_ref(&mut self, id: TimerId, refed: bool) {
        if let Some(timer) = self.timers.get_mut(&id)
            && timer.refed != refed
        {
            timer.refed = refed;
            if refed {
                self.refed += 1;
            } else {
                self.refed -= 1;
            }
        }
    }

    /// Re-inserts a repeating timer after its callback ran (Node measures the
    /// new period from just before the callback).
    pub fn rearm(&mut self, id: TimerId, start: u64) {
        self.refresh(id, start);
    }

    /// The timer that will fire next, for telling what the loop waits for.
    pub fn next_payload(&mut self) -> Option<&T> {
        self.drop_stale_heads();
        let &Reverse((_, _, msecs)) = self.queue.peek()?;
        let list = self.lists.get(&msecs)?;
        list.entries
            .iter()
            .find_map(|(id, generation)| self.timers.get(id).filter(|t| t.generation == *generation))
            .map(|t| &t.payload)
    }

    /// Payloads of the live timers that keep the loop alive, oldest first.
    pub fn referenced(&self) -> Vec<&T> {
        let mut live: Vec<_> = self.timers.iter().filter(|(_, t)| t.refed).collect();
        live.sort_by_key(|(id, _)| **id);
        live.into_iter().map(|(_, t)| &t.payload).collect()
    }

    /// The payload of a live timer (`clearTimeout(id)` with a number).
    pub fn payload(&self, id: TimerId) -> Option<&T> {
        self.timers.get(&id).map(|t| &t.payload)
    }

    pub fn has_refed(&self) -> bool {
        self.refed > 0
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.timers.len()
    }

    /// The earliest expiry of any list, for the poll timeout.
    pub fn next_expiry(&mut self) -> Option<u64> {
        self.drop_stale_heads();
        self.queue.peek().map(|Reverse((expiry, _, _))| *expiry)
    }

    /// Node's `processTimers` step: the next timer due at `now`, if any.
    /// A fired one-shot timer is forgotten; a repeating one waits for `rearm`.
    pub fn next_due(&mut self, now: u64) -> Option<Due<T>> {
        loop {
            self.drop_stale_heads();
            let &Reverse((expiry, _, msecs)) = self.queue.peek()?;
            if expiry > now {
                return None;
            }
            let list = self.lists.get_mut(&msecs).expect("queued list exists");
            // Skip entries of cleared or refreshed timers.
            while let Some(&(id, generation)) = list.entries.front() {
                match self.timers.get(&id) {
                    Some(t) if t.generation == generation => break,
                    _ => {
                        list.entries.pop_front();
                    }
                }
            }
            let Some(&(id, _)) = list.entries.front() else {
                // Empty after its last timer fired: Node deletes it now.
                self.lists.remove(&msecs);
                self.queue.pop();
                continue;
            };
            let timer = &self.timers[&id];
            if now - timer.start.min(now) < msecs {
                // Head not due yet: re-queue the list behind everything due now.
                list.expiry = (timer.start + msecs).max(now + 1);
                list.id = self.next_list_id;
                self.next_list_id += 1;
                self.queue.pop();
                self.queue.push(Reverse((list.expiry, list.id, msecs)));
                continue;
            }
            list.entries.pop_front();
            list.live -= 1;
            let repeat = timer.repeat;
            let payload = if repeat {
                let timer = self.timers.get_mut(&id).expect("head timer exists");
                timer.queued = false;
                timer.payload.clone()
            } else {
                let timer = self.timers.remove(&id).expect("head timer exists");
                self.refed -= usize::from(timer.refed);
                timer.payload
            };
            return Some(Due { id, repeat, payload });
        }
    }

    fn append(&mut self, id: TimerId, start: u64) {
        let timer = self.timers.get_mut(&id).expect("timer exists");
        timer.start = start;
        timer.generation = timer.generation.wrapping_add(1);
        timer.queued = true;
        let (msecs, generation) = (timer.msecs, timer.generation);
        let list = self.lists.entry(msecs).or_insert_with(|| {
            let id = self.next_list_id;
            self.next_list_id += 1;
            self.queue.push(Reverse((start + msecs, id, msecs)));
            List { id, expiry: start + msecs, entries: VecDeque::new(), live: 0 }
        });
        list.entries.push_back((id, generation));
        list.live += 1;
    }

    /// One live timer of the `msecs` list went away; Node deletes emptied lists.
    fn detach(&mut self, msecs: u64) {
        if let Some(list) = self.lists.get_mut(&msecs) {
            list.live -= 1;
            if list.live == 0 {
                self.lists.remove(&msecs);
            }
        }
    }

    /// Pops queue entries whose list was deleted or re-queued since.
    fn drop_stale_heads(&mut self) {
        while let Some(&Reverse((expiry, id, msecs))) = self.queue.peek() {
            match self.lists.get(&msecs) {
                Some(list) if list.id == id && list.expiry == expiry => return,
                _ => {
                    self.queue.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fire_all(timers: &mut Timers<()>, now: u64) -> Vec<TimerId> {
        std::iter::from_fn(|| timers.next_due(now).map(|d| d.id)).collect()
    }

    #[test]
    fn equal_durations_fire_in_insertion_order() {
        let mut t = Timers::<()>::default();
        let ids: Vec<_> = (0..5).map(|_| t.start((), 10, false, 0)).collect();
        assert_eq!(fire_all(&mut t, 9), Vec::<u32>::new());
        assert_eq!(fire_all(&mut t, 10), ids);
        assert!(!t.has_refed());
    }

    #[test]
    fn cleared_timer_never_fires() {
        let mut t = Timers::<()>::default();
        let a = t.start((), 5, false, 0);
        let b = t.start((), 5, false, 0);
        t.clear(a);
        assert_eq!(fire_all(&mut t, 5), vec![b]);
    }

    #[test]
    fn requeued_list_loses_ties_to_older_lists() {
        // X(50)@0, Y(50)@10, Z(40)@20: at t=60 Node fires Z before Y,
        // because list 50 got a fresh id when it was re-queued at t=50.
        let mut t = Timers::<()>::default();
        let x = t.start((), 50, false, 0);
        let y = t.start((), 50, false, 10);
        let z = t.start((), 40, false, 20);
        assert_eq!(fire_all(&mut t, 50), vec![x]);
        assert_eq!(fire_all(&mut t, 60), vec![z, y]);
    }

    #[test]
    fn refresh_moves_timer_to_the_back() {
        let mut t = Timers::<()>::default();
        let a = t.start((), 10, false, 0);
        let b = t.start((), 10, false, 0);
        t.refresh(a, 5);
        assert_eq!(fire_all(&mut t, 10), vec![b]);
        assert_eq!(t.next_expiry(), Some(15));
        assert_eq!(fire_all(&mut t, 15), vec![a]);
    }

    #[test]
    fn unref_does_not_count() {
        let mut t = Timers::<()>::default();
        let a = t.start((), 10, false, 0);
        t.set_ref(a, false);
        assert!(!t.has_refed());
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn million_timers() {
        let mut t = Timers::<()>::default();
        for i in 0..1_000_000u64 {
            t.start((), 1 + i % 1000, false, 0);
        }
        assert_eq!(fire_all(&mut t, 1000).len(), 1_000_000);
    }
}

//! The top hits among candidate passages, found by upper bound: every candidate's base
//! (what postings decide) is computed term at a time, and only candidates whose upper bound
//! can still reach the top [`RANK_LIMIT`] are read and scored exactly ([`finish`]).
//!
//! Candidates may come in rounds ([`super::rank::rank_within`] widens a pruned ranking):
//! a passage's base and exact score depend on the passage and the query only, so what one
//! round computed is kept for the next, which computes only its new candidates.
//!
//! Invariant: after any rounds, [`TopHits::hits`] equals the top list of one round over the
//! union of their candidates.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use super::candidates::{Base, BaseLists, Matched, Prepared, ROUNDING_MARGIN};
use super::index::Index;
use super::params::*;
use super::query::Query;
use super::rank::{boost_bound, coordination, finish, Hit, Multipliers};
use super::workspace::Workspace;

/// How many candidates of the best bounds are computed first, to measure the rest by.
const FIRST_COMPUTED: usize = 8 * RANK_LIMIT;

pub(super) struct TopHits<'a> {
    index: &'a Index,
    query: &'a Query,
    prepared: &'a Prepared<'a>,
    multipliers: Multipliers<'a>,
    /// Slots whose base was computed (sorted).
    seen: Vec<u32>,
    /// Per candidate with a base: its upper bound, slot and base (`workspace.bounded`), and
    /// the lists of a round, taken from the index's pool and given back when done.
    workspace: Workspace,
    /// Candidates scored exactly so far.
    finished: FxHashMap<u32, Hit>,
    scratch: Vec<Matched>,
}

impl<'a> TopHits<'a> {
    pub(super) fn new(index: &'a Index, query: &'a Query, prepared: &'a Prepared<'a>) -> TopHits<'a> {
        TopHits {
            index,
            query,
            prepared,
            multipliers: Multipliers::of(index, query),
            seen: Vec::new(),
            workspace: index.workspaces.take(),
            finished: FxHashMap::default(),
            scratch: Vec::new(),
        }
    }

    /// Adds candidates (sorted slots) and computes the base of every one not seen before
    /// (the exhaustive ranking's way, which the bounds of [`TopHits::add_reaching`] are
    /// checked against).
    #[cfg(any(test, feature = "internals"))]
    pub(super) fn add_every(&mut self, slots: Vec<u32>) {
        let new = sorted_difference(&slots, &self.seen);
        self.seen = sorted_union(&self.seen, &new);
        self.compute(&new);
    }

    /// Adds candidates (sorted slots); those seen before are not computed again. When many
    /// are new, their bounds are read first ([`Prepared::held_bounds`]): the
    /// [`FIRST_COMPUTED`] of the best bounds are computed, unless `floor` (the last hit's
    /// score of an earlier round) is given; then only those whose bound reaches the last
    /// hit's score.
    pub(super) fn add_reaching(&mut self, slots: Vec<u32>, mut floor: f32) {
        let new = sorted_difference(&slots, &self.seen);
        self.seen = sorted_union(&self.seen, &new);
        let boost = boost_bound(self.query);
        // Without a floor, bounds pay only when few candidates can reach the top list: a cue
        // (`wie heeft dit ondertekend`) lifts every passage it matches near the top.
        let worth = match floor > 0.0 {
            true => new.len() > 2 * FIRST_COMPUTED,
            false => new.len() > 16 * FIRST_COMPUTED && !self.prepared.has_cue(),
        };
        let lists = &mut self.workspace.bounds;
        let bounds = worth.then(|| self.prepared.held_bounds(self.index, &new, boost, lists));
        let Some(bounds) = bounds.flatten() else {
            return self.compute(&new);
        };
        let mut rest: Vec<(u32, f32)> = new.into_iter().zip(bounds).collect();
        if floor <= 0.0 {
            rest.select_nth_unstable_by(FIRST_COMPUTED - 1, |a, b| b.1.total_cmp(&a.1));
            let mut first: Vec<u32> = rest.drain(..FIRST_COMPUTED).map(|(slot, _)| slot).collect();
            first.sort_unstable();
            self.compute(&first);
            floor = self.hits().get(RANK_LIMIT - 1).map_or(0.0, |h| h.score);
        }
        let reaches = |&(_, bound): &(u32, f32)| bound * ROUNDING_MARGIN >= floor;
        let slots = |keep: bool| {
            let mut slots: Vec<u32> = rest.iter().filter(|r| reaches(r) == keep).map(|&(slot, _)| slot).collect();
            slots.sort_unstable();
            slots
        };
        // The left-out candidates are gathered only for the check of debug builds.
        debug_assert!(self.cannot_reach(&slots(false), floor), "a left-out candidate reaches {floor}");
        self.compute(&slots(true));
    }

    /// Computes the bases of candidates (sorted slots) and their upper bounds.
    fn compute(&mut self, slots: &[u32]) {
        // Straight into the list, with no list of their own in between.
        let TopHits { index, query, prepared, multipliers, workspace, .. } = self;
        let Workspace { bounded, bases: lists, .. } = workspace;
        let bases = prepared.bases(index, slots, lists);
        let upper = |slot: u32, base: &Base| upper_bound(index, query, multipliers, slot, base);
        bounded.extend(slots.iter().zip(bases).filter_map(|(&slot, base)| Some((upper(slot, &base?), slot, base?))));
    }

    /// The most a candidate with this base can score once its text is read.
    fn upper(&self, slot: u32, base: &Base) -> f32 {
        upper_bound(self.index, self.query, &self.multipliers, slot, base)
    }

    /// Whether every candidate (sorted slots) has an upper bound below `floor` (a check of
    /// [`Prepared::held_bounds`] for debug builds).
    fn cannot_reach(&self, slots: &[u32], floor: f32) -> bool {
        let mut lists = BaseLists::default();
        let bases = self.prepared.bases(self.index, slots, &mut lists);
        let below = slots.iter().zip(bases).all(|(&slot, base)| base.is_none_or(|base| self.upper(slot, &base) < floor));
        below
    }

    /// The top hits among all candidates added so far, best first.
    pub(super) fn hits(&mut self) -> Vec<Hit> {
        // Best upper bounds first: a head sorted at once; when it runs out, the next head,
        // twice as long, is picked from the rest and sorted (never the whole rest at once).
        let mut head = (4 * RANK_LIMIT).min(self.workspace.bounded.len());
        sort_by_upper(&mut self.workspace.bounded, head);
        // The best hits so far by rank (the worst of them on top).
        let mut best: BinaryHeap<Reverse<Standing>> = BinaryHeap::new();
        let mut hits = Vec::new();
        for i in 0..self.workspace.bounded.len() {
            if i == head {
                sort_by_upper(&mut self.workspace.bounded[head..], head);
                head *= 2;
            }
            let (upper, slot, base) = self.workspace.bounded[i];
            let full = best.len() >= RANK_LIMIT;
            // Candidates come by falling upper bound, then rising slot: once one cannot
            // outrank the worst kept hit (ties go to the lower slot), none after it can.
            if full && best.peek().is_some_and(|Reverse(worst)| Standing(upper, slot) < *worst) {
                break;
            }
            let hit = self.finished(slot, base);
            debug_assert!(hit.score <= upper * 1.001 + 1e-6, "upper bound {upper} below score {}", hit.score);
            best.push(Reverse(Standing(hit.score, slot)));
            if best.len() > RANK_LIMIT {
                best.pop();
            }
            hits.push(hit);
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        hits.truncate(RANK_LIMIT);
        hits
    }

    /// The candidate's exact score, computed once.
    fn finished(&mut self, slot: u32, base: Base) -> Hit {
        let TopHits { index, query, prepared, multipliers, scratch, workspace, .. } = self;
        let compute =
            || finish(index, query, prepared, (slot as usize, base), multipliers, (scratch, &mut workspace.texts));
        self.finished.entry(slot).or_insert_with(compute).clone()
    }
}

impl Drop for TopHits<'_> {
    fn drop(&mut self) {
        self.index.workspaces.give_back(std::mem::take(&mut self.workspace));
    }
}

/// The most a candidate in `slot` with this base can score once its text is read.
fn upper_bound(index: &Index, query: &Query, multipliers: &Multipliers, slot: u32, base: &Base) -> f32 {
    let kind = index.slot_facts[slot as usize].kind;
    let factor = if multipliers.unasked.contains(&kind) { HEADING_FACTOR } else { 1.0 };
    let proximity = if base.matched >= 2 { 1.0 + PROXIMITY_CAP } else { 1.0 };
    base.total() * proximity * boost_bound(query) * factor * coordination(base.coverage)
}

/// The slots of `a` not in `b` (both sorted).
fn sorted_difference(a: &[u32], b: &[u32]) -> Vec<u32> {
    if b.is_empty() {
        return a.to_vec();
    }
    let mut j = 0;
    a.iter()
        .copied()
        .filter(|&slot| {
            while j < b.len() && b[j] < slot {
                j += 1;
            }
            j == b.len() || b[j] != slot
        })
        .collect()
}

/// The slots of `a` and `b` (sorted, disjoint), sorted.
fn sorted_union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut union = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            union.push(a[i]);
            i += 1;
        } else {
            union.push(b[j]);
            j += 1;
        }
    }
    union.extend_from_slice(&a[i..]);
    union.extend_from_slice(&b[j..]);
    union
}

/// Puts the `head` entries with the highest upper bound first, in descending order (ties by
/// slot); the rest stay unordered behind them.
fn sort_by_upper(entries: &mut [(f32, u32, Base)], head: usize) {
    let order = |a: &(f32, u32, Base), b: &(f32, u32, Base)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if head < entries.len() && head > 0 {
        entries.select_nth_unstable_by(head - 1, order);
    }
    let head = head.min(entries.len());
    entries[..head].sort_by(order);
}

/// A hit's place in the ranking: a higher score first, then the lower slot.
#[derive(Debug, Clone, Copy)]
struct Standing(f32, u32);

impl Ord for Standing {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}
impl PartialOrd for Standing {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Standing {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Standing {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_told_apart_and_joined_in_order() {
        assert_eq!(sorted_difference(&[1, 3, 5, 7, 9], &[3, 4, 9]), [1, 5, 7]);
        assert_eq!(sorted_difference(&[2, 4], &[]), [2, 4]);
        assert_eq!(sorted_union(&[1, 5, 9], &[2, 3, 10]), [1, 2, 3, 5, 9, 10]);
    }
}

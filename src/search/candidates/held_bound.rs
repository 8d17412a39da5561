//! A candidate's upper bound from the groups its postings hold, known before its base is
//! computed: each held group at its most (its best alternative by BM25 at the candidate's
//! frequency and length; through the title field at full frequency) and full quality, every
//! other group only as document evidence, a cue or a signed document. It skips what a base
//! needs besides (which alternative, its quality, the partial compounds). `TopHits` computes
//! bases first for the candidates of the best bounds, and then only for those whose bound
//! reaches the last hit's score: at 10,000 letters a question of four mid-frequency words
//! reaches some 9,000 passages, most of them by one word, which cannot reach the top list.
//!
//! Invariant: a bound is at least the upper bound `TopHits` gives the candidate from its
//! base (and so at least its score).

use super::unmatched::{bits, DocumentMasks, MasksByDocument};
use super::{Alternative, Facts, Prepared};
use crate::search::index::Index;
use crate::search::params::{BM25_K1, COMPOUND_PART_WEIGHT, DOCUMENT_EVIDENCE_WEIGHT, KIND_CUE_WEIGHT, PROXIMITY_CAP};
use crate::search::postings::{for_each_match, saturate};
use crate::search::rank::coordination;
use crate::search::slot_set::SlotSet;

/// Rounding between two sums of the same terms in another order.
pub(crate) const ROUNDING_MARGIN: f32 = 1.001;

impl Prepared<'_> {
    /// Per candidate (`slots`, sorted), the most its score can be, times `boost` (the
    /// text-reading multipliers' most); `None` when the query has more groups than a bit
    /// mask holds.
    /// `lists` are a workspace's (their room kept between searches).
    pub fn held_bounds(&self, index: &Index, slots: &[u32], boost: f32, lists: &mut BoundLists) -> Option<Vec<f32>> {
        if self.groups.len() > 64 {
            return None;
        }
        self.groups_held(index, slots, lists);
        let held = &lists.held;
        let mut masks = MasksByDocument::default();
        let has_cue = self.has_cue();
        let mut bound = |(&slot, &held): (&u32, &Held)| {
            let masks = masks.of(self, index.slot_documents[slot as usize]);
            let cued = if has_cue { self.cued_groups(&Facts::of(index, slot)) } else { 0 };
            self.bound(held, masks, cued) * boost
        };
        Some(slots.iter().zip(held.iter()).map(&mut bound).collect())
    }

    /// Whether a group of the query is a cue for a part of a letter.
    pub fn has_cue(&self) -> bool {
        self.groups.iter().any(|g| g.cue.is_some())
    }

    /// Per slot, the groups whose alternatives hold it (whole, as a part or through the
    /// title field), and the sum of each one's most: its best alternative by BM25 at the
    /// candidate's length and frequency, or at full frequency through the title field.
    /// Each group costs its matches, not the candidates.
    fn groups_held(&self, index: &Index, slots: &[u32], lists: &mut BoundLists) {
        let BoundLists { held, best, touched } = lists;
        held.clear();
        held.resize(slots.len(), Held::default());
        best.clear();
        best.resize(slots.len(), UNTOUCHED);
        touched.clear();
        let set = SlotSet::of_sorted(slots);
        for (g, group) in self.groups.iter().enumerate() {
            for alt in &group.alternatives {
                alternative_most(index, alt, (slots, &set), best, touched);
            }
            for i in touched.drain(..) {
                let held = &mut held[i as usize];
                held.groups |= 1 << g;
                held.score += std::mem::replace(&mut best[i as usize], UNTOUCHED);
            }
        }
    }

    /// The most a candidate can score when `held` matches it, its document has `masks` and
    /// its kind meets the cues of `cued`: the sums of [`Prepared::add_group`] with each held
    /// group at its most and full quality (a cue it meets added on top).
    fn bound(&self, held: Held, masks: DocumentMasks, cued: u64) -> f32 {
        let cue_score = KIND_CUE_WEIGHT * self.max_idf;
        let matched = held.groups;
        let mut score = held.score + cue_score * cued.count_ones() as f32;
        let (mut covered, mut asked) = (0.0, 0.0);
        for g in bits(matched) {
            covered += self.groups[g].importance;
            asked += self.groups[g].asking;
        }
        for g in bits(masks.holds & !matched) {
            score += DOCUMENT_EVIDENCE_WEIGHT * self.groups[g].importance;
        }
        // Signed and cued each cover the group once more (as `add_group` adds them).
        for g in bits(masks.signed & !matched).chain(bits(cued & !matched)) {
            covered += self.groups[g].importance;
            asked += self.groups[g].asking;
        }
        let mut coverage = covered / self.total_importance;
        if self.has_context {
            coverage = coverage.max(asked / self.asking_total);
        }
        let proximity = if matched.count_ones() >= 2 { 1.0 + PROXIMITY_CAP } else { 1.0 };
        score * proximity * coordination(coverage)
    }
}

/// A candidate no alternative of the group holds (yet).
const UNTOUCHED: f32 = f32::NEG_INFINITY;

/// For each candidate, the better of `best` and the most this alternative adds to its base
/// (see [`crate::search::postings::best_of_alternative`]): a whole word or a part at the
/// candidate's frequency and length; where the title field may add to a whole word's
/// frequency, at full frequency (BM25's term-frequency part stays below `k1 + 1`). A
/// candidate met for the group's first time goes to `touched`.
fn alternative_most(
    index: &Index,
    alt: &Alternative,
    (slots, set): (&[u32], &SlotSet),
    best: &mut [f32],
    touched: &mut Vec<u32>,
) {
    let ceiling = alt.weight * alt.idf * (BM25_K1 + 1.0);
    let mut keep = |i: usize, most: f32| {
        if best[i] == UNTOUCHED {
            touched.push(i as u32);
        }
        best[i] = best[i].max(most);
    };
    let length = |i: usize| index.relative_length(slots[i] as usize);
    if alt.titles.is_empty() {
        for_each_match(alt.whole, slots, set, |i, tf| keep(i, alt.weight * alt.idf * saturate(tf, length(i))));
    } else {
        for_each_match(alt.whole, slots, set, |i, _| keep(i, ceiling));
        for range in alt.titles.iter().map(|&d| index.document_slots(d)) {
            let from = slots.partition_point(|&s| s < range.start);
            let to = slots.partition_point(|&s| s < range.end);
            (from..to).for_each(|i| keep(i, ceiling));
        }
    }
    let part = alt.weight * COMPOUND_PART_WEIGHT * alt.idf;
    for_each_match(alt.parts, slots, set, |i, tf| keep(i, part * saturate(tf, length(i))));
}

/// The per-candidate lists of [`Prepared::held_bounds`], kept in a workspace between
/// searches.
#[derive(Default)]
pub(crate) struct BoundLists {
    held: Vec<Held>,
    /// Per candidate: the most the group at hand adds so far.
    best: Vec<f32>,
    /// The candidates the group at hand holds.
    touched: Vec<u32>,
}

impl BoundLists {
    pub(in crate::search) fn bytes(&self) -> usize {
        use std::mem::size_of;
        self.held.capacity() * size_of::<Held>() + self.best.capacity() * 4 + self.touched.capacity() * 4
    }

    pub(in crate::search) fn clear(&mut self) {
        self.held.clear();
        self.best.clear();
        self.touched.clear();
    }

    /// Room for `candidates` (a test's way to grow the lists).
    #[cfg(test)]
    pub(in crate::search) fn reserve(&mut self, candidates: usize) {
        self.held.reserve(candidates);
    }

    /// Whether the lists hold room for `candidates` and nothing else.
    #[cfg(test)]
    pub(in crate::search) fn is_empty_with_room(&self, candidates: usize) -> bool {
        self.held.is_empty() && self.held.capacity() >= candidates
    }
}

/// The groups (bits) whose alternatives hold a passage, and the sum of their most.
#[derive(Debug, Clone, Copy, Default)]
struct Held {
    groups: u64,
    score: f32,
}

//! The widest round of a pruned ranking (see `rank::rank_within`): the passages that only
//! common words reach. Before a base is computed for one of them, it is bounded by the
//! common groups its postings hold; only those whose bound reaches the score of the last
//! hit so far are scored. At 10,000 letters a question of common words reaches some 20,000
//! such passages, of which a few hundred can reach the top list.
//!
//! Invariant: a passage left out could not have entered the top hits: its bound is at least
//! the upper bound `TopHits` gives it from its base, and that bound is below the last hit's
//! score.

use super::Prepared;
use crate::search::index::Index;
use crate::search::postings::matches_in;
use crate::search::params::{DOCUMENT_EVIDENCE_WEIGHT, PROXIMITY_CAP};
use crate::search::rank::coordination;
use crate::search::slot_set::SlotSet;

/// Rounding between two sums of the same terms in another order.
const ROUNDING_MARGIN: f32 = 1.001;

impl Prepared<'_> {
    /// Those of `slots` (sorted; passages that only common words reach) whose upper bound,
    /// times `boost` (the text-reading multipliers' most), reaches `floor`. All of them when
    /// `floor` is 0 or the query has more groups than a bit mask holds.
    pub fn reaching(&self, index: &Index, slots: &[u32], boost: f32, floor: f32) -> Vec<u32> {
        if floor <= 0.0 || self.groups.len() > 64 {
            return slots.to_vec();
        }
        let held = self.common_groups_held(index, slots);
        let reaches = |(&slot, &held): (&u32, &u64)| {
            self.bound(index, slot, held) * boost * ROUNDING_MARGIN >= floor
        };
        slots.iter().zip(&held).filter(|&pair| reaches(pair)).map(|(&slot, _)| slot).collect()
    }

    /// Per slot, the bits of the groups whose common alternatives hold it (whole, as a part
    /// or through the title field).
    fn common_groups_held(&self, index: &Index, slots: &[u32]) -> Vec<u64> {
        let mut held = vec![0u64; slots.len()];
        let set = SlotSet::of_sorted(slots);
        for (g, group) in self.groups.iter().enumerate() {
            for alt in group.alternatives.iter().filter(|a| a.common) {
                let whole = matches_in(alt.whole, slots, &set).into_iter();
                let parts = matches_in(alt.parts, slots, &set).into_iter();
                whole.chain(parts).for_each(|(i, _)| held[i] |= 1 << g);
                for range in alt.titles.iter().map(|&d| index.document_slots(d)) {
                    let from = slots.partition_point(|&s| s < range.start);
                    let to = slots.partition_point(|&s| s < range.end);
                    held[from..to].iter_mut().for_each(|h| *h |= 1 << g);
                }
            }
        }
        held
    }

    /// The most a passage can score whose only matches are the common alternatives of the
    /// groups in `held`: each at its ceiling, every other group as document evidence where
    /// the document holds it, coverage from the matched and the signed groups at full
    /// quality, proximity when two groups match. A passage a cue matches is not bounded.
    fn bound(&self, index: &Index, slot: u32, held: u64) -> f32 {
        let document = index.slot_documents[slot as usize];
        let (mut score, mut covered, mut asked) = (0.0, 0.0, 0.0);
        for (g, group) in self.groups.iter().enumerate() {
            if held & (1 << g) != 0 {
                score += group.common_ceiling;
                covered += group.importance;
                asked += group.asking;
                continue;
            }
            if let Some(cue) = group.cue {
                let facts = super::Facts::of(index, slot);
                if cue.matches_facts(facts.kind, facts.opening, facts.dated) {
                    return f32::INFINITY;
                }
            } else if group.holds(document) {
                score += DOCUMENT_EVIDENCE_WEIGHT * group.importance;
            }
            if group.signed.binary_search(&document).is_ok() {
                covered += group.importance;
                asked += group.asking;
            }
        }
        let mut coverage = covered / self.total_importance;
        if self.has_context {
            coverage = coverage.max(asked / self.asking_total);
        }
        let proximity = if held.count_ones() >= 2 { 1.0 + PROXIMITY_CAP } else { 1.0 };
        score * proximity * coordination(coverage)
    }
}

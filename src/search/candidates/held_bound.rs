//! A candidate's upper bound from the groups its postings hold, known before its base is
//! computed: each held group at its ceiling (its best alternative at full term frequency),
//! every other group only as document evidence, a cue or a signed document. Reading the
//! postings for it costs a bit per posting; a base costs a walk per group and candidate.
//! `TopHits` computes bases first for the candidates of the best bounds, and then only for
//! those whose bound reaches the last hit's score: at 10,000 letters a question of four
//! mid-frequency words reaches some 9,000 passages, most of them by one word, which cannot
//! reach the top list.
//!
//! Invariant: a bound is at least the upper bound `TopHits` gives the candidate from its
//! base (and so at least its score).

use super::{Facts, Prepared};
use crate::search::index::Index;
use crate::search::params::{BM25_K1, DOCUMENT_EVIDENCE_WEIGHT, KIND_CUE_WEIGHT, PROXIMITY_CAP};
use crate::search::postings::for_each_match;
use crate::search::rank::coordination;
use crate::search::slot_set::SlotSet;

/// Rounding between two sums of the same terms in another order.
pub(crate) const ROUNDING_MARGIN: f32 = 1.001;

impl Prepared<'_> {
    /// Per candidate (`slots`, sorted), the most its score can be, times `boost` (the
    /// text-reading multipliers' most); `None` when the query has more groups than a bit
    /// mask holds.
    /// `held` is a workspace's list (its room kept between searches).
    pub fn held_bounds(&self, index: &Index, slots: &[u32], boost: f32, held: &mut Vec<Held>) -> Option<Vec<f32>> {
        if self.groups.len() > 64 {
            return None;
        }
        let ceilings: Vec<f32> = self.groups.iter().map(|g| g.ceiling()).collect();
        self.groups_held(index, slots, held);
        let bound = |(&slot, &held): (&u32, &Held)| self.bound(index, slot, held, &ceilings) * boost;
        Some(slots.iter().zip(held.iter()).map(bound).collect())
    }

    /// Whether a group of the query is a cue for a part of a letter.
    pub fn has_cue(&self) -> bool {
        self.groups.iter().any(|g| g.cue.is_some())
    }

    /// Per slot, the groups whose alternatives hold it (whole, as a part or through the
    /// title field).
    fn groups_held(&self, index: &Index, slots: &[u32], held: &mut Vec<Held>) {
        held.clear();
        held.resize(slots.len(), Held::default());
        let set = SlotSet::of_sorted(slots);
        for (g, group) in self.groups.iter().enumerate() {
            for alt in &group.alternatives {
                let mark = |h: &mut Held| match alt.common {
                    true => h.by_common |= 1 << g,
                    false => h.by_rare |= 1 << g,
                };
                for postings in [alt.whole, alt.parts] {
                    for_each_match(postings, slots, &set, |i, _| mark(&mut held[i]));
                }
                for range in alt.titles.iter().map(|&d| index.document_slots(d)) {
                    let from = slots.partition_point(|&s| s < range.start);
                    let to = slots.partition_point(|&s| s < range.end);
                    held[from..to].iter_mut().for_each(mark);
                }
            }
        }
    }

    /// The most the candidate in `slot` can score when the groups in `held` match it: the
    /// sums of [`Prepared::add_group`] with each held group at its ceiling and full quality.
    fn bound(&self, index: &Index, slot: u32, held: Held, ceilings: &[f32]) -> f32 {
        let document = index.slot_documents[slot as usize];
        let cue_score = KIND_CUE_WEIGHT * self.max_idf;
        let facts = self.groups.iter().any(|g| g.cue.is_some()).then(|| Facts::of(index, slot));
        let (mut score, mut covered, mut asked) = (0.0, 0.0, 0.0);
        for (g, group) in self.groups.iter().enumerate() {
            let cued = group.cue.zip(facts.as_ref()).is_some_and(|(c, f)| c.matches_facts(f.kind, f.opening, f.dated));
            if (held.by_common | held.by_rare) & (1 << g) != 0 {
                // Held only by common words, the group adds at most what they can.
                let ceiling = if held.by_rare & (1 << g) != 0 { ceilings[g] } else { group.common_ceiling };
                score += if cued { ceiling.max(cue_score) } else { ceiling };
                covered += group.importance;
                asked += group.asking;
                continue;
            }
            if group.cue.is_none() && group.holds(document) {
                score += DOCUMENT_EVIDENCE_WEIGHT * group.importance;
            }
            let signed = usize::from(group.signed.binary_search(&document).is_ok()) + usize::from(cued);
            covered += group.importance * signed as f32;
            asked += group.asking * signed as f32;
            if cued {
                score += cue_score;
            }
        }
        let mut coverage = covered / self.total_importance;
        if self.has_context {
            coverage = coverage.max(asked / self.asking_total);
        }
        let proximity = if (held.by_common | held.by_rare).count_ones() >= 2 { 1.0 + PROXIMITY_CAP } else { 1.0 };
        score * proximity * coordination(coverage)
    }
}

/// The groups (bits) whose common and whose other alternatives hold a passage.
#[derive(Debug, Clone, Copy, Default)]
pub(in crate::search) struct Held {
    by_common: u64,
    by_rare: u64,
}

impl super::PreparedGroup<'_> {
    /// The most one of the alternatives can add to a base score (BM25's term-frequency part
    /// stays below `k1 + 1`; compound parts and the title field weigh less than a word).
    fn ceiling(&self) -> f32 {
        self.alternatives.iter().map(|a| a.weight * a.idf * (BM25_K1 + 1.0)).fold(0.0, f32::max)
    }
}

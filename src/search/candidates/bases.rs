//! The postings-decided part of a candidate's score ([`Base`]), for all candidates of a
//! round at once, term at a time ([`Prepared::bases`]), or for one passage
//! ([`Prepared::base`]).
//!
//! Invariant: both give the same values for the same passage; a group costs its matches,
//! not the candidates (the groups a candidate's words do not match are added per document,
//! see `unmatched`).

use super::unmatched::MasksByDocument;
use super::{Matched, Prepared};
use crate::search::index::{Index, SlotFacts};
use crate::search::params::*;
use crate::search::postings::{best_alternative, best_of_alternative, Found};
use crate::search::slot_set::SlotSet;

/// The postings-decided part of a candidate's score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Base {
    score: f32,
    evidence: f32,
    pub coverage: f32,
    pub anchored: bool,
    pub holds_focus: bool,
    /// Groups matched by a word: proximity needs two.
    pub matched: u32,
    pub(super) covered: f32,
    pub(super) asked: f32,
}

impl Base {
    /// Score before proximity and multipliers.
    pub fn total(&self) -> f32 {
        self.score + self.evidence
    }
}

impl Prepared<'_> {
    /// The bases of all candidates (sorted slots) at once, term at a time: each
    /// alternative's postings are walked beside the candidates. The same values as
    /// [`Prepared::base`] per slot, without its per-slot lookups.
    /// `lists` are a workspace's (emptied, their room kept); the sums are drained as the
    /// bases are read.
    pub fn bases<'s>(
        &'s self,
        index: &'s Index,
        slots: &'s [u32],
        lists: &'s mut BaseLists,
    ) -> impl Iterator<Item = Option<Base>> + 's {
        let BaseLists { sums, best, touched, facts } = lists;
        sums.clear();
        sums.resize(slots.len(), Sums::default());
        // Kept empty between groups: each group costs its matches, not the candidates.
        best.clear();
        best.resize(slots.len(), None);
        touched.clear();
        // What the groups need of each candidate, read from the index once.
        facts.clear();
        facts.extend(slots.iter().map(|&s| Facts::of(index, s)));
        let set = SlotSet::of_sorted(slots);
        for (g, group) in self.groups.iter().enumerate() {
            for alt in &group.alternatives {
                best_of_alternative(index, alt, (slots, &set), facts, (best, touched));
            }
            // The first 64 groups add what a word matched here, the rest in `add_unmatched`.
            if g < 64 {
                for i in touched.drain(..).map(|i| i as usize) {
                    self.add_group(&mut sums[i], g, best[i].take().as_ref(), &facts[i]);
                }
                continue;
            }
            touched.clear();
            for ((sums, found), facts) in sums.iter_mut().zip(best.iter_mut()).zip(facts.iter()) {
                self.add_group(sums, g, found.take().as_ref(), facts);
            }
        }
        let (mut masks, has_cue) = (MasksByDocument::default(), self.has_cue());
        for (sums, facts) in sums.iter_mut().zip(facts.iter()) {
            let cued = if has_cue { self.cued_groups(facts) } else { 0 };
            self.add_unmatched(sums, masks.of(self, facts.document), cued);
        }
        sums.drain(..).zip(facts.iter()).map(move |(sums, facts)| self.finish_base(facts.document, &sums))
    }

    /// Adds group `g`, matched by `found` (or not), to a candidate's sums (past the 64th
    /// group; for the first 64 only when matched: see `unmatched`).
    fn add_group(&self, sums: &mut Sums, g: usize, found: Option<&Found>, facts: &Facts) {
        let group = &self.groups[g];
        let cue_score = KIND_CUE_WEIGHT * self.max_idf;
        let cued = group.cue.is_some_and(|c| c.matches_facts(facts.slot.kind, facts.slot.opening, facts.slot.dated));
        let Some(found) = found else {
            if group.cue.is_none() && group.holds(facts.document) {
                sums.held_elsewhere += group.importance;
            }
            if group.signed_set.contains(facts.document) {
                sums.covered += group.importance;
                sums.asked += group.asking;
            }
            if cued {
                sums.score += cue_score;
                sums.covered += group.importance;
                sums.asked += group.asking;
                sums.anchored = true;
            }
            return;
        };
        let cue = if cued { cue_score } else { 0.0 };
        let quality = if cue > 0.0 { 1.0 } else { found.quality };
        sums.score += found.score.max(cue);
        sums.covered += group.importance * quality;
        sums.asked += group.asking * quality;
        sums.anchored |= cue > 0.0 || found.informative;
        sums.matched += 1;
        if g < 64 {
            sums.groups |= 1 << g;
        }
    }

    /// The base of a candidate of `document` from its sums.
    fn finish_base(&self, document: u32, sums: &Sums) -> Option<Base> {
        if sums.score <= 0.0 {
            return None;
        }
        let (covered, asked) = self.without_partial_compounds(sums);
        let mut coverage = covered / self.total_importance;
        if self.has_context {
            coverage = coverage.max(asked / self.asking_total);
        }
        let holds_focus = self.restricting.iter().all(|&g| {
            let group = &self.groups[g];
            if group.only_related {
                g < 64 && sums.groups & (1 << g) != 0
            } else {
                group.holds(document)
            }
        });
        Some(Base {
            score: sums.score,
            evidence: DOCUMENT_EVIDENCE_WEIGHT * sums.held_elsewhere,
            coverage,
            anchored: sums.anchored,
            holds_focus,
            matched: sums.matched,
            covered,
            asked,
        })
    }

    /// The sums of coverage with the parts of a compound the passage holds only some of
    /// counted at `SCATTERED_PART_QUALITY` (a part alone is not the compound asked about).
    /// Parts that are all there but stand apart need their positions: see
    /// `proximity::scattered_compound_parts`.
    fn without_partial_compounds(&self, sums: &Sums) -> (f32, f32) {
        let (mut covered, mut asked) = (sums.covered, sums.asked);
        for &compound in &self.compounds {
            let held = sums.groups & compound;
            if held != 0 && held != compound {
                let mut bits = held;
                while bits != 0 {
                    let group = &self.groups[bits.trailing_zeros() as usize];
                    bits &= bits - 1;
                    covered -= group.importance * (1.0 - SCATTERED_PART_QUALITY);
                    asked -= group.asking * (1.0 - SCATTERED_PART_QUALITY);
                }
            }
        }
        (covered, asked)
    }

    /// The candidate's base, or `None` when nothing matches; `matched` receives the matched
    /// terms with their IDF.
    pub fn base(&self, index: &Index, slot: u32, matched: &mut Vec<Matched>) -> Option<Base> {
        matched.clear();
        let facts = Facts::of(index, slot);
        let mut sums = Sums::default();
        for (g, group) in self.groups.iter().enumerate() {
            let found = best_alternative(index, group, slot, facts.slot.relative_length);
            if found.is_some() || g >= 64 {
                self.add_group(&mut sums, g, found.as_ref(), &facts);
            }
            if let Some(found) = found {
                matched.push(Matched { group: g, term: found.term, idf: found.idf });
            }
        }
        let masks = MasksByDocument::default().of(self, facts.document);
        self.add_unmatched(&mut sums, masks, self.cued_groups(&facts));
        self.finish_base(facts.document, &sums)
    }
}

/// The per-candidate lists of [`Prepared::bases`], kept in a workspace between searches.
#[derive(Default)]
pub(crate) struct BaseLists {
    sums: Vec<Sums>,
    best: Vec<Option<Found>>,
    touched: Vec<u32>,
    facts: Vec<Facts>,
}

impl BaseLists {
    pub(in crate::search) fn bytes(&self) -> usize {
        use std::mem::size_of;
        self.sums.capacity() * size_of::<Sums>()
            + self.best.capacity() * size_of::<Option<Found>>()
            + self.touched.capacity() * size_of::<u32>()
            + self.facts.capacity() * size_of::<Facts>()
    }

    pub(in crate::search) fn clear(&mut self) {
        self.sums.clear();
        self.best.clear();
        self.touched.clear();
        self.facts.clear();
    }
}

/// What scoring needs to know of a candidate passage: its document and its slot's facts.
pub(in crate::search) struct Facts {
    pub(in crate::search) document: u32,
    pub(in crate::search) slot: SlotFacts,
}

impl Facts {
    pub(super) fn of(index: &Index, slot: u32) -> Facts {
        Facts { document: index.slot_documents[slot as usize], slot: index.slot_facts[slot as usize] }
    }
}

/// A candidate's running sums over the groups.
#[derive(Debug, Clone, Default)]
pub(in crate::search) struct Sums {
    pub(super) score: f32,
    pub(super) covered: f32,
    pub(super) asked: f32,
    pub(super) held_elsewhere: f32,
    pub(super) anchored: bool,
    /// Groups matched by a word (not by a cue alone).
    pub(super) matched: u32,
    /// Which of the first 64 groups matched by a word, one bit each.
    pub(super) groups: u64,
}

//! What the groups a candidate's words do not match add to its sums: document evidence
//! (another passage of its document holds the group), its document's sender (the group is
//! covered in every passage) and a cue its kind meets. These depend on the candidate's
//! document and kind only, so they are read per document, as bit masks over the first 64
//! groups, instead of per candidate and group; groups past the 64th are added one by one
//! ([`Prepared::add_group`]).
//!
//! Invariant: [`Prepared::add_unmatched`] adds exactly what `add_group` adds for each of the
//! first 64 groups a candidate's words did not match, in group order within each sum.

use super::{Facts, Prepared, PreparedGroup, Sums};
use crate::search::params::KIND_CUE_WEIGHT;

/// Per group among the first 64 (bits): whether the document holds it, for a group
/// without a cue (document evidence), and whether its sender's words do.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DocumentMasks {
    pub(super) holds: u64,
    pub(super) signed: u64,
}

/// The masks of the document of each candidate in turn: candidates come in slot order, so
/// a document's are neighbours and its masks are read once.
#[derive(Default)]
pub(super) struct MasksByDocument(Option<(u32, DocumentMasks)>);

impl MasksByDocument {
    pub(super) fn of(&mut self, prepared: &Prepared, document: u32) -> DocumentMasks {
        match self.0 {
            Some((d, masks)) if d == document => masks,
            _ => self.0.insert((document, prepared.document_masks(document))).1,
        }
    }
}

impl Prepared<'_> {
    /// The first 64 groups (bits).
    pub(super) fn first_groups(&self) -> u64 {
        match self.groups.len() {
            n if n >= 64 => u64::MAX,
            n => (1 << n) - 1,
        }
    }

    /// The groups (bits, among the first 64) whose cue the passage of `facts` meets.
    pub(super) fn cued_groups(&self, facts: &Facts) -> u64 {
        let cued = |group: &PreparedGroup| group.cue.is_some_and(|c| c.matches_facts(facts.slot.kind, facts.slot.opening, facts.slot.dated));
        let first = self.groups.iter().take(64).enumerate();
        first.filter(|(_, group)| cued(group)).fold(0, |mask, (g, _)| mask | 1 << g)
    }

    fn document_masks(&self, document: u32) -> DocumentMasks {
        let mut masks = DocumentMasks::default();
        for (g, group) in self.groups.iter().take(64).enumerate() {
            if group.cue.is_none() && group.holds(document) {
                masks.holds |= 1 << g;
            }
            if group.signed_set.contains(document) {
                masks.signed |= 1 << g;
            }
        }
        masks
    }

    /// Adds the first 64 groups that `sums` has no word match for (see the module doc).
    pub(super) fn add_unmatched(&self, sums: &mut Sums, masks: DocumentMasks, cued: u64) {
        let unmatched = self.first_groups() & !sums.groups;
        for g in bits(masks.holds & unmatched) {
            sums.held_elsewhere += self.groups[g].importance;
        }
        // Signed and cued each cover the group once more, as `add_group` adds them.
        for g in bits(masks.signed & unmatched).chain(bits(cued & unmatched)) {
            sums.covered += self.groups[g].importance;
            sums.asked += self.groups[g].asking;
        }
        let cued = cued & unmatched;
        if cued != 0 {
            sums.score += KIND_CUE_WEIGHT * self.max_idf * cued.count_ones() as f32;
            sums.anchored = true;
        }
    }
}

/// The places of the set bits, lowest first.
pub(super) fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let bit = (mask != 0).then(|| mask.trailing_zeros() as usize)?;
        mask &= mask - 1;
        Some(bit)
    })
}

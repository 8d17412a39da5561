//! Walking a query's postings beside the candidate passages: for each candidate, the best
//! of a group's alternatives by BM25 (whole words, the title field, compound parts), and the
//! documents that hold a group, as a bit set.
//!
//! Invariant: every walk visits candidates in slot order and keeps, per candidate, the first
//! best alternative in the order `best_alternative` tries them, so the term-at-a-time and
//! the per-passage paths agree.

use super::candidates::{Alternative, Facts, PreparedGroup};
use super::index::{frequency_in, Index, Posting, TermId};
use super::slot_set::SlotSet;
use super::params::{BM25_B, BM25_K1, COMPOUND_PART_WEIGHT, TITLE_FIELD_WEIGHT};

/// A set of documents, one bit each.
#[derive(Debug, Clone)]
pub(crate) struct DocumentSet(Vec<u64>);

impl DocumentSet {
    pub(super) fn new(documents: usize) -> DocumentSet {
        DocumentSet(vec![0; documents.div_ceil(64)])
    }

    pub(super) fn insert(&mut self, document: u32) {
        self.0[document as usize / 64] |= 1 << (document % 64);
    }

    pub(super) fn contains(&self, document: u32) -> bool {
        self.0.get(document as usize / 64).is_some_and(|bits| bits & (1 << (document % 64)) != 0)
    }
}

/// When postings and candidates differ in length by this factor, the shorter list is looked
/// up one by one in the longer (binary search); otherwise both are walked side by side.
const LOOKUP_RATIO: usize = 8;

/// For each candidate, keeps the better of its best so far and this alternative's match
/// (same order and tie rule as [`best_alternative`]); a candidate matched for the first time
/// goes to `touched`.
pub(super) fn best_of_alternative(
    index: &Index,
    alt: &Alternative,
    (slots, set): (&[u32], &SlotSet),
    facts: &[Facts],
    (best, touched): (&mut [Option<Found>], &mut Vec<u32>),
) {
    let mut consider = |i: usize, tf: f32, factor: f32| {
        let score = alt.weight * factor * alt.idf * saturate(tf, facts[i].slot.relative_length);
        if best[i].is_none() {
            touched.push(i as u32);
        }
        if best[i].as_ref().is_none_or(|b| score > b.score) {
            best[i] = Some(Found { term: alt.term, score, quality: alt.quality, idf: alt.idf, informative: alt.informative });
        }
    };
    // Whole words (with the title field) first, then parts: per candidate in that order.
    if alt.titles.is_empty() {
        for_each_match(alt.whole, slots, set, |i, tf| consider(i, tf, 1.0));
    } else {
        for (i, tf) in with_titles(matches_in(alt.whole, slots, set), index, alt.titles, slots) {
            consider(i, tf, 1.0);
        }
    }
    for_each_match(alt.parts, slots, set, |i, tf| consider(i, tf, COMPOUND_PART_WEIGHT));
}

/// The whole-word matches with the title field added: every candidate in a document whose
/// title holds the word gets `TITLE_FIELD_WEIGHT` more (the candidates of one document are
/// a contiguous run, found by binary search).
fn with_titles(whole: Vec<(usize, f32)>, index: &Index, titles: &[u32], slots: &[u32]) -> Vec<(usize, f32)> {
    if titles.is_empty() {
        return whole;
    }
    let mut titled: Vec<(usize, f32)> = Vec::new();
    for &document in titles {
        let range = index.document_slots(document);
        let (from, to) =
            (slots.partition_point(|&s| s < range.start), slots.partition_point(|&s| s < range.end));
        titled.extend((from..to).map(|i| (i, TITLE_FIELD_WEIGHT)));
    }
    let mut merged = Vec::with_capacity(whole.len() + titled.len());
    let (mut w, mut t) = (whole.into_iter().peekable(), titled.into_iter().peekable());
    loop {
        let next = match (w.peek(), t.peek()) {
            (None, None) => break,
            (Some(a), Some(b)) if a.0 == b.0 => (a.0, a.1 + b.1),
            (Some(a), Some(b)) if a.0 < b.0 => *a,
            (Some(a), None) => *a,
            (_, Some(b)) => *b,
        };
        if w.peek().is_some_and(|a| a.0 == next.0) {
            w.next();
        }
        if t.peek().is_some_and(|b| b.0 == next.0) {
            t.next();
        }
        merged.push(next);
    }
    merged
}

/// (candidate index, frequency) for each posting whose slot is a candidate, in slot order
/// (see [`for_each_match`]).
pub(super) fn matches_in(postings: &[Posting], slots: &[u32], set: &SlotSet) -> Vec<(usize, f32)> {
    let mut out = Vec::new();
    for_each_match(postings, slots, set, |i, frequency| out.push((i, frequency)));
    out
}

/// Calls `f` with (candidate index, frequency) for each posting whose slot is a candidate,
/// in slot order: a list far longer than the candidates is searched for each of them, any
/// other is read between the first and last candidate, each posting's candidate found in `set`.
pub(super) fn for_each_match(postings: &[Posting], slots: &[u32], set: &SlotSet, mut f: impl FnMut(usize, f32)) {
    let (Some(&first), Some(&last)) = (slots.first(), slots.last()) else { return };
    if slots.len() * LOOKUP_RATIO < postings.len() {
        for (i, slot) in slots.iter().enumerate() {
            let frequency = frequency_in(postings, *slot);
            if frequency > 0.0 {
                f(i, frequency);
            }
        }
        return;
    }
    let from = postings.partition_point(|p| p.slot() < first);
    let to = postings.partition_point(|p| p.slot() <= last);
    for posting in &postings[from..to] {
        if let Some(i) = set.position(posting.slot()) {
            f(i, posting.frequency());
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) term: TermId,
    pub(super) score: f32,
    pub(super) quality: f32,
    pub(super) idf: f32,
    /// See [`Alternative::informative`].
    pub(super) informative: bool,
}

pub(super) fn best_alternative(
    index: &Index,
    group: &PreparedGroup,
    slot: u32,
    relative_length: f32,
) -> Option<Found> {
    let mut best: Option<Found> = None;
    for alt in &group.alternatives {
        let title = index.title_frequency(alt.term, slot as usize);
        let sources = [
            (frequency_in(alt.whole, slot) + title, 1.0),
            (frequency_in(alt.parts, slot), COMPOUND_PART_WEIGHT),
        ];
        for (tf, factor) in sources {
            if tf == 0.0 {
                continue;
            }
            let score = alt.weight * factor * alt.idf * saturate(tf, relative_length);
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Found { term: alt.term, score, quality: alt.quality, idf: alt.idf, informative: alt.informative });
            }
        }
    }
    best
}

/// BM25's term-frequency part.
pub(super) fn saturate(tf: f32, relative_length: f32) -> f32 {
    tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * relative_length))
}

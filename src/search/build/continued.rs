//! A reload that keeps the ids of the index being served: its vocabulary and terms are
//! taken as they are and the words no document held before are appended, so that an
//! unchanged document's words are copied, not renumbered, and no known word or term is
//! looked up or interned again. A reload after a few changes at 10,000 letters costs what
//! the change costs, not what renumbering six million words costs.
//!
//! The price: the vocabulary and the terms may hold what no document holds anymore (the
//! words of a removed or changed paragraph). Each word counts its occurrences in the
//! passages and each term whether a held word or a document's field holds it; lookups
//! ([`Index::word_id`], `Terms::get`) find only what is held, so answers are those a fresh
//! build of the same documents gives, though the ids differ from a fresh build's.
//!
//! Invariant: a build continues only while the words no passage holds are at most
//! [`MAX_DEAD_SHARE`] of the vocabulary; past that, a reload renumbers (see `build.rs`), and
//! the vocabulary it makes holds only held words again.

use super::super::index::{Index, TermId};
use super::super::reused_postings::{worth_reusing, Reused};
use super::super::word_store::WordStore;

/// The share of the vocabulary that may be words no passage holds before a reload
/// renumbers rather than continues.
const MAX_DEAD_SHARE: f64 = 0.125;

/// Whether a reload of `passages` passages, of which `reused` come from `previous`
/// unchanged, keeps the ids of `previous`.
pub(super) fn continues(previous: &Index, reused: &Reused, passages: usize) -> bool {
    let dead_share = previous.dead_words() as f64 / previous.vocabulary.len().max(1) as f64;
    worth_reusing(reused, passages) && dead_share <= MAX_DEAD_SHARE
}

/// Per word id (`words` of them): its occurrences in the store.
pub(super) fn count_occurrences(store: &WordStore, words: usize) -> Vec<u32> {
    let mut occurrences = vec![0u32; words];
    for word in store.all().iter() {
        occurrences[word as usize] += 1;
    }
    occurrences
}

/// Per word id of `index` (built after `previous`, keeping its ids): its occurrences, from
/// those in `previous`, less the words of the documents that changed or went, plus the
/// words of those that changed or came.
pub(super) fn occurrences_after(previous: &Index, reused: &Reused, index: &Index, words: usize) -> Vec<u32> {
    let mut occurrences = Vec::with_capacity(words);
    occurrences.extend_from_slice(&previous.occurrences);
    occurrences.resize(words, 0);
    let mut kept = vec![false; previous.documents.len()];
    for slots in reused.iter().flatten().filter(|slots| !slots.is_empty()) {
        kept[previous.slot_documents[slots.start as usize] as usize] = true;
    }
    for (document, _) in kept.iter().enumerate().filter(|(_, kept)| !**kept) {
        for word in document_words(previous, document).iter() {
            occurrences[word as usize] -= 1;
        }
    }
    for (document, _) in reused.iter().enumerate().filter(|(_, slots)| slots.is_none()) {
        for word in document_words(index, document).iter() {
            occurrences[word as usize] += 1;
        }
    }
    occurrences
}

/// The words of a document's passages, one run of the store.
fn document_words(index: &Index, document: usize) -> super::super::word_store::Words<'_> {
    let slots = index.document_slots(document as u32);
    let passages = &index.passages[slots.start as usize..slots.end as usize];
    let run = passages.first().zip(passages.last()).map_or(0..0, |(first, last)| first.words.start..last.words.end);
    index.word_store.words(run)
}

/// Per term id: whether a word some passage holds has it as stem, compound part or alias,
/// or a document's title or sender field holds it.
pub(super) fn live_terms(index: &Index) -> Vec<bool> {
    let mut live = vec![false; index.terms.len()];
    let mut mark = |term: TermId| live[term as usize] = true;
    for (word, _) in index.words.iter().zip(&index.occurrences).filter(|(_, &n)| n > 0) {
        std::iter::once(word.stem).chain(word.parts.iter().copied()).chain(word.alias).for_each(&mut mark);
    }
    for fields in &index.document_fields {
        fields.terms().for_each(&mut mark);
    }
    live
}

/// Whether `index` (built after `previous`, keeping its ids) has the acronyms of
/// `previous`: the same titles, and no compound (a word of two parts or more, whose parts'
/// initials make an acronym) that one holds and the other does not.
pub(super) fn same_acronyms(previous: &Index, index: &Index) -> bool {
    let held_before = |word: usize| previous.occurrences.get(word).is_some_and(|&n| n > 0);
    let compound_flipped = index.words.iter().zip(&index.occurrences).enumerate().any(|(w, (word, &n))| {
        word.parts.len() >= 2 && (n > 0) != held_before(w)
    });
    let same_titles = previous.documents.len() == index.documents.len()
        && previous.documents.iter().zip(&index.documents).all(|(a, b)| a.meta.title == b.meta.title);
    same_titles && !compound_flipped
}

#[cfg(test)]
#[path = "continued_tests.rs"]
mod tests;

//! Step 1 of a reload's build: which documents the index being served holds unchanged,
//! and their words taken from it, renumbered into the new index's word ids, or copied as
//! they are when the build continues the served index's ids (`continued.rs`).

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::super::index::Index;
use super::super::interner::Interner;
use super::super::word_store::WordStore;
use crate::document::{Corpus, Document};

/// Per document of `corpus`: the slots of `previous` that hold it, when it indexed the same
/// text. A document a reload took unchanged is the very one `previous` holds (found by
/// address, without reading it); the others are looked up by source.
pub(super) fn unchanged_slots(corpus: &Corpus, previous: Option<&Index>) -> Vec<Option<Range<u32>>> {
    let Some(previous) = previous else { return vec![None; corpus.documents.len()] };
    let by_address: FxHashMap<*const Document, u32> =
        previous.documents.iter().enumerate().map(|(d, doc)| (Arc::as_ptr(doc), d as u32)).collect();
    let mut by_source: Option<FxHashMap<&str, u32>> = None;
    let slots_of = |document: &Arc<Document>| {
        if let Some(&d) = by_address.get(&Arc::as_ptr(document)) {
            return Some(previous.document_slots(d));
        }
        let by_source = by_source.get_or_insert_with(|| {
            previous.documents.iter().enumerate().map(|(d, doc)| (doc.source.as_str(), d as u32)).collect()
        });
        let &d = by_source.get(document.source.as_str())?;
        let earlier = &previous.documents[d as usize];
        let same = earlier.text_hash == document.text_hash && earlier.passages.len() == document.passages.len();
        same.then(|| previous.document_slots(d))
    };
    corpus.documents.iter().map(slots_of).collect()
}

/// The previous index's passages of unchanged documents, with its word ids renumbered into
/// the new index's, or copied as they are when the build continues the previous index's
/// ids.
pub(super) struct Renumbering<'a> {
    previous: Option<&'a Index>,
    continued: bool,
    /// Previous word id → new word id (`u32::MAX`: not seen yet; empty when continued).
    new_ids: Vec<u32>,
}

impl<'a> Renumbering<'a> {
    pub(super) fn new(previous: Option<&'a Index>, continued: bool) -> Renumbering<'a> {
        let renumbered = previous.filter(|_| !continued).map_or(0, |p| p.vocabulary.len());
        Renumbering { previous, continued, new_ids: vec![u32::MAX; renumbered] }
    }

    /// Per new word id: its previous id. Words renumbered from unchanged documents are known
    /// without a lookup; only those that only changed documents hold are looked up. A
    /// continued build's words keep their ids.
    pub(super) fn previous_ids(&self, vocabulary: &Interner) -> Vec<u32> {
        if let Some(previous) = self.previous.filter(|_| self.continued) {
            let known = previous.vocabulary.len() as u32;
            return (0..vocabulary.len() as u32).map(|id| if id < known { id } else { u32::MAX }).collect();
        }
        let mut previous_ids = vec![u32::MAX; vocabulary.len()];
        for (old, &new) in self.new_ids.iter().enumerate() {
            if new != u32::MAX {
                previous_ids[new as usize] = old as u32;
            }
        }
        if let Some(previous) = self.previous {
            for (id, word) in previous_ids.iter_mut().zip(vocabulary.iter()).filter(|(id, _)| **id == u32::MAX) {
                *id = previous.vocabulary.get(word).unwrap_or(u32::MAX);
            }
        }
        previous_ids
    }

    /// After a changed document was read: its words that entered the vocabulary from `from`
    /// on and that the previous index holds get their new ids, so that renumbering an
    /// unchanged document later knows them without looking them up.
    pub(super) fn note_new_words(&mut self, vocabulary: &Interner, from: usize) {
        let Some(previous) = self.previous.filter(|_| !self.continued) else { return };
        for id in from..vocabulary.len() {
            if let Some(old) = previous.vocabulary.get(vocabulary.name(id as u32)) {
                self.new_ids[old as usize] = id as u32;
            }
        }
    }

    /// The words of the previous index's passages in `slots` (one document's), as new word
    /// ids, added to `store`; returns where they started in the previous index's store (a
    /// document's passages' words are one run).
    pub(super) fn words(&mut self, slots: Range<u32>, vocabulary: &mut Interner, store: &mut WordStore) -> u32 {
        let previous = self.previous.expect("slots come from a previous index");
        let passages = &previous.passages[slots.start as usize..slots.end as usize];
        let (Some(first), Some(last)) = (passages.first(), passages.last()) else { return 0 };
        let run = first.words.start as usize..last.words.end as usize;
        debug_assert!(passages.windows(2).all(|w| w[0].words.end == w[1].words.start), "one run");
        if self.continued {
            store.extend_copied(&previous.word_store, run);
            return first.words.start;
        }
        let new_ids = &mut self.new_ids;
        store.extend_renumbered(&previous.word_store, run, |old| {
            let new = &mut new_ids[old as usize];
            if *new == u32::MAX {
                // Not met yet in this build (see `note_new_words`): new to the vocabulary.
                *new = vocabulary.add_new(previous.vocabulary.name(old));
            }
            *new
        });
        first.words.start
    }
}

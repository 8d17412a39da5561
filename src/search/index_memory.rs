//! Where an index's memory goes, part by part (a profiling aid for the `memory` example;
//! built only with the `internals` feature).

use super::index::{Index, IndexedPassage, IndexedWord, Posting};
use std::mem::size_of;

use crate::document::Passage;

impl Index {
    /// Approximate heap bytes per part of the index (capacities, not lengths), for profiling.
    pub fn memory_breakdown(&self) -> Vec<(&'static str, usize)> {
        let passages_text: usize = self
            .documents
            .iter()
            .flat_map(|d| d.passages.iter())
            .map(|p| p.text.heap_bytes() + size_of::<Passage>())
            .sum();
        let text_lengths: usize = self.documents.iter().flat_map(|d| d.passages.iter()).map(|p| p.text.len()).sum();
        vec![
            ("passage text (compressed) + Passage structs", passages_text),
            ("passage text, lengths only (uncompressed)", text_lengths),
            ("indexed passages", self.passages.capacity() * size_of::<IndexedPassage>()),
            ("word_store", self.word_store.capacity_bytes()),
            ("whole postings", self.whole.heap_bytes()),
            ("part postings", self.parts.heap_bytes()),
            ("whole postings, lengths only", self.whole.total() * size_of::<Posting>()),
            ("part postings, lengths only", self.parts.total() * size_of::<Posting>()),
            ("terms", self.terms.names.heap_bytes()),
            ("vocabulary", self.vocabulary.heap_bytes()),
            ("words", self.words.capacity() * size_of::<IndexedWord>() + self.words.iter().map(|w| w.parts.len() * 4).sum::<usize>()),
            ("typo index", self.typos.heap_bytes()),
            ("titles+senders", self.titles.heap_bytes() + self.senders.heap_bytes()),
        ]
    }
}

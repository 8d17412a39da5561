//! The passage index: every passage of every document, analysed once, with postings for
//! whole words (by stem) and for compound parts, and a typo index over the vocabulary.
//!
//! Layout (what keeps build and memory linear in the text with a small constant): each
//! distinct surface word is analysed once ([`IndexedWord`]: its stem, compound parts and OCR
//! alias as interned term ids); a passage's tokens are byte ranges plus a word id; postings are
//! per term, sorted by passage slot, so a query reads only the postings of its own words.
//!
//! Invariant: an `Index` is immutable once built; a reload builds a new one (see `Library`).
//! Postings lists are sorted by slot and hold each slot once.

use std::collections::HashMap;

use super::acronyms::Acronyms;
use super::build::{for_each_content_word, WordSink};
use super::fields::{DocumentFields, FieldWords};
use super::fuzzy::TypoIndex;
use super::openings::WordsInOrder;
use super::params::TITLE_FIELD_WEIGHT;
use super::lists::Lists;
use super::word_store::{WordStore, Words};
use crate::document::{Diagnostic, Document, Passage, PassageKind};
use crate::text::analyzer::Analyzer;

/// A passage's position: document, then passage within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassageId {
    pub document: usize,
    pub passage: usize,
}

/// An interned stem.
pub type TermId = u32;

/// In [`Index::plain_stems`]: the word has compound parts or an OCR alias.
pub(crate) const HAS_FORMS: TermId = TermId::MAX;

/// A distinct surface word of the documents, analysed once.
#[derive(Debug, Clone)]
pub struct IndexedWord {
    pub stem: TermId,
    /// Stems of the compound parts, empty when the word does not split.
    pub parts: Box<[TermId]>,
    /// Stem of the real word behind an OCR slip, when there is one.
    pub alias: Option<TermId>,
}

/// A passage as the index holds it, at its slot (its [`PassageId`] is found from the slot:
/// [`Index::passage_id`]).
#[derive(Debug)]
pub struct IndexedPassage {
    pub kind: PassageKind,
    /// The first body paragraph (see `question_types::is_opening`).
    pub opening: bool,
    /// A heading, addressee or signature with a date (see `question_types::is_dated`).
    pub dated: bool,
    /// Where the passage's content words stand in [`Index::word_store`]: word ids in order
    /// (3 bytes a word, see `word_store.rs`; where a word stands in the text is found again by
    /// [`Index::content_tokens`] when a quote needs it). Read them with [`Index::words_of`].
    pub words: std::ops::Range<u32>,
}

/// What scoring reads of a candidate passage (see [`Index::slot_facts`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SlotFacts {
    /// Its length over its document's average (see [`Index::relative_length`]).
    pub(crate) relative_length: f32,
    pub(crate) kind: PassageKind,
    pub(crate) opening: bool,
    pub(crate) dated: bool,
}

impl IndexedPassage {
    /// Number of content words, the passage length for BM25.
    pub fn length(&self) -> f32 {
        self.words.len() as f32
    }
}

/// One passage's occurrences of a term in four bytes (postings are the largest part of an
/// index after the text): the passage's slot in the low [`SLOT_BITS`] bits, how often the
/// term occurs there in the rest, counted up to [`MAX_COUNT`] (BM25 saturates long before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting(u32);

/// Bits of a posting that hold the slot: an index holds at most `2^SLOT_BITS` passages
/// (`document::load::MAX_PASSAGES`).
pub const SLOT_BITS: u32 = 24;
const SLOT_MASK: u32 = (1 << SLOT_BITS) - 1;
/// The highest occurrence count a posting records.
pub const MAX_COUNT: u32 = u32::MAX >> SLOT_BITS;

impl Posting {
    /// One occurrence in the passage in `slot` (below `2^SLOT_BITS`).
    pub fn once(slot: u32) -> Posting {
        debug_assert!(slot <= SLOT_MASK, "slot {slot} beyond the posting's {SLOT_BITS} bits");
        Posting((1 << SLOT_BITS) | (slot & SLOT_MASK))
    }

    pub fn slot(self) -> u32 {
        self.0 & SLOT_MASK
    }

    /// Occurrences of the term in the passage, as BM25 weighs them.
    pub fn frequency(self) -> f32 {
        self.count() as f32
    }

    pub fn count(self) -> u32 {
        self.0 >> SLOT_BITS
    }

    /// One occurrence more (none past [`MAX_COUNT`]).
    pub fn count_one_more(&mut self) {
        if self.count() < MAX_COUNT {
            self.0 += 1 << SLOT_BITS;
        }
    }

    /// The same occurrences in the passage `distance` slots on (wrapping: a distance back
    /// is a wrapped subtraction), which must be below `2^SLOT_BITS`: the slot bits then
    /// neither borrow from nor carry into the count.
    pub fn moved_by(self, distance: u32) -> Posting {
        let moved = Posting(self.0.wrapping_add(distance));
        debug_assert!(moved.count() == self.count(), "slot {} moved by {distance} out of range", self.slot());
        moved
    }
}

/// A term's frequency not counted yet (see [`Index::count_frequencies`]).
pub(crate) const UNCOUNTED: u32 = u32::MAX;

/// Stems ↔ term ids. An index built after another keeps the other's terms (see
/// `build/continued.rs`), also those nothing holds anymore: such a term is dead, and
/// [`Terms::get`] does not find it, as a fresh build would not have it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Terms {
    pub(super) names: super::interner::Interner,
    /// Per term id: whether a word of the documents or a document's field holds it (empty
    /// while a build is under way: every term counts as held).
    pub(super) live: Vec<bool>,
}

impl Terms {
    pub(super) fn intern(&mut self, stem: &str) -> TermId {
        self.names.intern(stem)
    }

    /// The id of a stem that a word of the documents or a document's field holds.
    pub(crate) fn get(&self, stem: &str) -> Option<TermId> {
        self.names.get(stem).filter(|&t| self.live.get(t as usize).copied().unwrap_or(true))
    }

    pub(crate) fn name(&self, id: TermId) -> &str {
        self.names.name(id)
    }

    pub(super) fn len(&self) -> usize {
        self.names.len()
    }
}

pub struct Index {
    pub(super) documents: Vec<std::sync::Arc<Document>>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) passages: Vec<IndexedPassage>,
    /// Every passage's content words, one after another (one allocation, not one a passage).
    pub(crate) word_store: WordStore,
    pub(crate) terms: Terms,
    /// Per term id: passages holding it as a whole word (or OCR alias).
    pub(crate) whole: Lists<Posting>,
    /// Per term id: passages holding it as a compound part.
    pub(crate) parts: Lists<Posting>,
    /// Per term id: passages holding it whole or as a part (the union of the two lists).
    pub(crate) frequencies: Vec<u32>,
    /// Per term id: the documents (sorted) whose title holds it.
    pub(crate) titles: Lists<u32>,
    /// Per term id: the documents (sorted) whose sender's words hold it (see
    /// [`Index::add_document_fields`]).
    pub(crate) senders: Lists<u32>,
    /// Distinct folded surface words, analysed.
    pub(crate) words: Vec<IndexedWord>,
    /// Per word id: its stem's term id when it has no compound parts and no OCR alias (the
    /// usual case, read without touching `words`), else [`HAS_FORMS`].
    pub(crate) plain_stems: Vec<TermId>,
    /// Per word id: the folded word. Look a word up with [`Index::word_id`]: a reload that
    /// keeps the ids keeps the words no passage holds anymore too.
    pub(crate) vocabulary: super::interner::Interner,
    /// Per word id: its occurrences in the passages (0: a word no passage holds anymore).
    pub(crate) occurrences: Vec<u32>,
    /// The folded words of the documents' titles and senders, analysed (a reload analyses
    /// only those this index did not hold).
    pub(crate) field_words: FieldWords,
    /// Per document: the terms of its title and sender fields (see `fields.rs`).
    pub(crate) document_fields: Vec<DocumentFields>,
    /// Per word id: whether it is a number, in digits or a Dutch number word (answer types
    /// read it for every word of a candidate passage).
    pub(crate) numbers: Vec<bool>,
    /// Slots of each kind of passage, sorted.
    pub(crate) by_kind: HashMap<PassageKind, Vec<u32>>,
    /// Slots of each document's first body paragraph (`alinea 1`), sorted.
    pub(crate) openings: Vec<u32>,
    /// Per slot: the document of the passage.
    pub(crate) slot_documents: Vec<u32>,
    /// First slot of each document's passages, and one past the last (`documents + 1` long).
    pub(crate) document_starts: Vec<u32>,
    pub(crate) typos: TypoIndex,
    /// Word ids in alphabetical order (compounds that open with a word, `openings.rs`).
    pub(crate) words_in_order: WordsInOrder,
    /// Per slot: what scoring reads of every candidate passage (a list of its own, a quarter
    /// the size of the passages, which are read for the few candidates that are finished).
    pub(crate) slot_facts: Vec<SlotFacts>,
    /// Acronyms of the documents' subjects (`mdt`, see `acronyms.rs`); a reload that
    /// changes no title and no compound's being held shares them.
    pub(crate) acronyms: std::sync::Arc<Acronyms>,
    /// Shared with the index a reload builds next (it depends on compiled-in data only).
    pub(crate) analyzer: std::sync::Arc<Analyzer>,
    /// Lists the searches over this index reuse (see `workspace.rs`).
    pub(crate) workspaces: super::workspace::Workspaces,
}

impl Index {
    /// The title field's term frequency of a term in the passage in `slot`.
    pub(crate) fn title_frequency(&self, term: TermId, slot: usize) -> f32 {
        let document = self.slot_documents[slot];
        let titled = self.titles.get(term as usize).binary_search(&document).is_ok();
        if titled {
            TITLE_FIELD_WEIGHT
        } else {
            0.0
        }
    }

    pub fn documents(&self) -> &[std::sync::Arc<Document>] {
        &self.documents
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    pub fn passage(&self, id: PassageId) -> &Passage {
        &self.documents[id.document].passages[id.passage]
    }

    /// The text of a passage, read with the zstd context a search keeps (making one costs
    /// more than reading a block with it).
    pub fn passage_text(&self, id: PassageId) -> String {
        let mut workspace = self.workspaces.take();
        let text = workspace.texts.read(&self.passage(id).text).to_owned();
        self.workspaces.give_back(workspace);
        text
    }

    /// The document and passage of the passage in this slot.
    pub fn passage_id(&self, slot: usize) -> PassageId {
        let document = self.slot_documents[slot] as usize;
        PassageId { document, passage: slot - self.document_starts[document] as usize }
    }

    /// The analysed form of the passage in this slot (see [`crate::search::Hit::slot`]).
    pub fn indexed(&self, slot: usize) -> &IndexedPassage {
        &self.passages[slot]
    }

    /// The content words of a passage, as word ids in order.
    pub(crate) fn words_of(&self, passage: &IndexedPassage) -> Words<'_> {
        self.word_store.words(passage.words.clone())
    }

    pub fn passage_count(&self) -> usize {
        self.passages.len()
    }

    /// Whether a word is, or holds as a part or OCR alias, one of `stems`.
    pub(crate) fn word_has(&self, word: u32, stems: &[TermId]) -> bool {
        match self.plain_stems[word as usize] {
            HAS_FORMS => {
                let word = &self.words[word as usize];
                stems.iter().any(|s| word.stem == *s || word.parts.contains(s) || word.alias == Some(*s))
            }
            stem => stems.contains(&stem),
        }
    }

    /// The content words of the passage in `slot` with their byte ranges in its `text`: the
    /// tokens the index was built from, found again.
    pub(crate) fn content_tokens(
        &self,
        slot: usize,
        text: &str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, u32)> + '_ {
        struct Ranges(Vec<std::ops::Range<usize>>);
        impl WordSink for Ranges {
            fn word(&mut self, range: std::ops::Range<usize>, _: &str) {
                self.0.push(range);
            }
            // A joined verb keeps its verb's range.
            fn rename(&mut self, _: usize, _: &str) {}
        }
        let mut ranges = Ranges(Vec::new());
        for_each_content_word(text, &self.analyzer, &mut String::new(), &mut ranges);
        ranges.0.into_iter().zip(self.words_of(&self.passages[slot]).iter())
    }

    /// Byte ranges of the words of the passage in `slot` (whose `text` it is) that are one of
    /// `stems` (see [`Index::word_has`]).
    pub fn tokens_matching(&self, slot: usize, text: &str, stems: &[String]) -> Vec<std::ops::Range<usize>> {
        let ids: Vec<TermId> = stems.iter().filter_map(|s| self.terms.get(s)).collect();
        self.content_tokens(slot, text)
            .filter(|(_, word)| self.word_has(*word, &ids))
            .map(|(range, _)| range)
            .collect()
    }

    /// The stem of a word.
    pub(crate) fn word_stem(&self, word: u32) -> &str {
        self.terms.name(self.words[word as usize].stem)
    }

    pub(crate) fn whole_postings(&self, term: Option<TermId>) -> &[Posting] {
        term.map_or(&[], |t| self.whole.get(t as usize))
    }

    pub(crate) fn part_postings(&self, term: Option<TermId>) -> &[Posting] {
        term.map_or(&[], |t| self.parts.get(t as usize))
    }

    pub(crate) fn sender_documents(&self, term: TermId) -> &[u32] {
        self.senders.get(term as usize)
    }

    pub(crate) fn title_documents(&self, term: Option<TermId>) -> &[u32] {
        term.map_or(&[], |t| self.titles.get(t as usize))
    }

    /// Number of passages a stem occurs in, whole or as a compound part; for a word found
    /// only in titles, the number of passages of those documents.
    pub(crate) fn document_frequency(&self, stem: &str) -> usize {
        let term = self.terms.get(stem);
        match term.and_then(|t| self.frequencies.get(t as usize)).copied().unwrap_or(0) {
            0 => self.title_passages(term),
            passages => passages as usize,
        }
    }

    /// Per term: the number of passages holding it whole or as a compound part (set once the
    /// postings are; a query reads it for each of its words). A reload's postings step may
    /// have carried a term's count over from the index it replaces; the others, marked
    /// [`UNCOUNTED`], are counted.
    pub(super) fn count_frequencies(&mut self) {
        self.frequencies.resize(self.terms.len(), UNCOUNTED);
        for (term, frequency) in self.frequencies.iter_mut().enumerate().filter(|(_, f)| **f == UNCOUNTED) {
            let (whole, parts) = (self.whole.get(term), self.parts.get(term));
            *frequency = match (whole.is_empty(), parts.is_empty()) {
                (_, true) => whole.len() as u32,
                (true, false) => parts.len() as u32,
                (false, false) => union_len(whole, parts) as u32,
            };
        }
    }

    fn title_passages(&self, term: Option<TermId>) -> usize {
        let documents = self.title_documents(term);
        documents.iter().map(|&d| self.documents[d as usize].passages.len()).sum()
    }

    pub(crate) fn has_stem(&self, stem: &str) -> bool {
        let term = self.terms.get(stem);
        !self.whole_postings(term).is_empty()
            || !self.part_postings(term).is_empty()
            || !self.title_documents(term).is_empty()
    }

    /// Whether a folded surface word occurs in the documents.
    pub(crate) fn has_surface(&self, folded: &str) -> bool {
        self.word_id(folded).is_some()
    }

    /// The id of a folded word the documents hold (the vocabulary may also hold words no
    /// document holds anymore, see `build/continued.rs`).
    pub(crate) fn word_id(&self, folded: &str) -> Option<u32> {
        self.vocabulary.get(folded).filter(|&w| self.holds_word(w))
    }

    /// Words of the vocabulary no passage holds (see `build/continued.rs`).
    pub(crate) fn dead_words(&self) -> usize {
        self.occurrences.iter().filter(|&&n| n == 0).count()
    }

    /// Whether some passage holds the word with this id.
    pub(crate) fn holds_word(&self, word: u32) -> bool {
        self.occurrences[word as usize] > 0
    }

    /// A passage's length relative to the average of its document's passages.
    pub(crate) fn relative_length(&self, slot: usize) -> f32 {
        self.slot_facts[slot].relative_length
    }

    /// The slots of the passages of a document.
    pub(crate) fn document_slots(&self, document: u32) -> std::ops::Range<u32> {
        self.document_starts[document as usize]..self.document_starts[document as usize + 1]
    }
}

/// Counts an occurrence in a term's list, allocated at its size, of which `filled` postings
/// are written; slots arrive in increasing order.
pub(super) fn add_posting(list: &mut [Posting], filled: &mut u32, slot: u32) {
    match (*filled as usize).checked_sub(1).map(|last| &mut list[last]) {
        Some(last) if last.slot() == slot => last.count_one_more(),
        _ => {
            list[*filled as usize] = Posting::once(slot);
            *filled += 1;
        }
    }
}

/// The number of distinct slots in two sorted postings lists.
fn union_len(a: &[Posting], b: &[Posting]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].slot().cmp(&b[j].slot()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
        n += 1;
    }
    n + (a.len() - i) + (b.len() - j)
}

/// The frequency of a slot in a sorted postings list.
pub(crate) fn frequency_in(postings: &[Posting], slot: u32) -> f32 {
    postings.binary_search_by_key(&slot, |p| p.slot()).map_or(0.0, |i| postings[i].frequency())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posting_keeps_the_highest_slot_and_counts_up_to_its_maximum() {
        let last = (1 << SLOT_BITS) - 1;
        let (mut postings, mut filled) = ([Posting::once(9); 2], 0);
        add_posting(&mut postings, &mut filled, 0);
        for _ in 0..MAX_COUNT + 5 {
            add_posting(&mut postings, &mut filled, last);
        }
        assert_eq!(filled, 2, "one posting per slot");
        assert_eq!((postings[0].slot(), postings[0].count()), (0, 1));
        assert_eq!((postings[1].slot(), postings[1].count()), (last, MAX_COUNT));
        let back = postings[1].moved_by(7u32.wrapping_sub(last));
        assert_eq!((back.slot(), back.frequency()), (7, MAX_COUNT as f32));
        let on = back.moved_by(last - 7);
        assert_eq!((on.slot(), on.count()), (last, MAX_COUNT));
    }
}

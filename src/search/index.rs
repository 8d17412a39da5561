//! The passage index: every passage of every document, analysed once, with postings for
//! whole words (by stem) and for compound parts, and a typo index over the vocabulary.
//!
//! Invariant: an `Index` is immutable once built; a reload builds a new one (see `Library`).

use std::collections::{HashMap, HashSet};

use super::fuzzy::DeletionIndex;
use super::params::TITLE_FIELD_WEIGHT;
use crate::document::{Corpus, Diagnostic, Document, Passage};
use crate::text::{analyzer::Analyzer, tokens};

/// A passage's position: document, then passage within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassageId {
    pub document: usize,
    pub passage: usize,
}

/// A word of a passage with its analysed forms.
#[derive(Debug, Clone)]
pub struct IndexedToken {
    pub start: usize,
    pub end: usize,
    pub stem: String,
    pub part_stems: Vec<String>,
    /// Stem of the real word behind an OCR slip, when there is one.
    pub alias_stem: Option<String>,
}

#[derive(Debug)]
pub struct IndexedPassage {
    pub id: PassageId,
    pub tokens: Vec<IndexedToken>,
    /// Number of content words, the passage length for BM25.
    pub length: f32,
}

/// Occurrences of one stem: per passage (index into `Index::passages`), a frequency.
pub type Postings = HashMap<usize, f32>;

pub struct Index {
    documents: Vec<Document>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) passages: Vec<IndexedPassage>,
    pub(crate) whole: HashMap<String, Postings>,
    pub(crate) parts: HashMap<String, Postings>,
    /// Stems of document titles: stem → the documents (indices) whose title holds it.
    pub(crate) titles: HashMap<String, Vec<usize>>,
    /// Folded surface forms of all words in the index.
    pub(crate) surfaces: HashSet<String>,
    pub(crate) typos: DeletionIndex,
    pub(crate) average_length: f32,
    pub(crate) analyzer: Analyzer,
}

impl Index {
    pub fn build(corpus: Corpus, analyzer: Analyzer) -> Index {
        let mut index = Index {
            documents: Vec::new(),
            diagnostics: corpus.diagnostics,
            passages: Vec::new(),
            whole: HashMap::new(),
            parts: HashMap::new(),
            titles: HashMap::new(),
            surfaces: HashSet::new(),
            typos: DeletionIndex::default(),
            average_length: 1.0,
            analyzer,
        };
        for (d, document) in corpus.documents.iter().enumerate() {
            for (p, passage) in document.passages.iter().enumerate() {
                index.add_passage(PassageId { document: d, passage: p }, passage);
            }
            index.add_title_field(&document.meta.title, d);
        }
        index.documents = corpus.documents;
        let total: f32 = index.passages.iter().map(|p| p.length).sum();
        index.average_length = (total / index.passages.len().max(1) as f32).max(1.0);
        index.typos = DeletionIndex::new(index.surfaces.iter().map(String::as_str));
        index
    }

    fn add_passage(&mut self, id: PassageId, passage: &Passage) {
        let slot = self.passages.len();
        let mut indexed = IndexedPassage { id, tokens: Vec::new(), length: 0.0 };
        for token in tokens(&passage.text) {
            if !self.analyzer.is_content_word(&token.folded) {
                continue;
            }
            let forms = self.analyzer.forms(&token.folded);
            let alias_stem = self.analyzer.ocr_alias(&token.folded).map(|a| self.analyzer.stem(&a));
            for stem in std::iter::once(&forms.stem).chain(&alias_stem) {
                *self.whole.entry(stem.clone()).or_default().entry(slot).or_default() += 1.0;
            }
            for part in &forms.part_stems {
                *self.parts.entry(part.clone()).or_default().entry(slot).or_default() += 1.0;
            }
            self.surfaces.insert(token.folded.clone());
            indexed.length += 1.0;
            indexed.tokens.push(IndexedToken {
                start: token.start,
                end: token.end,
                stem: forms.stem,
                part_stems: forms.part_stems,
                alias_stem,
            });
        }
        self.passages.push(indexed);
    }

    /// BM25F-style title field: every passage of a document also holds the document's title
    /// words, at `TITLE_FIELD_WEIGHT` (see [`Index::title_frequency`]). A letter's subject then
    /// tells its passages apart from other documents'. The title does not count towards a
    /// word's document frequency, so the subject word keeps its weight within its letter.
    fn add_title_field(&mut self, title: &str, document: usize) {
        for token in tokens(title) {
            if self.analyzer.is_content_word(&token.folded) {
                let documents = self.titles.entry(self.analyzer.stem(&token.folded)).or_default();
                if documents.last() != Some(&document) {
                    documents.push(document);
                }
            }
        }
    }

    /// The title field's term frequency of a stem in the passage in `slot`.
    pub(crate) fn title_frequency(&self, stem: &str, slot: usize) -> f32 {
        let document = self.passages[slot].id.document;
        match self.titles.get(stem).is_some_and(|docs| docs.binary_search(&document).is_ok()) {
            true => TITLE_FIELD_WEIGHT,
            false => 0.0,
        }
    }

    pub fn documents(&self) -> &[Document] {
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

    /// The analysed form of the passage in this slot (see [`crate::search::Hit::slot`]).
    pub fn indexed(&self, slot: usize) -> &IndexedPassage {
        &self.passages[slot]
    }

    pub fn passage_count(&self) -> usize {
        self.passages.len()
    }

    /// BM25's IDF of a stem with this document frequency.
    pub(crate) fn idf(&self, document_frequency: usize) -> f32 {
        let n = self.passages.len() as f32;
        let df = document_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The highest IDF any word can have here: that of a word in no passage.
    pub(crate) fn max_idf(&self) -> f32 {
        self.idf(0)
    }

    /// Number of passages a stem occurs in, whole or as a compound part; for a word found
    /// only in titles, the number of passages of those documents.
    pub(crate) fn document_frequency(&self, stem: &str) -> usize {
        let whole = self.whole.get(stem);
        let parts = self.parts.get(stem);
        match (whole, parts) {
            (Some(w), Some(p)) => w.keys().chain(p.keys()).collect::<HashSet<_>>().len(),
            (Some(w), None) => w.len(),
            (None, Some(p)) => p.len(),
            (None, None) => self.title_passages(stem),
        }
    }

    fn title_passages(&self, stem: &str) -> usize {
        let documents = self.titles.get(stem).map_or(&[][..], Vec::as_slice);
        documents.iter().map(|&d| self.documents[d].passages.len()).sum()
    }

    pub(crate) fn has_stem(&self, stem: &str) -> bool {
        self.whole.contains_key(stem) || self.parts.contains_key(stem) || self.titles.contains_key(stem)
    }
}

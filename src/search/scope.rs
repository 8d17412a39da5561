//! Whose word statistics weigh a query: the whole index, or one document as if it were loaded
//! alone.
//!
//! With many letters loaded, a letter's subject word (`participatiesamenleving`) is rare in the
//! index and would weigh as much as the detail a question asks about; within its own letter it
//! is everywhere and tells its paragraphs apart no better than `kabinet`. So the index's
//! statistics choose the document, and the document's own statistics choose the paragraph and
//! decide whether it answers (see [`crate::search::Searcher::search_about`]).
//!
//! Invariant: for an index of one document, both scopes give the same document frequencies
//! and IDFs.

use super::index::{Index, Posting};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every passage of the index.
    Index,
    /// The passages of one document (by its position in the index).
    Document(u32),
}

impl Scope {
    /// The scope of a ranking within `document`, or over the whole index.
    pub fn of(document: Option<usize>) -> Scope {
        document.map_or(Scope::Index, |d| Scope::Document(d as u32))
    }
}

impl Index {
    /// Number of passages in `scope`.
    pub(crate) fn passages_in(&self, scope: Scope) -> usize {
        match scope {
            Scope::Index => self.passage_count(),
            Scope::Document(d) => self.document_slots(d).len(),
        }
    }

    /// The part of a sorted postings list within `scope`.
    pub(crate) fn postings_in<'a>(&self, postings: &'a [Posting], scope: Scope) -> &'a [Posting] {
        let Scope::Document(document) = scope else { return postings };
        let slots = self.document_slots(document);
        let start = postings.partition_point(|p| p.slot() < slots.start);
        let end = postings.partition_point(|p| p.slot() < slots.end);
        &postings[start..end]
    }

    /// The documents of a sorted title list within `scope`.
    pub(crate) fn titles_in<'a>(&self, titles: &'a [u32], scope: Scope) -> &'a [u32] {
        let Scope::Document(document) = scope else { return titles };
        titles.binary_search(&document).map_or(&[], |i| &titles[i..=i])
    }

    /// [`Index::document_frequency`] counted within `scope`.
    pub(crate) fn frequency_in(&self, stem: &str, scope: Scope) -> usize {
        let Scope::Document(document) = scope else { return self.document_frequency(stem) };
        let term = self.terms.get(stem);
        let whole = self.postings_in(self.whole_postings(term), scope);
        let parts = self.postings_in(self.part_postings(term), scope);
        if whole.is_empty() && parts.is_empty() {
            let titled = self.title_documents(term).binary_search(&document).is_ok();
            return if titled { self.document_slots(document).len() } else { 0 };
        }
        // A passage holding the stem both whole and as a part counts once.
        let both = whole.iter().filter(|p| parts.binary_search_by_key(&p.slot(), |q| q.slot()).is_ok()).count();
        whole.len() + parts.len() - both
    }

    /// BM25's IDF of a stem with this document frequency within `scope`.
    pub(crate) fn idf_in(&self, document_frequency: usize, scope: Scope) -> f32 {
        let n = self.passages_in(scope) as f32;
        let df = document_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The highest IDF in `scope`: that of a word in none of its passages.
    pub(crate) fn max_idf_in(&self, scope: Scope) -> f32 {
        self.idf_in(0, scope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{self, Source};

    /// One document alone: the document scope is the index scope.
    #[test]
    fn a_single_document_scope_counts_as_the_index() {
        let searcher = library::load(Source::FolderOrEmbedded("seeds".as_ref())).expect("seed letter");
        let index = &searcher.index;
        for stem in ["participatiesamenlev", "kabinet", "wijkteam", "burgernet", "zzzz"] {
            let whole = index.frequency_in(stem, Scope::Index);
            assert_eq!(index.frequency_in(stem, Scope::Document(0)), whole, "{stem}");
            assert_eq!(index.idf_in(whole, Scope::Document(0)), index.idf_in(whole, Scope::Index), "{stem}");
        }
    }

    /// Within one letter of a corpus, a word counts only that letter's passages.
    #[test]
    fn a_document_scope_counts_only_that_documents_passages() {
        let searcher = library::load(Source::Folder("tests/fixtures/corpus".as_ref())).expect("corpus");
        let index = &searcher.index;
        let documents = index.documents();
        let seed = documents.iter().position(|d| d.meta.id.starts_with("participatiesamenleving")).unwrap();
        let stem = "kabinet";
        let per_document: usize =
            (0..documents.len()).map(|d| index.frequency_in(stem, Scope::Document(d as u32))).sum();
        assert_eq!(per_document, index.frequency_in(stem, Scope::Index));
        assert!(index.frequency_in(stem, Scope::Document(seed as u32)) < per_document);
    }
}

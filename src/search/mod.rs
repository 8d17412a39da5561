//! The search core: a passage index over documents ([`Index`]), question analysis
//! ([`Query`]) and ranking with a decision to decline ([`rank`]). Everything tunable is in
//! [`params`]; general language knowledge is in the data files of [`glossary`].

mod acronyms;
mod alternatives;
mod answer_kinds;
mod asks;
mod build;
mod candidates;
mod evidence;
mod facet;
mod fields;
mod interner;
mod lists;
mod names;
mod negation;
mod openings;
pub mod clauses;
pub mod explain;
pub mod fuzzy;
pub mod glossary;
pub mod index;
#[cfg(feature = "internals")]
mod index_memory;
pub mod params;
mod postings;
mod proximity;
mod reused_postings;
mod slot_set;
mod top;
mod word_store;
mod workspace;
pub mod query;
pub mod question_types;
pub mod rank;
pub mod scope;

pub use index::{Index, PassageId};
pub use query::Query;
#[cfg(any(test, feature = "internals"))]
pub use rank::rank_exhaustive;
pub use rank::{rank, rank_within, Hit};

use glossary::Glossary;
use question_types::QuestionTypes;
use std::sync::Arc;

/// The index plus the language data needed to ask it questions.
pub struct Searcher {
    pub index: Index,
    /// The language data depends on the analyzer only (compiled-in data): a reload's
    /// searcher shares it, read and warmed once.
    glossary: Arc<Glossary>,
    types: Arc<QuestionTypes>,
}

impl Searcher {
    /// Reads the tables a search reads at its first use (translations, wordnet synonyms, the
    /// place names' stems), so that no answer pays for them: a reload does it on its own
    /// thread before the new index serves; at start-up a thread of its own does it once the
    /// first index serves, as ready-to-answer comes first (`Library::open`).
    pub fn warm(&self) {
        self.glossary.warm();
        self.types.warm(self.index.analyzer());
    }

    pub fn new(index: Index) -> Searcher {
        let types = Arc::new(QuestionTypes::new(index.analyzer()));
        Searcher { glossary: Arc::new(Glossary::new(index.analyzer())), index, types }
    }

    /// A searcher over `index` (built after `previous`'s, with the same analyzer) that
    /// shares `previous`'s language data.
    pub fn after(index: Index, previous: &Searcher) -> Searcher {
        debug_assert!(Arc::ptr_eq(&index.analyzer, &previous.index.analyzer), "one analyzer");
        Searcher { index, glossary: Arc::clone(&previous.glossary), types: Arc::clone(&previous.types) }
    }

    pub fn query(&self, question: &str) -> Query {
        Query::parse(question, &self.index, &self.glossary, &self.types)
    }

    /// In how many passages a stem occurs (whole or as compound part); for diagnostics.
    pub fn index_df(&self, stem: &str) -> usize {
        self.index.document_frequency(stem)
    }

    /// Passages that match the question, best first.
    pub fn search(&self, question: &str) -> (Query, Vec<Hit>) {
        self.search_about(question, None)
    }

    /// Like [`Searcher::search`], in a conversation about `document` (the one last cited): a
    /// question about "the letter" itself (who signed it, when, why), with nothing else to
    /// choose a document by, is answered from that document when several are loaded; any
    /// other question is answered from it first when it matches nearly as well as the best
    /// document (see [`params::CURRENT_DOCUMENT_SHARE`]).
    ///
    /// A question about "the letter" itself asked outside such a conversation while several
    /// letters are loaded ranks nothing: no passage answers it until the asker says which
    /// letter (see `answer::answer_about`), and ranking it would read every letter's date or
    /// signature line.
    pub fn search_about(&self, question: &str, document: Option<&str>) -> (Query, Vec<Hit>) {
        let query = self.query(question);
        let about_the_letter_only = query.is_about_the_document_only(&self.index);
        if about_the_letter_only && document.is_none() && self.index.documents().len() > 1 {
            return (query, Vec::new());
        }
        let current = document.and_then(|id| self.index.documents().iter().position(|d| d.meta.id == id));
        let hits = match current {
            Some(current) if about_the_letter_only => rank_within(&self.index, &query, Some(current)),
            _ => self.best_document_first(&query, current),
        };
        (query, hits)
    }

    /// The index's statistics choose the documents to look in: those of the best hits, at
    /// most [`params::DOCUMENTS_TRIED`]. Each document's own statistics rank its passages
    /// and decide whether the best of them answers, as if it were loaded alone (see
    /// [`scope`]). The first document, in the order of the index's ranking, whose best
    /// passage answers gives the first hit (else the first document does, and the search
    /// declines); the others follow by score, those of other documents with their scores put
    /// on the same scale (the chosen document's best hit scores the same in both rankings).
    /// The document under discussion, if any, is tried first when its best hit comes close.
    fn best_document_first(&self, query: &Query, current: Option<usize>) -> Vec<Hit> {
        let hits = rank(&self.index, query);
        if self.index.documents().len() < 2 {
            return hits;
        }
        let mut documents: Vec<usize> = current.filter(|&c| comes_close(&hits, c)).into_iter().collect();
        for hit in &hits {
            if !documents.contains(&hit.id.document) && documents.len() < params::DOCUMENTS_TRIED {
                documents.push(hit.id.document);
            }
        }
        let mut chosen = None;
        for &document in &documents {
            let within = rank_within(&self.index, query, Some(document));
            let answers = within.first().is_some_and(Hit::answers);
            if chosen.is_none() || answers {
                chosen = Some((document, within));
            }
            if answers {
                break;
            }
        }
        let Some((document, mut within)) = chosen else { return hits };
        let Some(best) = within.first() else { return hits };
        let top = hits.iter().find(|h| h.id.document == document).map_or(best.score, |h| h.score);
        let scale = best.score / top.max(f32::EPSILON);
        let others = hits.into_iter().filter(|h| h.id.document != document).map(|mut h| {
            h.score *= scale;
            h
        });
        within.extend(others);
        within[1..].sort_by(|a, b| b.score.total_cmp(&a.score));
        within.truncate(params::RANK_LIMIT);
        within
    }
}

/// Whether `document`'s best hit scores at least [`params::CURRENT_DOCUMENT_SHARE`] of the
/// best hit (`hits` best first).
fn comes_close(hits: &[Hit], document: usize) -> bool {
    let best = hits.first().map_or(0.0, |h| h.score);
    hits.iter().find(|h| h.id.document == document).is_some_and(|h| h.score >= params::CURRENT_DOCUMENT_SHARE * best)
}

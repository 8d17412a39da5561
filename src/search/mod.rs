//! The search core: a passage index over documents ([`Index`]), question analysis
//! ([`Query`]) and ranking with a decision to decline ([`rank`]). Everything tunable is in
//! [`params`]; general language knowledge is in the data files of [`glossary`].

mod asks;
mod build;
mod candidates;
pub mod clauses;
pub mod explain;
pub mod fuzzy;
pub mod glossary;
pub mod index;
pub mod params;
mod postings;
mod proximity;
pub mod query;
pub mod question_types;
pub mod rank;

pub use index::{Index, PassageId};
pub use query::Query;
pub use rank::{rank, rank_exhaustive, rank_within, Hit};

use glossary::Glossary;
use question_types::QuestionTypes;

/// The index plus the language data needed to ask it questions.
pub struct Searcher {
    pub index: Index,
    glossary: Glossary,
    types: QuestionTypes,
}

impl Searcher {
    pub fn new(index: Index) -> Searcher {
        let types = QuestionTypes::new(index.analyzer());
        Searcher { glossary: Glossary::new(index.analyzer()), index, types }
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
    /// choose a document by, is answered from that document when several are loaded.
    pub fn search_about(&self, question: &str, document: Option<&str>) -> (Query, Vec<Hit>) {
        let query = self.query(question);
        let about_the_letter_only = query.is_about_the_document_only();
        let current = document.and_then(|id| self.index.documents().iter().position(|d| d.meta.id == id));
        let hits = rank_within(&self.index, &query, current.filter(|_| about_the_letter_only));
        (query, hits)
    }
}

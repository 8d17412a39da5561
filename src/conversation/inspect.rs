//! The engine outside a conversation: one question (`briefbot ask`), the passages as loaded
//! (`briefbot passages`) and what loading found (`briefbot check`). The same snapshot and the
//! same answer path as a conversation, without follow-up state or a rate limit; the results
//! are plain data the terminal renders.

use serde::Serialize;

use super::Engine;
use crate::answer::{self, QuestionError, Reference, Reply};
use crate::document::Passage;
use crate::i18n::Language;
use crate::library::Snapshot;
use crate::search::explain::{explain, Explanation};
use crate::search::PassageId;

/// A passage as data: where it is, its reference in a reply's language, its text.
#[derive(Debug, Clone, Serialize)]
pub struct PassageView {
    pub document: String,
    pub number: u32,
    pub page: u32,
    pub pages: (u32, u32),
    pub kind: &'static str,
    pub reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    pub text: String,
}

impl PassageView {
    fn new(snapshot: &Snapshot, id: PassageId, score: Option<f32>, language: Language) -> PassageView {
        let document = &snapshot.documents()[id.document];
        let passage: &Passage = &document.passages[id.passage];
        PassageView {
            document: document.meta.id.clone(),
            number: passage.number,
            page: passage.pages.0,
            pages: passage.pages,
            kind: passage.kind.as_str(),
            reference: Reference::new(document, passage, language).label,
            score,
            text: passage.text.get().into_owned(),
        }
    }
}

/// The answer to one question outside a conversation.
#[derive(Debug)]
pub struct Asked {
    pub reply: Reply,
    /// The passages the reply quotes or mentions, best first, referenced in its language.
    pub passages: Vec<PassageView>,
    /// How the question was analysed and why it was answered or declined, when asked for.
    pub explanation: Option<Explanation>,
}

/// A loaded document, for `check`.
#[derive(Debug, Clone)]
pub struct DocumentSummary {
    pub id: String,
    /// The file it was read from (or the compiled-in letter).
    pub source: String,
    pub passages: usize,
}

/// What loading the documents found: warnings about odd input, and what was loaded.
#[derive(Debug, Clone)]
pub struct LoadReport {
    pub warnings: Vec<String>,
    pub documents: Vec<DocumentSummary>,
    pub passages: usize,
}

impl Engine {
    /// Answers one question from the current documents, as a first question in a
    /// conversation would be answered. The reply is in English when the question is, else in
    /// `default`.
    pub fn ask(&self, question: &str, default: Language, with_explanation: bool) -> Result<Asked, QuestionError> {
        let snapshot = self.library.snapshot();
        let answer = answer::answer(&snapshot.searcher, question, default)?;
        let language = answer.reply.language;
        let passages = answer.hits[..answer.shown]
            .iter()
            .map(|hit| PassageView::new(&snapshot, hit.id, Some(hit.score), language))
            .collect();
        let explanation = with_explanation.then(|| explain(&snapshot.searcher, &answer.query, &answer.hits));
        Ok(Asked { reply: answer.reply, passages, explanation })
    }

    /// Every passage of the current documents, in document order.
    pub fn passages(&self, language: Language) -> Vec<PassageView> {
        let snapshot = self.library.snapshot();
        let ids = snapshot.documents().iter().enumerate().flat_map(|(document, doc)| {
            (0..doc.passages.len()).map(move |passage| PassageId { document, passage })
        });
        ids.map(|id| PassageView::new(&snapshot, id, None, language)).collect()
    }

    /// What loading the current documents found.
    pub fn load_report(&self) -> LoadReport {
        let snapshot = self.library.snapshot();
        let index = &snapshot.searcher.index;
        LoadReport {
            warnings: index.diagnostics().iter().map(ToString::to_string).collect(),
            documents: snapshot
                .documents()
                .iter()
                .map(|d| DocumentSummary {
                    id: d.meta.id.clone(),
                    source: d.source.to_string(),
                    passages: d.passages.len(),
                })
                .collect(),
            passages: snapshot.passage_count(),
        }
    }
}

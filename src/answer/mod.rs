//! Answers: from a question to a [`Reply`] that quotes the best passage verbatim with its
//! reference, mentions further relevant passages, or declines when the documents do not
//! answer. A `Reply` is plain data; adapters render it (see [`Reply::render_plain`]).
//!
//! Invariants: every quote is made of exact slices of its passage's text, whole as chosen:
//! length limits belong to each renderer (Discord's render, [`Reply::render_plain_within`]),
//! which all fit through [`crate::fit::fit_rendering`].

pub mod quote;
pub mod reference;
mod suggest;
pub mod texts;

use serde::Serialize;

pub use quote::Span;
pub use reference::Reference;

use crate::document::{Document, Passage, PassageKind};
use crate::i18n::Language;
pub use crate::search::params::SEE_ALSO_MAX;
use crate::search::{params::SEE_ALSO_SHARE, Hit, Query, Searcher};

/// The plain renderer's limit (the terminal, the script runner): a reply as long as a chat
/// message may be, so that what an operator sees is what members see.
pub const PLAIN_MAX_CHARS: usize = 2000;
/// Longest question accepted, in characters.
pub const MAX_QUESTION_CHARS: usize = 1000;

/// A verbatim quote: slices of one passage and where they come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub reference: Reference,
    pub spans: Vec<Span>,
    /// The spans joined with `…` where text was left out.
    pub text: String,
}

/// Something the asker can do next with this reply (buttons in Discord).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The next best passages for the same question.
    More,
    /// Show the paragraph before the one quoted.
    Previous { document: String, number: u32 },
    /// Show the paragraph after the one quoted.
    Next { document: String, number: u32 },
    /// Show a paragraph that came close to answering a declined question.
    Show { document: String, number: u32 },
    /// Say whether answer `answer` helped (👍) or not (👎).
    Vote { answer: u64, helpful: bool },
    /// Make / drop a proposed change to the documents.
    Confirm { change: u64 },
    Cancel { change: u64 },
}

/// What kind of reply this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// A question answered with quotes.
    Answered,
    /// A question the documents do not answer; nothing quoted.
    Declined,
    /// Help, a paragraph, a list, a status or reload report.
    Info,
    /// The bot will not do what was asked.
    Refused { reason: Refusal },
    /// The request itself was wrong (empty, too long, no such paragraph, ...).
    Invalid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    /// A member asked for a moderator's command.
    Permission,
    /// Too many questions; try again after this many seconds.
    RateLimited { retry_after_secs: u64 },
}

/// What the bot says, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    pub language: Language,
    pub outcome: Outcome,
    /// The bot's own words, shown before the quotes.
    pub notes: Vec<String>,
    pub quotes: Vec<Quote>,
    /// Further relevant passages, mentioned by reference only.
    pub see_also: Vec<Reference>,
    pub actions: Vec<Action>,
    /// Shown to the asker only.
    pub private: bool,
}

impl Reply {
    /// A reply of the bot's own words only.
    pub fn note(language: Language, outcome: Outcome, text: impl Into<String>) -> Reply {
        Reply {
            language,
            outcome,
            notes: vec![text.into()],
            quotes: Vec::new(),
            see_also: Vec::new(),
            actions: Vec::new(),
            private: false,
        }
    }

    /// Whether the documents answered (a quote is given).
    pub fn answered(&self) -> bool {
        self.outcome == Outcome::Answered
    }

    /// Marks the reply as shown to the asker only.
    pub fn private(mut self) -> Reply {
        self.private = true;
        self
    }

    /// Plain-text rendering, whole: block-quoted quotes, each followed by its reference.
    pub fn render_plain(&self) -> String {
        self.plain(None, true)
    }

    /// Plain-text rendering within `max` characters, as the terminal and the script runner
    /// show a reply (see [`crate::fit::fit_rendering`]).
    pub fn render_plain_within(&self, max: usize) -> String {
        let longest_quote = self.quotes.iter().map(|q| q.text.chars().count()).max().unwrap_or(0);
        crate::fit::fit_rendering(max, longest_quote, |budget, see_also| self.plain(budget, see_also))
    }

    fn plain(&self, quote_budget: Option<usize>, with_see_also: bool) -> String {
        let mut out = Vec::new();
        out.extend(self.notes.iter().cloned());
        for quote in &self.quotes {
            let text = quote_budget.map_or(quote.text.as_str().into(), |max| crate::fit::truncate(&quote.text, max));
            let quoted: Vec<String> = text.lines().map(|l| format!("> {l}")).collect();
            out.push(format!("{}\n— {}", quoted.join("\n"), quote.reference.label));
        }
        if with_see_also && !self.see_also.is_empty() {
            let places: Vec<String> = self.see_also.iter().map(|r| r.place.clone()).collect();
            out.push(texts::see_also(self.language, &places));
        }
        out.join("\n")
    }
}

/// A question the bot will not search for, with the reason in the asker's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("empty question")]
    Empty,
    #[error("question longer than {max} characters")]
    TooLong { max: usize },
}

impl QuestionError {
    pub fn message(&self, language: Language) -> String {
        match self {
            QuestionError::Empty => texts::empty_question(language),
            QuestionError::TooLong { max } => texts::question_too_long(language, *max),
        }
    }
}

/// An answer with what led to it.
#[derive(Debug, Clone)]
pub struct Answer {
    pub reply: Reply,
    pub query: Query,
    /// Every passage that matched, best first.
    pub hits: Vec<Hit>,
    /// How many of `hits` the reply quotes or mentions (the answering ones, best first).
    pub shown: usize,
}

/// Answers a question. The reply is in English when the question is, else in `default`.
pub fn answer(searcher: &Searcher, question: &str, default: Language) -> Result<Answer, QuestionError> {
    answer_about(searcher, question, default, None)
}

/// Answers a question asked in a conversation about `document` (see [`Searcher::search_about`]).
pub fn answer_about(
    searcher: &Searcher,
    question: &str,
    default: Language,
    document: Option<&str>,
) -> Result<Answer, QuestionError> {
    let trimmed = question.trim();
    if trimmed.is_empty() {
        return Err(QuestionError::Empty);
    }
    if trimmed.chars().count() > MAX_QUESTION_CHARS {
        return Err(QuestionError::TooLong { max: MAX_QUESTION_CHARS });
    }
    let (query, hits) = searcher.search_about(trimmed, document);
    let language = if query.language == Language::English { Language::English } else { default };
    let documents = searcher.index.documents().len();
    if document.is_none() && documents > 1 && query.is_about_the_document_only(&searcher.index) {
        // "Wie heeft de brief ondertekend?" with several letters and none under discussion.
        let reply = Reply::note(language, Outcome::Info, texts::which_letter(language, documents));
        return Ok(Answer { reply, query, hits, shown: 0 });
    }
    let answering = answering_hits(&hits);
    let reply = match answering.split_first() {
        None => declined_reply(searcher, &hits, language),
        Some((best, others)) => quoted_reply(searcher, best, others, language),
    };
    let shown = answering.len();
    Ok(Answer { reply, query, hits, shown })
}

/// A decline, with a hint at the paragraph that came close if one did.
fn declined_reply(searcher: &Searcher, hits: &[Hit], language: Language) -> Reply {
    let documents = searcher.index.documents().len();
    let mut reply = Reply::note(language, Outcome::Declined, texts::declined(language, documents));
    if let Some(close) = suggest::close_paragraph(searcher, hits) {
        let (hint, action) = suggest::hint(searcher, close, language);
        reply.notes.push(hint);
        reply.actions.push(action);
    }
    reply
}

/// The best hit if it answers, followed by the others worth mentioning.
fn answering_hits(hits: &[Hit]) -> Vec<Hit> {
    let Some(best) = hits.first().filter(|h| h.answers()) else { return Vec::new() };
    let others =
        hits[1..].iter().filter(|h| h.answers() && h.score >= SEE_ALSO_SHARE * best.score).take(SEE_ALSO_MAX);
    std::iter::once(best).chain(others).cloned().collect()
}

/// A reply quoting `best` from a slice of hits (e.g. the next ones for "more").
pub fn quoted_reply(searcher: &Searcher, best: &Hit, others: &[Hit], language: Language) -> Reply {
    let index = &searcher.index;
    let document = &index.documents()[best.id.document];
    let passage = index.passage(best.id);
    let stems = best.matched_stems(index);
    let text = index.passage_text(best.id);
    let spans = quote::select(&text, &index.tokens_matching(best.slot, &text, &stems));
    let quote = Quote {
        reference: Reference::new(document, passage, language),
        text: quote::render(&text, &spans),
        spans,
    };
    let see_also = others
        .iter()
        .map(|h| {
            let reference = Reference::new(&index.documents()[h.id.document], index.passage(h.id), language);
            match h.id.document == best.id.document {
                true => reference,
                false => reference.naming_its_document(language),
            }
        })
        .collect();
    let mut reply = Reply::note(language, Outcome::Answered, "");
    reply.notes.clear();
    reply.quotes.push(quote);
    reply.see_also = see_also;
    reply.actions = vec![Action::More];
    reply.actions.extend(neighbour_actions(document, passage));
    reply
}

/// Previous/next paragraph actions around a body paragraph (or the paragraph a footnote
/// annotates).
pub fn neighbour_actions(document: &Document, passage: &Passage) -> Vec<Action> {
    let number = match (passage.kind, passage.annotates) {
        (PassageKind::Body, _) => passage.number,
        (PassageKind::Footnote, Some(n)) => n,
        _ => return Vec::new(),
    };
    let id = || document.meta.id.clone();
    let mut actions = Vec::new();
    if number > 1 {
        actions.push(Action::Previous { document: id(), number: number - 1 });
    }
    if number < document.body_count() {
        actions.push(Action::Next { document: id(), number: number + 1 });
    }
    actions
}

/// A reply showing a whole passage (the `alinea N` command), with previous/next actions.
pub fn passage_reply(document: &Document, passage: &Passage, language: Language) -> Reply {
    let spans = vec![Span { start: 0, end: passage.text.len() }];
    let quote =
        Quote { reference: Reference::new(document, passage, language), text: passage.text.get().into_owned(), spans };
    let mut reply = Reply::note(language, Outcome::Info, "");
    reply.notes.clear();
    reply.quotes.push(quote);
    reply.actions = neighbour_actions(document, passage);
    reply
}


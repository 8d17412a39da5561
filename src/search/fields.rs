//! The documents' title and sender fields: BM25F-style, every passage of a document also
//! holds the words of the document's subject (its title after ` over `, at
//! `TITLE_FIELD_WEIGHT`; see [`Index::title_frequency`]), which tells a letter's passages
//! apart from other documents' without counting towards a word's document frequency; and
//! the words that name its sender (`minister-president`, `M. Rutte`) and the year of its
//! date, which count towards the coverage of each of its passages (`wat zegt Rutte over ...`
//! and `wat staat er in de brief van 2014 over ...` name the document) but add no score and
//! anchor no answer (`hoe oud is Rutte` is not answered by a paragraph Rutte signed).
//!
//! A build analyses a field text once and a word once; a reload takes an unchanged
//! document's field terms, and the stems of words the served index analysed, from it.
//!
//! Invariant: a reload's fields are those a fresh build of the same documents finds.

use rustc_hash::FxHashMap;

use super::index::{Index, TermId};
use super::lists::Lists;
use std::sync::Arc;

use crate::document::Document;
use crate::text::tokens;

/// The words of the documents' fields: a folded word's term, `None` for a function word.
pub(super) type FieldWords = FxHashMap<String, Option<TermId>>;

/// A document's field terms: its subject's, then its sender's.
#[derive(Debug, Default, Clone)]
pub(crate) struct DocumentFields {
    title: Box<[TermId]>,
    senders: Box<[TermId]>,
}

impl DocumentFields {
    /// The terms of the title and of the sender.
    pub(super) fn terms(&self) -> impl Iterator<Item = TermId> + '_ {
        self.title.iter().chain(self.senders.iter()).copied()
    }
}

/// What a build has analysed of the documents' fields so far, and the index being served.
pub(super) struct FieldTexts<'a> {
    texts: FxHashMap<String, Vec<TermId>>,
    words: FieldWords,
    previous: Option<&'a Index>,
    /// Whether the index being built keeps the term ids of `previous` (`build/continued.rs`).
    same_terms: bool,
    /// Per term of the served index: its term in the index being built (`u32::MAX`: not
    /// looked up yet).
    renamed: Vec<TermId>,
    /// (term, document) of every title word and of every sender word so far.
    titles: Vec<(TermId, u32)>,
    senders: Vec<(TermId, u32)>,
}

impl<'a> FieldTexts<'a> {
    pub(super) fn after(previous: Option<&'a Index>, same_terms: bool) -> FieldTexts<'a> {
        let renamed = vec![u32::MAX; previous.filter(|_| !same_terms).map_or(0, |p| p.terms.len())];
        let (texts, words) = (FxHashMap::default(), FieldWords::default());
        FieldTexts { texts, words, previous, same_terms, renamed, titles: Vec::new(), senders: Vec::new() }
    }
}

impl Index {
    /// Keeps the fields of every document added: the words analysed ([`Index::field_words`])
    /// and per term the documents whose title, and whose sender, holds it.
    pub(super) fn keep_fields(&mut self, fields: FieldTexts) {
        self.field_words = fields.words;
        self.titles = Lists::from_pairs(self.terms.len(), fields.titles);
        self.senders = Lists::from_pairs(self.terms.len(), fields.senders);
    }
}

impl Index {
    /// Adds a document's title and sender fields. `earlier` is the document's number in the
    /// served index when its text is unchanged: when its title and sender are too, their
    /// terms are taken from there.
    pub(super) fn add_document_fields(&mut self, added: &Arc<Document>, earlier: Option<usize>, seen: &mut FieldTexts) {
        let (document, meta) = (self.document_fields.len() as u32, &added.meta);
        let fields = match seen.previous.zip(earlier).filter(|(p, e)| same_fields(&p.documents[*e], added)) {
            Some((previous, e)) if seen.same_terms => previous.document_fields[e].clone(),
            Some((previous, e)) => self.renamed_fields(&previous.document_fields[e], seen),
            None => {
                let title = self.field_terms(meta.title_subject(), seen).into();
                // The year names the document as its sender does (`de brief van 2014`).
                let year = meta.date.map(|date| date.year.to_string());
                let naming = meta.sender_words().chain(year.as_deref());
                let senders: Vec<TermId> = naming.flat_map(|s| self.field_terms(s, seen)).collect();
                DocumentFields { title, senders: senders.into() }
            }
        };
        seen.titles.extend(fields.title.iter().map(|&term| (term, document)));
        seen.senders.extend(fields.senders.iter().map(|&term| (term, document)));
        self.document_fields.push(fields);
    }

    /// The served index's fields of a document, in this index's terms.
    fn renamed_fields(&mut self, earlier: &DocumentFields, seen: &mut FieldTexts) -> DocumentFields {
        let previous = seen.previous.expect("renamed from a served index");
        let mut rename = |term: &TermId| {
            let new = &mut seen.renamed[*term as usize];
            if *new == u32::MAX {
                *new = self.terms.intern(previous.terms.name(*term));
            }
            *new
        };
        let title = earlier.title.iter().map(&mut rename).collect();
        let senders = earlier.senders.iter().map(&mut rename).collect();
        DocumentFields { title, senders }
    }

    /// The interned stems of a field text's content words. Many documents share a sender:
    /// a text is analysed once per build.
    fn field_terms(&mut self, text: &str, seen: &mut FieldTexts) -> Vec<TermId> {
        if let Some(terms) = seen.texts.get(text) {
            return terms.clone();
        }
        let mut terms = Vec::new();
        for token in tokens(text) {
            if let Some(&term) = seen.words.get(&token.folded) {
                terms.extend(term);
                continue;
            }
            let known = seen.previous.and_then(|p| Some(p.field_words.get(&token.folded)?.map(|t| p.terms.name(t))));
            let term = match known {
                Some(stem) => stem.map(|stem| self.terms.intern(stem)),
                None => {
                    let content = self.analyzer.is_content_word(&token.folded);
                    content.then(|| self.terms.intern(&self.analyzer.stem(&token.folded)))
                }
            };
            seen.words.insert(token.folded, term);
            terms.extend(term);
        }
        seen.texts.insert(text.to_string(), terms.clone());
        terms
    }
}

/// Whether two documents give the same title and sender fields (a document a reload took
/// unchanged is the very one).
fn same_fields(a: &Arc<Document>, b: &Arc<Document>) -> bool {
    let (a, b) = (&a.meta, &b.meta);
    std::ptr::eq(a, b) || (a.title == b.title && a.sender == b.sender && a.date == b.date)
}

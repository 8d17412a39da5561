//! A hint when the bot declines but one paragraph came close: `Misschien bedoel je alinea 4
//! (over buurtpreventie en inbraken)?`, with a button (and the command) to read it.
//!
//! Invariant: the reply stays a decline and quotes nothing; the words it names are the
//! paragraph's own words that matched the question, as written in the paragraph.

use super::{Action, Reference};
use crate::document::PassageKind;
use crate::i18n::Language;
use crate::search::params::SUGGEST_MIN_COVERAGE;
use crate::search::{Hit, Searcher};

/// Words of the paragraph named in the hint, at most.
const NAMED_WORDS: usize = 3;

/// The best hit, when it is a paragraph that came close to answering: it holds two or more
/// of the question's words (one shared word, `weer` in "wat voor weer wordt het morgen",
/// is no sign of closeness), one of them informative, not by chance, and covers at least
/// `SUGGEST_MIN_COVERAGE`.
pub(super) fn close_paragraph<'a>(searcher: &Searcher, hits: &'a [Hit]) -> Option<&'a Hit> {
    let best = hits.first()?;
    let passage = searcher.index.passage(best.id);
    let close = best.anchored
        && !best.by_chance
        && best.matched_terms.len() >= 2
        && best.coverage >= SUGGEST_MIN_COVERAGE;
    (close && passage.kind == PassageKind::Body).then_some(best)
}

/// The hint's sentence and the action that shows the paragraph.
pub(super) fn hint(searcher: &Searcher, hit: &Hit, language: Language) -> (String, Action) {
    let index = &searcher.index;
    let document = &index.documents()[hit.id.document];
    let passage = index.passage(hit.id);
    // `alinea 3`, or `alinea 3 van DOC` when several documents are loaded: the paragraph command.
    let reference = Reference::new(document, passage, language);
    let reference = match index.documents().len() > 1 {
        true => reference.naming_its_document(language),
        false => reference,
    };
    let stems = hit.matched_stems(index);
    let text = index.passage_text(hit.id);
    let mut words: Vec<&str> = Vec::new();
    for range in index.tokens_matching(hit.slot, &text, &stems) {
        let word = &text[range];
        if words.len() < NAMED_WORDS && !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            words.push(word);
        }
    }
    let action = Action::Show { document: document.meta.id.clone(), number: passage.number };
    (super::texts::close_paragraph(language, &reference.place, &words), action)
}

//! Whether a passage holds the kind of answer a question asks for (`data/question-types.toml`
//! `[answer_types]`): evidence words, numbers (not those that measure a duration), near the
//! word counted when the type asks so, place names, `alle` before the word asked about (stop
//! words are read from the text), a name (a capital inside a sentence, also read from the
//! text), or a document signed by the one whose view is asked.
//! Read for every candidate that is finished, so words are compared as term ids.

use super::index::{Index, TermId};
use super::params::{FUNCTION_EVIDENCE_REACH, NEAR_FOCUS_WINDOW};
use super::question_types::AnswerTypeSpec;
use super::word_store::Words;
use crate::document::PassageKind;
use crate::text::{fold_into, tokens, word_spans};

/// Whether the document's signature names the one whose view a question asks (`wat vindt
/// Rutte`, of a letter Rutte signed): then the whole document is that view.
pub(super) fn signed_by(index: &Index, document: usize, stem: &str) -> bool {
    index.document_slots(document as u32).any(|slot| {
        let passage = &index.passages[slot as usize];
        passage.kind == PassageKind::Signature && index.words_of(passage).iter().any(|w| index.word_stem(w) == stem)
    })
}

/// An answer type with its evidence words and units as sorted term ids of one index,
/// resolved once per question so that a passage's words are looked up as numbers, not
/// compared as strings.
pub(super) struct AnswerEvidence<'a> {
    pub(super) spec: &'a AnswerTypeSpec,
    evidence: Vec<TermId>,
    units: Vec<TermId>,
    labels: Vec<TermId>,
    durations_answer: Vec<TermId>,
    times: Vec<TermId>,
}

impl<'a> AnswerEvidence<'a> {
    pub(super) fn of(index: &Index, spec: &'a AnswerTypeSpec) -> AnswerEvidence<'a> {
        let terms = |stems: &[String]| {
            let mut terms: Vec<TermId> = stems.iter().filter_map(|s| index.terms.get(s)).collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        };
        AnswerEvidence {
            spec,
            evidence: terms(&spec.evidence),
            units: terms(&spec.not_before),
            labels: terms(&spec.not_after),
            durations_answer: terms(&spec.durations_answer),
            times: terms(&spec.times_before),
        }
    }
}

/// Whether the passage's words hold the kind of answer `spec` asks for. For a type that
/// counts the word asked about (`near_focus`: `hoeveel *zorgverzekeraars*`), evidence counts
/// only within [`NEAR_FOCUS_WINDOW`] content words of that word, when the passage holds it: a
/// number three clauses on (`pas over *twee* jaar`) counts something else.
pub(super) fn holds_answer_type(index: &Index, answer: &AnswerEvidence, words: Words<'_>, focus: &[TermId]) -> bool {
    let (spec, evidence) = (answer.spec, &answer.evidence);
    // `hoeveel later`: a duration is the answer, so no unit of time measures something else.
    let asks_duration = focus.iter().any(|f| answer.durations_answer.binary_search(f).is_ok());
    let units: &[TermId] = if asks_duration { &[] } else { &answer.units };
    let stem_of = |word: u32| index.words[word as usize].stem;
    let is_number = |word: u32| index.numbers[word as usize];
    let is_evidence = |at: usize| {
        let word = words.get(at);
        // The word after the run of numbers this one starts or continues: its unit, if any.
        let after_run = || words.slice(at + 1..words.len()).iter().find(|&next| !is_number(next));
        // The unit after a run of numbers measures them all: `tien tot twintig jaar`.
        let measures_something_else = || {
            after_run().is_some_and(|next| units.binary_search(&stem_of(next)).is_ok() && !index.word_has(next, focus))
        };
        // The label before a run of numbers labels them all: `november 2013/14`, `nr. 28`, and
        // a roman numeral is part of the run (`Handelingen II 2013/14`, OCR's `1l`).
        let labelled = || {
            let in_run = |w: u32| is_number(w) || is_roman_numeral(index.terms.name(stem_of(w)));
            words.slice(0..at).iter().rev().find(|&before| !in_run(before)).is_some_and(|before| {
                answer.labels.binary_search(&stem_of(before)).is_ok()
            })
        };
        // A moment asked for: a year, or a number of units of time (`over twee jaar`).
        let names_a_time = || {
            let year = index.vocabulary.name(word);
            spec.times_before.is_empty()
                || (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
                || after_run().is_some_and(|next| answer.times.binary_search(&stem_of(next)).is_ok())
        };
        let holds = evidence.binary_search(&stem_of(word)).is_ok()
            || (spec.numbers && is_number(word) && !labelled() && names_a_time());
        holds && !measures_something_else()
    };
    let focus_at: Vec<usize> = if spec.near_focus && !focus.is_empty() {
        (0..words.len()).filter(|&i| index.word_has(words.get(i), focus)).collect()
    } else {
        Vec::new()
    };
    if focus_at.is_empty() {
        return (0..words.len()).any(is_evidence);
    }
    // `focus_at` is sorted: the first focus at or after `i - window` is the nearest candidate.
    let near = |i: usize| {
        let first = focus_at.partition_point(|&f| f + NEAR_FOCUS_WINDOW < i);
        focus_at.get(first).is_some_and(|&f| f <= i + NEAR_FOCUS_WINDOW)
    };
    (0..words.len()).filter(|&i| near(i)).any(is_evidence)
}

/// A roman numeral of a reference (`II`, `VII`), also as OCR reads it (`1l`): up to four of
/// `i`, `v`, `x`, `l` and `1`.
fn is_roman_numeral(stem: &str) -> bool {
    (1..=4).contains(&stem.len()) && stem.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | '1'))
}

/// Whether a passage holds one of the stop words that are evidence for `spec`
/// (`function_evidence`, which the index does not hold: `volgens de vakbond`), anywhere in
/// its text, or for a quantifier (`function_evidence_before_focus`) at most
/// [`FUNCTION_EVIDENCE_REACH`] words before the word the question asks about (`vrijwel *alle*
/// Nederlandse *gemeenten*`; an `alle` elsewhere in the passage says nothing about it).
/// `text` gives the passage's text, read only when the spec has such words.
pub(super) fn holds_function_evidence<'t>(
    index: &Index,
    (slot, text): (usize, impl FnOnce() -> &'t str),
    spec: &AnswerTypeSpec,
    focus: &[TermId],
) -> bool {
    if spec.function_evidence.is_empty() {
        return false;
    }
    let text = text();
    if !spec.function_evidence_before_focus {
        // One buffer for the whole passage: this runs for every candidate of a view question.
        let mut folded = String::new();
        return word_spans(text).any(|(start, end)| {
            fold_into(&text[start..end], &mut folded);
            spec.function_evidence.contains(&folded)
        });
    }
    let all = tokens(text);
    let focus_at: Vec<usize> =
        index.content_tokens(slot, text).filter(|(_, word)| index.word_has(*word, focus)).map(|(r, _)| r.start).collect();
    all.iter().enumerate().filter(|(_, t)| spec.function_evidence.contains(&t.folded)).any(|(i, _)| {
        all[i + 1..].iter().take(FUNCTION_EVIDENCE_REACH).any(|next| focus_at.contains(&next.start))
    })
}

/// Whether a passage names someone or something: a word written with a capital that does not
/// open a sentence (`het programma Tel mee met Taal`, `uw Kamer`), as `hoe heet ...` asks; a
/// passage written in lower case but for its sentences' first words names nothing.
pub(super) fn names_something(text: &str) -> bool {
    let all = tokens(text);
    all.windows(2).any(|pair| {
        let capital = text[pair[1].start..].chars().next().is_some_and(char::is_uppercase);
        capital && !text[pair[0].end..pair[1].start].contains(['.', '!', '?', ':', '\n'])
    })
}

//! Negation agreement: a question about lacking something (`mensen *zonder* netwerk`,
//! `people *without* a network`) is answered better by a passage that says the same (`*geen*
//! netwerk hebben`) than by one that only names the thing (`netwerken van familie`). The
//! negators are `[negation] words` in `data/question-types.toml`; a word is negated when a
//! negator stands at most [`NEGATION_WINDOW`] words before it, in the question or the
//! passage. Agreement is a ranking boost, never a reason to decline.

use super::index::{Index, TermId};
use super::query::Query;
use crate::text::{fold_into, word_spans};

/// How many words after a negator it reaches (`geen netwerk`, `without a network`,
/// `niet kunnen participeren`).
pub(super) const NEGATION_WINDOW: usize = 3;

/// Indices of the words a negator reaches.
pub(super) fn negated_words(words: &[String], negators: &[String]) -> Vec<usize> {
    let negates = |w: &String| negators.contains(w);
    (0..words.len())
        .filter(|&i| !negates(&words[i]) && words[i.saturating_sub(NEGATION_WINDOW)..i].iter().any(negates))
        .collect()
}

/// The terms of the negated groups' alternatives, sorted, in this index.
pub(super) fn negated_terms(index: &Index, query: &Query) -> Vec<TermId> {
    let groups = query.negated.iter().filter_map(|&g| query.groups.get(g));
    let mut terms: Vec<TermId> =
        groups.flat_map(|g| &g.alternatives).filter_map(|a| index.terms.get(&a.stem)).collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// Whether the passage's text negates one of `terms` (a negator within the window before a
/// word that holds one of them). `text` gives the passage's text, read only when there are
/// terms; it is read once, each word folded into one buffer.
pub(super) fn negation_agrees<'t>(
    index: &Index,
    text: impl FnOnce() -> &'t str,
    terms: &[TermId],
    negators: &[String],
) -> bool {
    if terms.is_empty() {
        return false;
    }
    let text = text();
    let mut folded = String::new();
    // How many words after the last negator are still within its window.
    let mut reach = 0;
    for (start, end) in word_spans(text) {
        fold_into(&text[start..end], &mut folded);
        if reach > 0 {
            reach -= 1;
            if index.word_id(folded.as_str()).is_some_and(|word| index.word_has(word, terms)) {
                return true;
            }
        }
        if negators.contains(&folded) {
            reach = NEGATION_WINDOW;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negator_reaches_the_next_few_words_only() {
        let negators = ["zonder".to_string(), "without".to_string()];
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(negated_words(&words("mensen zonder netwerk"), &negators), [2]);
        assert_eq!(negated_words(&words("people without a network"), &negators), [2, 3]);
        assert_eq!(negated_words(&words("zonder a b c netwerk"), &negators), [1, 2, 3]);
        assert!(negated_words(&words("mensen met netwerk"), &negators).is_empty());
    }
}

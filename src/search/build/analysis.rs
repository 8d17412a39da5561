//! Steps 2 and 3 of a build: each distinct word analysed (stem, compound parts, OCR alias,
//! whether it is a number) and its forms interned as term ids.
//!
//! A reload takes a word the index being served holds as it is there: its term ids are
//! renamed into the new index's (each previous term interned by name once), so only the
//! words no document held before are analysed, and no analysis is turned back into strings.
//!
//! Invariant: terms are interned in word order, a word's stem before its parts before its
//! alias, with or without a previous index, so the term ids are a fresh build's.

use super::super::index::{Index, IndexedWord, Terms};
use super::super::interner::Interner;
use crate::parallel::{map_in_order, Share};
use crate::text::analyzer::Analyzer;

/// A word's analysed forms, as strings, before interning.
pub(super) struct Analysed {
    pub(super) stem: String,
    pub(super) parts: Vec<String>,
    pub(super) alias: Option<String>,
    /// A number, in digits or a Dutch number word.
    pub(super) number: bool,
}

/// The analysis of a build's words.
pub(in crate::search) struct Analysis {
    pub(in crate::search) words: Vec<IndexedWord>,
    /// Per word id: whether it is a number.
    pub(in crate::search) numbers: Vec<bool>,
    /// Per term id interned so far: its id in the previous index when a word taken from
    /// there brought it (`u32::MAX` otherwise; such a term may still be there by name).
    pub(in crate::search) previous_terms: Vec<u32>,
}

/// Every word of `vocabulary` with its forms as term ids of `terms`, and whether it is a
/// number; the words `previous` does not hold (`previous_ids`: per word id, its id there, or
/// `u32::MAX`) are analysed on the cores `share` allows.
pub(super) fn analysed_words(
    analyzer: &Analyzer,
    vocabulary: &Interner,
    (previous, previous_ids): (Option<&Index>, &[u32]),
    share: Share,
    terms: &mut Terms,
) -> Analysis {
    let known = |id: u32| previous.filter(|_| id != u32::MAX);
    let new: Vec<&str> =
        vocabulary.iter().zip(previous_ids).filter(|(_, &id)| known(id).is_none()).map(|(w, _)| w).collect();
    let mut analysed = map_in_order(share, &new, |w| analyse_word(analyzer, w)).into_iter();
    let mut renamed = Renamed::new(previous);
    let (mut words, mut numbers) = (Vec::with_capacity(vocabulary.len()), Vec::with_capacity(vocabulary.len()));
    for &old in previous_ids {
        let (word, number) = match known(old) {
            Some(previous) => (renamed.word(&previous.words[old as usize], terms), previous.numbers[old as usize]),
            None => {
                let fresh = analysed.next().expect("one analysis per new word");
                (intern(terms, &fresh), fresh.number)
            }
        };
        words.push(word);
        numbers.push(number);
    }
    let previous_terms = renamed.previous_terms(terms.len());
    Analysis { words, numbers, previous_terms }
}

/// [`analysed_words`] for a build that keeps the ids of `previous` (see `continued.rs`):
/// its words and terms as they are, and the words `vocabulary` holds beyond them (a
/// reload's new words) analysed on the cores `share` allows and appended.
pub(super) fn continued_words(
    analyzer: &Analyzer,
    vocabulary: &Interner,
    previous: &Index,
    share: Share,
    terms: &mut Terms,
) -> Analysis {
    *terms = Terms { names: previous.terms.names.clone(), live: Vec::new() };
    let known = previous.vocabulary.len();
    let new: Vec<&str> = (known..vocabulary.len()).map(|id| vocabulary.name(id as u32)).collect();
    let (mut words, mut numbers) = (Vec::with_capacity(vocabulary.len()), Vec::with_capacity(vocabulary.len()));
    words.extend_from_slice(&previous.words);
    numbers.extend_from_slice(&previous.numbers);
    for fresh in map_in_order(share, &new, |w| analyse_word(analyzer, w)) {
        words.push(intern(terms, &fresh));
        numbers.push(fresh.number);
    }
    let previous_terms = (0..previous.terms.len() as u32).collect();
    Analysis { words, numbers, previous_terms }
}

/// The previous index's term ids as the new index's, each interned by name when first met.
struct Renamed<'a> {
    previous: Option<&'a Index>,
    /// Previous term id → new term id (`u32::MAX`: not met yet).
    new_ids: Vec<u32>,
}

impl<'a> Renamed<'a> {
    fn new(previous: Option<&'a Index>) -> Renamed<'a> {
        Renamed { previous, new_ids: vec![u32::MAX; previous.map_or(0, |p| p.terms.len())] }
    }

    fn term(&mut self, old: u32, terms: &mut Terms) -> u32 {
        if self.new_ids[old as usize] == u32::MAX {
            let previous = self.previous.expect("terms come from a previous index");
            self.new_ids[old as usize] = terms.intern(previous.terms.name(old));
        }
        self.new_ids[old as usize]
    }

    /// Per new term id (of `terms` new ones): its previous id, where this renaming met it.
    fn previous_terms(&self, terms: usize) -> Vec<u32> {
        let mut previous = vec![u32::MAX; terms];
        for (old, &new) in self.new_ids.iter().enumerate().filter(|(_, &new)| new != u32::MAX) {
            previous[new as usize] = old as u32;
        }
        previous
    }

    fn word(&mut self, old: &IndexedWord, terms: &mut Terms) -> IndexedWord {
        let stem = self.term(old.stem, terms);
        let parts = old.parts.iter().map(|&p| self.term(p, terms)).collect();
        let alias = old.alias.map(|a| self.term(a, terms));
        IndexedWord { stem, parts, alias }
    }
}

pub(super) fn analyse_word(analyzer: &Analyzer, folded: &str) -> Analysed {
    let forms = analyzer.forms(folded);
    let alias = analyzer.ocr_alias(folded).map(|a| analyzer.stem(&a));
    Analysed { stem: forms.stem, parts: forms.part_stems, alias, number: crate::text::numbers::is_number(folded) }
}

/// A word's forms as term ids.
fn intern(terms: &mut Terms, analysed: &Analysed) -> IndexedWord {
    IndexedWord {
        stem: terms.intern(&analysed.stem),
        parts: analysed.parts.iter().map(|p| terms.intern(p)).collect(),
        alias: analysed.alias.as_deref().map(|a| terms.intern(a)),
    }
}

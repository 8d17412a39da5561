//! The documents' words in alphabetical order, so that the compounds that open with a word
//! are found without a walk over the vocabulary: a question's compound part that no
//! document holds as a word or part (`asiel` of `asielopvang`) is looked for as the first
//! part of the documents' compounds (`asielzoekers`).
//!
//! Invariant: `ids` is a permutation of the index's word ids, sorted by folded word; it
//! may hold words no passage holds anymore (see `build/continued.rs`), which a lookup skips.

use super::index::{Index, TermId};
use super::interner::Interner;
use super::params::{COMPOUND_PART_WEIGHT, MAX_COMPOUNDS_OPENING};
use super::query::{Alternative, MatchKind};
use crate::text::lexicon::LINKS;

/// Word ids in the alphabetical order of their folded words.
#[derive(Debug, Default)]
pub struct WordsInOrder {
    ids: Vec<u32>,
}

impl WordsInOrder {
    pub(crate) fn new(vocabulary: &Interner) -> WordsInOrder {
        let mut ids: Vec<u32> = (0..vocabulary.len() as u32).collect();
        ids.sort_unstable_by(|&a, &b| vocabulary.name(a).cmp(vocabulary.name(b)));
        WordsInOrder { ids }
    }

    /// The order of a reload's `vocabulary` from the order of the index being served
    /// (`previous`): the words both hold keep their order, renumbered (`previous_ids[w]` is
    /// word `w`'s id in the served index, or `u32::MAX`), and the new words are sorted and
    /// merged in. The same order as [`WordsInOrder::new`]'s, without sorting every word again.
    pub(crate) fn after(previous: &WordsInOrder, previous_ids: &[u32], vocabulary: &Interner) -> WordsInOrder {
        let mut renumbered = vec![u32::MAX; previous.ids.len()];
        let mut added = Vec::new();
        for (id, &was) in previous_ids.iter().enumerate() {
            match renumbered.get_mut(was as usize) {
                Some(slot) => *slot = id as u32,
                None => added.push(id as u32),
            }
        }
        let word = |id: &u32| vocabulary.name(*id);
        added.sort_unstable_by(|a, b| word(a).cmp(word(b)));
        let kept = previous.ids.iter().map(|&was| renumbered[was as usize]).filter(|&id| id != u32::MAX);
        let mut ids = Vec::with_capacity(vocabulary.len());
        let mut added = added.into_iter().peekable();
        for id in kept {
            while let Some(new) = added.next_if(|new| word(new) < word(&id)) {
                ids.push(new);
            }
            ids.push(id);
        }
        ids.extend(added);
        WordsInOrder { ids }
    }

    /// The words in order.
    #[cfg(test)]
    pub(super) fn words<'a>(&self, vocabulary: &'a Interner) -> Vec<&'a str> {
        self.ids.iter().map(|&id| vocabulary.name(id)).collect()
    }

    /// The ids of the words that begin with `prefix` (the word itself included).
    fn beginning_with<'a>(&'a self, vocabulary: &Interner, prefix: &str) -> &'a [u32] {
        let start = self.ids.partition_point(|&id| vocabulary.name(id) < prefix);
        let len = self.ids[start..].partition_point(|&id| vocabulary.name(id).starts_with(prefix));
        &self.ids[start..start + len]
    }
}

/// The shortest part that is looked for as a compound's first part, and the shortest rest.
const MIN_PART_CHARS: usize = 4;
/// At most this many words beginning with the part are tried.
const MAX_WORDS_TRIED: usize = 64;

/// The stems of the documents' compounds that open with `part` (folded) and go on with a
/// known word (`asiel` → `asielzoekers`, not `asielen`), as compound-part alternatives: at
/// most [`MAX_COMPOUNDS_OPENING`], the most widely held first.
pub(in crate::search) fn compounds_opening_with(part: &str, index: &Index) -> Vec<Alternative> {
    if part.chars().count() < MIN_PART_CHARS {
        return Vec::new();
    }
    let lexicon = index.analyzer().lexicon();
    let mut stems: Vec<(usize, TermId)> = Vec::new();
    let words = index.words_in_order.beginning_with(&index.vocabulary, part);
    for &id in words.iter().filter(|&&id| index.holds_word(id)).take(MAX_WORDS_TRIED) {
        let rest = &index.vocabulary.name(id)[part.len()..];
        let goes_on = LINKS.iter().any(|link| {
            rest.strip_prefix(link)
                .is_some_and(|head| head.chars().count() >= MIN_PART_CHARS && lexicon.can_head_compound(head))
        });
        let stem = index.words[id as usize].stem;
        if goes_on && !stems.iter().any(|&(_, s)| s == stem) {
            stems.push((index.whole_postings(Some(stem)).len(), stem));
        }
    }
    stems.sort_by_key(|&(held, _)| std::cmp::Reverse(held));
    stems
        .into_iter()
        .take(MAX_COMPOUNDS_OPENING)
        .map(|(_, stem)| Alternative {
            stem: index.terms.name(stem).to_string(),
            weight: COMPOUND_PART_WEIGHT,
            kind: MatchKind::CompoundPart,
        })
        .collect()
}

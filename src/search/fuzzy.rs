//! Typo candidates: a deletion index over the index's vocabulary (SymSpell's idea), verified
//! with `strsim::osa_distance`, where swapping two neighbouring letters is one edit.
//!
//! Invariant: a word is only ever matched within its length's typo budget (see `params`).

use std::collections::{HashMap, HashSet};

use crate::text::analyzer::MAX_ANALYSED_WORD_CHARS;

use super::params::{FUZZY_MAX_CANDIDATES, FUZZY_ONE_EDIT_FROM, FUZZY_TWO_EDITS_FROM};

#[derive(Debug, Default)]
pub struct DeletionIndex {
    words: Vec<String>,
    by_deletion: HashMap<String, Vec<u32>>,
}

/// How many edits a word of this many characters may carry: none past
/// [`MAX_ANALYSED_WORD_CHARS`], whose deletion variants would cost too much.
pub fn typo_budget(chars: usize) -> usize {
    match chars {
        n if n > MAX_ANALYSED_WORD_CHARS => 0,
        n if n >= FUZZY_TWO_EDITS_FROM => 2,
        n if n >= FUZZY_ONE_EDIT_FROM => 1,
        _ => 0,
    }
}

impl DeletionIndex {
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> DeletionIndex {
        let mut index = DeletionIndex::default();
        for word in vocabulary {
            let budget = typo_budget(word.chars().count());
            if budget == 0 {
                continue;
            }
            let id = index.words.len() as u32;
            index.words.push(word.to_string());
            for variant in deletions(word, budget) {
                index.by_deletion.entry(variant).or_default().push(id);
            }
        }
        index
    }

    /// Vocabulary words within the typo budget of `word`, closest first, with their distance.
    pub fn candidates(&self, word: &str) -> Vec<(&str, usize)> {
        let budget = typo_budget(word.chars().count());
        if budget == 0 {
            return Vec::new();
        }
        let ids: HashSet<u32> = deletions(word, budget)
            .iter()
            .filter_map(|d| self.by_deletion.get(d))
            .flatten()
            .copied()
            .collect();
        let mut found: Vec<(&str, usize)> = ids
            .into_iter()
            .map(|id| self.words[id as usize].as_str())
            .map(|w| (w, strsim::osa_distance(word, w)))
            .filter(|&(w, d)| d > 0 && d <= budget && d <= typo_budget(w.chars().count()))
            .collect();
        found.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        found.truncate(FUZZY_MAX_CANDIDATES);
        found
    }
}

/// The word and every string made by deleting up to `depth` characters from it.
fn deletions(word: &str, depth: usize) -> HashSet<String> {
    let mut out = HashSet::from([word.to_string()]);
    let mut frontier = vec![word.to_string()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for w in &frontier {
            for (i, c) in w.char_indices() {
                let mut shorter = w.clone();
                shorter.replace_range(i..i + c.len_utf8(), "");
                if out.insert(shorter.clone()) {
                    next.push(shorter);
                }
            }
        }
        frontier = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_swaps_and_respects_length_budget() {
        let index = DeletionIndex::new(["horizontale", "wijkteams", "netwerk", "wijk"]);
        assert_eq!(index.candidates("horziontale"), [("horizontale", 1)]);
        assert_eq!(index.candidates("wijkteems"), [("wijkteams", 1)]);
        assert_eq!(index.candidates("netwrek"), [("netwerk", 1)]);
        assert!(index.candidates("wijn").is_empty(), "4-letter words match exactly only");
        assert!(index.candidates("netwrak").is_empty(), "two edits in a 7-letter word");
    }

    #[test]
    fn overlong_words_are_neither_indexed_for_typos_nor_looked_up() {
        let long = "a".repeat(1000);
        let index = DeletionIndex::new([long.as_str(), "netwerk"]);
        assert_eq!(index.words, ["netwerk"]);
        assert!(index.candidates(&"b".repeat(1000)).is_empty());
    }
}

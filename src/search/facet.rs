//! Facets of questions about the document itself (`[facets]` in `data/question-types.toml`):
//! who sent it, to whom, when, why, what it is about. A facet is a list of patterns of slots;
//! a question asks the facet when one pattern has every slot filled by a word of its own
//! (one word never fills two slots: `welk ander kamerstuk wordt genoemd` names a document
//! but asks for no dossier, though `kamerstuk` is in both of that pattern's slots).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use super::question_types::{kind_named, Cue};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FacetSpec {
    answer: Vec<String>,
    patterns: Vec<Vec<String>>,
    #[serde(default)]
    pub(super) unless: Vec<String>,
    #[serde(default)]
    alone: bool,
    #[serde(default)]
    own_words_only: bool,
}

impl FacetSpec {
    /// Every slot of every pattern, as written in the file.
    pub(super) fn slots(&self) -> impl Iterator<Item = &String> {
        self.patterns.iter().flatten()
    }
}

/// A question about the document itself (see `[facets]` in `data/question-types.toml`).
#[derive(Debug, Clone)]
pub struct Facet {
    pub name: String,
    pub answer: Cue,
    /// Patterns of slots of stems: a pattern matches when every slot has a stem of its own in
    /// the question (or, for a phrase of two stems, the two next to each other).
    patterns: Vec<Vec<HashSet<String>>>,
    unless: HashSet<String>,
    pub alone: bool,
    /// Not asked when the question names something the documents tell of only in their
    /// text (see `asks::told_only_in_text`): `wanneer vroeg Slob om de brief` asks when Slob
    /// asked, which the letter's opening tells, not the letter's own date.
    pub own_words_only: bool,
}

impl Facet {
    pub(super) fn new(
        name: String,
        spec: FacetSpec,
        sets: &HashMap<String, Vec<String>>,
        stem: &dyn Fn(&String) -> String,
    ) -> Facet {
        let words_of_slot = |slot: &String| -> HashSet<String> {
            slot.split('|')
                .flat_map(|w| match w.strip_prefix('@') {
                    Some(set) => sets
                        .get(set)
                        .unwrap_or_else(|| panic!("data/question-types.toml: unknown set `@{set}`"))
                        .clone(),
                    None => vec![w.to_string()],
                })
                // A phrase (`aan wie`) is its words' stems, next to each other in the question.
                .map(|w| w.split(' ').map(|part| stem(&part.to_string())).collect::<Vec<_>>().join(" "))
                .collect()
        };
        let mut answer = Cue::default();
        for part in &spec.answer {
            match part.as_str() {
                "opening" => answer.opening = true,
                "dated" => answer.dated = true,
                kind => answer.kinds.push(kind_named(kind)),
            }
        }
        Facet {
            name,
            answer,
            patterns: spec.patterns.iter().map(|p| p.iter().map(words_of_slot).collect()).collect(),
            unless: spec.unless.iter().map(stem).collect(),
            alone: spec.alone,
            own_words_only: spec.own_words_only,
        }
    }

    /// Whether a question with these stems (stop words included) asks this facet, and if so
    /// the question's stems its matching patterns use (they frame the question, they are not
    /// what it is about; a phrase's words each: `jaar` of `welk jaar`).
    pub fn asked_by(&self, stems: &HashSet<&str>) -> Option<HashSet<String>> {
        if self.unless.iter().any(|u| stems.contains(u.as_str())) {
            return None;
        }
        let mut used = HashSet::default();
        for pattern in &self.patterns {
            let slots: Vec<Vec<&String>> = pattern
                .iter()
                .map(|slot| slot.iter().filter(|w| stems.contains(w.as_str())).collect())
                .collect();
            if fills_each_slot_with_its_own_word(&slots, &mut Vec::new()) {
                used.extend(slots.into_iter().flatten().flat_map(|w| w.split(' ')).map(str::to_string));
            }
        }
        (!used.is_empty()).then_some(used)
    }
}

/// Whether each slot can take one of its words (or phrases) so that no word fills two slots.
/// Patterns have at most a few slots, so trying each choice in turn is cheap.
fn fills_each_slot_with_its_own_word<'a>(slots: &[Vec<&'a String>], taken: &mut Vec<&'a str>) -> bool {
    let Some((slot, rest)) = slots.split_first() else {
        return true;
    };
    slot.iter().any(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        if words.iter().any(|w| taken.contains(w)) {
            return false;
        }
        let mark = taken.len();
        taken.extend(&words);
        let filled = fills_each_slot_with_its_own_word(rest, taken);
        taken.truncate(mark);
        filled
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots<'a>(words: &'a [Vec<String>]) -> Vec<Vec<&'a String>> {
        words.iter().map(|slot| slot.iter().collect()).collect()
    }

    fn owned(slots: &[&[&str]]) -> Vec<Vec<String>> {
        slots.iter().map(|s| s.iter().map(|w| w.to_string()).collect()).collect()
    }

    /// `kamerstuk` names a dossier and a document, but one word answers one slot only.
    #[test]
    fn one_word_never_fills_two_slots() {
        let same = owned(&[&["kamerstuk"], &["kamerstuk"]]);
        assert!(!fills_each_slot_with_its_own_word(&slots(&same), &mut Vec::new()));
        let two = owned(&[&["kamerstuk", "dossier"], &["kamerstuk"]]);
        assert!(fills_each_slot_with_its_own_word(&slots(&two), &mut Vec::new()));
        let phrase = owned(&[&["aan wie"], &["wie"]]);
        assert!(!fills_each_slot_with_its_own_word(&slots(&phrase), &mut Vec::new()));
        let empty = owned(&[&["brief"], &[]]);
        assert!(!fills_each_slot_with_its_own_word(&slots(&empty), &mut Vec::new()));
    }
}

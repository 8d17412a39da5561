//! Acronyms of the names documents are about: members type `mdt` for the `maatschappelijke
//! diensttijd` a letter's title names, `wmo` for the `Wet maatschappelijke ondersteuning`.
//! Each document's subject (its title after ` over `) gives the acronyms of its runs of two
//! to six words: the first letter of each word (articles give none), or of each part of a
//! compound (`diensttijd` gives `d` or `dt`). A question word that no document holds and
//! that is the acronym of exactly one name is read as that name's words (`query.rs`).
//!
//! Invariant: built from the documents' titles only (a few words each), so its cost does not
//! follow the length of the text; an acronym two different names share expands to neither.

use rustc_hash::FxHashMap;

use super::index::Index;
use crate::text::tokens;

/// Acronyms have two to five letters.
const LETTERS: std::ops::RangeInclusive<usize> = 2..=5;
/// A name runs over at most six words.
const MAX_WORDS: usize = 6;
const ARTICLES: [&str; 4] = ["de", "het", "een", "t"];

/// Acronym → the content words of the one name it stands for (`None`: several names).
#[derive(Debug, Default)]
pub(crate) struct Acronyms {
    names: FxHashMap<String, Option<Box<[String]>>>,
}

impl Acronyms {
    /// The acronyms of every document's subject.
    pub(super) fn of_titles(index: &Index) -> Acronyms {
        let mut acronyms = Acronyms::default();
        for document in &index.documents {
            acronyms.add_name_runs(document.meta.title_subject(), index);
        }
        acronyms
    }

    /// The content words of the name a folded question word abbreviates, when it is the
    /// acronym of exactly one.
    pub(crate) fn name(&self, folded: &str) -> Option<&[String]> {
        self.names.get(folded)?.as_deref()
    }

    /// Adds the acronyms of the runs of words (no punctuation between them) in `text` that
    /// start and end with a content word.
    fn add_name_runs(&mut self, text: &str, index: &Index) {
        let toks = tokens(text);
        let analyzer = index.analyzer();
        let content: Vec<bool> = toks.iter().map(|t| analyzer.is_content_word(&t.folded)).collect();
        for start in (0..toks.len()).filter(|&s| content[s]) {
            let run_end = (start + 1..toks.len())
                .find(|&i| !text[toks[i - 1].end..toks[i].start].trim().is_empty())
                .unwrap_or(toks.len());
            for end in (start + 1..run_end.min(start + MAX_WORDS)).filter(|&e| content[e]) {
                let words = &toks[start..=end];
                let name: Box<[String]> =
                    words.iter().zip(&content[start..=end]).filter(|(_, c)| **c).map(|(t, _)| t.folded.clone()).collect();
                for acronym in initials(words.iter().map(|t| t.folded.as_str()), index) {
                    self.add(acronym, &name);
                }
            }
        }
    }

    /// Every acronym with its name, sorted.
    #[cfg(test)]
    pub(super) fn sorted(&self) -> Vec<(&str, Option<&[String]>)> {
        let mut all: Vec<_> = self.names.iter().map(|(a, n)| (a.as_str(), n.as_deref())).collect();
        all.sort_unstable();
        all
    }

    fn add(&mut self, acronym: String, name: &[String]) {
        let entry = self.names.entry(acronym).or_insert_with(|| Some(name.into()));
        if entry.as_deref().is_some_and(|known| known != name) {
            *entry = None;
        }
    }
}

/// The acronyms a run of folded words makes: per word its first letter, or, for a compound,
/// the first letters of its parts; articles give nothing.
fn initials<'a>(words: impl Iterator<Item = &'a str>, index: &Index) -> Vec<String> {
    let mut acronyms = vec![String::new()];
    for word in words.filter(|w| !ARTICLES.contains(w)) {
        let Some(first) = word.chars().next().filter(char::is_ascii_alphabetic) else { return Vec::new() };
        let mut ways = vec![first.to_string()];
        let parts = index.word_id(word).map(|id| &index.words[id as usize].parts[..]).unwrap_or_default();
        if parts.len() >= 2 {
            ways.push(parts.iter().filter_map(|&p| index.terms.name(p).chars().next()).collect());
        }
        acronyms = acronyms.iter().flat_map(|a| ways.iter().map(move |w| format!("{a}{w}"))).collect();
    }
    acronyms.retain(|a| LETTERS.contains(&a.len()));
    acronyms
}

//! The general Dutch word list (OpenTaal, BSD / CC-BY 3.0; see `data/README.md`), compiled
//! into the binary as an `fst::Set` of folded words.
//!
//! It answers four questions the search core cannot answer from a few documents alone:
//! is this a real Dutch word (so a typo check must not "correct" it), where does a compound
//! split (`inbraakpreventie` → `inbraak` + `preventie`), and which real word an OCR slip in a
//! document stands for (`horziontale` → `horizontale`), and how common a word is in general
//! (so `speelt` in a question matters less than `belasting`). The English frequency list
//! answers the last for English, and which English word a slip in an English question stands
//! for (`goverment` → `government`).

use fst::{Map, Set};

use crate::i18n::Language;

static LEXICON_BYTES: &[u8] = include_bytes!("../../data/lexicon-nl.fst");
static FREQ_NL_BYTES: &[u8] = include_bytes!("../../data/wordfreq-nl.fst");
static FREQ_EN_BYTES: &[u8] = include_bytes!("../../data/wordfreq-en.fst");

/// Shortest modifier (first part) of a compound that [`Lexicon::split_compound`] accepts:
/// four, so verb prefixes (`ver-`, `be-`, `ont-`) are not taken for words.
const MIN_MODIFIER: usize = 4;
/// Shortest head (last part) of a compound: shorter heads split too many plain words.
const MIN_HEAD: usize = 3;
/// How much more common (on the Zipf scale) the word one edit away must be than a word as
/// typed for the typed word to be taken for a slip of it: 100 times.
const SLIP_ZIPF_GAP: f32 = 2.0;
/// A word at least this much more common in English than in Dutch (Zipf) is English, no
/// part of a Dutch compound (`king` is not the head of `opwekking`); loanwords Dutch uses
/// as its own (`team`, `coach`, `sport`) stay within it.
const ENGLISH_PART_MARGIN: f32 = 0.5;

/// Derivational suffixes that are also words of their own (the Algemene Nederlandse
/// Spraakkunst's `-lijk`, `-baar`, `-schap`, `-dom`, `-vol`): at a word's end they make a
/// derivation, not a compound's head (`landelijk` is no `land|lijk`, `betaalbaar` no
/// `betaal|baar`, `vriendelijk` no kind of `vriend`, `succesvol` no `succes|vol`).
const SUFFIX_HEADS: [&str; 5] = ["lijk", "baar", "schap", "dom", "vol"];
/// Contractions of `te` with an old article (`ten` = te den, `ter` = te der), which the UD
/// Dutch treebanks tag ADP wherever they occur: at a word's end they are a plural's ending
/// after a stem, not a compound's head (`gemeenten` is no `gemeen|ten`, `christen` no
/// `chris|ten`).
const CONTRACTION_HEADS: [&str; 2] = ["ten", "ter"];
/// Linking sounds between compound parts (`verzorging-s-staat`, `pannen-koek`).
pub(crate) const LINKS: [&str; 4] = ["", "s", "e", "en"];

pub struct Lexicon {
    words: Set<&'static [u8]>,
    frequency_nl: Map<&'static [u8]>,
    frequency_en: Map<&'static [u8]>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            words: Set::new(LEXICON_BYTES).expect("data/lexicon-nl.fst is a valid fst set"),
            frequency_nl: Map::new(FREQ_NL_BYTES).expect("data/wordfreq-nl.fst is a valid fst map"),
            frequency_en: Map::new(FREQ_EN_BYTES).expect("data/wordfreq-en.fst is a valid fst map"),
        }
    }
}

impl Lexicon {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How common a folded word is in general text of the language, on the Zipf scale
    /// (log10 of occurrences per billion words: 7 for `de`, 3 for rare words, 0 if unseen).
    pub fn zipf(&self, folded: &str, language: Language) -> f32 {
        let map = match language {
            Language::Dutch => &self.frequency_nl,
            Language::English => &self.frequency_en,
        };
        map.get(folded).map_or(0.0, |v| v as f32 / 100.0)
    }

    /// Whether the folded word is a Dutch word.
    pub fn contains(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// Whether `typed` is taken for a slip of `meant`, a word one edit from it: `meant` is
    /// [`SLIP_ZIPF_GAP`] more common in general usage, Dutch or English (`wanner`, a frequent
    /// misspelling, is still `wanneer`).
    pub fn is_slip_of(&self, typed: &str, meant: &str) -> bool {
        let usage = |w: &str| self.zipf(w, Language::Dutch).max(self.zipf(w, Language::English));
        usage(meant) >= usage(typed) + SLIP_ZIPF_GAP
    }

    /// Splits a folded compound into its parts, or returns `None` for a word that does not
    /// split into known words. `is_function_word` rejects separable prefixes (`voor|komen`).
    /// Frequency-based, after Koehn & Knight (2003): a split is taken only when its parts are
    /// on average more common than the whole word (`betekenen` stays whole, `inbraakpreventie`
    /// splits), and the most common split wins.
    pub fn split_compound(&self, word: &str, is_function_word: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
        self.split_compound_depth(word, is_function_word, 3)
    }

    fn split_compound_depth(
        &self,
        word: &str,
        is_function_word: &dyn Fn(&str) -> bool,
        depth: usize,
    ) -> Option<Vec<String>> {
        if depth == 0 || !word.is_ascii() || word.len() < MIN_MODIFIER + MIN_HEAD {
            return None;
        }
        if self.is_verbal_noun(word) {
            return None;
        }
        let whole = self.zipf(word, Language::Dutch);
        let mut best: Option<(f32, &str, &str)> = None;
        for cut in MIN_MODIFIER..=word.len() - MIN_HEAD {
            let (left, head) = word.split_at(cut);
            if !self.can_head_compound(head) || is_plural_ending(left, head) {
                continue;
            }
            for link in LINKS {
                let Some(modifier) = left.strip_suffix(link) else { continue };
                if modifier.len() < MIN_MODIFIER
                    || is_function_word(modifier)
                    || !self.contains(modifier)
                    || self.is_english(modifier)
                {
                    continue;
                }
                let mean = (self.zipf(modifier, Language::Dutch) + self.zipf(head, Language::Dutch)) / 2.0;
                if mean > whole && best.is_none_or(|(m, _, _)| mean > m) {
                    best = Some((mean, modifier, head));
                }
            }
        }
        let (_, modifier, head) = best?;
        let mut parts = Vec::new();
        for part in [modifier, head] {
            match self.split_compound_depth(part, is_function_word, depth - 1) {
                Some(sub) => parts.extend(sub),
                None => parts.push(part.to_string()),
            }
        }
        Some(parts)
    }

    /// Whether a word in `-ing` is the noun of a verb the lexicon holds (`waardering` of
    /// `waarderen`, `samenwerking` of `samenwerken`): a derivation, which splits no more than
    /// its verb (`waardering` is no `waarde|ring`, `vaststelling` no `vast|stelling`).
    fn is_verbal_noun(&self, word: &str) -> bool {
        word.strip_suffix("ing").is_some_and(|base| self.contains(&format!("{base}en")))
    }

    /// Whether a folded word may be the head of a Dutch compound: a Dutch word, not one far
    /// more common in English, no derivational suffix ([`SUFFIX_HEADS`]: `moeilijk` is no
    /// `moei|lijk`) and no contraction ([`CONTRACTION_HEADS`]).
    pub fn can_head_compound(&self, word: &str) -> bool {
        self.contains(word)
            && !self.is_english(word)
            && !SUFFIX_HEADS.contains(&word)
            && !CONTRACTION_HEADS.contains(&word)
    }

    /// Whether a word of the lexicon is English rather than Dutch ([`ENGLISH_PART_MARGIN`]).
    fn is_english(&self, word: &str) -> bool {
        self.zipf(word, Language::English) - self.zipf(word, Language::Dutch) >= ENGLISH_PART_MARGIN
    }

    /// For a word the lexicon lacks (an OCR slip such as `horziontale`), the one Dutch word at
    /// one edit (a deletion, swap of two neighbouring letters, or an `a`–`z` substitution or
    /// insertion), if exactly one exists. Walks the lexicon's automaton once per edit
    /// position from the node of the shared prefix, so a word costs a few hundred node
    /// steps rather than a lookup per variant.
    pub fn ocr_neighbour(&self, folded: &str, min_len: usize) -> Option<String> {
        if folded.chars().count() < min_len || !folded.is_ascii() || self.contains(folded) {
            return None;
        }
        neighbour_in(self.words.as_fst(), folded)
    }

    /// For an English word that general English lacks, or uses far less than a word one
    /// edit away (`goverment`, a common slip for `government`), that one English word of the
    /// frequency list, as for [`Lexicon::ocr_neighbour`].
    pub fn english_neighbour(&self, folded: &str, min_len: usize) -> Option<String> {
        if folded.chars().count() < min_len || !folded.is_ascii() {
            return None;
        }
        let typed = self.zipf(folded, Language::English);
        let meant = neighbour_in(self.frequency_en.as_fst(), folded)?;
        (self.zipf(&meant, Language::English) >= typed + SLIP_ZIPF_GAP).then_some(meant)
    }
}

/// The one word of `fst` at one edit from `folded` (a deletion, swap of two neighbouring
/// letters, or an `a`–`z` substitution or insertion), if exactly one exists. Walks the
/// automaton once per edit position from the node of the shared prefix, so a word costs a
/// few hundred node steps rather than a lookup per variant.
fn neighbour_in(fst: &fst::raw::Fst<&'static [u8]>, folded: &str) -> Option<String> {
    let word = folded.as_bytes();
    let mut found = Neighbours::default();
    let mut node = fst.root();
    for i in 0..=word.len() {
        for t in node.transitions().filter(|t| t.inp.is_ascii_lowercase()) {
            let next = fst.node(t.addr);
            // Insertion before word[i], then substitution of word[i].
            found.check(fst, next, &word[i..], || [&word[..i], &[t.inp], &word[i..]].concat());
            if i < word.len() && t.inp != word[i] {
                found
                    .check(fst, next, &word[i + 1..], || [&word[..i], &[t.inp], &word[i + 1..]].concat());
            }
        }
        if i < word.len() {
            found.check(fst, node, &word[i + 1..], || [&word[..i], &word[i + 1..]].concat());
        }
        if i + 1 < word.len() && word[i] != word[i + 1] {
            let swapped = [&[word[i + 1], word[i]][..], &word[i + 2..]].concat();
            found.check(fst, node, &swapped, || [&word[..i], &swapped[..]].concat());
        }
        if found.ambiguous {
            return None;
        }
        match word.get(i).and_then(|&b| node.find_input(b)) {
            Some(t) => node = fst.node(node.transition(t).addr),
            None => break,
        }
    }
    found.one.and_then(|w| String::from_utf8(w).ok())
}

/// Words found at one edit: the first, and whether a different second turned up.
#[derive(Default)]
struct Neighbours {
    one: Option<Vec<u8>>,
    ambiguous: bool,
}

impl Neighbours {
    /// Records `word()` when `rest` leads from `node` to the end of a word.
    fn check<'f>(
        &mut self,
        fst: &'f fst::raw::Fst<&'static [u8]>,
        node: fst::raw::Node<'f>,
        rest: &[u8],
        word: impl FnOnce() -> Vec<u8>,
    ) {
        if !accepts(fst, node, rest) {
            return;
        }
        let word = word();
        match &self.one {
            Some(existing) if *existing != word => self.ambiguous = true,
            _ => self.one = Some(word),
        }
    }
}

/// Whether the bytes lead from `node` to a final state.
fn accepts<'f>(fst: &'f fst::raw::Fst<&'static [u8]>, mut node: fst::raw::Node<'f>, rest: &[u8]) -> bool {
    for &b in rest {
        match node.find_input(b) {
            Some(i) => node = fst.node(node.transition(i).addr),
            None => return false,
        }
    }
    node.is_final()
}

/// Whether a cut falls between the doubled consonant of a plural (`busrit|ten`, `kinderbed|den`):
/// a head of that consonant and `-en` is the plural's ending, not a word of the compound.
fn is_plural_ending(left: &str, head: &str) -> bool {
    let mut head_chars = head.chars();
    let consonant = head_chars.next().filter(|c| !"aeiou".contains(*c));
    head.len() == 3 && head_chars.as_str() == "en" && consonant.is_some_and(|c| left.ends_with(c))
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;

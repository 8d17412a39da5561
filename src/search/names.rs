//! Names a question gives that no document holds (`wat doet *bergsma* met rood asfalt`): a
//! word no word list knows and neither Dutch nor English uses, which is no slip of a word
//! the documents hold nor a compound opening or ending with one. Such a word restricts the
//! answer as a place does (see `Query::names`). Invariant: only ASCII words are names, so
//! the byte slices taken of them are characters.

use super::index::Index;
use crate::i18n::Language;
use crate::text::analyzer::Analyzer;

/// A word of six letters or more that no Dutch word list holds and that neither Dutch nor
/// English uses with any currency (wordfreq Zipf below 3 in both; `nederland` is 5.7): a name
/// (`bergsma`, `cargill`). When no document holds it nor anything it expands to, it restricts
/// the answer as a place does: a document must name it.
pub(super) fn is_unknown_name(word: &str, analyzer: &Analyzer) -> bool {
    let lexicon = analyzer.lexicon();
    word.len() >= 6
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !lexicon.contains(word)
        && lexicon.zipf(word, Language::Dutch) < UNKNOWN_NAME_MAX_ZIPF
        && lexicon.zipf(word, Language::English) < UNKNOWN_NAME_MAX_ZIPF
}

/// Whether a word is near one a document holds, so no name: a slip of it however many words
/// are as close (`wlater` of `water` or `walter`), or a compound the splitter does not know
/// that opens or ends with it, five letters or more (`leeftijdhuisnr` of a document that
/// speaks of `leeftijd`). Only called for an ASCII word.
pub(super) fn near_held_word(word: &str, index: &Index) -> bool {
    let analyzer = index.analyzer();
    let held = |part: &str| analyzer.is_content_word(part) && index.has_stem(&analyzer.stem(part));
    let part_held = (HELD_PART_MIN_LEN..=word.len().saturating_sub(2))
        .any(|cut| held(&word[..cut]) || held(&word[word.len() - cut..]));
    part_held || !index.typos.candidates(word, |w| index.has_surface(w)).is_empty()
}

/// The shortest word a compound the splitter does not know may open or end with.
const HELD_PART_MIN_LEN: usize = 5;

/// Below this wordfreq Zipf in Dutch and in English, a word unknown to the lexicon is a name.
const UNKNOWN_NAME_MAX_ZIPF: f32 = 3.0;

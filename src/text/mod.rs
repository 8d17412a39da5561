//! Text primitives shared by the document parser and the search core.
//!
//! Invariants: [`tokens`] reports byte offsets into the text it was given, so any span built
//! from them is an exact slice of that text; [`fold`] only lower-cases and removes diacritics
//! (`hiérarchie` → `hierarchie`), it never changes letters otherwise.

pub mod analyzer;
pub mod chat;
pub mod edits;
pub mod lexicon;
mod infix;
mod morphology;
pub mod separable;
pub mod numbers;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word of a text: its byte range in that text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// Lower-cases and strips diacritics: `Één` → `een`, `hiérarchie` → `hierarchie`.
pub fn fold(word: &str) -> String {
    let mut folded = String::new();
    fold_into(word, &mut folded);
    folded
}

/// [`fold`] into `folded` (cleared first), so that a loop over many words reuses one buffer.
pub fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    if word.is_ascii() {
        folded.push_str(word);
        folded.make_ascii_lowercase();
    } else {
        folded.extend(word.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase));
    }
}

/// Splits text into words: maximal runs of letters and digits. Hyphens, apostrophes and
/// punctuation separate words (`ICT-toepassingen` gives `ict` and `toepassingen`).
pub fn tokens(text: &str) -> Vec<Token> {
    word_spans(text).map(|(start, end)| Token { start, end, folded: fold(&text[start..end]) }).collect()
}

/// The byte ranges of [`tokens`], without folding them.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// Text safe to print on one line of a terminal or log: control characters (line breaks,
/// escape sequences) written as Rust escapes (`\n`, `\u{1b}`), everything else unchanged.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect::<String>()
        .into()
}

/// True when every letter of the word is upper case and it has at least two letters (`ICT`).
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("hiérarchie"), "hierarchie");
        assert_eq!(fold("Één"), "een");
        assert_eq!(fold("interveniëren"), "intervenieren");
    }

    #[test]
    fn printable_escapes_control_characters_only() {
        assert_eq!(printable("brief é.txt"), "brief é.txt");
        assert_eq!(printable("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
    }

    #[test]
    fn tokens_are_exact_slices() {
        let text = "ICT-toepassingen, regio’s en één 2013/14.";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["ICT", "toepassingen", "regio", "s", "en", "één", "2013", "14"]);
        assert_eq!(toks[5].folded, "een");
    }
}

//! Fitting text into a length limit, in characters: the one routine every renderer and every
//! echo of user-supplied text uses (a reply that does not fit is shortened; lists of the
//! bot's own words are paged or summarised before they get here).
//!
//! Invariants: every function here counts `char`s, never cuts inside a character, and ends
//! in a bounded number of steps whatever it is given (no loop waits for a text to shrink by
//! itself). A cut is made at a word boundary where one lies in the last quarter of the room,
//! otherwise at a character boundary, and is marked with `…`.

use std::borrow::Cow;

/// The mark of text left out.
pub const CUT_MARK: &str = "…";

/// `text` shortened to at most `max` characters, ending in `…` when it was cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if max == 0 {
        return Cow::Borrowed("");
    }
    let Some((room_end, _)) = text.char_indices().nth(max) else { return Cow::Borrowed(text) };
    // The kept text plus " …" must fit: take max - 2 characters, then back off to a word.
    let keep = max.saturating_sub(2);
    let hard_end = text.char_indices().nth(keep).map_or(room_end, |(i, _)| i);
    let kept = word_prefix(&text[..hard_end], keep);
    if kept.is_empty() {
        return Cow::Owned(CUT_MARK.to_string());
    }
    Cow::Owned(format!("{kept} {CUT_MARK}"))
}

/// The longest prefix of `text` (of `chars` characters) that ends at a word boundary within
/// its last quarter, or all of it when there is none; trailing whitespace removed.
fn word_prefix(text: &str, chars: usize) -> &str {
    let min_keep = chars - chars / 4;
    let boundary = text
        .char_indices()
        .enumerate()
        .filter(|(n, (_, c))| *n >= min_keep && c.is_whitespace())
        .map(|(_, (i, _))| i)
        .last();
    text[..boundary.unwrap_or(text.len())].trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_characters_and_cuts_at_words() {
        assert_eq!(truncate("kort", 10), "kort");
        assert_eq!(truncate("een twee drie vier", 12), "een twee …");
        assert_eq!(truncate("ééééééééééééééé", 5), "ééé …");
        assert_eq!(truncate("”””””", 0), "");
        assert!(truncate(&"x".repeat(5000), 2000).chars().count() <= 2000);
    }
}

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

/// Passes of [`fit_rendering`] that shorten the quotes by what is still too long; escaping can
/// make a pass fall short, never loop.
const FIT_PASSES: usize = 4;

/// A renderer's layout of a reply within `max` characters. `layout(quote_budget, see_also)`
/// renders the reply with each quote cut by [`truncate`] to at most `quote_budget` characters
/// (`None`: whole) and with or without its "see also" line; `longest_quote` is the longest
/// quote's length. Tried in order: the whole reply; without "see also"; with the quotes
/// shortened by the excess (a fixed number of passes); and last, the shortest cut by
/// [`truncate`]. A cut quote is still a prefix of its verbatim text.
pub fn fit_rendering(max: usize, longest_quote: usize, layout: impl Fn(Option<usize>, bool) -> String) -> String {
    let fits = |c: &String| c.chars().count() <= max;
    let full = layout(None, true);
    if fits(&full) {
        return full;
    }
    let mut shortest = layout(None, false);
    let mut budget = longest_quote;
    for _ in 0..FIT_PASSES {
        if fits(&shortest) || budget == 0 {
            break;
        }
        budget = budget.saturating_sub(shortest.chars().count() - max);
        shortest = layout(Some(budget), false);
    }
    truncate(&shortest, max).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendering_drops_see_also_then_shortens_quotes_then_cuts() {
        let quote = "woord ".repeat(100);
        let layout = |budget: Option<usize>, see_also: bool| {
            let quoted = budget.map_or(quote.clone().into(), |b| truncate(&quote, b));
            format!("> {quoted}\n— bron{}", if see_also { "\nZie ook alinea 5." } else { "" })
        };
        assert!(fit_rendering(1000, 600, layout).ends_with("Zie ook alinea 5."));
        assert!(fit_rendering(610, 600, layout).ends_with("— bron"));
        let short = fit_rendering(300, 600, layout);
        assert!(short.ends_with("— bron") && short.chars().count() <= 300, "{short}");
        assert!(fit_rendering(3, 600, layout).chars().count() <= 3);
    }

    #[test]
    fn a_rendering_never_cuts_inside_a_character() {
        let quote = format!("{}”", "woord é ".repeat(300));
        let layout = |budget: Option<usize>, _: bool| budget.map_or(quote.clone().into(), |b| truncate(&quote, b)).into_owned();
        for max in [0, 1, 7, 100, 1999] {
            let fitted = fit_rendering(max, quote.chars().count(), layout);
            assert!(fitted.chars().count() <= max && quote.starts_with(fitted.trim_end_matches(['…', ' '])), "{max}: {fitted}");
        }
    }

    #[test]
    fn truncate_counts_characters_and_cuts_at_words() {
        assert_eq!(truncate("kort", 10), "kort");
        assert_eq!(truncate("een twee drie vier", 12), "een twee …");
        assert_eq!(truncate("ééééééééééééééé", 5), "ééé …");
        assert_eq!(truncate("”””””", 0), "");
        assert!(truncate(&"x".repeat(5000), 2000).chars().count() <= 2000);
    }
}

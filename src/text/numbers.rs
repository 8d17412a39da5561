//! Dutch numbers written as words, which letters use for amounts (`dertigduizend`,
//! `zeshonderdduizend`, `tweeënhalf`): a word made only of number morphemes is a number.

use super::fold;

/// The morphemes Dutch number words are made of, longest first where one begins another.
const MORPHEMES: [&str; 34] = [
    "zeventien",
    "negentien",
    "achttien",
    "veertien",
    "vijftien",
    "dertien",
    "zestien",
    "zeventig",
    "negentig",
    "twintig",
    "dertig",
    "veertig",
    "vijftig",
    "tachtig",
    "zestig",
    "honderd",
    "duizend",
    "miljoen",
    "miljard",
    "twaalf",
    "zeven",
    "negen",
    "twee",
    "drie",
    "vier",
    "vijf",
    "acht",
    "tien",
    "half",
    "elf",
    "zes",
    "een",
    "en",
    "e",
];

/// Whether the word is a Dutch number word of at least two morphemes or a known single one
/// (`duizend`), such as `dertigduizend` or `vijfhonderd`.
pub fn is_number_word(word: &str) -> bool {
    let folded = fold(word);
    folded.len() >= 3 && folded.is_ascii() && made_of_morphemes(&folded) && folded != "en" && folded != "een"
}

/// Whether the text splits completely into number morphemes: a left-to-right pass over the
/// positions reachable so far (linear in the length times the number of morphemes).
fn made_of_morphemes(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let mut reachable = vec![false; text.len() + 1];
    reachable[0] = true;
    for start in 0..text.len() {
        if !reachable[start] {
            continue;
        }
        for m in MORPHEMES.iter().filter(|m| text[start..].starts_with(*m)) {
            reachable[start + m.len()] = true;
        }
    }
    reachable[text.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_are_numbers_and_other_words_are_not() {
        for word in
            ["dertigduizend", "zeshonderdduizend", "vijfhonderd", "tweeënhalf", "Eenentwintig", "duizend"]
        {
            assert!(is_number_word(word), "{word}");
        }
        for word in ["een", "en", "tiental", "zevenklapper", "achter", "elfde", "vijftigplusser", "vierkant"]
        {
            assert!(!is_number_word(word), "{word}");
        }
    }
}

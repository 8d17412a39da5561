//! Dutch numbers written as words, which letters use for amounts (`dertigduizend`,
//! `zeshonderdduizend`, `tweeënhalf`): a word made only of number morphemes is a number.
//! A number written in digits and the same number spelled out are one word to a reader
//! (`20 jaar`, `twintig jaar`): [`spelled`] and [`value`] convert between them below a
//! million, the range Dutch writes as one word.

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

/// Whether the folded word is a number: digits, or a Dutch number word.
pub fn is_number(folded: &str) -> bool {
    (!folded.is_empty() && folded.bytes().all(|b| b.is_ascii_digit())) || is_number_word(folded)
}

/// Whether the word is a Dutch number word of at least two morphemes or a known single one
/// (`duizend`), such as `dertigduizend` or `vijfhonderd`.
pub fn is_number_word(word: &str) -> bool {
    let folded = fold(word);
    folded.len() >= 3 && folded.is_ascii() && made_of_morphemes(&folded) && folded != "en" && folded != "een"
}

const UNITS: [&str; 20] = [
    "", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
];
const TENS: [&str; 10] =
    ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];

/// The folded Dutch spelling of a number from 1 to 999,999 (`21` → `eenentwintig`, `250` →
/// `tweehonderdvijftig`); `None` outside that range.
pub fn spelled(n: u64) -> Option<String> {
    (1..1_000_000).contains(&n).then(|| spell_below_a_million(n))
}

fn spell_below_a_million(n: u64) -> String {
    let (thousands, rest) = (n / 1000, n % 1000);
    let mut out = match thousands {
        0 => String::new(),
        1 => "duizend".to_string(),
        t => spell_below_a_thousand(t) + "duizend",
    };
    out.push_str(&spell_below_a_thousand(rest));
    out
}

fn spell_below_a_thousand(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut out = match hundreds {
        0 => String::new(),
        1 => "honderd".to_string(),
        h => format!("{}honderd", UNITS[h as usize]),
    };
    out.push_str(&spell_below_a_hundred(rest));
    out
}

fn spell_below_a_hundred(n: u64) -> String {
    match n {
        0..=19 => UNITS[n as usize].to_string(),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        _ => format!("{}en{}", UNITS[(n % 10) as usize], TENS[(n / 10) as usize]),
    }
}

/// The value of a Dutch number word below a million, the inverse of [`spelled`]
/// (`tweeëntwintig` → 22, `duizend` → 1000); `None` for any other word.
pub fn value(word: &str) -> Option<u64> {
    let folded = fold(word);
    if folded.len() > 60 || !folded.is_ascii() {
        return None;
    }
    let (thousands, rest) = match folded.split_once("duizend") {
        Some((before, after)) => (if before.is_empty() { 1 } else { below_a_thousand(before)? }, after),
        None => (0, folded.as_str()),
    };
    let n = thousands * 1000 + if rest.is_empty() { 0 } else { below_a_thousand(rest)? };
    (n > 0).then_some(n)
}

fn below_a_thousand(text: &str) -> Option<u64> {
    let (hundreds, rest) = match text.split_once("honderd") {
        Some(("", after)) => (1, after),
        Some((before, after)) => (unit(before).filter(|&u| u > 1)?, after),
        None => (0, text),
    };
    let n = hundreds * 100 + if rest.is_empty() { 0 } else { below_a_hundred(rest)? };
    (n > 0 && n < 1000).then_some(n)
}

fn below_a_hundred(text: &str) -> Option<u64> {
    if let Some(u) = unit(text) {
        return Some(u);
    }
    if let Some(t) = TENS.iter().position(|&t| !t.is_empty() && t == text) {
        return Some(t as u64 * 10);
    }
    let t = TENS.iter().position(|&t| !t.is_empty() && text.ends_with(t))?;
    let u = text[..text.len() - TENS[t].len()].strip_suffix("en").and_then(unit).filter(|&u| u < 10)?;
    Some(t as u64 * 10 + u)
}

fn unit(text: &str) -> Option<u64> {
    UNITS.iter().position(|&u| !u.is_empty() && u == text).map(|u| u as u64)
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

    #[test]
    fn digits_and_spelled_numbers_convert_both_ways() {
        for (n, word) in [(20, "twintig"), (22, "tweeentwintig"), (100, "honderd"), (250, "tweehonderdvijftig"),
            (1000, "duizend"), (2014, "tweeduizendveertien"), (60_000, "zestigduizend"), (17, "zeventien")]
        {
            assert_eq!(spelled(n).as_deref(), Some(word));
            assert_eq!(value(word), Some(n), "{word}");
        }
        assert_eq!(value("tweeëntwintig"), Some(22));
        for n in 1..3000 {
            assert_eq!(value(&spelled(n).expect("in range")), Some(n), "{n}");
        }
        assert_eq!(spelled(0), None);
        assert_eq!(spelled(1_000_000), None);
        for word in ["en", "achter", "tiental", "honderdhonderd", "eenhonderd", "duizendduizend", "elfentwintig"] {
            assert_eq!(value(word), None, "{word}");
        }
    }
}

//! The metadata a letter's first page gives, as a proposal the moderator can correct: the
//! title (the `BRIEF VAN ...` line, else the first line), the date (`7 april 2014`), the
//! dossier and number (`33 750 VII`, `Nr. 56`) and the sender.

use regex::Regex;

use crate::document::metadata::{Date, MONTHS_NL};

/// What the first page suggests. Each field may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guess {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub dossier: Option<String>,
    pub number: Option<String>,
    pub sender: Option<String>,
}

/// Longest title taken from the text, in characters.
const TITLE_MAX_CHARS: usize = 150;

pub fn first_page(page: &str) -> Guess {
    let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    // `BRIEF VAN ...`, also after a number on the same line (`Nr. 12 BRIEF VAN ...`).
    let sender = lines.iter().find_map(|line| {
        let at = line.to_lowercase().find("brief van ")?;
        line.get(at + "brief van ".len()..).map(sentence_case)
    });
    let title = match &sender {
        Some(sender) => Some(format!("Brief van {sender}")),
        None => lines.first().map(|l| l.to_string()),
    };
    Guess {
        title: title.map(|t| crate::fit::truncate(&t, TITLE_MAX_CHARS).into_owned()),
        date: date(page),
        dossier: first_capture(r"\b(\d{2} \d{3}(?: [IVXLC]+\b| [A-Z]\b)?)", page),
        number: first_capture(r"(?i)\bnr\.\s*(\d+)\b", page),
        sender,
    }
}

/// The first capture of `pattern` in `text` (patterns are compiled per import: imports are
/// rare).
fn first_capture(pattern: &str, text: &str) -> Option<String> {
    Regex::new(pattern).expect("a valid pattern").captures(text).map(|c| c[1].to_string())
}

/// The first Dutch date written out: `7 april 2014`.
fn date(page: &str) -> Option<Date> {
    let months = MONTHS_NL.join("|");
    let regex = Regex::new(&format!(r"(?i)\b(\d{{1,2}}) ({months}) (\d{{4}})\b")).expect("a valid pattern");
    let found = regex.captures_iter(page).find_map(|c| {
        let month = MONTHS_NL.iter().position(|m| c[2].eq_ignore_ascii_case(m))? as u8 + 1;
        Date::parse(&format!("{}-{month:02}-{:02}", &c[3], c[1].parse::<u8>().ok()?))
    });
    found
}

/// `DE MINISTER VAN ALGEMENE ZAKEN` → `de minister van algemene zaken` (a heading in
/// capitals says nothing about which words are names; the moderator corrects).
fn sentence_case(text: &str) -> String {
    let text = text.trim().trim_end_matches([',', '.']);
    match text.chars().any(char::is_lowercase) {
        true => text.to_string(),
        false => text.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kamerstuk_first_page_gives_title_date_dossier_number_and_sender() {
        let page = "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2013–2014\n33 750 VII Vaststelling\n\
                    Nr. 56 BRIEF VAN DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN\n\
                    Den Haag, 7 april 2014\n";
        let guess = first_page(page);
        assert_eq!(guess.dossier.as_deref(), Some("33 750 VII"));
        assert_eq!(guess.number.as_deref(), Some("56"));
        assert_eq!(guess.date, Date::parse("2014-04-07"));
        assert_eq!(guess.title.as_deref(), Some("Brief van de minister-president, minister van algemene zaken"));
        let letter = first_page("BRIEF VAN DE MINISTER VAN FINANCIËN\n\nDen Haag, 1 mei 2020");
        assert_eq!(letter.title.as_deref(), Some("Brief van de minister van financiën"));
        assert_eq!(letter.sender.as_deref(), Some("de minister van financiën"));
        assert_eq!(first_page("Zomaar een notitie"), Guess { title: Some("Zomaar een notitie".into()), ..Guess::default() });
    }
}

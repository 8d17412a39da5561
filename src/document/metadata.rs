//! The metadata file beside each document (`NAME.toml` next to `NAME.txt`): what a reference
//! to the document needs. Unknown keys and malformed dates are errors naming file and line.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// Facts about a document that its text does not reliably give.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Document id, from the file name; not read from the file.
    #[serde(skip_deserializing)]
    pub id: String,
    /// Dutch title as used in a reference.
    pub title: String,
    /// English title, used when replying in English.
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub sender: Option<String>,
    #[serde(default)]
    pub addressee: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "iso_date")]
    pub date: Option<Date>,
    /// Parliamentary dossier (`Kamerstuk`), e.g. `33 750 VII`.
    #[serde(default)]
    pub dossier: Option<String>,
    /// Number of the document within its dossier, when known.
    #[serde(default)]
    pub number: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Dutch month names, lower case.
pub(crate) const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
pub(crate) const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let mut it = text.trim().splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month: u8 = it.next()?.parse().ok()?;
        let day: u8 = it.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }

    /// `7 april 2014` or `7 April 2014`.
    pub fn written(&self, language: Language) -> String {
        let months = match language {
            Language::Dutch => MONTHS_NL,
            Language::English => MONTHS_EN,
        };
        format!("{} {} {}", self.day, months[usize::from(self.month - 1)], self.year)
    }
}

fn iso_date<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<Date>, D::Error> {
    let text = String::deserialize(de)?;
    Date::parse(&text)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
}

impl Metadata {
    /// The subject part of the title: what follows ` over ` in a letter's title (`Brief van de
    /// minister van Justitie en Veiligheid over *buurtwachten*`), else the whole title.
    pub fn title_subject(&self) -> &str {
        self.title_split().map_or(&self.title, |(_, subject)| subject)
    }

    /// The words that name the sender: the `sender` (`De Minister van Justitie en Veiligheid
    /// (F.B.J. Grapperhaus)`) and the title's part before ` over `.
    pub fn sender_words(&self) -> impl Iterator<Item = &str> {
        let from_title = self.title_split().map(|(sender, _)| sender);
        self.sender.as_deref().into_iter().chain(from_title)
    }

    fn title_split(&self) -> Option<(&str, &str)> {
        let at = self.title.find(" over ")?;
        Some((&self.title[..at], &self.title[at + " over ".len()..]))
    }

    /// Metadata for a document that has no metadata file: its file name as title.
    pub fn untitled(id: &str) -> Metadata {
        Metadata {
            id: id.to_string(),
            title: id.to_string(),
            title_en: None,
            subject: None,
            sender: None,
            addressee: None,
            date: None,
            dossier: None,
            number: None,
        }
    }

    /// Parses a metadata file; an error carries the 1-based line it points at.
    pub fn parse(id: &str, text: &str) -> Result<Metadata, (usize, String)> {
        let mut meta: Metadata = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| text[..s.start].matches('\n').count() + 1);
            (line, e.message().to_string())
        })?;
        meta.id = id.to_string();
        Ok(meta)
    }

    /// The document as a Dutch reader cites it: title, date and dossier.
    pub fn citation(&self, language: Language) -> String {
        let title = match (language, &self.title_en) {
            (Language::English, Some(en)) => en,
            _ => &self.title,
        };
        let mut out = title.clone();
        if let Some(date) = self.date {
            out.push_str(&format!(", {}", date.written(language)));
        }
        if let Some(dossier) = &self.dossier {
            let label = match language {
                Language::Dutch => "Kamerstuk",
                Language::English => "Parliamentary paper",
            };
            match &self.number {
                Some(n) => out.push_str(&format!(" ({label} {dossier}, nr. {n})")),
                None => out.push_str(&format!(" ({label} {dossier})")),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_its_line() {
        let err = Metadata::parse("x", "title = \"A\"\n\nauthor = \"B\"\n").unwrap_err();
        assert_eq!(err.0, 3);
        assert!(err.1.contains("author"), "{}", err.1);
    }

    #[test]
    fn bad_date_is_an_error() {
        let err = Metadata::parse("x", "title = \"A\"\ndate = \"7 april\"\n").unwrap_err();
        assert_eq!(err.0, 2);
    }

    #[test]
    fn citation_in_dutch() {
        let meta =
            Metadata::parse("x", "title = \"Brief\"\ndate = \"2014-04-07\"\ndossier = \"33 750 VII\"\n")
                .unwrap();
        assert_eq!(meta.citation(Language::Dutch), "Brief, 7 april 2014 (Kamerstuk 33 750 VII)");
    }
}

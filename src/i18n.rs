//! Reply language: Dutch by default, English when configured or when the question is English.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    #[serde(alias = "nl")]
    Dutch,
    #[serde(alias = "en")]
    English,
}

impl Language {
    /// The language's code, as a locale: `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }

    /// `nl`, `nl-NL`, `en-US`, ... (a Discord or POSIX locale); other locales give `None`.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let lang = locale.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        match lang.as_str() {
            "nl" | "dutch" => Some(Language::Dutch),
            "en" | "english" => Some(Language::English),
            _ => None,
        }
    }
}

//! Commands: a typed enum, parsed once from text (Dutch or English words), or built by an
//! adapter from a slash command or button.

/// Everything a user can ask of the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// A question about the documents.
    Ask(String),
    /// The next best passages for the asker's last question.
    More,
    /// Paragraph (`alinea`) `number` of a document (by default the one last cited, else the
    /// first document) in full.
    Paragraph {
        document: Option<String>,
        number: u32,
    },
    /// The paragraph before / after the last one shown.
    Previous,
    Next,
    /// The loaded documents, a page (from 1) of them at a time.
    Documents {
        page: u32,
    },
    Help,
    /// Moderators: reload the documents; `force` skips the reload gate.
    Reload {
        force: bool,
    },
    /// Moderators: documents, passages, index age, questions answered and declined.
    Status,
}

impl Command {
    /// Whether only moderators may use it.
    pub fn is_moderator_only(&self) -> bool {
        matches!(self, Command::Reload { .. } | Command::Status)
    }

    /// Parses a message. Anything that is not a command word is a question.
    pub fn parse(text: &str) -> Command {
        let trimmed = text.trim();
        let bare = trimmed.trim_start_matches(['/', '!']).trim();
        let lower = bare.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        match words.as_slice() {
            ["meer" | "more"] => Command::More,
            ["vorige" | "previous" | "prev"] | ["vorige" | "previous", "alinea" | "paragraph"] => {
                Command::Previous
            }
            ["volgende" | "next"] | ["volgende" | "next", "alinea" | "paragraph"] => Command::Next,
            ["documenten" | "documents" | "docs"] => Command::Documents { page: 1 },
            ["documenten" | "documents" | "docs", page] if page.parse::<u32>().is_ok_and(|p| p > 0) => {
                Command::Documents { page: page.parse().unwrap_or(1) }
            }
            ["help" | "hulp" | "?"] => Command::Help,
            ["status"] => Command::Status,
            ["herlaad" | "reload"] => Command::Reload { force: false },
            ["herlaad" | "reload", "forceer" | "force" | "--force"] => Command::Reload { force: true },
            [] => Command::Ask(String::new()),
            _ => paragraph_command(&words).unwrap_or_else(|| Command::Ask(trimmed.to_string())),
        }
    }
}

/// Command words only English uses; a command typed with one of them is answered in English.
const ENGLISH_COMMAND_WORDS: [&str; 10] =
    ["more", "previous", "prev", "next", "documents", "docs", "reload", "force", "paragraph", "show"];

/// English when a command (not a question) is typed with English command words.
pub fn language_of_command_words(text: &str) -> Option<crate::i18n::Language> {
    if matches!(Command::parse(text), Command::Ask(_)) {
        return None;
    }
    let lower = text.to_lowercase();
    let english =
        lower.split_whitespace().any(|w| ENGLISH_COMMAND_WORDS.contains(&w.trim_start_matches(['/', '!'])));
    english.then_some(crate::i18n::Language::English)
}

/// `alinea 5`, `toon alinea 5 van DOC`, `paragraph 5 of DOC`, `show paragraph 5`.
fn paragraph_command(words: &[&str]) -> Option<Command> {
    let rest = match words {
        ["toon" | "show" | "laat", rest @ ..] => rest,
        rest => rest,
    };
    let (number, rest) = match rest {
        ["alinea" | "paragraph" | "paragraaf", number, rest @ ..] => (number.parse().ok()?, rest),
        _ => return None,
    };
    let document = match rest {
        [] => None,
        ["van" | "in" | "uit" | "of" | "from", document] => Some(document.to_string()),
        _ => return None,
    };
    Some(Command::Paragraph { document, number })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_words_in_dutch_and_english() {
        assert_eq!(Command::parse("meer"), Command::More);
        assert_eq!(Command::parse(" More "), Command::More);
        assert_eq!(Command::parse("/herlaad forceer"), Command::Reload { force: true });
        assert_eq!(Command::parse("reload"), Command::Reload { force: false });
        assert_eq!(Command::parse("documenten"), Command::Documents { page: 1 });
        assert_eq!(Command::parse("documents 3"), Command::Documents { page: 3 });
        assert_eq!(Command::parse("volgende alinea"), Command::Next);
        assert_eq!(Command::parse("status"), Command::Status);
    }

    #[test]
    fn paragraph_commands() {
        assert_eq!(Command::parse("alinea 5"), Command::Paragraph { document: None, number: 5 });
        assert_eq!(
            Command::parse("show paragraph 2 of notitie"),
            Command::Paragraph { document: Some("notitie".into()), number: 2 }
        );
    }

    #[test]
    fn everything_else_is_a_question() {
        assert_eq!(Command::parse("meer informatie graag"), Command::Ask("meer informatie graag".into()));
        assert_eq!(Command::parse("alinea vijf?"), Command::Ask("alinea vijf?".into()));
        assert!(Command::Status.is_moderator_only() && !Command::More.is_moderator_only());
    }
}

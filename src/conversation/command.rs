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
    /// Moderators: the most frequent declined questions and the answers with most 👎 of the
    /// last `days` days.
    Unanswered {
        days: u32,
    },
    /// A 👍 (`helpful`) or 👎 on answer `answer` (a button; never typed).
    Vote {
        answer: u64,
        helpful: bool,
    },
    /// Moderators: make / drop the proposed change `id` to the documents (buttons).
    ConfirmChange {
        id: u64,
    },
    CancelChange {
        id: u64,
    },
    /// A command with a mistake (`alinea vijfje`, `alinea 0`, `herlaad nu`): answered with a
    /// usage hint, not searched as a question.
    Malformed(Usage),
}

/// Which command was typed wrongly, for its usage hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    Paragraph,
    Documents,
    Reload,
    Unanswered,
}

/// Days `onbeantwoord` looks back when not told.
pub const UNANSWERED_DEFAULT_DAYS: u32 = 30;
/// Days `onbeantwoord N` may look back at most.
pub const UNANSWERED_MAX_DAYS: u32 = 3650;

impl Command {
    /// Whether only moderators may use it.
    pub fn is_moderator_only(&self) -> bool {
        matches!(
            self,
            Command::Reload { .. }
                | Command::ConfirmChange { .. }
                | Command::CancelChange { .. }
                | Command::Status
                | Command::Unanswered { .. }
                | Command::Malformed(Usage::Reload | Usage::Unanswered)
        )
    }

    /// Parses a message. Commands may come in natural phrasing (`Wat zegt alinea 2?`, `toon me
    /// paragraaf 6`, `kun je de volgende laten zien`, `show paragraph 2 please`, `alinea zes`);
    /// a command word followed by what it cannot take is [`Command::Malformed`]; anything else
    /// is a question.
    pub fn parse(text: &str) -> Command {
        let trimmed = text.trim();
        let bare = trimmed.trim_start_matches(['/', '!']).trim();
        let lower = bare.to_lowercase();
        let words: Vec<&str> = lower
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| matches!(c, '!' | '?' | '.' | ',' | '`')))
            .filter(|w| !w.is_empty() && !FILLER_WORDS.contains(w))
            .collect();
        let words = strip_frame(&words);
        match words {
            [] if bare.is_empty() => Command::Ask(String::new()),
            ["meer" | "more"] => Command::More,
            ["vorige" | "previous" | "prev"]
            | ["vorige" | "previous", "alinea" | "paragraaf" | "paragraph"] => Command::Previous,
            ["volgende" | "next"] | ["volgende" | "next", "alinea" | "paragraaf" | "paragraph"] => {
                Command::Next
            }
            ["documenten" | "documents" | "docs"] => Command::Documents { page: 1 },
            ["documenten" | "documents" | "docs", page] => match number(page) {
                Some(page) if page > 0 => Command::Documents { page },
                _ => Command::Malformed(Usage::Documents),
            },
            ["help" | "hulp" | "?"] => Command::Help,
            ["status"] => Command::Status,
            ["herlaad" | "reload"] => Command::Reload { force: false },
            ["herlaad" | "reload", "forceer" | "force" | "--force"] => Command::Reload { force: true },
            ["herlaad" | "reload", ..] => Command::Malformed(Usage::Reload),
            ["onbeantwoord" | "unanswered"] => Command::Unanswered { days: UNANSWERED_DEFAULT_DAYS },
            ["onbeantwoord" | "unanswered", days] => match days.parse::<u32>() {
                Ok(days) if (1..=UNANSWERED_MAX_DAYS).contains(&days) => Command::Unanswered { days },
                _ => Command::Malformed(Usage::Unanswered),
            },
            ["onbeantwoord" | "unanswered", ..] => Command::Malformed(Usage::Unanswered),
            ["alinea" | "paragraaf" | "paragraph", ..] => {
                paragraph_command(words).unwrap_or_else(|| Command::Ask(trimmed.to_string()))
            }
            _ => Command::Ask(trimmed.to_string()),
        }
    }
}

/// Words of politeness and chat that do not change a command.
const FILLER_WORDS: [&str; 12] =
    ["please", "pls", "graag", "alsjeblieft", "alstublieft", "aub", "ajb", "even", "eens", "me", "mij", "de"];

/// The command without the phrase around it: `wat zegt`, `toon`, `laat ... zien`, `kun je ...
/// laten zien`, `show`, `geef`.
fn strip_frame<'a, 'b>(words: &'b [&'a str]) -> &'b [&'a str] {
    let words = match words {
        ["wat", "zegt" | "staat" | "says", rest @ ..] | ["what", "does" | "is", rest @ ..] => rest,
        ["kun" | "kan" | "kunt" | "can", "je" | "jij" | "u" | "you", rest @ ..] => rest,
        ["toon" | "show" | "geef" | "give" | "laat", rest @ ..] => rest,
        rest => rest,
    };
    match words {
        [rest @ .., "laten" | "laat", "zien"] | [rest @ .., "zien"] | [rest @ .., "say" | "zeggen"] => rest,
        rest => rest,
    }
}

/// `5`, `vijf`, `five`: numbers up to twenty, as digits or words.
fn number(word: &str) -> Option<u32> {
    const DUTCH: [&str; 21] = [
        "nul",
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
        "dertien",
        "veertien",
        "vijftien",
        "zestien",
        "zeventien",
        "achttien",
        "negentien",
        "twintig",
    ];
    const ENGLISH: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let word = word.replace('é', "e");
    word.parse()
        .ok()
        .or_else(|| DUTCH.iter().chain(&ENGLISH).position(|w| *w == word).map(|i| (i % 21) as u32))
}

/// Command words only English uses; a command typed with one of them is answered in English.
const ENGLISH_COMMAND_WORDS: [&str; 11] =
    ["more", "previous", "prev", "next", "documents", "docs", "reload", "force", "paragraph", "show", "unanswered"];

/// English when a command (not a question: the caller has parsed `text` into `command`) is
/// typed with English command words.
pub fn language_of_command_words(text: &str, command: &Command) -> Option<crate::i18n::Language> {
    if matches!(command, Command::Ask(_)) {
        return None;
    }
    let lower = text.to_lowercase();
    let english =
        lower.split_whitespace().any(|w| ENGLISH_COMMAND_WORDS.contains(&w.trim_start_matches(['/', '!'])));
    english.then_some(crate::i18n::Language::English)
}

/// `alinea 5`, `alinea vijf van DOC`, `paragraph 5 of DOC`; a missing, zero or unreadable
/// number is malformed; other words after the number make it a question (`alinea 2 over ...`).
fn paragraph_command(words: &[&str]) -> Option<Command> {
    let (number, rest) = match words {
        [_, n, rest @ ..] => (number(n), rest),
        _ => (None, &[][..]),
    };
    let document = match rest {
        [] => None,
        ["van" | "in" | "uit" | "of" | "from", document @ ..] if !document.is_empty() => {
            Some(document.join(" "))
        }
        _ => return None,
    };
    Some(match number {
        Some(number) if number > 0 => Command::Paragraph { document, number },
        _ => Command::Malformed(Usage::Paragraph),
    })
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
    fn commands_in_natural_phrasing() {
        let two = Command::Paragraph { document: None, number: 2 };
        assert_eq!(Command::parse("Wat zegt alinea 2?"), two);
        assert_eq!(Command::parse("show paragraph 2 please"), two);
        assert_eq!(Command::parse("toon me paragraaf 6"), Command::Paragraph { document: None, number: 6 });
        assert_eq!(Command::parse("alinea 4!"), Command::Paragraph { document: None, number: 4 });
        assert_eq!(Command::parse("alinea zes"), Command::Paragraph { document: None, number: 6 });
        assert_eq!(Command::parse("kun je de volgende laten zien"), Command::Next);
        assert_eq!(Command::parse("volgende alinea graag"), Command::Next);
    }

    #[test]
    fn malformed_commands_are_not_questions() {
        assert_eq!(Command::parse("alinea vijfje"), Command::Malformed(Usage::Paragraph));
        assert_eq!(Command::parse("alinea 0"), Command::Malformed(Usage::Paragraph));
        assert_eq!(Command::parse("herlaad nu"), Command::Malformed(Usage::Reload));
        assert_eq!(Command::parse("documenten x"), Command::Malformed(Usage::Documents));
    }

    #[test]
    fn everything_else_is_a_question() {
        assert_eq!(Command::parse("meer informatie graag"), Command::Ask("meer informatie graag".into()));
        assert_eq!(
            Command::parse("wat zegt de brief over alinea's?"),
            Command::Ask("wat zegt de brief over alinea's?".into())
        );
        assert_eq!(
            Command::parse("Wat zegt alinea 2 over de wijk?"),
            Command::Ask("Wat zegt alinea 2 over de wijk?".into())
        );
        assert!(Command::Status.is_moderator_only() && !Command::More.is_moderator_only());
    }
}

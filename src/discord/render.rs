//! Turning a core [`Reply`] into a Discord message: block-quoted quotes with a bold reference,
//! text escaped so Discord shows it as written, buttons for the reply's actions, and never more
//! than Discord's 2,000 characters.

use crate::answer::{Action, Reply};
use crate::fit;
use crate::i18n::Language;

/// Discord's limit on message content.
pub const DISCORD_MAX_CHARS: usize = 2000;
/// Prefix of every button id briefbot makes.
pub const BUTTON_PREFIX: &str = "bb";
/// Discord's limit on a button's custom id.
const MAX_CUSTOM_ID: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub custom_id: String,
    pub label: String,
}

/// A message ready for Discord.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub content: String,
    pub buttons: Vec<Button>,
    /// Shown to the asker only (an ephemeral interaction response, or a direct message).
    pub private: bool,
}

/// Backslash-escapes what Discord would render as formatting: `*`, `_`, `~`, `` ` ``, `|`,
/// `\`, `>` and `#`/`-` at the start of a line, `[` `]` (links). Mentions stay as text; they are
/// made inert by `allowed_mentions`, not by escaping.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        let mut at_line_start = true;
        for c in line.chars() {
            let special = matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']')
                || (at_line_start && matches!(c, '>' | '#' | '-'));
            if special {
                out.push('\\');
            }
            out.push(c);
            at_line_start = at_line_start && c.is_whitespace();
        }
    }
    out
}

/// Escapes the bot's own words, keeping their `code` spans (commands such as `meer`) as code:
/// Discord shows a code span's content literally, so it needs no escaping.
pub fn escape_keeping_code(text: &str) -> String {
    let pieces: Vec<&str> = text.split('`').collect();
    if pieces.len().is_multiple_of(2) {
        return escape(text);
    }
    pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| if i % 2 == 0 { escape(piece) } else { piece.to_string() })
        .collect::<Vec<_>>()
        .join("`")
}

pub fn render(reply: &Reply) -> Rendered {
    let buttons = reply.actions.iter().filter_map(|a| button(a, reply.language)).collect();
    Rendered { content: fitted_content(reply), buttons, private: reply.private }
}

/// The content within [`DISCORD_MAX_CHARS`] (see [`fit::fit_rendering`]).
fn fitted_content(reply: &Reply) -> String {
    let longest_quote = reply.quotes.iter().map(|q| q.text.chars().count()).max().unwrap_or(0);
    fit::fit_rendering(DISCORD_MAX_CHARS, longest_quote, |budget, see_also| content(reply, budget, see_also))
}

fn content(reply: &Reply, quote_budget: Option<usize>, with_see_also: bool) -> String {
    let mut parts: Vec<String> = reply.notes.iter().map(|n| escape_keeping_code(n)).collect();
    for quote in &reply.quotes {
        let text = quote_budget.map_or(quote.text.as_str().into(), |max| fit::truncate(&quote.text, max));
        let quoted: Vec<String> = text.lines().map(|l| format!("> {}", escape(l))).collect();
        parts.push(format!("{}\n**{}**", quoted.join("\n"), escape(&quote.reference.label)));
    }
    if with_see_also && !reply.see_also.is_empty() {
        let places: Vec<String> = reply.see_also.iter().map(|r| r.place.clone()).collect();
        parts.push(escape(&crate::answer::texts::see_also(reply.language, &places)));
    }
    parts.join("\n")
}

fn button(action: &Action, language: Language) -> Option<Button> {
    let dutch = language == Language::Dutch;
    let (custom_id, label) = match action {
        Action::More => (format!("{BUTTON_PREFIX}:more"), if dutch { "Meer" } else { "More" }.to_string()),
        Action::Previous { document, number } => (
            format!("{BUTTON_PREFIX}:para:{number}:{document}"),
            if dutch { "Vorige alinea" } else { "Previous paragraph" }.to_string(),
        ),
        Action::Next { document, number } => (
            format!("{BUTTON_PREFIX}:para:{number}:{document}"),
            if dutch { "Volgende alinea" } else { "Next paragraph" }.to_string(),
        ),
        Action::Show { document, number } => {
            let label = if dutch { format!("Toon alinea {number}") } else { format!("Show paragraph {number}") };
            (format!("{BUTTON_PREFIX}:para:{number}:{document}"), label)
        }
        Action::Confirm { change } => {
            (format!("{BUTTON_PREFIX}:doc:ok:{change}"), if dutch { "Bevestigen" } else { "Confirm" }.to_string())
        }
        Action::Cancel { change } => {
            (format!("{BUTTON_PREFIX}:doc:no:{change}"), if dutch { "Annuleren" } else { "Cancel" }.to_string())
        }
        Action::Vote { answer, helpful: true } => (format!("{BUTTON_PREFIX}:vote:up:{answer}"), "👍".to_string()),
        Action::Vote { answer, helpful: false } => (format!("{BUTTON_PREFIX}:vote:down:{answer}"), "👎".to_string()),
    };
    (custom_id.len() <= MAX_CUSTOM_ID).then_some(Button { custom_id, label })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_formatting_but_keeps_the_words() {
        assert_eq!(escape("*vet* en _schuin_ `code`"), "\\*vet\\* en \\_schuin\\_ \\`code\\`");
        assert_eq!(escape("> geen citaat\n# geen kop"), "\\> geen citaat\n\\# geen kop");
        assert_eq!(escape("a - b > c"), "a - b > c");
        assert_eq!(escape("@everyone <@123>"), "@everyone <@123>");
    }

    #[test]
    fn the_bots_code_spans_stay_code() {
        assert_eq!(escape_keeping_code("typ `meer` of *iets*"), "typ `meer` of \\*iets\\*");
        assert_eq!(escape_keeping_code("een ` los"), "een \\` los");
    }

    #[test]
    fn a_close_paragraph_hint_gets_a_button_that_shows_the_paragraph() {
        use crate::answer::{Action, Outcome, Reply};
        use crate::conversation::command::Command;
        let mut reply = Reply::note(Language::Dutch, Outcome::Declined, "Misschien bedoel je alinea 3?");
        reply.actions.push(Action::Show { document: "fietsstraten-2021-03-15".into(), number: 3 });
        let buttons = render(&reply).buttons;
        assert_eq!(buttons.len(), 1);
        assert_eq!(buttons[0].label, "Toon alinea 3");
        let command = super::super::commands::from_button(&buttons[0].custom_id);
        let expected = Command::Paragraph { document: Some("fietsstraten-2021-03-15".into()), number: 3 };
        assert_eq!(command, Some(expected));
    }

    #[test]
    fn a_reply_of_the_bots_own_words_that_is_too_long_is_cut_not_spun() {
        use crate::answer::{Outcome, Reply};
        let long_name = "x".repeat(5000);
        let reply =
            Reply::note(Language::Dutch, Outcome::Invalid, format!("Ik ken geen document `{long_name}`"));
        assert!(render(&reply).content.chars().count() <= DISCORD_MAX_CHARS);
        let escaped_only = Reply::note(Language::Dutch, Outcome::Info, "*_".repeat(1500));
        assert!(render(&escaped_only).content.chars().count() <= DISCORD_MAX_CHARS);
    }
}

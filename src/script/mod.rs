//! Conversation scripts: plain-text files a moderator can write without reading Rust, run
//! through the conversation core (or, by an adapter, through a chat platform) to prove how the
//! bot converses.
//!
//! ```text
//! # A comment. Directives start with @, turns with a role, expectations are indented.
//! @documents ../fixtures/letter        (folder to start with, relative to this file)
//! @rate-limit 2 per 30s
//!
//! member anna: Blijft de verzorgingsstaat bestaan?
//!     cites alinea 7
//!     quotes "de verzorgingsstaat blijft bestaan"
//! moderator bob in #mods (en): reload
//!     private
//!     contains "Reloaded"
//! @wait 31s
//! ```
//!
//! See `tests/conversations/README.md` for every directive and expectation. Errors in a
//! script name its file, line and column and say what was expected.

mod expect;
mod parse;
mod run;

use std::path::PathBuf;
use std::time::Duration;

pub use expect::{Citation, Observed};
pub use parse::{parse, ScriptError};
pub use run::{
    engine_for, load_script, run_script, run_with_core, script_files, CoreTransport, Failure, ScriptGate,
    ScriptReport, Transport,
};

use crate::answer::Action;
use crate::conversation::{Command, Role};
use crate::i18n::Language;
use crate::document::PassageKind;

/// A parsed script.
#[derive(Debug, Clone)]
pub struct Script {
    pub path: PathBuf,
    /// Engine settings from the header.
    pub header: Header,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Documents folder to start with.
    pub documents: Option<PathBuf>,
    /// Reload gate folder.
    pub gate: Option<PathBuf>,
    /// Questions per window.
    pub rate_limit: Option<(usize, Duration)>,
    pub followup_expiry: Option<Duration>,
    /// `@feedback`: keep a feedback log (in memory) of declined questions and votes.
    pub feedback: bool,
}

#[derive(Debug, Clone)]
pub enum Step {
    Turn(Turn),
    /// Let simulated time pass.
    Wait {
        line: usize,
        by: Duration,
    },
    /// `@change-documents`: from now on, reloads read this folder (as if a moderator changed
    /// the files).
    Documents {
        line: usize,
        folder: PathBuf,
    },
    /// Forget follow-up state, as a restart of the bot would.
    Restart {
        line: usize,
    },
}

/// One message to the bot and what its reply must satisfy.
#[derive(Debug, Clone)]
pub struct Turn {
    pub line: usize,
    pub role: Role,
    pub user: String,
    pub channel: Option<String>,
    pub locale: Option<String>,
    /// How the message reaches the bot.
    pub via: Via,
    /// The message (empty for a button press).
    pub text: String,
    pub expectations: Vec<Expectation>,
}

impl Turn {
    /// The turn as a failure report names it: its text, or the button pressed.
    pub fn describe(&self) -> String {
        match self.via {
            Via::Button(kind) => format!("presses {}", kind.name()),
            _ => self.text.clone(),
        }
    }
}

/// How a turn reaches the bot. The core takes text or a parsed command; a chat transport
/// sends what the script names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Whatever the transport finds natural (Discord: a slash command where one exists).
    Any,
    /// A message that mentions the bot in a channel.
    Mention,
    /// A slash command: the platform has parsed the command already.
    Slash,
    /// A direct message to the bot: only the asker sees the reply.
    Direct,
    /// A press on a button under the last reply the asker saw in that channel.
    Button(ButtonKind),
}

/// The buttons under a reply, by what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonKind {
    More,
    Previous,
    Next,
    /// Show the paragraph a decline names.
    Show,
    /// 👍 on an answer.
    Helpful,
    /// 👎 on an answer.
    Unhelpful,
}

impl ButtonKind {
    pub fn name(self) -> &'static str {
        match self {
            ButtonKind::More => "more",
            ButtonKind::Previous => "previous",
            ButtonKind::Next => "next",
            ButtonKind::Show => "show",
            ButtonKind::Helpful => "helpful",
            ButtonKind::Unhelpful => "unhelpful",
        }
    }

    /// The button of this kind under a reply, as the command a press sends.
    pub fn pressed(self, actions: &[Action]) -> Option<Command> {
        actions.iter().find_map(|action| match (self, action) {
            (ButtonKind::More, Action::More) => Some(Command::More),
            (ButtonKind::Helpful, Action::Vote { answer, helpful: true })
            | (ButtonKind::Unhelpful, Action::Vote { answer, helpful: false }) => {
                Some(Command::Vote { answer: *answer, helpful: matches!(self, ButtonKind::Helpful) })
            }
            (ButtonKind::Previous, Action::Previous { document, number })
            | (ButtonKind::Next, Action::Next { document, number })
            | (ButtonKind::Show, Action::Show { document, number }) => {
                Some(Command::Paragraph { document: Some(document.clone()), number: *number })
            }
            _ => None,
        })
    }
}

/// Something the reply to a turn must satisfy.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub line: usize,
    pub kind: ExpectationKind,
}

#[derive(Debug, Clone)]
pub enum ExpectationKind {
    /// A quote contains this text.
    Quotes(String),
    /// A quote comes from this passage (of this document), as `rule` says.
    Cites {
        kind: PassageKind,
        number: u32,
        document: Option<String>,
        rule: CiteRule,
    },
    Answers,
    Declines,
    /// Refused: for lack of permission, by the rate limit, or either (`None`).
    Refuses(Option<RefusalKind>),
    Contains(String),
    /// `contains any case "text"`: as `Contains`, ignoring upper and lower case.
    ContainsAnyCase(String),
    Lacks(String),
    /// A short private usage hint for a malformed command.
    UsageHint,
    Matches(regex::Regex),
    ShorterThan(usize),
    Private,
    Public,
    /// `replies in en` / `replies in nl`: the bot's own words are in that language.
    RepliesIn(Language),
}

/// Which of a reply's quotes a `cites` expectation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteRule {
    /// `cites`: one of them.
    Any,
    /// `first quote cites`: the first.
    First,
    /// `only cites`: there is at least one, and every one is that passage.
    Only,
    /// `does not cite`: none of them.
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    Permission,
    RateLimit,
}

//! What the conversation core is given: who speaks, where, in which locale, and what.

use super::command::Command;
use super::documents::DocumentRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Member,
    Moderator,
}

/// One incoming message or command.
#[derive(Debug, Clone)]
pub struct Request {
    pub user_id: String,
    pub display_name: String,
    pub role: Role,
    /// The server (guild) it came from; `None` for a direct message or the terminal.
    pub guild: Option<String>,
    /// Channel or conversation id; follow-ups are kept per user and channel.
    pub channel: String,
    /// The asker's locale (`nl`, `en-US`, ...), if the platform knows it.
    pub locale: Option<String>,
    pub input: Input,
}

/// Text to be parsed into a command, or a command a platform already parsed (a slash
/// command or a button).
#[derive(Debug, Clone)]
pub enum Input {
    Text(String),
    Command(Command),
    /// A moderator's change to the documents (an upload or a removal).
    Document(DocumentRequest),
}

impl Request {
    /// A member's text message; a shorthand for tests and adapters.
    pub fn text(user_id: &str, role: Role, channel: &str, text: &str) -> Request {
        Request {
            user_id: user_id.into(),
            display_name: user_id.into(),
            role,
            guild: None,
            channel: channel.into(),
            locale: None,
            input: Input::Text(text.into()),
        }
    }
}

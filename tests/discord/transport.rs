//! Conversation scripts through Discord: each turn becomes a slash command (or a button press,
//! or a mention), and what the member sees (the bot's Discord message) is read back into an
//! [`Observed`] for the same expectations the core path checks.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use briefbot::answer::{texts as answer_texts, Outcome, Refusal};
use briefbot::conversation::command::Usage;
use briefbot::conversation::{texts, Command, ManualClock, Role, Settings};
use briefbot::document::PassageKind;
use briefbot::i18n::Language;
use briefbot::library::{Library, SourceConfig};
use briefbot::script::{self, ButtonKind, Citation, Observed, Script, Transport, Turn, Via};
use serde_json::{json, Value};

use super::harness::{start_engine, Bot};
use super::mock::Recorded;
use super::payloads::{button, command, direct_message, member, message, string_option, MODERATOR_ROLE};

const DM_CHANNEL: &str = "900000000000000099";

pub fn run_all_scripts(dir: &Path) -> Vec<String> {
    let mut failed = Vec::new();
    for file in script::script_files(dir) {
        let report = script::run_script(&file, |script| {
            let source = match &script.header.documents {
                Some(folder) => SourceConfig::Folder(folder.clone()),
                None => SourceConfig::FolderOrEmbedded(PathBuf::from("seeds")),
            };
            let library = Library::open(source, Duration::ZERO).map_err(|e| e.to_string())?;
            let bot =
                start_engine(|clock| script::engine_for(library, &script.header, Settings::default(), clock));
            Ok(Box::new(DiscordTransport::new(bot, script)) as Box<dyn Transport>)
        });
        if !report.passed() {
            failed.extend(report.describe());
        }
    }
    failed
}

struct DiscordTransport {
    bot: Bot,
    clock: Arc<ManualClock>,
    next_id: u64,
    users: HashMap<String, String>,
    channels: HashMap<String, String>,
    /// The buttons of the last reply each user saw in each channel.
    buttons: HashMap<(String, String), Vec<(String, String)>>,
}

impl DiscordTransport {
    fn new(bot: Bot, _script: &Script) -> DiscordTransport {
        let clock = bot.clock.clone();
        DiscordTransport {
            bot,
            clock,
            next_id: 1000,
            users: HashMap::new(),
            channels: HashMap::new(),
            buttons: HashMap::new(),
        }
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn snowflake(map: &mut HashMap<String, String>, name: &str, base: u64) -> String {
        let next = base + map.len() as u64;
        map.entry(name.to_string()).or_insert_with(|| next.to_string()).clone()
    }

    fn member(&self, user: &str, role: Role) -> Value {
        let roles: &[&str] = if role == Role::Moderator { &[MODERATOR_ROLE] } else { &[] };
        member(user, roles, "0")
    }

    /// Waits for the bot's answer to interaction `id`, following a deferral to its edit.
    fn interaction_reply(&self, mark: usize, id: u64) -> (Value, bool) {
        let callback = self.bot.mock.wait_for(mark, "an interaction callback", |r| {
            r.path.contains(&format!("/interactions/{id}/")) && r.status == 204
        });
        let private = callback.body["data"]["flags"].as_u64().unwrap_or(0) & 64 != 0;
        if callback.body["type"] == 5 {
            let edit = self.bot.mock.wait_for(mark, "the deferred reply", |r| {
                r.method == "PATCH" && r.path.contains(&format!("tok{id}/")) && r.status == 200
            });
            return (edit.body, private);
        }
        (callback.body["data"].clone(), private)
    }

    /// A mention by `user`, carrying `member`'s roles (a moderator's role makes a moderator).
    fn mention(&mut self, user: &str, channel: &str, text: &str, member: &Value) -> (Value, bool) {
        let id = 800000000000000000 + self.id();
        let mark = self.bot.mock.mark();
        let content = format!("<@{}> {text}", super::mock::BOT_ID);
        let mut event = message(id, channel, user, &content, true);
        event["member"]["roles"] = member["roles"].clone();
        self.bot.mock.dispatch("MESSAGE_CREATE", event);
        let sent: Recorded =
            self.bot.mock.wait_for(mark, "a message", |r| r.path.ends_with("/messages") && r.status == 200);
        let private = sent.path.contains(DM_CHANNEL);
        (sent.body, private)
    }
}

impl DiscordTransport {
    /// The slash command or button press a turn becomes, or `None` for a message.
    fn interaction(
        &self,
        turn: &Turn,
        id: u64,
        user: &str,
        channel: &str,
        member: &Value,
    ) -> Result<Option<Value>, String> {
        let locale = turn.locale.clone().unwrap_or_else(|| "nl".into());
        let slash = |name: &str, options: Value| command(id, name, options, channel, member.clone(), &locale);
        let parsed = Command::parse(&turn.text);
        // Only a mention carries no locale: a turn without one whose reply language the words
        // or the asker's last question decide (English command words; `help` and `status`,
        // the same in both languages) goes as a mention.
        let worded =
            briefbot::conversation::command::language_of_command_words(&turn.text, &parsed).is_some();
        let by_mention =
            turn.locale.is_none() && (worded || matches!(parsed, Command::Help | Command::Status));
        let press = |kind: ButtonKind| -> Result<Option<Value>, String> {
            let seen =
                self.buttons.get(&(user.to_string(), channel.to_string())).cloned().unwrap_or_default();
            let found = seen.iter().find(|(_, label)| button_kind(label) == Some(kind));
            let (custom_id, _) =
                found.ok_or_else(|| format!("the last reply has no `{}` button", kind.name()))?;
            Ok(Some(button(id, custom_id, channel, member.clone(), &locale)))
        };
        match turn.via {
            Via::Mention | Via::Direct => return Ok(None),
            Via::Button(kind) => return press(kind),
            Via::Any if by_mention => return Ok(None),
            Via::Any | Via::Slash => {}
        }
        Ok(match parsed {
            Command::Malformed(_) => None,
            Command::Ask(question) => Some(slash("ask", json!([string_option("question", &question)]))),
            Command::More => Some(slash("more", json!([]))),
            Command::Paragraph { document, number } => {
                let mut options = vec![json!({ "name": "number", "type": 4, "value": number })];
                options.extend(document.map(|d| string_option("document", &d)));
                Some(slash("paragraph", Value::Array(options)))
            }
            Command::Documents { page } => {
                Some(slash("documents", json!([{ "name": "page", "type": 4, "value": page }])))
            }
            Command::Help => Some(slash("help", json!([]))),
            Command::Status => Some(slash("status", json!([]))),
            Command::Unanswered { days } => {
                Some(slash("unanswered", json!([{ "name": "days", "type": 4, "value": days }])))
            }
            // Only a button sends a vote or a confirmation.
            Command::Vote { .. } | Command::ConfirmChange { .. } | Command::CancelChange { .. } => None,
            Command::Reload { force } => {
                Some(slash("reload", json!([{ "name": "force", "type": 5, "value": force }])))
            }
            // Typed `vorige`/`volgende`: the button when the last reply has one, else a mention.
            Command::Previous if turn.via == Via::Any => press(ButtonKind::Previous).ok().flatten(),
            Command::Next if turn.via == Via::Any => press(ButtonKind::Next).ok().flatten(),
            Command::Previous | Command::Next => {
                return Err("there is no slash command for previous or next: press the button".into())
            }
        })
    }

    /// A direct message from `user`, and the reply the bot sent into that DM.
    fn direct(&mut self, user: &str, text: &str) -> Value {
        let id = 800000000000000000 + self.id();
        let mark = self.bot.mock.mark();
        self.bot.mock.dispatch("MESSAGE_CREATE", direct_message(id, DM_CHANNEL, user, text));
        let sent: Recorded = self.bot.mock.wait_for(mark, "a message", |r| {
            r.path.ends_with(&format!("/channels/{DM_CHANNEL}/messages")) && r.status == 200
        });
        sent.body
    }
}

/// What a button does, by its label in either language.
fn button_kind(label: &str) -> Option<ButtonKind> {
    match label {
        "Meer" | "More" => Some(ButtonKind::More),
        "Vorige alinea" | "Previous paragraph" => Some(ButtonKind::Previous),
        "Volgende alinea" | "Next paragraph" => Some(ButtonKind::Next),
        l if l.starts_with("Toon alinea") || l.starts_with("Show paragraph") => Some(ButtonKind::Show),
        "👍" => Some(ButtonKind::Helpful),
        "👎" => Some(ButtonKind::Unhelpful),
        _ => None,
    }
}

impl Transport for DiscordTransport {
    fn turn(&mut self, turn: &Turn) -> Result<Observed, String> {
        let user = Self::snowflake(&mut self.users, &turn.user, 900000000000001000);
        let channel_name = match turn.via {
            Via::Direct => format!("dm:{}", turn.user),
            _ => turn.channel.clone().unwrap_or_else(|| "#algemeen".into()),
        };
        let channel = Self::snowflake(&mut self.channels, &channel_name, 900000000000002000);
        let member = self.member(&user, turn.role);
        let id = self.id();
        let mark = self.bot.mock.mark();
        let (body, private) = if turn.via == Via::Direct {
            if turn.role == Role::Moderator {
                return Err("in a direct message Discord knows moderators only by user id \
                    (discord.moderator_user_ids), which these scripts do not configure"
                    .into());
            }
            (self.direct(&user, &turn.text), true)
        } else {
            match self.interaction(turn, id, &user, &channel, &member)? {
                Some(event) => {
                    self.bot.mock.dispatch("INTERACTION_CREATE", event);
                    self.interaction_reply(mark, id)
                }
                None => self.mention(&user, &channel, &turn.text, &member),
            }
        };
        let buttons: Vec<(String, String)> = body["components"][0]["components"]
            .as_array()
            .map(|b| {
                b.iter()
                    .map(|b| {
                        (
                            b["custom_id"].as_str().unwrap_or("").to_string(),
                            b["label"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        if !buttons.is_empty() {
            self.buttons.insert((user.clone(), channel.clone()), buttons.clone());
        }
        Ok(observe(&self.bot, body["content"].as_str().unwrap_or(""), private, &buttons))
    }

    fn wait(&mut self, by: Duration) {
        self.clock.advance(by);
    }

    fn use_documents(&mut self, folder: &Path) {
        self.bot.engine.library().set_source(SourceConfig::Folder(folder.to_path_buf()));
    }

    fn restart(&mut self) {
        self.bot.engine.forget_sessions();
    }
}

/// Whether `text` says that a paragraph past the end of a document does not exist.
fn is_no_such_paragraph(bot: &Bot, text: &str) -> bool {
    let Some(number) = text.split(' ').nth(1).and_then(|n| n.parse::<u32>().ok()) else { return false };
    let snapshot = bot.engine.library().snapshot();
    snapshot.documents().iter().any(|d| {
        [Language::Dutch, Language::English]
            .iter()
            .any(|l| text == texts::no_such_paragraph(*l, number, &d.meta.citation(*l), d.body_count()))
    })
}

/// Removes Discord escapes (a backslash before a formatting character).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                out.push(next);
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Reads a Discord message back into what the expectations check.
fn observe(bot: &Bot, content: &str, private: bool, buttons: &[(String, String)]) -> Observed {
    let mut quotes = Vec::new();
    let mut citations = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut own_words = Vec::new();
    let mut label_language = None;
    for line in content.lines() {
        if let Some(quoted) = line.strip_prefix("> ") {
            current.push(unescape(quoted));
            continue;
        }
        if !current.is_empty() {
            quotes.push(current.join("\n"));
            current.clear();
        }
        match line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            Some(label) => {
                if let Some((cited, language)) = citation(bot, &unescape(label)) {
                    citations.push(cited);
                    label_language = label_language.or(Some(language));
                }
            }
            None => own_words.push(unescape(line)),
        }
    }
    let text = unescape(content);
    let outcome = outcome(bot, &text, !quotes.is_empty(), buttons);
    let language =
        buttons_language(buttons).or(label_language).or_else(|| words_language(&own_words.join(" ")));
    Observed { text, private, outcome, quotes, citations, language }
}

/// The language of a reply's buttons (their labels are the bot's own words).
fn buttons_language(buttons: &[(String, String)]) -> Option<Language> {
    let (_, label) = buttons.first()?;
    let dutch =
        ["Meer", "Vorige alinea", "Volgende alinea"].contains(&label.as_str()) || label.starts_with("Toon");
    Some(if dutch { Language::Dutch } else { Language::English })
}

/// The language of the bot's own words in a reply without buttons or references, by the
/// function words each language uses most; `None` when neither clearly wins.
fn words_language(text: &str) -> Option<Language> {
    const DUTCH: &[&str] = &[
        "de",
        "het",
        "een",
        "je",
        "niet",
        "geen",
        "van",
        "en",
        "deze",
        "over",
        "wat",
        "ik",
        "er",
        "op",
        "voor",
        "met",
        "zijn",
        "alinea",
        "brief",
        "typ",
        "herladen",
        "toegevoegd",
        "verwijderd",
        "gewijzigd",
    ];
    const ENGLISH: &[&str] = &[
        "the",
        "a",
        "you",
        "not",
        "no",
        "of",
        "and",
        "this",
        "about",
        "what",
        "i",
        "there",
        "on",
        "for",
        "with",
        "are",
        "paragraph",
        "letter",
        "type",
        "reloaded",
        "added",
        "removed",
        "changed",
    ];
    let words: Vec<String> = text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    let (dutch, english) = (count(DUTCH), count(ENGLISH));
    match dutch.cmp(&english) {
        std::cmp::Ordering::Greater => Some(Language::Dutch),
        std::cmp::Ordering::Less => Some(Language::English),
        std::cmp::Ordering::Equal => None,
    }
}

/// The passage a reference label names, and the label's language.
fn citation(bot: &Bot, label: &str) -> Option<(Citation, Language)> {
    let snapshot = bot.engine.library().snapshot();
    let (document, place) = snapshot.documents().iter().find_map(|d| {
        [Language::Dutch, Language::English]
            .iter()
            .find_map(|l| label.strip_prefix(&format!("{}, ", d.meta.citation(*l))))
            .map(|rest| (d.meta.id.clone(), rest.to_string()))
    })?;
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let number = |i: usize| words.get(i).and_then(|n| n.parse().ok());
    let first = words.first().copied()?;
    let kind = PassageKind::from_name(first)?;
    let n = match kind {
        PassageKind::Body | PassageKind::Footnote => number(1)?,
        PassageKind::Heading => number(1).unwrap_or(1),
        PassageKind::Addressee | PassageKind::Signature => 1,
    };
    let dutch = kind.name(Language::Dutch).starts_with(first);
    let language = if dutch { Language::Dutch } else { Language::English };
    Some((Citation { document, kind, number: n }, language))
}

fn outcome(bot: &Bot, text: &str, quotes: bool, buttons: &[(String, String)]) -> Outcome {
    let both = [Language::Dutch, Language::English];
    let documents = bot.engine.library().snapshot().documents().len();
    if both.iter().any(|l| text == texts::moderators_only(*l)) {
        return Outcome::Refused { reason: Refusal::Permission };
    }
    if text.starts_with("Rustig aan") || text.starts_with("Slow down") {
        return Outcome::Refused { reason: Refusal::RateLimited { retry_after_secs: 0 } };
    }
    let usages = [Usage::Paragraph, Usage::Documents, Usage::Reload];
    if both.iter().any(|l| usages.iter().any(|u| text == texts::usage(*l, *u)))
        || is_no_such_paragraph(bot, text)
    {
        return Outcome::Invalid;
    }
    // A decline, alone or followed by a hint at a close paragraph.
    let declined = |l: &Language| {
        let declined = answer_texts::declined(*l, documents);
        text == declined || text.starts_with(&format!("{declined}\n"))
    };
    if both.iter().any(declined) {
        return Outcome::Declined;
    }
    if quotes && buttons.iter().any(|(id, _)| id == "bb:more") {
        return Outcome::Answered;
    }
    Outcome::Info
}

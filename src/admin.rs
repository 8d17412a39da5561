//! The moderators' commands at the terminal: adding, replacing and removing documents (the
//! same preview and confirmation as in a chat, through the engine) and the feedback report.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use briefbot::{
    document_name, Action, Clock, Command, Config, DocumentRequest, Engine, FeedbackLog, Input, Language,
    Outcome, Overrides, Request, Role, SystemClock, Upload, PLAIN_MAX_CHARS,
};

/// Prints the feedback report of the last `days` days (an empty report when nothing is
/// stored yet).
pub fn report(config: &Config, days: u32, json: bool) -> anyhow::Result<ExitCode> {
    let Some((path, keep)) = config.feedback() else {
        anyhow::bail!("no feedback database is configured (feedback.database is empty)");
    };
    let now = SystemClock::default().unix_secs();
    let report = FeedbackLog::open(path, keep, now)?.report(now, days)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", report.describe(config.bot.language));
    }
    Ok(ExitCode::SUCCESS)
}

/// `briefbot add`: the file as an upload, then the same preview and confirmation as in a chat.
pub fn add(
    engine: &Engine,
    config: &Config,
    file: &Path,
    overrides: Overrides,
    replace: bool,
) -> anyhow::Result<ExitCode> {
    let size = std::fs::metadata(file)?.len();
    let max = engine.settings().max_upload_bytes;
    let bytes = if size <= max { std::fs::read(file)? } else { Vec::new() };
    let file_name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let upload = Upload { file_name, bytes, size };
    let request = match replace {
        true => {
            let name = overrides.name.clone().unwrap_or_else(|| document_name(&upload.file_name));
            DocumentRequest::Replace { name, upload, overrides }
        }
        false => DocumentRequest::Add { upload, overrides },
    };
    change(engine, config, request)
}

/// Shows the preview of a change to the documents, asks for confirmation when a person is at
/// the terminal, and makes it. Exit 1 when it could not be made.
pub fn change(engine: &Engine, config: &Config, request: DocumentRequest) -> anyhow::Result<ExitCode> {
    let operator = |input: Input| {
        let mut request = Request::text("operator", Role::Moderator, "terminal", "");
        request.locale = Some(config.bot.language.code().into());
        request.input = input;
        engine.handle(&request)
    };
    let preview = operator(Input::Document(request));
    println!("{}", preview.render_plain_within(PLAIN_MAX_CHARS));
    let confirm = preview.actions.iter().find_map(|a| match a {
        Action::Confirm { change } => Some(*change),
        _ => None,
    });
    let Some(id) = confirm else { return Ok(ExitCode::FAILURE) };
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) && !confirmed(config.bot.language)? {
        println!("{}", operator(Input::Command(Command::CancelChange { id })).render_plain());
        return Ok(ExitCode::FAILURE);
    }
    let done = operator(Input::Command(Command::ConfirmChange { id }));
    println!("{}", done.render_plain_within(PLAIN_MAX_CHARS));
    Ok(if done.outcome == Outcome::Info { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Asks "go ahead?" on the terminal; yes is `j`/`ja`/`y`/`yes`.
fn confirmed(language: Language) -> anyhow::Result<bool> {
    print!("{}", if language == Language::Dutch { "Doorgaan? [j/N] " } else { "Go ahead? [y/N] " });
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "j" | "ja" | "y" | "yes"))
}

//! The terminal adapter: renders core replies as plain text or JSON on stdout. The only
//! module that prints.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use briefbot::{
    load_script, run_with_core, script_files, Config, Engine, Language, LoadError, Request, Role, Settings,
    SourceConfig, PLAIN_MAX_CHARS,
};

/// Prints a fatal error for the person at the terminal; exit code 1.
pub fn report_error(error: &anyhow::Error) -> ExitCode {
    eprintln!("briefbot: {}", error_chain(error));
    ExitCode::FAILURE
}

/// An error and its causes on one line, each said once: a cause whose words its error
/// already shows (`cannot read: No such file ...`) is not repeated.
fn error_chain(error: &anyhow::Error) -> String {
    let mut line = error.to_string();
    for cause in error.chain().skip(1).map(ToString::to_string) {
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    line
}

/// How `ask` prints its answer.
pub struct AskOutput {
    pub json: bool,
    pub explain: bool,
}

pub fn ask(engine: &Engine, config: &Config, question: &str, output: AskOutput) -> anyhow::Result<ExitCode> {
    let asked = match engine.ask(question, config.bot.language, output.explain) {
        Ok(asked) => asked,
        Err(e) => {
            eprintln!("briefbot: {}", e.message(config.bot.language));
            return Ok(ExitCode::from(2));
        }
    };
    if output.json {
        let mut out = serde_json::json!({
            "answered": asked.reply.answered(),
            "reply": asked.reply.render_plain_within(PLAIN_MAX_CHARS),
            "passages": asked.passages,
        });
        if let Some(explanation) = &asked.explanation {
            out["explain"] = serde_json::to_value(explanation)?;
        }
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{}", asked.reply.render_plain_within(PLAIN_MAX_CHARS));
        if let Some(explanation) = &asked.explanation {
            println!("\n{}", explanation.render());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn passages(engine: &Engine, language: Language, json: bool) -> anyhow::Result<ExitCode> {
    let all = engine.passages(language);
    if json {
        println!("{}", serde_json::to_string_pretty(&all)?);
    } else {
        for p in all {
            println!("[{}] {}\n{}\n", p.kind, p.reference, p.text);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads and reports; exit 1 when the documents or the reload gate's scripts cannot be used.
pub fn check(loaded: anyhow::Result<Arc<Engine>>, config: &Config) -> ExitCode {
    let mut ok = match loaded {
        Ok(engine) => {
            let report = engine.load_report();
            for warning in &report.warnings {
                println!("warning: {warning}");
            }
            for doc in &report.documents {
                println!("ok: {} ({}): {} passages", doc.id, doc.source, doc.passages);
            }
            println!("configuration ok; {} passages in the index", report.passages);
            true
        }
        Err(e) => {
            let detail = e.downcast_ref::<LoadError>().map_or_else(|| error_chain(&e), ToString::to_string);
            println!("error: {detail}");
            false
        }
    };
    if let Some(gate) = config.reload_gate() {
        let scripts = script_files(gate);
        if scripts.is_empty() {
            println!("error: {}: no conversation scripts (*.conv) for the reload gate", gate.display());
            ok = false;
        }
        for script in scripts {
            match load_script(&script) {
                Ok(_) => println!("ok: reload gate script {}", script.display()),
                Err(e) => {
                    println!("error: {e}");
                    ok = false;
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A terminal conversation through the conversation core; the local operator is a
/// moderator. SIGHUP reloads the documents.
pub fn chat(engine: Arc<Engine>, config: &Config, main_job: bool) -> anyhow::Result<ExitCode> {
    let language = config.bot.language;
    reload_on_sighup(engine.clone(), language)?;
    if main_job {
        println!(
            "{}",
            match language {
                Language::Dutch =>
                    "Geen Discord-token ingesteld: zet BRIEFBOT_DISCORD__TOKEN om met Discord te verbinden.",
                Language::English =>
                    "No Discord token set: set BRIEFBOT_DISCORD__TOKEN to connect to Discord.",
            }
        );
    }
    println!(
        "{}",
        match language {
            Language::Dutch =>
                "Stel een vraag over de brief (`help` voor opdrachten; `stop` of Ctrl-D om te stoppen).",
            Language::English =>
                "Ask a question about the letter (`help` for commands; `stop` or Ctrl-D to stop).",
        }
    );
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    // A prompt only for someone typing: piped input is not echoed, so a prompt would run into
    // the reply.
    let typing = std::io::IsTerminal::is_terminal(&stdin);
    loop {
        if typing {
            print!("{}", prompt(language));
            stdout.flush()?;
        }
        let Some(line) = read_chat_line(&mut stdin.lock())? else { break };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if matches!(line.to_lowercase().as_str(), "stop" | "quit" | "exit") {
            break;
        }
        let mut request = Request::text("operator", Role::Moderator, "terminal", line);
        request.locale = Some(language.code().into());
        println!("{}\n", engine.handle(&request).render_plain_within(PLAIN_MAX_CHARS));
    }
    Ok(ExitCode::SUCCESS)
}

/// The chat prompt; not `> `, which is how a quoted passage starts.
fn prompt(language: Language) -> &'static str {
    match language {
        Language::Dutch => "Vraag: ",
        Language::English => "Question: ",
    }
}

/// Bytes of one chat line that are kept; the rest of a longer line is read and dropped (the
/// core refuses questions of over 1,000 characters anyway).
const MAX_CHAT_LINE_BYTES: u64 = 16 * 1024;

/// The next line typed, `None` at the end of input. Bytes that are not UTF-8 become `�`
/// instead of ending the chat; a line longer than [`MAX_CHAT_LINE_BYTES`] is cut there.
fn read_chat_line(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut bytes = Vec::new();
    if input.by_ref().take(MAX_CHAT_LINE_BYTES).read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    if bytes.last() != Some(&b'\n') {
        let mut rest = Vec::new();
        while input.by_ref().take(MAX_CHAT_LINE_BYTES).read_until(b'\n', &mut rest)? > 0 {
            if rest.last() == Some(&b'\n') {
                break;
            }
            rest.clear();
        }
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// Reloads the engine's documents whenever the process gets SIGHUP.
fn reload_on_sighup(engine: Arc<Engine>, language: Language) -> anyhow::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGHUP])?;
    std::thread::Builder::new().name("sighup-reload".into()).spawn(move || {
        for _ in signals.forever() {
            let reply = engine.reload(false, language);
            tracing::info!(report = %reply.render_plain(), "SIGHUP: reload");
        }
    })?;
    Ok(())
}

/// The documents of scripts that do not pin their own with `@documents`.
pub struct ScriptDocuments {
    pub source: SourceConfig,
    /// The `--documents` folder, when one was given.
    pub flag: Option<PathBuf>,
}

/// A script's `@documents` wins over `--documents`; says so when both are given.
fn documents_notice(file: &Path, flag: Option<&Path>) -> Option<String> {
    let pinned = load_script(file).ok()?.header.documents?;
    let flag = flag?;
    Some(format!(
        "note: {}: the script's @documents {} is used, not --documents {}",
        file.display(),
        pinned.display(),
        flag.display()
    ))
}

/// Runs conversation scripts; prints each failing expectation with the actual reply, then
/// `N passed, N failed` (scripts). Exit 1 when any failed.
pub fn converse(paths: &[PathBuf], documents: &ScriptDocuments, settings: &Settings) -> ExitCode {
    let files: Vec<PathBuf> = paths.iter().flat_map(|p| script_files(p)).collect();
    let (mut passed, mut failed) = (0, 0);
    if files.is_empty() {
        println!("no scripts found in {paths:?}");
        return ExitCode::from(2);
    }
    for file in files {
        if let Some(notice) = documents_notice(&file, documents.flag.as_deref()) {
            println!("{notice}");
        }
        let report = run_with_core(&file, &documents.source, settings);
        if report.passed() {
            passed += 1;
            println!("ok    {} ({} turns)", file.display(), report.turns);
        } else {
            failed += 1;
            println!("FAIL  {}", file.display());
            for line in report.describe() {
                println!("  {line}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Output to a pipe that closes early (`briefbot passages | head`) ends the process quietly,
/// as Unix tools do, instead of a panic in `println!`. Only for one-shot commands that print
/// and exit: the bot keeps Rust's default, under which a closed connection is an error it
/// handles, not the end of the process.
pub fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: sets one signal's disposition back to the default, before this command starts
    // any thread or writes anything.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_cannot_be_taken_for_a_quote() {
        for language in [Language::Dutch, Language::English] {
            assert!(!prompt(language).contains('>'), "{}", prompt(language));
        }
    }
}

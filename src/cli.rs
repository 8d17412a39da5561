//! Command-line interface: subcommands parsed once into a typed enum, then dispatched.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use std::sync::Arc;

use briefbot::{
    Clock, Config, DocumentRequest, Engine, FeedbackLog, Library, Overrides, ReloadGate, ScriptGate,
    SourceConfig, SystemClock,
};

use crate::{admin, terminal};

#[derive(Debug, Parser)]
#[command(
    name = "briefbot",
    version,
    about = "Answers questions about a Dutch government letter with verbatim quotes."
)]
pub struct Cli {
    /// Log more (or set BRIEFBOT_LOG, e.g. BRIEFBOT_LOG=briefbot=debug).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer one question.
    Ask {
        /// Print one JSON object instead of the reply text.
        #[arg(long)]
        json: bool,
        /// Also show how the question was analysed, the best passages and why it was
        /// declined (in JSON: under `explain`).
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        documents: DocumentsArg,
        /// The question.
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Print the passage index as loaded.
    Passages {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        documents: DocumentsArg,
    },
    /// Talk with the bot in the terminal.
    Chat {
        #[command(flatten)]
        documents: DocumentsArg,
    },
    /// Validate configuration and documents, printing diagnostics.
    Check {
        #[command(flatten)]
        documents: DocumentsArg,
    },
    /// Connect to Discord (needs a token: BRIEFBOT_DISCORD__TOKEN).
    Discord {
        #[command(flatten)]
        documents: DocumentsArg,
    },
    /// What the documents did not answer: the most frequent declined questions and the answers
    /// with most 👎 (from the feedback database, `feedback.database`).
    Report {
        /// How many days back.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Add a document (a PDF, an HTML or XML publication, or plain text) to the documents
    /// folder: shows a preview and asks for confirmation on a terminal (without a terminal it
    /// proceeds), then checks that the folder still loads (and passes the reload gate).
    Add {
        #[command(flatten)]
        documents: DocumentsArg,
        /// The file to add.
        file: PathBuf,
        /// The document's name (default: from the file name).
        #[arg(long)]
        name: Option<String>,
        /// Its title in references (default: from its first page).
        #[arg(long)]
        title: Option<String>,
        /// Its date, YYYY-MM-DD (default: from its first page).
        #[arg(long)]
        date: Option<String>,
        /// Dossier and number, e.g. "33 750 VII, nr. 56" (default: from its first page).
        #[arg(long)]
        reference: Option<String>,
        /// Replace the document of the same name.
        #[arg(long)]
        replace: bool,
    },
    /// Remove a document from the documents folder (after a preview and confirmation).
    Remove {
        #[command(flatten)]
        documents: DocumentsArg,
        /// The document's name (`briefbot check` lists them).
        name: String,
    },
    /// Run conversation scripts (files, or folders of *.conv files) through the core.
    Converse {
        #[command(flatten)]
        documents: DocumentsArg,
        /// Script files or folders.
        #[arg(required = true, num_args = 1..)]
        scripts: Vec<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct DocumentsArg {
    /// Documents folder (default: `bot.documents` from the configuration). For `converse`,
    /// the folder of scripts that do not name one with `@documents`.
    #[arg(long, value_name = "DIR")]
    documents: Option<PathBuf>,
}

impl DocumentsArg {
    fn source(&self, config: &Config) -> SourceConfig {
        match &self.documents {
            Some(dir) => SourceConfig::Folder(dir.clone()),
            None => config.documents_source(),
        }
    }

    /// The engine every command goes through: the documents, the configured conversation
    /// settings and the configured reload gate (whose scripts run with the same settings).
    /// The engine members talk to (Discord) also keeps the feedback log, if one is configured.
    fn engine(&self, config: &Config, audience: Audience) -> anyhow::Result<Arc<Engine>> {
        let clock = Arc::new(SystemClock::default());
        let library = Library::open(self.source(config), clock.now()).context("loading documents")?;
        let settings = config.conversation_settings();
        let gate = config
            .reload_gate()
            .map(|dir| Arc::new(ScriptGate::new(dir.to_path_buf(), settings.clone())) as Arc<dyn ReloadGate>);
        let feedback = match (audience, config.feedback()) {
            (Audience::Members, Some((path, keep))) => {
                Some(Arc::new(FeedbackLog::open(path, keep, clock.unix_secs())?))
            }
            _ => None,
        };
        Ok(Arc::new(Engine::new(library, settings, clock).with_gate(gate).with_feedback(feedback)))
    }
}

/// Who talks to an engine: the operator at the terminal, or members on Discord (whose
/// declined questions and votes the feedback log keeps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Audience {
    Operator,
    #[cfg_attr(not(feature = "discord"), allow(dead_code))]
    Members,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = Config::load()?;
    // A command that prints and exits ends quietly when its output pipe closes early; the bot
    // and the interactive chat keep Rust's default.
    if matches!(
        cli.command,
        Some(
            Command::Ask { .. }
                | Command::Passages { .. }
                | Command::Check { .. }
                | Command::Converse { .. }
                | Command::Report { .. }
        )
    ) {
        terminal::end_quietly_on_closed_pipe();
    }
    match cli.command {
        None if !config.discord.token.is_empty() => discord(&DocumentsArg { documents: None }, &config),
        None => terminal::chat(
            DocumentsArg { documents: None }.engine(&config, Audience::Operator)?,
            &config,
            true,
        ),
        Some(Command::Discord { documents }) => discord(&documents, &config),
        Some(Command::Report { days, json }) => admin::report(&config, days, json),
        Some(Command::Add { documents, file, name, title, date, reference, replace }) => {
            let overrides = Overrides { name, title, date, reference };
            let engine = documents.engine(&config, Audience::Operator)?;
            admin::add(&engine, &config, &file, overrides, replace)
        }
        Some(Command::Remove { documents, name }) => {
            let engine = documents.engine(&config, Audience::Operator)?;
            admin::change(&engine, &config, DocumentRequest::Remove { name })
        }
        Some(Command::Ask { json, explain, documents, question }) => {
            let engine = documents.engine(&config, Audience::Operator)?;
            terminal::ask(&engine, &config, &question.join(" "), terminal::AskOutput { json, explain })
        }
        Some(Command::Passages { json, documents }) => {
            terminal::passages(&*documents.engine(&config, Audience::Operator)?, config.bot.language, json)
        }
        Some(Command::Chat { documents }) => {
            terminal::chat(documents.engine(&config, Audience::Operator)?, &config, false)
        }
        Some(Command::Check { documents }) => {
            Ok(terminal::check(documents.engine(&config, Audience::Operator), &config))
        }
        Some(Command::Converse { documents, scripts }) => {
            let default =
                terminal::ScriptDocuments { source: documents.source(&config), flag: documents.documents };
            Ok(terminal::converse(&scripts, &default, &config.conversation_settings()))
        }
    }
}

/// Runs the Discord adapter until SIGINT/SIGTERM (the token is checked before anything is
/// loaded or opened).
#[cfg(feature = "discord")]
fn discord(documents: &DocumentsArg, config: &Config) -> anyhow::Result<ExitCode> {
    if config.discord.token.is_empty() {
        return Err(briefbot::DiscordError::NoToken.into());
    }
    let engine = documents.engine(config, Audience::Members)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let result = runtime.block_on(briefbot::run_discord(engine, &config.discord));
    // A reload or answer still running on the blocking pool must not hold up the exit.
    runtime.shutdown_timeout(briefbot::SHUTDOWN_GRACE);
    result?;
    Ok(ExitCode::SUCCESS)
}

/// Without the `discord` feature there is no Discord adapter to run.
#[cfg(not(feature = "discord"))]
fn discord(_documents: &DocumentsArg, _config: &Config) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this briefbot was built without Discord support (cargo feature `discord`)")
}

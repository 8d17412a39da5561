//! Running scripts: each script gets its own engine (fresh sessions, simulated clock) through
//! a [`Transport`]; the core transport talks to the engine directly.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::expect::{check, Observed};
use super::{parse, Header, Script, ScriptError, Step, Turn, Via};
use crate::answer::{Action, PLAIN_MAX_CHARS};
use crate::feedback::{FeedbackLog, FeedbackSettings};
use crate::conversation::command::Command;
use crate::conversation::{Engine, Input, ManualClock, Request, Settings};
use crate::library::{Library, ReloadGate, Snapshot, SourceConfig};

/// How a script reaches the bot.
pub trait Transport {
    /// Sends one turn and reports what the asker saw; `Err` says why the turn could not be
    /// sent (a button the last reply did not have, a turn the platform cannot carry).
    fn turn(&mut self, turn: &Turn) -> Result<Observed, String>;
    /// Lets simulated time pass.
    fn wait(&mut self, by: Duration);
    /// Points future reloads at another folder.
    fn use_documents(&mut self, folder: &Path);
    /// Forgets follow-up state, as a restart would.
    fn restart(&mut self);
}

/// The conversation core itself, on a simulated clock.
pub struct CoreTransport {
    pub engine: Engine,
    clock: Arc<ManualClock>,
    /// The buttons under the last reply each asker saw, per asker and channel.
    buttons: HashMap<(String, String), Vec<Action>>,
}

impl CoreTransport {
    /// An engine for a script over `library`, with the script's header settings on top of
    /// `settings`.
    pub fn new(library: Library, header: &Header, settings: Settings) -> CoreTransport {
        let clock = Arc::new(ManualClock::default());
        CoreTransport { engine: engine_for(library, header, settings, clock.clone()), clock, buttons: HashMap::new() }
    }
}

impl Transport for CoreTransport {
    fn turn(&mut self, turn: &Turn) -> Result<Observed, String> {
        let channel = match turn.via {
            Via::Direct => format!("dm:{}", turn.user),
            _ => turn.channel.clone().unwrap_or_else(|| "#algemeen".into()),
        };
        let key = (turn.user.clone(), channel.clone());
        let input = match turn.via {
            Via::Any | Via::Mention | Via::Direct => Input::Text(turn.text.clone()),
            Via::Slash => Input::Command(Command::parse(&turn.text)),
            Via::Button(kind) => {
                let shown = self.buttons.get(&key).map_or(&[][..], Vec::as_slice);
                let pressed = kind.pressed(shown);
                Input::Command(pressed.ok_or_else(|| format!("the last reply has no `{}` button", kind.name()))?)
            }
        };
        let request = Request {
            user_id: turn.user.clone(),
            display_name: turn.user.clone(),
            role: turn.role,
            guild: (turn.via != Via::Direct).then(|| "script".to_string()),
            channel,
            locale: turn.locale.clone(),
            input,
        };
        let reply = self.engine.handle(&request);
        if !reply.actions.is_empty() {
            self.buttons.insert(key, reply.actions.clone());
        }
        let mut seen = Observed::from_reply(&reply, reply.render_plain_within(PLAIN_MAX_CHARS));
        seen.private |= turn.via == Via::Direct;
        Ok(seen)
    }

    fn wait(&mut self, by: Duration) {
        self.clock.advance(by);
    }

    fn use_documents(&mut self, folder: &Path) {
        self.engine.library().set_source(SourceConfig::Folder(folder.to_path_buf()));
    }

    fn restart(&mut self) {
        self.engine.forget_sessions();
    }
}

/// The engine a script talks to: `settings` with the header's overrides, and the header's
/// reload gate (whose scripts run with the same settings).
pub fn engine_for(library: Library, header: &Header, settings: Settings, clock: Arc<ManualClock>) -> Engine {
    let settings = settings_for(header, settings);
    let gate = header.gate.as_ref().map(|dir| ScriptGate::new(dir.clone(), settings.clone()));
    let feedback = header.feedback.then(|| FeedbackLog::in_memory(FeedbackSettings::default()));
    let feedback = match feedback.transpose() {
        Ok(log) => log.map(Arc::new),
        Err(error) => {
            tracing::error!(%error, "no feedback log for this script");
            None
        }
    };
    Engine::new(library, settings, clock)
        .with_gate(gate.map(|g| Arc::new(g) as Arc<dyn ReloadGate>))
        .with_feedback(feedback)
}

/// `settings` with a script header's overrides (rate limit, follow-up expiry).
fn settings_for(header: &Header, mut settings: Settings) -> Settings {
    if let Some((max, window)) = header.rate_limit {
        settings.rate_limit = max;
        settings.rate_window = window;
    }
    if let Some(expiry) = header.followup_expiry {
        settings.followup_expiry = expiry;
    }
    settings
}

/// One failing expectation, with what the bot actually said.
#[derive(Debug, Clone)]
pub struct Failure {
    pub line: usize,
    pub turn: String,
    pub expected: String,
    pub found: String,
    pub reply: String,
    /// The line of a failed turn whose follow-up state this turn depends on (`meer`,
    /// `volgende` and `vorige` after a question that already went wrong).
    pub follows_failure: Option<usize>,
}

#[derive(Debug)]
pub struct ScriptReport {
    pub path: PathBuf,
    pub turns: usize,
    /// A script that could not be read or parsed, or whose documents did not load.
    pub error: Option<String>,
    pub failures: Vec<Failure>,
}

impl ScriptReport {
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.failures.is_empty()
    }

    /// Human-readable lines for each failure.
    pub fn describe(&self) -> Vec<String> {
        let path = self.path.display();
        let mut lines: Vec<String> = self.error.iter().map(|e| format!("error: {e}")).collect();
        for f in &self.failures {
            let cause = f.follows_failure.map_or(String::new(), |l| format!(" (follows up the failed turn at line {l})"));
            lines.push(format!(
                "{path}:{}: after `{}`{cause}: expected `{}`, but {}",
                f.line, f.turn, f.expected, f.found
            ));
            lines.extend(f.reply.lines().map(|l| format!("    | {l}")));
        }
        lines
    }
}

/// Per asker and channel, the line of the last turn that set follow-up state and failed.
#[derive(Default)]
struct FailedOrigins(std::collections::HashMap<(String, Option<String>), usize>);

impl FailedOrigins {
    fn key(turn: &Turn) -> (String, Option<String>) {
        (turn.user.clone(), turn.channel.clone())
    }

    fn is_follow_up(turn: &Turn) -> bool {
        match turn.via {
            Via::Button(_) => true,
            _ => matches!(Command::parse(&turn.text), Command::More | Command::Previous | Command::Next),
        }
    }

    /// The failed turn this one follows up, if it is a follow-up of one.
    fn before(&self, turn: &Turn) -> Option<usize> {
        Self::is_follow_up(turn).then(|| self.0.get(&Self::key(turn)).copied()).flatten()
    }

    /// Records the outcome of a turn that sets follow-up state (anything but a follow-up).
    fn after(&mut self, turn: &Turn, failed: bool) {
        if Self::is_follow_up(turn) {
            return;
        }
        match failed {
            true => self.0.insert(Self::key(turn), turn.line),
            false => self.0.remove(&Self::key(turn)),
        };
    }
}

/// Reads and parses a script file.
pub fn load_script(path: &Path) -> Result<Script, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    parse(path, &text).map_err(|e: ScriptError| e.to_string())
}

/// Runs a script through a transport made for it.
pub fn run_script(
    path: &Path,
    transport: impl FnOnce(&Script) -> Result<Box<dyn Transport>, String>,
) -> ScriptReport {
    let mut report = ScriptReport { path: path.to_path_buf(), turns: 0, error: None, failures: Vec::new() };
    let script = match load_script(path) {
        Ok(script) => script,
        Err(e) => {
            report.error = Some(e);
            return report;
        }
    };
    let mut transport = match transport(&script) {
        Ok(t) => t,
        Err(e) => {
            report.error = Some(e);
            return report;
        }
    };
    let mut failed_origins = FailedOrigins::default();
    for step in &script.steps {
        match step {
            Step::Turn(turn) => {
                report.turns += 1;
                let follows_failure = failed_origins.before(turn);
                let before = report.failures.len();
                let seen = match transport.turn(turn) {
                    Ok(seen) => seen,
                    Err(why) => {
                        report.failures.push(Failure {
                            line: turn.line,
                            turn: turn.describe(),
                            expected: "a reply".into(),
                            found: why,
                            reply: String::new(),
                            follows_failure,
                        });
                        failed_origins.after(turn, true);
                        continue;
                    }
                };
                for expectation in &turn.expectations {
                    if let Err(found) = check(&expectation.kind, &seen) {
                        report.failures.push(Failure {
                            line: expectation.line,
                            turn: turn.describe(),
                            expected: expectation.kind.to_string(),
                            found,
                            reply: seen.text.clone(),
                            follows_failure,
                        });
                    }
                }
                failed_origins.after(turn, report.failures.len() > before);
            }
            Step::Wait { by, .. } => transport.wait(*by),
            Step::Documents { folder, .. } => transport.use_documents(folder),
            Step::Restart { .. } => {
                failed_origins = FailedOrigins::default();
                transport.restart()
            }
        }
    }
    report
}

/// Runs a script through the conversation core. Its documents are the script's `@documents`
/// folder, else `default_source`.
pub fn run_with_core(path: &Path, default_source: &SourceConfig, settings: &Settings) -> ScriptReport {
    run_script(path, |script| {
        let source = match &script.header.documents {
            Some(folder) => SourceConfig::Folder(folder.clone()),
            None => default_source.clone(),
        };
        let library = Library::open(source, Duration::ZERO)
            .map_err(|e| format!("{}: documents: {e}", path.display()))?;
        Ok(Box::new(CoreTransport::new(library, &script.header, settings.clone())) as Box<dyn Transport>)
    })
}

/// The `*.conv` files of a folder (sorted), or the file itself.
pub fn script_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "conv"));
    files.sort();
    files
}

/// The reload gate made of conversation scripts: every script in a folder must pass on the
/// candidate documents. The scripts run with the settings the bot runs with (their headers'
/// overrides on top); their own `@documents` and `@gate` are ignored, since the candidate is
/// what is being checked.
#[derive(Debug, Clone)]
pub struct ScriptGate {
    dir: PathBuf,
    settings: Settings,
}

impl ScriptGate {
    pub fn new(dir: PathBuf, settings: Settings) -> ScriptGate {
        ScriptGate { dir, settings }
    }
}

impl ReloadGate for ScriptGate {
    fn failures(&self, candidate: &Arc<Snapshot>, source: &SourceConfig) -> Vec<String> {
        let files = script_files(&self.dir);
        if files.is_empty() {
            return vec![format!("{}: no scripts (*.conv) in the reload gate folder", self.dir.display())];
        }
        let mut failures = Vec::new();
        for file in files {
            let report = run_script(&file, |script| {
                let library = Library::with_shared(candidate.clone(), source.clone());
                let header = Header { gate: None, ..script.header.clone() };
                Ok(Box::new(CoreTransport::new(library, &header, self.settings.clone())))
            });
            failures.extend(report.describe().into_iter().filter(|l| !l.starts_with("    |")));
        }
        failures
    }
}

//! The conversation core: requests in, [`Reply`] values out, for any chat platform.
//!
//! It parses commands, checks permissions and the per-user rate limit, keeps follow-up state
//! per asker and channel, answers from one library snapshot per request, and reloads the
//! documents build-then-swap (optionally gated by conversation scripts). It knows nothing of
//! Discord or terminals. Invariant: no lock is held while a question is answered; a request
//! reads exactly one snapshot.

pub mod clock;
pub mod command;
pub mod rate_limit;
pub mod request;
pub mod session;
pub mod texts;

mod document_texts;
mod documents;
mod feedback;
mod handlers;
mod inspect;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::answer::{Outcome, Refusal, Reply};
use crate::feedback::FeedbackLog;
use crate::i18n::Language;
use crate::library::{Library, ReloadFailure, ReloadGate, Snapshot};

pub use clock::{Clock, ManualClock, SystemClock};
pub use command::Command;
pub use documents::DocumentRequest;
pub use inspect::{Asked, DocumentSummary, LoadReport, PassageView};
pub use request::{Input, Request, Role};

use rate_limit::RateLimiter;
use feedback::Origin;
use session::Sessions;

/// How the conversation behaves; see `config/default.toml` (`[conversation]`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub default_language: Language,
    /// Questions a member may ask per `rate_window`; 0 turns the limit off.
    pub rate_limit: usize,
    pub rate_window: Duration,
    pub followup_expiry: Duration,
    pub max_sessions: usize,
    /// Largest document upload accepted, in bytes.
    pub max_upload_bytes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            default_language: Language::Dutch,
            rate_limit: 5,
            rate_window: Duration::from_secs(30),
            followup_expiry: Duration::from_secs(15 * 60),
            max_sessions: 10_000,
            max_upload_bytes: crate::import::DEFAULT_MAX_UPLOAD_BYTES,
        }
    }
}

pub struct Engine {
    library: Library,
    settings: Settings,
    clock: Arc<dyn Clock>,
    /// What new documents must pass before a reload swaps them in.
    gate: Option<Arc<dyn ReloadGate>>,
    /// Where declined questions and votes are kept, if anywhere.
    feedback: Option<Arc<FeedbackLog>>,
    recent_answers: Mutex<feedback::RecentAnswers>,
    /// Changes to the documents waiting for a moderator's Confirm.
    proposals: Mutex<documents::Proposals>,
    sessions: Mutex<Sessions>,
    limiter: Mutex<RateLimiter>,
    answered: AtomicU64,
    declined: AtomicU64,
}

/// The first id of the answers that can be voted on and of proposed document changes: the
/// start time in seconds, shifted past a million ids per second, so a button from before a
/// restart never names an answer or a change made after it.
fn first_id(clock: &dyn Clock) -> u64 {
    clock.unix_secs() << 20
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Engine {
    pub fn new(library: Library, settings: Settings, clock: Arc<dyn Clock>) -> Engine {
        let first_id = first_id(clock.as_ref());
        Engine {
            sessions: Mutex::new(Sessions::new(settings.followup_expiry, settings.max_sessions)),
            limiter: Mutex::new(RateLimiter::new(
                settings.rate_limit,
                settings.rate_window,
                settings.max_sessions,
            )),
            library,
            settings,
            clock,
            gate: None,
            feedback: None,
            recent_answers: Mutex::new(feedback::RecentAnswers::starting_at(first_id)),
            proposals: Mutex::new(documents::Proposals::starting_at(first_id)),
            answered: AtomicU64::new(0),
            declined: AtomicU64::new(0),
        }
    }

    /// The engine with a reload gate: new documents must pass it before a reload swaps them in.
    pub fn with_gate(mut self, gate: Option<Arc<dyn ReloadGate>>) -> Engine {
        self.gate = gate;
        self
    }

    /// The engine with a feedback log: declined questions and votes on answers are kept
    /// there, and answers get 👍/👎 buttons.
    pub fn with_feedback(mut self, log: Option<Arc<FeedbackLog>>) -> Engine {
        self.feedback = log;
        self
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Forgets all follow-up state, as a restart of the process would.
    pub fn forget_sessions(&self) {
        lock(&self.sessions).clear();
    }

    /// Answers one request. The reply's language: for a follow-up (`more`, `next`, ...), that
    /// of the asker's last question; else the asker's locale; else that of the command words
    /// (`documents` is English); for a question, its own language; for a command typed with
    /// a word both languages share (`help`, `status`), that of the asker's last question;
    /// else the configured default.
    pub fn handle(&self, request: &Request) -> Reply {
        let locale = request.locale.as_deref().and_then(Language::from_locale);
        let (command, worded) = match &request.input {
            Input::Text(text) => {
                let command = Command::parse(text);
                let worded = command::language_of_command_words(text, &command);
                (command, worded)
            }
            Input::Command(command) => (command.clone(), None),
            Input::Document(change) => return self.change_documents(request, change.clone(), locale),
        };
        let told = locale.or(worded);
        let language = told.unwrap_or(self.settings.default_language);
        if command.is_moderator_only() && request.role != Role::Moderator {
            let refused = Outcome::Refused { reason: Refusal::Permission };
            return Reply::note(language, refused, texts::moderators_only(language)).private();
        }
        if request.role == Role::Member {
            if let Err(wait) = lock(&self.limiter).check(&request.user_id, self.clock.now()) {
                let refused = Outcome::Refused {
                    reason: Refusal::RateLimited { retry_after_secs: wait.as_secs().max(1) },
                };
                return Reply::note(language, refused, texts::rate_limited(language, wait)).private();
            }
        }
        let origin = Origin {
            guild: request.guild.clone(),
            channel: request.channel.clone(),
            user: request.user_id.clone(),
        };
        handlers::dispatch(self, &origin, command, told)
    }

    /// A moderator's change to the documents: refused to members, else a preview.
    fn change_documents(&self, request: &Request, change: DocumentRequest, locale: Option<Language>) -> Reply {
        let language = locale.unwrap_or(self.settings.default_language);
        if request.role != Role::Moderator {
            let refused = Outcome::Refused { reason: Refusal::Permission };
            return Reply::note(language, refused, texts::moderators_only(language)).private();
        }
        self.propose(&request.user_id, change, language)
    }

    /// Reloads the documents; the reply reports what changed or why nothing did.
    pub fn reload(&self, force: bool, language: Language) -> Reply {
        let started = Instant::now();
        let mut forced_past = Vec::new();
        let gate = |candidate: &Arc<Snapshot>| -> Result<(), Vec<String>> {
            let Some(gate) = &self.gate else { return Ok(()) };
            let failures = gate.failures(candidate, &self.library.source());
            match (failures.is_empty(), force) {
                (true, _) => Ok(()),
                (false, true) => {
                    forced_past = failures;
                    Ok(())
                }
                (false, false) => Err(failures),
            }
        };
        let result = self.library.reload(self.clock.now(), gate);
        let took = started.elapsed();
        let reply = match result {
            Ok(changes) => {
                tracing::info!(?changes, ?took, "documents reloaded");
                Reply::note(language, Outcome::Info, texts::reloaded(language, &changes, took, &forced_past))
            }
            Err(ReloadFailure::Load(error)) => {
                tracing::warn!(%error, "reload failed; previous documents stay in use");
                Reply::note(language, Outcome::Invalid, texts::reload_failed(language, &error.to_string()))
            }
            Err(ReloadFailure::Gate(failures)) => {
                tracing::warn!(?failures, "reload stopped by the gate scripts");
                Reply::note(language, Outcome::Invalid, texts::reload_gated(language, &failures))
            }
        };
        reply.private()
    }

    fn count(&self, reply: &Reply) {
        let counter = if reply.answered() { &self.answered } else { &self.declined };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn now(&self) -> Duration {
        self.clock.now()
    }
}

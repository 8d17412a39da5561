//! briefbot: answers questions about official Dutch letters by quoting the paragraphs that
//! answer them, each with its source reference. See `ARCHITECTURE.md` for the codemap.
//!
//! The library is the core: documents, search, answers, conversation, scripts. It knows
//! nothing of Discord or the terminal; adapters render its plain [`Reply`] values.
//!
//! One door in: the items re-exported here are the library's interface (an [`Engine`] over a
//! [`Library`] of documents takes [`Request`]s and returns [`Reply`]s; the script runner;
//! configuration and error types). The modules behind them are private to the crate, so the
//! compiler reports what nothing uses. The crate's own tests, benches, examples and fuzz
//! targets see the modules through the `internals` feature (the crate's dev-dependency on
//! itself turns it on); nothing else should.

/// Declares the core's modules: `pub` with the `internals` feature, else private to the crate.
macro_rules! internal_modules {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[cfg(feature = "internals")]
        pub mod $name;
        $(#[$meta])*
        #[cfg(not(feature = "internals"))]
        mod $name;
    )*};
}

internal_modules! {
    answer;
    config;
    conversation;
    #[cfg(feature = "discord")]
    discord;
    document;
    feedback;
    fit;
    i18n;
    import;
    library;
    parallel;
    script;
    search;
    text;
}

pub use crate::answer::{Action, Outcome, QuestionError, Quote, Refusal, Reply, PLAIN_MAX_CHARS};
pub use crate::config::{Config, ConfigError};
pub use crate::conversation::{
    Asked, Clock, Command, DocumentRequest, DocumentSummary, Engine, Input, LoadReport, ManualClock,
    PassageView, Request, Role, Settings, SystemClock,
};
#[cfg(feature = "discord")]
pub use crate::discord::{run as run_discord, DiscordError, SHUTDOWN_GRACE};
pub use crate::document::LoadError;
pub use crate::feedback::{FeedbackError, FeedbackLog, FeedbackSettings, Report};
pub use crate::i18n::Language;
pub use crate::import::{document_name, ImportError, Overrides, Upload};
pub use crate::library::{Changes, Library, ReloadGate, Snapshot, SourceConfig};
pub use crate::script::{
    engine_for, load_script, run_script, run_with_core, script_files, ButtonKind, Citation, CoreTransport,
    Failure, Observed, Script, ScriptError, ScriptGate, ScriptReport, Transport, Turn, Via,
};
pub use crate::search::explain::Explanation;

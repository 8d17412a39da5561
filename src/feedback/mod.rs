//! What the documents do not answer: every declined question and every 👍/👎 on an answer,
//! kept in an embedded SQLite database for moderators (`onbeantwoord`, `briefbot report`).
//!
//! Invariants: the database is migrated at opening (`PRAGMA user_version`) and runs in WAL
//! mode, so it survives restarts and a crash mid-write; no user id is stored unless the
//! configuration asks for it; rows older than the retention period are deleted at opening and
//! with every write; the connection is locked for one statement at a time. A failed write is
//! the caller's to log: it loses that row, never a reply.

mod report;
mod schema;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{params, Connection};

pub use report::Report;

/// What is kept, and for how long.
#[derive(Debug, Clone)]
pub struct FeedbackSettings {
    /// Keep the asker's user id with each row (`privacy.store_user_ids`).
    pub store_user_ids: bool,
    /// Rows older than this are deleted.
    pub retention: Duration,
}

impl Default for FeedbackSettings {
    fn default() -> Self {
        FeedbackSettings { store_user_ids: false, retention: Duration::from_secs(90 * 24 * 3600) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    #[error("{}: cannot open the feedback database: {message}", path.display())]
    Open { path: PathBuf, message: String },
    #[error("feedback database: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// What happened to a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The documents did not answer it.
    Declined,
    /// A member found its answer helpful (👍).
    Helpful,
    /// A member found its answer unhelpful (👎).
    Unhelpful,
}

impl EventKind {
    fn as_str(self) -> &'static str {
        match self {
            EventKind::Declined => "declined",
            EventKind::Helpful => "helpful",
            EventKind::Unhelpful => "unhelpful",
        }
    }
}

/// One row: a declined question, or a vote on an answer.
#[derive(Debug, Clone)]
pub struct Event {
    /// Seconds since the Unix epoch.
    pub at: u64,
    pub kind: EventKind,
    pub guild: Option<String>,
    pub channel: String,
    /// Stored only when [`FeedbackSettings::store_user_ids`] is set.
    pub user: String,
    pub question: String,
    /// The question's analysed words, sorted (declined questions are grouped by them).
    pub words: String,
    /// The passage the answer cited (`DOCUMENT alinea N`), for votes.
    pub passage: Option<String>,
}

/// The database of declined questions and votes.
pub struct FeedbackLog {
    connection: Mutex<Connection>,
    settings: FeedbackSettings,
}

impl FeedbackLog {
    /// Opens (creating it and its folder when missing) and migrates the database at `path`,
    /// and deletes rows past the retention period as of `now` (Unix seconds).
    pub fn open(path: &Path, settings: FeedbackSettings, now: u64) -> Result<FeedbackLog, FeedbackError> {
        let open_error = |message: String| FeedbackError::Open { path: path.to_path_buf(), message };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|e| open_error(e.to_string()))?;
        }
        let connection = Connection::open(path).map_err(|e| open_error(e.to_string()))?;
        Self::with_connection(connection, settings, now).map_err(|e| open_error(e.to_string()))
    }

    /// A database in memory, gone when dropped (scripts and tests).
    pub fn in_memory(settings: FeedbackSettings) -> Result<FeedbackLog, FeedbackError> {
        Self::with_connection(Connection::open_in_memory()?, settings, 0)
    }

    fn with_connection(
        connection: Connection,
        settings: FeedbackSettings,
        now: u64,
    ) -> Result<FeedbackLog, FeedbackError> {
        schema::prepare(&connection)?;
        let log = FeedbackLog { connection: Mutex::new(connection), settings };
        log.purge(now)?;
        Ok(log)
    }

    fn connection(&self) -> MutexGuard<'_, Connection> {
        self.connection.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores one event, then deletes what has passed the retention period.
    pub fn record(&self, event: &Event) -> Result<(), FeedbackError> {
        let user = self.settings.store_user_ids.then_some(event.user.as_str());
        self.connection().execute(
            "INSERT INTO events (at, kind, guild, channel, user_id, question, words, passage)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                event.at as i64,
                event.kind.as_str(),
                event.guild,
                event.channel,
                user,
                event.question,
                event.words,
                event.passage
            ],
        )?;
        self.purge(event.at)?;
        Ok(())
    }

    /// Deletes the rows older than the retention period as of `now`; how many went.
    pub fn purge(&self, now: u64) -> Result<usize, FeedbackError> {
        let cutoff = now.saturating_sub(self.settings.retention.as_secs()) as i64;
        Ok(self.connection().execute("DELETE FROM events WHERE at < ?1", params![cutoff])?)
    }

    /// The most frequent declined questions and the answers with most 👎 of the last `days`
    /// days before `now`.
    pub fn report(&self, now: u64, days: u32) -> Result<Report, FeedbackError> {
        let since = now.saturating_sub(u64::from(days) * 24 * 3600) as i64;
        report::build(&self.connection(), since, days)
    }

    /// Every row's user id column (tests of the privacy setting).
    #[cfg(any(test, feature = "internals"))]
    pub fn stored_user_ids(&self) -> Result<Vec<Option<String>>, FeedbackError> {
        let connection = self.connection();
        let mut statement = connection.prepare("SELECT user_id FROM events ORDER BY id")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

//! The feedback database's schema and its migrations, applied in order at opening. The
//! schema version is SQLite's `user_version`; a database newer than this code is refused.

use rusqlite::Connection;

/// Each migration brings the schema from its index to the next version.
const MIGRATIONS: &[&str] = &["CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('declined', 'helpful', 'unhelpful')),
        guild TEXT,
        channel TEXT NOT NULL,
        user_id TEXT,
        question TEXT NOT NULL,
        words TEXT NOT NULL,
        passage TEXT
    );
    CREATE INDEX events_by_time ON events (at);
    CREATE INDEX events_by_kind_and_time ON events (kind, at);"];

/// WAL mode and the migrations this database has not had yet, each in its own transaction.
pub fn prepare(connection: &Connection) -> rusqlite::Result<()> {
    // In memory there is no write-ahead log; SQLite answers "memory" and goes on.
    connection.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    connection.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;")?;
    let version: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "schema version {version} is newer than this briefbot knows ({})",
            MIGRATIONS.len()
        )));
    }
    for (from, migration) in MIGRATIONS.iter().enumerate().skip(version) {
        let to = from + 1;
        connection.execute_batch(&format!("BEGIN; {migration}; PRAGMA user_version = {to}; COMMIT;"))?;
    }
    Ok(())
}

//! The moderators' report: declined questions grouped by their analysed words, most frequent
//! first, and the answers with most 👎.

use rusqlite::{params, Connection};
use serde::Serialize;

use super::FeedbackError;
use crate::fit::truncate;
use crate::i18n::Language;

/// Rows of each list in a report.
pub const REPORT_ROWS: usize = 10;

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Report {
    /// The period covered, in days before now.
    pub days: u32,
    pub declined: Vec<DeclinedGroup>,
    pub unhelpful: Vec<RatedAnswer>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.declined.is_empty() && self.unhelpful.is_empty()
    }

    /// The report in words, for moderators (questions as typed, cut to [`ECHO_MAX_CHARS`]).
    pub fn describe(&self, language: Language) -> String {
        let dutch = language == Language::Dutch;
        let pick = |nl: &str, en: &str| if dutch { nl.to_string() } else { en.to_string() };
        let mut lines = vec![match dutch {
            true => format!("Niet beantwoord, de laatste {} dagen:", self.days),
            false => format!("Not answered, the last {} days:", self.days),
        }];
        if self.declined.is_empty() {
            lines.push(pick("- geen vragen.", "- no questions."));
        }
        for (i, group) in self.declined.iter().enumerate() {
            let (example, words) = (truncate(&group.example, ECHO_MAX_CHARS), truncate(&group.words, ECHO_MAX_CHARS));
            lines.push(format!("{}. {}× “{example}” ({words})", i + 1, group.count));
        }
        lines.push(pick("Antwoorden met 👎:", "Answers with 👎:"));
        if self.unhelpful.is_empty() {
            lines.push(pick("- geen.", "- none."));
        }
        for (i, answer) in self.unhelpful.iter().enumerate() {
            let example = truncate(&answer.example, ECHO_MAX_CHARS);
            let (down, up) = (answer.unhelpful, answer.helpful);
            lines.push(format!("{}. {}: {down}× 👎, {up}× 👍 (“{example}”)", i + 1, answer.passage));
        }
        lines.join("\n")
    }
}

/// Characters of a question or of its words shown in a report.
const ECHO_MAX_CHARS: usize = 60;

/// Declined questions that share their analysed words.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DeclinedGroup {
    pub words: String,
    pub count: u64,
    /// The latest question of the group, as typed.
    pub example: String,
}

/// An answer (the passage it cited) that members voted on, with at least one 👎.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RatedAnswer {
    pub passage: String,
    pub unhelpful: u64,
    pub helpful: u64,
    /// The latest question it answered that got a 👎.
    pub example: String,
}

pub(super) fn build(connection: &Connection, since: i64, days: u32) -> Result<Report, FeedbackError> {
    Ok(Report { days, declined: declined(connection, since)?, unhelpful: unhelpful(connection, since)? })
}

fn declined(connection: &Connection, since: i64) -> Result<Vec<DeclinedGroup>, FeedbackError> {
    let mut statement = connection.prepare(
        "SELECT words, COUNT(*),
                (SELECT question FROM events AS latest WHERE latest.kind = 'declined'
                   AND latest.words = events.words AND latest.at >= ?1 ORDER BY at DESC, id DESC LIMIT 1)
         FROM events WHERE kind = 'declined' AND at >= ?1
         GROUP BY words ORDER BY COUNT(*) DESC, MAX(at) DESC LIMIT ?2",
    )?;
    let rows = statement.query_map(params![since, REPORT_ROWS as i64], |row| {
        Ok(DeclinedGroup { words: row.get(0)?, count: row.get::<_, i64>(1)? as u64, example: row.get(2)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn unhelpful(connection: &Connection, since: i64) -> Result<Vec<RatedAnswer>, FeedbackError> {
    let mut statement = connection.prepare(
        "SELECT passage, SUM(kind = 'unhelpful'), SUM(kind = 'helpful'),
                (SELECT question FROM events AS latest WHERE latest.kind = 'unhelpful'
                   AND latest.passage = events.passage AND latest.at >= ?1 ORDER BY at DESC, id DESC LIMIT 1)
         FROM events WHERE kind IN ('helpful', 'unhelpful') AND at >= ?1 AND passage IS NOT NULL
         GROUP BY passage HAVING SUM(kind = 'unhelpful') > 0
         ORDER BY SUM(kind = 'unhelpful') DESC, MAX(at) DESC LIMIT ?2",
    )?;
    let rows = statement.query_map(params![since, REPORT_ROWS as i64], |row| {
        Ok(RatedAnswer {
            passage: row.get(0)?,
            unhelpful: row.get::<_, i64>(1)? as u64,
            helpful: row.get::<_, i64>(2)? as u64,
            example: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

//! The conversation's side of the feedback log: declined questions are recorded, answers get
//! 👍/👎 buttons, and a vote is stored with the question and passage it was about. The
//! answers that can still be voted on are remembered in memory (bounded); voters are kept
//! there only to count one vote per member and answer, never stored.

use std::collections::{HashSet, VecDeque};

use super::{lock, texts, Engine};
use crate::answer::{Action, Answer, Outcome, Reply};
use crate::feedback::{Event, EventKind};
use crate::i18n::Language;
use crate::search::Query;

/// Answers remembered for votes; older ones get "ask again".
pub const REMEMBERED_ANSWERS: usize = 2_000;

/// Where a question was asked, for the rows it leaves.
#[derive(Debug, Clone)]
pub struct Origin {
    pub guild: Option<String>,
    pub channel: String,
    pub user: String,
}

/// An answer that can still be voted on.
#[derive(Debug)]
struct RememberedAnswer {
    id: u64,
    asked: Origin,
    question: String,
    words: String,
    passage: String,
    voters: HashSet<String>,
}

/// The last [`REMEMBERED_ANSWERS`] answers, oldest first.
#[derive(Debug, Default)]
pub struct RecentAnswers {
    answers: VecDeque<RememberedAnswer>,
    next_id: u64,
}

impl RecentAnswers {
    /// Ids counted from `first` (see [`super::first_id`]).
    pub fn starting_at(first: u64) -> RecentAnswers {
        RecentAnswers { answers: VecDeque::new(), next_id: first }
    }
}

/// The analysed words of a question, sorted and distinct: what declined questions are
/// grouped by.
pub fn key_words(query: &Query) -> String {
    let mut words: Vec<&str> =
        query.groups.iter().filter_map(|g| g.alternatives.first().map(|a| a.stem.as_str())).collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

impl Engine {
    /// Records a declined question, or gives an answer its vote buttons.
    pub(super) fn note_outcome(&self, asked: &Origin, question: &str, answer: &Answer, reply: &mut Reply) {
        let Some(log) = &self.feedback else { return };
        let words = key_words(&answer.query);
        if reply.outcome == Outcome::Declined {
            let event = self.event(EventKind::Declined, asked, question, words, None);
            if let Err(error) = log.record(&event) {
                tracing::warn!(%error, "a declined question was not logged");
            }
            return;
        }
        let Some(quote) = reply.quotes.first().filter(|_| reply.outcome == Outcome::Answered) else { return };
        let reference = &quote.reference;
        let passage = format!("{} {}", reference.document, reference.place);
        let mut recent = lock(&self.recent_answers);
        let id = recent.next_id;
        recent.next_id += 1;
        if recent.answers.len() >= REMEMBERED_ANSWERS {
            recent.answers.pop_front();
        }
        recent.answers.push_back(RememberedAnswer {
            id,
            asked: asked.clone(),
            question: question.to_string(),
            words,
            passage,
            voters: HashSet::new(),
        });
        reply.actions.push(Action::Vote { answer: id, helpful: true });
        reply.actions.push(Action::Vote { answer: id, helpful: false });
    }

    /// A 👍 or 👎 on a remembered answer, by `voter`.
    pub(super) fn vote(&self, voter: &Origin, answer: u64, helpful: bool, language: Language) -> Reply {
        let note = |outcome, text| Reply::note(language, outcome, text).private();
        let Some(log) = &self.feedback else { return note(Outcome::Invalid, texts::no_feedback_log(language)) };
        let event = {
            let mut recent = lock(&self.recent_answers);
            let Some(remembered) = recent.answers.iter_mut().find(|a| a.id == answer) else {
                return note(Outcome::Invalid, texts::vote_stale(language));
            };
            if !remembered.voters.insert(voter.user.clone()) {
                return note(Outcome::Info, texts::vote_already(language));
            }
            let kind = if helpful { EventKind::Helpful } else { EventKind::Unhelpful };
            let asked = Origin { user: voter.user.clone(), ..remembered.asked.clone() };
            let words = remembered.words.clone();
            self.event(kind, &asked, &remembered.question, words, Some(remembered.passage.clone()))
        };
        match log.record(&event) {
            Ok(()) => note(Outcome::Info, texts::vote_thanks(language)),
            Err(error) => {
                tracing::warn!(%error, "a vote was not logged");
                note(Outcome::Invalid, texts::vote_failed(language))
            }
        }
    }

    /// The moderators' report of the last `days` days.
    pub(super) fn unanswered_report(&self, days: u32, language: Language) -> Reply {
        let note = |outcome, text| Reply::note(language, outcome, text).private();
        let Some(log) = &self.feedback else { return note(Outcome::Info, texts::no_feedback_log(language)) };
        match log.report(self.clock.unix_secs(), days) {
            Ok(report) => note(Outcome::Info, report.describe(language)),
            Err(error) => {
                tracing::error!(%error, "the feedback report failed");
                note(Outcome::Invalid, texts::vote_failed(language))
            }
        }
    }

    fn event(&self, kind: EventKind, asked: &Origin, question: &str, words: String, passage: Option<String>) -> Event {
        Event {
            at: self.clock.unix_secs(),
            kind,
            guild: asked.guild.clone(),
            channel: asked.channel.clone(),
            user: asked.user.clone(),
            question: question.to_string(),
            words,
            passage,
        }
    }
}

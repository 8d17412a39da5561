//! The feedback log against a real SQLite file in a temporary folder: declined questions and
//! 👎 votes reach the moderators' report, survive a restart, leave no user id unless asked
//! to, and are deleted after the retention period (on a manual clock).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use briefbot::answer::{Action, Outcome, Refusal, Reply};
use briefbot::conversation::{Clock, Command, Engine, Input, ManualClock, Request, Role, Settings};
use briefbot::feedback::{FeedbackLog, FeedbackSettings};
use briefbot::library::{Library, SourceConfig};

const DAY: Duration = Duration::from_secs(24 * 3600);

fn engine(database: &Path, keep: FeedbackSettings, clock: Arc<ManualClock>) -> (Engine, Arc<FeedbackLog>) {
    let library =
        Library::open(SourceConfig::Folder(PathBuf::from("tests/fixtures/letter")), Duration::ZERO).unwrap();
    let log = Arc::new(FeedbackLog::open(database, keep, clock.unix_secs()).unwrap());
    let settings = Settings { rate_limit: 0, ..Settings::default() };
    (Engine::new(library, settings, clock).with_feedback(Some(log.clone())), log)
}

fn say(engine: &Engine, user: &str, role: Role, text: &str) -> Reply {
    let mut request = Request::text(user, role, "#algemeen", text);
    request.guild = Some("gilde".into());
    engine.handle(&request)
}

fn press(engine: &Engine, user: &str, command: Command) -> Reply {
    let mut request = Request::text(user, Role::Member, "#algemeen", "");
    request.input = Input::Command(command);
    engine.handle(&request)
}

fn vote_of(reply: &Reply, helpful: bool) -> Command {
    let answer = reply.actions.iter().find_map(|a| match a {
        Action::Vote { answer, helpful: h } if *h == helpful => Some(*answer),
        _ => None,
    });
    Command::Vote { answer: answer.expect("an answer has vote buttons"), helpful }
}

#[test]
fn a_declined_question_and_a_thumbs_down_reach_the_report_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("var/feedback.sqlite3");
    let clock = Arc::new(ManualClock::default());
    {
        let (engine, _) = engine(&database, FeedbackSettings::default(), clock.clone());
        assert_eq!(say(&engine, "anna", Role::Member, "Wat kost een paspoort?").outcome, Outcome::Declined);
        assert_eq!(say(&engine, "bob", Role::Member, "wat kosten paspoorten").outcome, Outcome::Declined);
        let answer = say(&engine, "carla", Role::Member, "Blijft de verzorgingsstaat bestaan?");
        assert_eq!(answer.outcome, Outcome::Answered);
        let thanks = press(&engine, "dirk", vote_of(&answer, false));
        assert!(thanks.render_plain().contains("genoteerd") && thanks.private, "{}", thanks.render_plain());
        let report = say(&engine, "mo", Role::Moderator, "onbeantwoord").render_plain();
        assert!(report.contains("2× “wat kosten paspoorten”"), "{report}");
        assert!(report.contains("alinea 7: 1× 👎, 0× 👍"), "{report}");
    }
    clock.advance(DAY);
    let (engine, log) = engine(&database, FeedbackSettings::default(), clock.clone());
    let report = log.report(clock.unix_secs(), 30).unwrap();
    assert_eq!((report.declined.len(), report.declined[0].count), (1, 2), "{report:?}");
    assert_eq!(report.unhelpful.len(), 1, "{report:?}");
    assert!(say(&engine, "mo", Role::Moderator, "onbeantwoord 30").render_plain().contains("paspoort"));
}

#[test]
fn rows_past_the_retention_period_are_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("feedback.sqlite3");
    let clock = Arc::new(ManualClock::default());
    let keep = FeedbackSettings { retention: 90 * DAY, ..FeedbackSettings::default() };
    {
        let (engine, _) = engine(&database, keep.clone(), clock.clone());
        say(&engine, "anna", Role::Member, "Wat kost een paspoort?");
    }
    clock.advance(89 * DAY);
    let (_, log) = engine(&database, keep.clone(), clock.clone());
    assert_eq!(log.report(clock.unix_secs(), 3650).unwrap().declined.len(), 1);
    clock.advance(2 * DAY);
    let (_, log) = engine(&database, keep, clock.clone());
    assert!(log.report(clock.unix_secs(), 3650).unwrap().is_empty());
}

#[test]
fn user_ids_are_stored_only_when_the_configuration_asks() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::default());
    for store_user_ids in [false, true] {
        let database = dir.path().join(format!("{store_user_ids}.sqlite3"));
        let keep = FeedbackSettings { store_user_ids, ..FeedbackSettings::default() };
        let (engine, log) = engine(&database, keep, clock.clone());
        say(&engine, "anna", Role::Member, "Wat kost een paspoort?");
        let expected = store_user_ids.then(|| "anna".to_string());
        assert_eq!(log.stored_user_ids().unwrap(), vec![expected]);
    }
}

#[test]
fn one_vote_per_member_and_answer_and_none_on_a_forgotten_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (engine, log) =
        engine(&dir.path().join("f.sqlite3"), FeedbackSettings::default(), Default::default());
    let answer = say(&engine, "carla", Role::Member, "Blijft de verzorgingsstaat bestaan?");
    press(&engine, "dirk", vote_of(&answer, false));
    let again = press(&engine, "dirk", vote_of(&answer, true));
    assert!(again.render_plain().contains("al genoteerd"), "{}", again.render_plain());
    press(&engine, "eva", vote_of(&answer, true));
    let forgotten = press(&engine, "eva", Command::Vote { answer: 999_999, helpful: false });
    assert_eq!(forgotten.outcome, Outcome::Invalid);
    let rated = &log.report(ManualClock::default().unix_secs(), 30).unwrap().unhelpful;
    assert_eq!((rated[0].unhelpful, rated[0].helpful), (1, 1), "{rated:?}");
}

#[test]
fn members_may_not_read_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (engine, _) = engine(&dir.path().join("f.sqlite3"), FeedbackSettings::default(), Default::default());
    let refused = say(&engine, "anna", Role::Member, "onbeantwoord");
    assert_eq!(refused.outcome, Outcome::Refused { reason: Refusal::Permission });
    let usage = say(&engine, "mo", Role::Moderator, "onbeantwoord gisteren");
    assert_eq!(usage.outcome, Outcome::Invalid);
}

#[test]
fn without_a_log_answers_have_no_vote_buttons() {
    let library =
        Library::open(SourceConfig::Folder(PathBuf::from("tests/fixtures/letter")), Duration::ZERO).unwrap();
    let engine = Engine::new(library, Settings::default(), Arc::new(ManualClock::default()));
    let answer = say(&engine, "carla", Role::Member, "Blijft de verzorgingsstaat bestaan?");
    assert!(!answer.actions.iter().any(|a| matches!(a, Action::Vote { .. })));
    assert!(say(&engine, "mo", Role::Moderator, "onbeantwoord").render_plain().contains("geen logboek"));
}

#[test]
fn a_vote_from_before_a_restart_never_lands_on_a_new_answer() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("f.sqlite3");
    let clock = Arc::new(ManualClock::default());
    let (before, _) = engine(&database, FeedbackSettings::default(), clock.clone());
    let old = vote_of(&say(&before, "carla", Role::Member, "Blijft de verzorgingsstaat bestaan?"), false);
    drop(before);
    clock.advance(Duration::from_secs(5));
    let (after, log) = engine(&database, FeedbackSettings::default(), clock.clone());
    let new = vote_of(&say(&after, "carla", Role::Member, "Wat is Burgernet?"), false);
    assert_ne!(old, new);
    assert_eq!(press(&after, "dirk", old).outcome, Outcome::Invalid);
    assert!(log.report(clock.unix_secs(), 30).unwrap().unhelpful.is_empty());
}

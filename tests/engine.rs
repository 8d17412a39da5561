//! The conversation core driven directly: commands given as text and as typed commands (as a
//! platform's slash commands arrive), permissions, follow-up expiry, the rate limiter, and a
//! restart of the conversation state.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use briefbot::answer::{Action, Outcome, Refusal};
use briefbot::conversation::{Command, Engine, Input, ManualClock, Request, Role, Settings};
use briefbot::library::{Library, SourceConfig};

fn engine(settings: Settings) -> (Engine, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::default());
    let library =
        Library::open(SourceConfig::Folder(PathBuf::from("tests/fixtures/letter")), Duration::ZERO).unwrap();
    (Engine::new(library, settings, clock.clone()), clock)
}

fn command(user: &str, role: Role, command: Command) -> Request {
    let mut request = Request::text(user, role, "#c", "");
    request.input = Input::Command(command);
    request
}

#[test]
fn typed_commands_work_like_their_text() {
    let (engine, _) = engine(Settings::default());
    let ask = engine.handle(&command("a", Role::Member, Command::Ask("Wat is Burgernet?".into())));
    assert_eq!(ask.outcome, Outcome::Answered);
    assert_eq!(ask.quotes[0].reference.number, 4);
    assert!(ask.actions.contains(&Action::More));
    assert!(ask
        .actions
        .contains(&Action::Next { document: "participatiesamenleving-2014-04-07".into(), number: 5 }));
    let paragraph =
        engine.handle(&command("a", Role::Member, Command::Paragraph { document: None, number: 2 }));
    assert_eq!(paragraph.quotes[0].reference.number, 2);
    assert_eq!(paragraph.quotes[0].spans.len(), 1, "a paragraph is shown whole");
    let next = engine.handle(&command("a", Role::Member, Command::Next));
    assert_eq!(next.quotes[0].reference.number, 3);
    let docs = engine.handle(&command("a", Role::Member, Command::Documents { page: 1 }));
    assert!(docs.render_plain().contains("participatiesamenleving-2014-04-07"));
    let help = engine.handle(&command("a", Role::Member, Command::Help));
    assert_eq!(help.outcome, Outcome::Info);
}

#[test]
fn moderator_commands_are_refused_to_members_whatever_the_input() {
    let (engine, _) = engine(Settings::default());
    for cmd in [Command::Reload { force: false }, Command::Reload { force: true }, Command::Status] {
        let reply = engine.handle(&command("a", Role::Member, cmd));
        assert_eq!(reply.outcome, Outcome::Refused { reason: Refusal::Permission });
        assert!(reply.private);
    }
    let reply = engine.handle(&command("m", Role::Moderator, Command::Status));
    assert_eq!(reply.outcome, Outcome::Info);
    assert!(reply.private, "moderator output is private");
}

#[test]
fn follow_ups_expire_after_the_configured_silence() {
    let settings = Settings { followup_expiry: Duration::from_secs(60), ..Settings::default() };
    let (engine, clock) = engine(settings);
    engine.handle(&Request::text(
        "a",
        Role::Member,
        "#c",
        "Wat zegt de brief over initiatieven van mensen en de overheid?",
    ));
    clock.advance(Duration::from_secs(59));
    assert_eq!(engine.handle(&Request::text("a", Role::Member, "#c", "meer")).outcome, Outcome::Answered);
    clock.advance(Duration::from_secs(60));
    let expired = engine.handle(&Request::text("a", Role::Member, "#c", "meer"));
    assert_eq!(expired.outcome, Outcome::Invalid);
}

#[test]
fn forgetting_sessions_acts_like_a_restart_but_paragraph_buttons_still_work() {
    let (engine, _) = engine(Settings::default());
    engine.handle(&Request::text("a", Role::Member, "#c", "Wat is Burgernet?"));
    engine.forget_sessions();
    assert_eq!(engine.handle(&Request::text("a", Role::Member, "#c", "meer")).outcome, Outcome::Invalid);
    let by_id = Command::Paragraph { document: Some("participatiesamenleving-2014-04-07".into()), number: 5 };
    assert_eq!(engine.handle(&command("a", Role::Member, by_id)).quotes[0].reference.number, 5);
}

#[test]
fn rate_limit_counts_per_member_and_spares_moderators() {
    let settings = Settings { rate_limit: 2, rate_window: Duration::from_secs(10), ..Settings::default() };
    let (engine, clock) = engine(settings);
    let ask = |user: &str, role| engine.handle(&Request::text(user, role, "#c", "Wat is Burgernet?")).outcome;
    assert_eq!(ask("a", Role::Member), Outcome::Answered);
    clock.advance(Duration::from_secs(4));
    assert_eq!(ask("a", Role::Member), Outcome::Answered);
    assert_eq!(
        ask("a", Role::Member),
        Outcome::Refused { reason: Refusal::RateLimited { retry_after_secs: 6 } }
    );
    assert_eq!(ask("b", Role::Member), Outcome::Answered);
    for _ in 0..10 {
        assert_eq!(ask("m", Role::Moderator), Outcome::Answered);
    }
    clock.advance(Duration::from_secs(6));
    assert_eq!(ask("a", Role::Member), Outcome::Answered);
}

#[test]
fn failed_reload_keeps_the_old_snapshot() {
    let (engine, _) = engine(Settings::default());
    let before = engine.library().snapshot();
    engine.library().set_source(SourceConfig::Folder(PathBuf::from("tests/fixtures/broken")));
    let reply = engine.handle(&command("m", Role::Moderator, Command::Reload { force: false }));
    assert_eq!(reply.outcome, Outcome::Invalid);
    assert!(reply.render_plain().contains("kapot.txt:2"));
    assert!(Arc::ptr_eq(&before, &engine.library().snapshot()), "the same snapshot still serves");
}

/// A gate folder with one script: two questions in a row from the same member, both answered.
fn gate_asking_twice() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let script = "member poortwachter: Blijft de verzorgingsstaat bestaan?\n    answers\n\
                  member poortwachter: Wat is Burgernet?\n    answers\n";
    std::fs::write(dir.path().join("twice.conv"), script).unwrap();
    dir
}

#[test]
fn the_reload_gate_runs_its_scripts_with_the_configured_settings() {
    let gate = gate_asking_twice();
    let library = || {
        Library::open(SourceConfig::Folder(PathBuf::from("tests/fixtures/letter")), Duration::ZERO).unwrap()
    };
    let gated = |settings: Settings| {
        let script_gate = briefbot::ScriptGate::new(gate.path().to_path_buf(), settings.clone());
        let engine = Engine::new(library(), settings, Arc::new(ManualClock::default()))
            .with_gate(Some(Arc::new(script_gate) as Arc<dyn briefbot::ReloadGate>));
        engine.reload(false, briefbot::Language::English)
    };
    let strict = Settings { rate_limit: 1, ..Settings::default() };
    let refused = gated(strict);
    assert_eq!(refused.outcome, Outcome::Invalid, "{}", refused.render_plain());
    assert!(refused.render_plain().contains("twice.conv:4"), "{}", refused.render_plain());
    let passed = gated(Settings::default());
    assert_eq!(passed.outcome, Outcome::Info, "{}", passed.render_plain());
}

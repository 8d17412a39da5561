//! Many members asking while a moderator reloads again and again: every answer comes from one
//! consistent snapshot and none fails.
//!
//! The two versions of the document number their paragraphs differently (version two has an
//! extra first paragraph), so an answer that mixed snapshots would pair one version's text
//! with the other's paragraph numbers.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use briefbot::conversation::{Command, Engine, Input, Request, Role, Settings, SystemClock};
use briefbot::library::{Library, SourceConfig};

const VERSION_ONE: &str = "Notitie\n\nAan de lezer\n\nDe fietspaden van versie een worden breder en veiliger.\n\nDe bruggen van versie een worden hoger en veiliger.\n";
const VERSION_TWO: &str = "Notitie\n\nAan de lezer\n\nEen inleiding zonder verdere inhoud.\n\nDe fietspaden van versie twee worden breder en veiliger.\n\nDe bruggen van versie twee worden hoger en veiliger.\n";

/// Replaces the document in one atomic rename, so a reload reads one whole version.
fn write_version(dir: &Path, text: &str) {
    let tmp = dir.join("notitie.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("notitie.txt")).unwrap();
}

/// Paragraph numbers of (fietspaden, bruggen) in the version named in a quote.
fn numbers_for(text: &str) -> (u32, u32) {
    if text.contains("versie een") {
        (1, 2)
    } else {
        assert!(text.contains("versie twee"), "{text}");
        (2, 3)
    }
}

/// Reloads that must swap while the questions run, and the most questions an asker waits.
const MIN_RELOADS: usize = 3;
const MAX_QUESTIONS: usize = 20_000;

#[test]
fn answers_stay_consistent_while_reloading() {
    let dir = tempfile::tempdir().unwrap();
    write_version(dir.path(), VERSION_ONE);
    let source = SourceConfig::Folder(dir.path().to_path_buf());
    let clock = Arc::new(SystemClock::default());
    let library = Library::open(source, Duration::ZERO).unwrap();
    let settings = Settings { rate_limit: 0, ..Settings::default() };
    let engine = Engine::new(library, settings, clock);
    let done = AtomicBool::new(false);
    let reloaded = AtomicUsize::new(0);
    let asked = std::thread::scope(|scope| {
        let askers: Vec<_> = (0..8)
            .map(|n| {
                let (engine, reloaded) = (&engine, &reloaded);
                scope.spawn(move || {
                    // At least 150 questions each, and on until several reloads have swapped
                    // (however fast either side is), with a cap so a stuck reload fails.
                    let mut i = 0;
                    while i < 150 || (reloaded.load(Ordering::Relaxed) < MIN_RELOADS && i < MAX_QUESTIONS) {
                        i += 1;
                        let user = format!("lid{n}");
                        let reply = engine.handle(&Request::text(
                            &user,
                            Role::Member,
                            "#c",
                            "Worden de fietspaden veiliger?",
                        ));
                        assert!(
                            reply.answered(),
                            "question {i} of asker {n} failed: {}",
                            reply.render_plain()
                        );
                        let quote = &reply.quotes[0];
                        let (fietspaden, bruggen) = numbers_for(&quote.text);
                        assert_eq!(quote.reference.number, fietspaden, "{}", reply.render_plain());
                        for also in &reply.see_also {
                            assert!([fietspaden, bruggen].contains(&also.number), "{}", reply.render_plain());
                        }
                    }
                    i
                })
            })
            .collect();
        let reloader = scope.spawn(|| {
            let mut count = 0;
            while !done.load(Ordering::Relaxed) {
                write_version(dir.path(), if count % 2 == 0 { VERSION_TWO } else { VERSION_ONE });
                let mut reload = Request::text("mod", Role::Moderator, "#mods", "");
                reload.input = Input::Command(Command::Reload { force: false });
                let report = engine.handle(&reload);
                assert!(report.render_plain().contains("Herladen in"), "{}", report.render_plain());
                count += 1;
                reloaded.store(count, Ordering::Relaxed);
            }
        });
        let asked: usize = askers.into_iter().map(|a| a.join().unwrap()).sum();
        done.store(true, Ordering::Relaxed);
        reloader.join().unwrap();
        asked
    });
    let reloads = reloaded.load(Ordering::Relaxed);
    println!("{reloads} reloads during {asked} questions");
    assert!(reloads >= MIN_RELOADS, "reloads happened during the questions ({reloads})");
}

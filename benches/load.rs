//! Load on the conversation core: 20,000 questions from 1,000 simulated members (two asking
//! threads) while a moderator reloads the documents every 100 ms. Prints errors, answers,
//! rate-limit refusals per member, reloads, throughput, and resident memory before, at the
//! peak and after (read from /proc). Run: `cargo bench --bench load`.
//!
//! Twice: with the default rate limit (5 questions per 30 s per member; each member asks 20,
//! so exactly 5 answers and 15 refusals per member show the limiter works per member under
//! load), and with no limit (every question searched, for throughput under reloads).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use briefbot::answer::{Outcome, Refusal};
use briefbot::conversation::{Command, Engine, Input, Request, Role, Settings, SystemClock};
use briefbot::library::{Library, SourceConfig};

const MEMBERS: usize = 1_000;
const QUESTIONS_PER_MEMBER: usize = 20;
const ASKING_THREADS: usize = 2;
const RELOAD_EVERY: Duration = Duration::from_millis(100);
const QUESTIONS: [&str; 5] = [
    "blijft de verzorgingsstaat nou bestaan",
    "wat is burgernet eigenlijk",
    "wie heeft de brief ondertekend",
    "wat voor weer wordt het morgen?",
    "mss een domme vraag maar wat doen de wijkteams",
];

/// Resident set size in MiB, from /proc/self/statm.
fn rss_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0.0);
    pages * 4096.0 / (1024.0 * 1024.0)
}

fn main() {
    println!("== default rate limit (5 per 30 s per member)");
    run(Settings::default());
    println!("== no rate limit: every question searched");
    run(Settings { rate_limit: 0, ..Settings::default() });
}

fn run(settings: Settings) {
    let library = Library::open(SourceConfig::Folder("seeds".into()), Duration::ZERO).expect("seeds load");
    let engine = Arc::new(Engine::new(library, settings, Arc::new(SystemClock::default())));
    let before = rss_mib();
    let (answered, declined, limited, errors, reloads) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let peak = std::sync::Mutex::new(before);
    let done = AtomicBool::new(false);
    let started = Instant::now();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                let mut reload = Request::text("moderator", Role::Moderator, "#mods", "");
                reload.input = Input::Command(Command::Reload { force: false });
                match engine.handle(&reload).outcome {
                    Outcome::Info => reloads.fetch_add(1, Ordering::Relaxed),
                    _ => errors.fetch_add(1, Ordering::Relaxed),
                };
                let rss = rss_mib();
                let mut peak = peak.lock().unwrap();
                *peak = peak.max(rss);
                drop(peak);
                std::thread::sleep(RELOAD_EVERY);
            }
        });
        let askers: Vec<_> = (0..ASKING_THREADS)
            .map(|t| {
                let (engine, answered, declined, limited, errors) =
                    (&engine, &answered, &declined, &limited, &errors);
                scope.spawn(move || {
                    for round in 0..QUESTIONS_PER_MEMBER {
                        for member in (t..MEMBERS).step_by(ASKING_THREADS) {
                            let question = QUESTIONS[(member + round) % QUESTIONS.len()];
                            let request =
                                Request::text(&format!("lid{member}"), Role::Member, "#vragen", question);
                            let counter = match engine.handle(&request).outcome {
                                Outcome::Answered => answered,
                                Outcome::Declined => declined,
                                Outcome::Refused { reason: Refusal::RateLimited { .. } } => limited,
                                _ => errors,
                            };
                            counter.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                })
            })
            .collect();
        for asker in askers {
            asker.join().unwrap();
        }
        done.store(true, Ordering::Relaxed);
    });
    let took = started.elapsed();
    engine.forget_sessions();
    let after = rss_mib();
    let total = MEMBERS * QUESTIONS_PER_MEMBER;
    let (answered, declined, limited) = (answered.into_inner(), declined.into_inner(), limited.into_inner());
    println!(
        "questions: {total} from {MEMBERS} members on {ASKING_THREADS} threads in {took:.2?} ({:.0}/s)",
        total as f64 / took.as_secs_f64()
    );
    println!(
        "answered {answered}, declined {declined}, rate-limited {limited}, errors {}",
        errors.into_inner()
    );
    println!(
        "per member: {:.1} answered or declined, {:.1} refused (limit 5 per 30 s)",
        (answered + declined) as f64 / MEMBERS as f64,
        limited as f64 / MEMBERS as f64
    );
    println!("reloads during the run: {}", reloads.into_inner());
    println!(
        "resident memory: {before:.1} MiB before, {:.1} MiB peak, {after:.1} MiB after",
        peak.into_inner().unwrap()
    );
}

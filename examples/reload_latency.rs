//! The slowest answer while reloads run and just after (when the old index is freed):
//! `cargo run --release --example reload_latency -- DIR [QUESTION]`. Six reloads of an
//! unchanged folder, half a second apart, while one thread answers the same question.
use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{Library, SourceConfig};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// In `reload_returned`: a reload is running.
const RELOADING: u64 = u64::MAX;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("a documents folder"));
    let question = args.next().unwrap_or_else(|| "subsidie voor isolatie van woningen".into());
    let library = Library::open(SourceConfig::Folder(dir), Duration::ZERO).expect("loads");
    let start = Instant::now();
    // Milliseconds from start at which the last reload returned (0: none yet).
    let reload_returned = AtomicU64::new(0);
    let finished = std::sync::atomic::AtomicBool::new(false);
    let (mut quiet, mut during, mut after) = (0f64, 0f64, 0f64);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for _ in 0..6 {
                std::thread::sleep(Duration::from_millis(500));
                reload_returned.store(RELOADING, Ordering::Release);
                library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reloads");
                reload_returned.store(start.elapsed().as_millis() as u64, Ordering::Release);
            }
            std::thread::sleep(Duration::from_millis(500));
            finished.store(true, Ordering::Release);
        });
        while !finished.load(Ordering::Acquire) {
            let snapshot = library.snapshot();
            let t = Instant::now();
            let _ = answer(&snapshot.searcher, &question, Language::Dutch);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(snapshot);
            let returned = reload_returned.load(Ordering::Acquire);
            let now = start.elapsed().as_millis() as u64;
            let worst = match returned {
                RELOADING => &mut during,
                0 => &mut quiet,
                r if now - r < 150 => &mut after,
                _ => &mut quiet,
            };
            *worst = worst.max(ms);
        }
    });
    let rss = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = rss.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: ?").to_string();
    eprintln!("slowest answer: quiet {quiet:.2} ms, during a reload {during:.2} ms, within 150 ms after one {after:.2} ms; {hwm}");
}

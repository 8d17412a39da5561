//! The slowest answer given while a reload builds, per reload: `cargo run --release --example
//! reload_worst -- DIR RELOADS` (DIR as written by `briefbot-scale generate`).
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{Library, SourceConfig};

fn main() {
    let dir = std::path::PathBuf::from(
        std::env::args().nth(1).expect("a folder written by `briefbot-scale generate`"),
    );
    let reloads: usize = std::env::args().nth(2).map_or(3, |r| r.parse().expect("a number of reloads"));
    let questions: Vec<String> = std::fs::read_to_string(dir.join("questions.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<Vec<serde_json::Value>>(&text).ok())
        .map(|qs| qs.iter().filter_map(|q| q["text"].as_str().map(String::from)).collect())
        .unwrap_or_else(|| vec!["hoe zit het met de gemeenten".into()]);
    let library =
        Library::open(SourceConfig::Folder(dir.join("documents")), Duration::ZERO).expect("documents load");
    for _ in 0..reloads {
        let done = AtomicBool::new(false);
        let mut worst = Duration::ZERO;
        let took = std::thread::scope(|scope| {
            let reloading = scope.spawn(|| {
                let t = Instant::now();
                library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reload");
                done.store(true, Ordering::Release);
                t.elapsed()
            });
            for question in questions.iter().cycle() {
                if done.load(Ordering::Acquire) {
                    break;
                }
                let snapshot = library.snapshot();
                let t = Instant::now();
                let _ = answer(&snapshot.searcher, question, Language::Dutch);
                worst = worst.max(t.elapsed());
            }
            reloading.join().expect("reload thread")
        });
        println!("reload {took:?}, worst answer meanwhile {worst:?}");
    }
}

//! The slowest questions of a generated corpus (see `benches/scale`), for profiling:
//! `cargo run --release --example slowest -- target/scale/1000 [REPEATS] [answer]`; with
//! `answer` each question goes through `answer::answer` (search, quotes and references), as
//! the scale bench times it, instead of the search alone.

use std::time::{Duration, Instant};

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{Library, SourceConfig};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder written by `briefbot-scale generate`");
    let repeats: usize = std::env::args().nth(2).map_or(3, |r| r.parse().expect("a number of repeats"));
    let whole_answer = std::env::args().nth(3).as_deref() == Some("answer");
    let questions = std::fs::read_to_string(format!("{dir}/questions.json")).expect("questions.json");
    let questions: Vec<serde_json::Value> = serde_json::from_str(&questions).expect("questions parse");
    // Opened as the bot opens it (`Library::open` also sets the allocator as the bot runs it).
    let library = Library::open(SourceConfig::Folder(format!("{dir}/documents").into()), Duration::ZERO)
        .expect("the corpus loads");
    let snapshot = library.snapshot();
    let searcher = &snapshot.searcher;
    // What `Library::open` reads on a thread of its own, read before the first question.
    searcher.warm();
    let mut times: Vec<(Duration, &str)> = Vec::new();
    let started = Instant::now();
    for _ in 0..repeats {
        for question in questions.iter().filter_map(|q| q["text"].as_str()) {
            let t = Instant::now();
            match whole_answer {
                true => drop(answer(searcher, question, Language::Dutch)),
                false => drop(searcher.search(question)),
            }
            times.push((t.elapsed(), question));
        }
    }
    times.sort();
    let at = |share: f64| times[((times.len() - 1) as f64 * share) as usize].0;
    println!("{} searches in {:?}, p50 {:?}, p99 {:?}", times.len(), started.elapsed(), at(0.5), at(0.99));
    for (time, question) in times.iter().rev().take(10) {
        println!("{time:?} {question}");
    }
}

//! The slowest questions of a generated corpus (see `benches/scale`), for profiling:
//! `cargo run --release --example slowest -- target/scale/1000 [REPEATS]`.

use std::time::{Duration, Instant};

use briefbot::library::{load, Source};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder written by `briefbot-scale generate`");
    let repeats: usize = std::env::args().nth(2).map_or(3, |r| r.parse().expect("a number of repeats"));
    let questions = std::fs::read_to_string(format!("{dir}/questions.json")).expect("questions.json");
    let questions: Vec<serde_json::Value> = serde_json::from_str(&questions).expect("questions parse");
    let searcher = load(Source::Folder(format!("{dir}/documents").as_ref())).expect("the corpus loads");
    let mut times: Vec<(Duration, &str)> = Vec::new();
    let started = Instant::now();
    for _ in 0..repeats {
        for question in questions.iter().filter_map(|q| q["text"].as_str()) {
            let t = Instant::now();
            let _ = searcher.search(question);
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

//! The absent-word questions of a generated corpus (see `benches/scale`) that got a quote,
//! with what matched: `cargo run --release --example absent -- target/scale/1000`.

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{load, Source};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder written by `briefbot-scale generate`");
    let questions = std::fs::read_to_string(format!("{dir}/questions.json")).expect("questions.json");
    let questions: Vec<serde_json::Value> = serde_json::from_str(&questions).expect("questions parse");
    let searcher = load(Source::Folder(format!("{dir}/documents").as_ref())).expect("the corpus loads");
    let absent = questions.iter().filter(|q| q["document"].is_null()).filter_map(|q| q["text"].as_str());
    for question in absent {
        let reply = answer(&searcher, question, Language::Dutch).expect("a question");
        let Some(hit) = reply.hits.first().filter(|_| reply.reply.answered()) else { continue };
        let groups: Vec<String> = reply
            .query
            .groups
            .iter()
            .map(|g| {
                let alternatives: Vec<String> = g
                    .alternatives
                    .iter()
                    .map(|a| format!("{}:{:?}:{}", a.stem, a.kind, searcher.index_df(&a.stem)))
                    .collect();
                format!("{}[{}]", g.word, alternatives.join(","))
            })
            .collect();
        println!(
            "{question}\n   coverage {:.2}, matched {:?}\n   {}",
            hit.coverage,
            hit.matched_stems(&searcher.index),
            groups.join(" ")
        );
    }
}

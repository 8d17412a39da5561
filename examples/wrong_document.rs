//! The questions of a generated corpus (see `benches/scale`) made from one document that were
//! not answered from it, with what the index's ranking and the answer chose:
//! `cargo run --release --example wrong_document -- target/scale/100`.

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{load, Source};
use briefbot::search::rank;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder written by `briefbot-scale generate`");
    let questions = std::fs::read_to_string(format!("{dir}/questions.json")).expect("questions.json");
    let questions: Vec<serde_json::Value> = serde_json::from_str(&questions).expect("questions parse");
    let searcher = load(Source::Folder(format!("{dir}/documents").as_ref())).expect("the corpus loads");
    let documents = searcher.index.documents();
    let name = |d: usize| documents[d].meta.id.as_str();
    for q in &questions {
        let (Some(text), Some(expected)) = (q["text"].as_str(), q["document"].as_str()) else { continue };
        let reply = answer(&searcher, text, Language::Dutch).expect("a question");
        let answered = reply.hits.first().filter(|_| reply.reply.answered());
        if answered.is_some_and(|h| name(h.id.document) == expected) {
            continue;
        }
        let global = rank(&searcher.index, &reply.query);
        let describe = |h: &briefbot::search::Hit| {
            format!(
                "{} {:?} score {:.2} coverage {:.2} answers {}",
                name(h.id.document),
                h.matched_stems(&searcher.index),
                h.score,
                h.coverage,
                h.answers()
            )
        };
        println!("{text}  (from {expected})");
        for h in global.iter().take(2) {
            println!("   index: {}", describe(h));
        }
        for h in reply.hits.iter().take(2) {
            println!("   local: {}", describe(h));
        }
    }
}

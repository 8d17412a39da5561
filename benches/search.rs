//! Index build and question latency on the letter. The anchor is a naive scan (lower-case
//! substring test of every question word against every passage) run in the same process, so
//! results can be read as ratios that hold across machines.
//!
//! Run: `cargo bench --bench search`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

use briefbot::answer::answer;
use briefbot::document::load::embedded_letter;
use briefbot::i18n::Language;
use briefbot::search::{Index, Searcher};
use briefbot::text::analyzer::Analyzer;

const QUESTIONS: [(&str, &str); 4] = [
    ("direct", "Blijft de verzorgingsstaat bestaan?"),
    ("compound", "Wat zegt de brief over inbraakpreventie?"),
    ("typo", "wat zijn wijkteems"),
    ("offtopic", "Wat voor weer wordt het morgen?"),
];

fn searcher() -> Searcher {
    let analyzer = Analyzer::default();
    let corpus = embedded_letter(analyzer.lexicon());
    Searcher::new(Index::build(corpus, analyzer))
}

fn naive_scan(searcher: &Searcher, question: &str) -> usize {
    let words: Vec<String> = question.split_whitespace().map(str::to_lowercase).collect();
    searcher.index.documents()[0]
        .passages
        .iter()
        .filter(|p| {
            let text = p.text.get().to_lowercase();
            words.iter().any(|w| text.contains(w.as_str()))
        })
        .count()
}

fn benches(c: &mut Criterion) {
    c.bench_function("build/letter_index", |b| b.iter(|| black_box(searcher())));
    let searcher = searcher();
    for (name, question) in QUESTIONS {
        c.bench_function(&format!("anchor/naive_scan/{name}"), |b| {
            b.iter(|| black_box(naive_scan(&searcher, black_box(question))))
        });
        c.bench_function(&format!("answer/{name}"), |b| {
            b.iter(|| black_box(answer(&searcher, black_box(question), Language::Dutch).unwrap()))
        });
    }
}

criterion_group!(search, benches);
criterion_main!(search);

//! briefbot at corpus scale, side by side with tantivy (issue: many documents).
//!
//! `scale table [SIZES] [--work DIR]` generates (once) a seeded corpus per size and 300
//! questions, runs each engine in its own process (so peak memory is its own), and prints
//! one Markdown table with ratios to tantivy. `scale generate DIR N` and
//! `scale run ENGINE DIR` are the steps. Run from the repository root:
//! `cargo run --release --manifest-path benches/scale/Cargo.toml -- table 1,100,1000`.

mod briefbot_run;
mod generate;
mod measure;
mod table;
mod tantivy_run;

use std::path::{Path, PathBuf};
use std::time::Instant;

use generate::{Question, Rng, Vocabulary};

const QUESTIONS: usize = 300;
const SEED: u64 = 2014_04_07;
const WORDFREQ: &str = "data/wordfreq-nl.fst";

fn main() {
    let started = Instant::now();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate", dir, n] => generate(Path::new(dir), n.parse().expect("a number of documents")),
        ["run", engine, dir] => {
            let dir = Path::new(dir);
            let questions = read_questions(dir);
            let corpus = dir.join("documents");
            let row = match *engine {
                "briefbot" => briefbot_run::run(&corpus, &questions, started),
                "tantivy-term" => tantivy_run::run(&corpus, &questions, started, false),
                "tantivy-fuzzy" => tantivy_run::run(&corpus, &questions, started, true),
                other => panic!("unknown engine {other}"),
            };
            println!("{}", serde_json::to_string(&row).expect("a row"));
        }
        ["table", rest @ ..] => table::run(rest),
        _ => eprintln!("usage: scale generate DIR N | scale run ENGINE DIR | scale table [1,100,1000] [--work DIR]"),
    }
}

/// Writes `n` documents into `DIR/documents` and the questions into `DIR/questions.json`.
pub fn generate(dir: &Path, n: usize) {
    let documents = dir.join("documents");
    std::fs::create_dir_all(&documents).expect("corpus folder");
    let vocabulary = Vocabulary::load(Path::new(WORDFREQ));
    let mut rng = Rng::new(SEED ^ n as u64);
    let generated: Vec<_> = (0..n).map(|i| generate::write_document(&documents, i, &vocabulary, &mut rng)).collect();
    let questions = generate::questions(&generated, &vocabulary, QUESTIONS, &mut rng);
    let json = serde_json::to_string_pretty(&questions).expect("questions");
    std::fs::write(dir.join("questions.json"), json).expect("questions written");
}

fn read_questions(dir: &Path) -> Vec<Question> {
    let text = std::fs::read_to_string(dir.join("questions.json")).expect("questions.json");
    serde_json::from_str(&text).expect("questions parse")
}

/// The documents' text files in a corpus folder, sorted by name.
pub fn document_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

pub fn work_dir(args: &[&str]) -> PathBuf {
    args.windows(2)
        .find(|w| w[0] == "--work")
        .map_or_else(|| PathBuf::from("target/scale"), |w| PathBuf::from(w[1]))
}

//! Keeps the `form lemma` lines of standard input whose stems differ without the table of
//! irregular inflections: `python3 tools/build-lemmas.py ... | cargo run --release --features
//! internals --example lemma_filter > data/lemmas-nl.txt` (see `tools/build-lemmas.py`).
use std::io::{self, BufRead, Write};

use briefbot::text::analyzer::Analyzer;

fn main() -> io::Result<()> {
    let analyzer = Analyzer::default().without_lemmas();
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let line = line?;
        let mut words = line.split_whitespace();
        let (Some(form), Some(lemma)) = (words.next(), words.next()) else { continue };
        if analyzer.stem(form) != analyzer.stem(lemma) {
            writeln!(out, "{form} {lemma}")?;
        }
    }
    Ok(())
}

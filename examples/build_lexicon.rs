//! Builds `data/lexicon-nl.fst` from the OpenTaal word list (Debian package `wdutch`,
//! `/usr/share/dict/dutch`): lower-case alphabetic words of 3 to 30 letters, accents folded.
//!
//! Run: `cargo run --example build_lexicon -- /usr/share/dict/dutch data/lexicon-nl.fst`
use std::collections::BTreeSet;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let source = args.next().unwrap_or_else(|| "/usr/share/dict/dutch".into());
    let target = args.next().unwrap_or_else(|| "data/lexicon-nl.fst".into());
    let text = std::fs::read_to_string(&source)?;
    let words: BTreeSet<String> = text
        .lines()
        .filter(|w| w.chars().all(char::is_alphabetic) && *w == w.to_lowercase())
        .map(briefbot::text::fold)
        .filter(|w| (3..=30).contains(&w.chars().count()))
        .collect();
    let set = fst::Set::from_iter(words.iter())?;
    std::fs::write(&target, set.as_fst().as_bytes())?;
    eprintln!("{} words, {} bytes -> {target}", words.len(), set.as_fst().size());
    Ok(())
}

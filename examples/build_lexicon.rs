//! Builds the compiled-in language data from public word lists (see `data/README.md`):
//!
//! - `cargo run --example build_lexicon -- words /usr/share/dict/dutch data/lexicon-nl.fst`:
//!   the OpenTaal word list (Debian `wdutch`) as an `fst::Set` of folded words of 3–30 letters;
//! - `cargo run --example build_lexicon -- freq /tmp/nl.tsv data/wordfreq-nl.fst`: word
//!   frequencies from `tools/export-wordfreq.py` as an `fst::Map` of folded word → Zipf × 100.
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, source, target] = args.as_slice() else {
        anyhow::bail!("usage: build_lexicon (words|freq) SOURCE TARGET");
    };
    let text = std::fs::read_to_string(source)?;
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();
    for line in text.lines() {
        let (word, value) = match mode.as_str() {
            "words" => (line, 0),
            "freq" => {
                let (word, zipf) =
                    line.split_once('\t').ok_or_else(|| anyhow::anyhow!("bad line: {line}"))?;
                (word, zipf.parse()?)
            }
            other => anyhow::bail!("unknown mode {other}"),
        };
        if !word.chars().all(char::is_alphabetic) || word != word.to_lowercase() {
            continue;
        }
        let folded = briefbot::text::fold(word);
        if mode == "freq" || (3..=30).contains(&folded.chars().count()) {
            let slot = entries.entry(folded).or_default();
            *slot = (*slot).max(value);
        }
    }
    let bytes = if mode == "words" {
        fst::Set::from_iter(entries.keys())?.as_fst().as_bytes().to_vec()
    } else {
        fst::Map::from_iter(entries.iter().map(|(k, v)| (k, *v)))?.as_fst().as_bytes().to_vec()
    };
    std::fs::write(target, &bytes)?;
    eprintln!("{} entries, {} bytes -> {target}", entries.len(), bytes.len());
    Ok(())
}

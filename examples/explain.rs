//! Shows how a question is analysed and how every passage scores: for tuning the search core
//! on categories of questions. Run: `cargo run --example explain -- "vraag"`.
use briefbot::library::{self, Source};

fn main() -> anyhow::Result<()> {
    let question = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let searcher = library::load(Source::FolderOrEmbedded("seeds".as_ref()))?;
    let (query, hits) = searcher.search(&question);
    eprintln!("language: {:?}; answer types: {}", query.language, query.answer_types.len());
    for g in &query.groups {
        let alts: Vec<String> = g
            .alternatives
            .iter()
            .map(|a| format!("{}({:?} {:.2} df={})", a.stem, a.kind, a.weight, searcher.index_df(&a.stem)))
            .collect();
        eprintln!("group {:>20} cue={:?}: {}", g.word, g.cue, alts.join(" "));
    }
    for h in hits.iter().take(6) {
        let p = searcher.index.passage(h.id);
        eprintln!(
            "{:>9} {:>2} score={:.2} coverage={:.2} anchored={} answers={} matched={:?}",
            p.kind.as_str(),
            p.number,
            h.score,
            h.coverage,
            h.anchored,
            h.answers(),
            h.matched_stems
        );
    }
    Ok(())
}

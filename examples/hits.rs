//! Prints the query's answer types and each hit's decision fields: `cargo run --release
//! --example hits -- DIR QUESTION...`.
use briefbot::library::{load, Source};
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let s = load(Source::Folder(std::path::Path::new(&dir))).unwrap();
    for q in std::env::args().skip(2) {
        let (query, hits) = s.search(&q);
        eprintln!(
            "{q}: types {:?} focus {:?}",
            query.answer_types.iter().map(|t| (&t.triggers, t.required)).collect::<Vec<_>>(),
            query.focus
        );
        for h in hits.iter().take(4) {
            eprintln!(
                "  {:?} score {:.2} cov {:.2} anchored {} required {} focus {} chance {} unasked {}",
                h.id,
                h.score,
                h.coverage,
                h.anchored,
                h.holds_required,
                h.holds_focus,
                h.by_chance,
                h.unasked_part
            );
        }
    }
}

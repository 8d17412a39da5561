use briefbot::library::{load, Source};
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let s = load(Source::Folder(std::path::Path::new(&dir))).unwrap();
    for q in std::env::args().skip(2) {
        let t = Instant::now();
        let (qq, h) = s.search(&q);
        eprintln!(
            "{:?} {q}: {:?}",
            t.elapsed(),
            qq.groups
                .iter()
                .map(|g| (
                    g.word.clone(),
                    g.alternatives.iter().map(|a| (a.stem.clone(), s.index_df(&a.stem))).collect::<Vec<_>>()
                ))
                .collect::<Vec<_>>()
        );
        eprintln!("  first {:?}", h.first().map(|h| (h.score, h.coverage, h.answers())));
    }
}

//! The whole answer path (chat normalisation, analysis, ranking, quoting) on any question, on
//! the letter: every quote is an exact slice of its passage on character boundaries, and the
//! same question gets the same reply twice.
#![no_main]

use std::sync::OnceLock;

use briefbot::answer::{answer, quote};
use briefbot::i18n::Language;
use briefbot::library::{self, Source};
use briefbot::search::Searcher;
use libfuzzer_sys::fuzz_target;

fn searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| library::load(Source::Folder("../seeds".as_ref())).expect("the letter loads"))
}

fuzz_target!(|question: &str| {
    let searcher = searcher();
    let Ok(first) = answer(searcher, question, Language::Dutch) else { return };
    for q in &first.reply.quotes {
        let document = searcher.index.documents().iter().find(|d| d.meta.id == q.reference.document).unwrap();
        let passage = document.passages.iter().find(|p| p.kind == q.reference.kind && p.number == q.reference.number).unwrap();
        let text = passage.text.get();
        for span in &q.spans {
            assert!(text.get(span.start..span.end).is_some(), "span off a character boundary");
        }
        assert_eq!(q.text, quote::render(&text, &q.spans));
    }
    let again = answer(searcher, question, Language::Dutch).unwrap();
    assert_eq!(first.reply, again.reply, "same question, same reply");
});

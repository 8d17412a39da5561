//! The document parser on any text: no panic, and every passage is non-empty text that the
//! search index can be built over and quoted from.
#![no_main]

use briefbot::document::parse::parse_letter;
use briefbot::text::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lexicon = Lexicon::default();
    let (passages, _diagnostics) = parse_letter("fuzz.txt", text, &lexicon);
    for passage in &passages {
        assert!(!passage.text.get().trim().is_empty(), "empty passage from {text:?}");
    }
});

//! Prints the analysed forms of words: `cargo run --release --example stems -- WORD...`.
use briefbot::i18n::Language;
use briefbot::text::analyzer::Analyzer;
fn main() {
    let analyzer = Analyzer::default();
    for word in std::env::args().skip(1) {
        let forms = analyzer.forms(&word);
        let zipf = analyzer.lexicon().zipf(&word, Language::Dutch);
        println!("{word} (Zipf {zipf:.2}): stem {} parts {:?}", forms.stem, forms.part_stems);
    }
}

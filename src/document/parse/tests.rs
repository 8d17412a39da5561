use super::*;
use crate::document::load::embedded_letter;

fn letter() -> Vec<Passage> {
    embedded_letter(&Lexicon::default()).documents.remove(0).passages
}

#[test]
fn debug_dump() {
    for p in letter() {
        eprintln!("{:?} {} {:?} L{} {:?}\n  {}", p.kind, p.number, p.pages, p.line, p.annotates, p.text);
    }
}

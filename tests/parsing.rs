//! The parsing rules on the real letter (`seeds/participatiesamenleving-2014-04-07.txt`).

use briefbot::document::{load::embedded_letter, Document, PassageKind};
use briefbot::text::lexicon::Lexicon;

fn letter() -> Document {
    let corpus = embedded_letter(&Lexicon::default());
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    std::sync::Arc::unwrap_or_clone(corpus.documents.into_iter().next().unwrap())
}

fn body(n: u32) -> String {
    letter().paragraph(n).unwrap().text.get().into_owned()
}

#[test]
fn letter_has_its_natural_passages() {
    let kinds: Vec<(PassageKind, u32)> = letter().passages.iter().map(|p| (p.kind, p.number)).collect();
    use PassageKind::*;
    assert_eq!(
        kinds,
        [
            (Heading, 1),
            (Heading, 2),
            (Addressee, 1),
            (Body, 1),
            (Body, 2),
            (Body, 3),
            (Body, 4),
            (Body, 5),
            (Body, 6),
            (Body, 7),
            (Footnote, 1),
            (Signature, 1)
        ]
    );
}

#[test]
fn pages_follow_the_lines_that_begin_with_a_space() {
    let doc = letter();
    assert_eq!(doc.paragraph(3).unwrap().pages, (1, 1));
    assert_eq!(doc.paragraph(4).unwrap().pages, (2, 2));
    assert_eq!(doc.paragraph(7).unwrap().pages, (2, 3));
    let signature = doc.passages.iter().find(|p| p.kind == PassageKind::Signature).unwrap();
    assert_eq!(signature.pages, (3, 3));
}

#[test]
fn end_of_line_hyphenation_is_joined() {
    assert!(body(1).contains("tegen de achtergrond van"));
    assert!(body(2).contains("zich organiseert en ontwikkelt"));
    assert!(body(4).contains("niet-gemeentelijke professionals"));
    assert!(body(4).contains("de bereikbaarheid in de drukste"));
    assert!(body(5).contains("noodzakelijke overheidsmiddelen"));
}

#[test]
fn hyphens_that_belong_to_the_word_stay() {
    assert!(body(2).contains("ICT-toepassingen"));
    assert!(body(6).contains("wet- en regelgeving"));
    assert!(body(3).contains("whatsapp-groepje"));
}

#[test]
fn paragraph_interrupted_by_the_footnote_is_one_passage() {
    let text = body(7);
    assert!(text
        .contains("Het kabinet onderkent het belang dat deze mensen een beroep kunnen doen op de overheid"));
    assert!(!text.contains("Doe-democratie"));
}

#[test]
fn footnote_is_its_own_passage_linked_to_the_paragraph_with_the_marker() {
    let doc = letter();
    let note = doc.passages.iter().find(|p| p.kind == PassageKind::Footnote).unwrap();
    assert!(note.text.get().starts_with("In de nota Doe-democratie (Kamerstuk 33 400 VII, nr. 79)"));
    assert_eq!(note.annotates, Some(5));
    let marked = doc.paragraph(5).unwrap();
    assert!(marked.text.get().ends_with("de kosten vaak lager."), "marker removed: {}", marked.text);
    assert!(!marked.text.get().contains('”'));
}

#[test]
fn new_paragraph_at_top_of_page_without_blank_line() {
    assert!(body(4).starts_with("Ook zijn voorbeelden van de participatiesamenleving"));
    assert!(body(3).ends_with("op gang te brengen."));
}

#[test]
fn ocr_slips_stay_verbatim_in_the_text() {
    assert!(body(2).contains("horziontale netwerken"));
    assert!(body(2).contains("hiérarchie"));
    assert!(body(1).contains("Handelingen 1l 2013/14"));
}

#[test]
fn header_and_signature_kinds() {
    let doc = letter();
    let text_of = |kind| doc.passages.iter().find(|p| p.kind == kind).unwrap().text.get().into_owned();
    assert!(text_of(PassageKind::Heading).starts_with("Vaststelling van de begrotingsstaten"));
    assert_eq!(
        text_of(PassageKind::Addressee),
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 7 april 2014"
    );
    assert_eq!(
        text_of(PassageKind::Signature),
        "De Minister-President,\nMinister van Algemene Zaken,\nM. Rutte"
    );
}

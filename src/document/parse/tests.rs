//! Parsing rules on small made-up texts; `tests/parsing.rs` checks them on the real letter.
use super::*;

fn parse(text: &str) -> (Vec<Passage>, Vec<Diagnostic>) {
    parse_letter("doc.txt", text, &Lexicon::default())
}

/// Parsed texts are plain (a loaded document packs them), so they borrow from the passages.
fn kinds_and_texts(passages: &[Passage]) -> Vec<(PassageKind, &str)> {
    fn plain(p: &Passage) -> &str {
        match p.text.get() {
            std::borrow::Cow::Borrowed(text) => text,
            std::borrow::Cow::Owned(_) => panic!("a parsed text is packed"),
        }
    }
    passages.iter().map(|p| (p.kind, plain(p))).collect()
}

#[test]
fn page_starts_at_lines_beginning_with_space_or_form_feed() {
    let (passages, _) =
        parse("Eerste alinea op pagina een.\n\n Tweede alinea op pagina twee.\n\u{c}Derde alinea.\n");
    let pages: Vec<(u32, u32)> = passages.iter().map(|p| p.pages).collect();
    assert_eq!(pages, [(1, 1), (2, 2), (3, 3)]);
}

#[test]
fn capitalised_page_start_after_full_stop_is_a_new_paragraph() {
    let (passages, _) = parse("Een zin die eindigt.\n Nieuwe alinea begint hier.\n");
    assert_eq!(passages.len(), 2);
    assert_eq!(passages[1].text.get(), "Nieuwe alinea begint hier.");
}

#[test]
fn paragraph_broken_by_page_and_footnote_is_joined_and_footnote_linked() {
    let text = "Eerste alinea met een noot.”\n\nTweede alinea loopt door tot\n\n\" Tekst van de noot.\n de volgende pagina.\n";
    let (passages, diagnostics) = parse(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(
        kinds_and_texts(&passages),
        [
            (PassageKind::Body, "Eerste alinea met een noot."),
            (PassageKind::Body, "Tweede alinea loopt door tot de volgende pagina."),
            (PassageKind::Footnote, "Tekst van de noot."),
        ]
    );
    assert_eq!(passages[2].annotates, Some(1));
    assert_eq!(passages[1].pages, (1, 2));
}

#[test]
fn footnote_without_marker_is_reported_not_fatal() {
    let (passages, diagnostics) = parse("Een alinea zonder teken.\n\n\" Losse noot.\n Volgende pagina.\n");
    assert_eq!(passages.iter().filter(|p| p.kind == PassageKind::Footnote).count(), 1);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].line, 3);
    assert!(diagnostics[0].message.contains("footnote"));
}

#[test]
fn header_addressee_and_signature_are_classified() {
    let text = "KOP VAN DE BRIEF\n\nAan de Voorzitter\nDen Haag, 1 mei 2020\n\nDe inhoud van de brief.\n\nDe Minister,\n\nJ. Jansen\n";
    let (passages, _) = parse(text);
    assert_eq!(
        kinds_and_texts(&passages),
        [
            (PassageKind::Heading, "KOP VAN DE BRIEF"),
            (PassageKind::Addressee, "Aan de Voorzitter\nDen Haag, 1 mei 2020"),
            (PassageKind::Body, "De inhoud van de brief."),
            (PassageKind::Signature, "De Minister,\nJ. Jansen"),
        ]
    );
}

#[test]
fn a_place_and_date_block_after_the_addressee_belongs_to_it() {
    let (passages, _) = parse("KOP\n\nAan de Voorzitter\n\nDen Haag, 1 mei 2020\n\nDe inhoud.\n");
    assert_eq!(
        kinds_and_texts(&passages)[1..],
        [(PassageKind::Addressee, "Aan de Voorzitter\nDen Haag, 1 mei 2020"), (PassageKind::Body, "De inhoud.")]
    );
}

#[test]
fn body_paragraphs_are_numbered_from_one() {
    let (passages, _) = parse("Titel\n\nAan de lezer\n\nEen.\n\nTwee.\n\nDrie.\n");
    let numbers: Vec<u32> =
        passages.iter().filter(|p| p.kind == PassageKind::Body).map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
}

#[test]
fn control_characters_are_reported_with_their_line() {
    let (passages, diagnostics) = parse("Een alinea.\n\nMet een \u{7} bel.\n");
    assert_eq!(passages.len(), 2);
    assert_eq!(diagnostics[0].line, 3);
}

#[test]
fn a_marker_alone_makes_no_empty_passage() {
    let lexicon = Lexicon::default();
    for text in ["\n*\n", "Tekst van de brief.\n\n*\n", "*"] {
        let (passages, _) = parse_letter("t.txt", text, &lexicon);
        assert!(passages.iter().all(|p| !p.text.get().trim().is_empty()), "{text:?}: {passages:?}");
    }
}

//! Helpers shared by the integration tests.

// Each test binary compiles this module and uses only some of its helpers.
#![allow(dead_code)]

use briefbot::answer::{quote, Reply};
use briefbot::document::Document;

/// Every quote of the reply is its passage's spans rendered (exact slices joined by `…`), each
/// span on character boundaries of the passage text.
pub fn assert_quotes_are_slices(documents: &[std::sync::Arc<Document>], reply: &Reply) {
    for q in &reply.quotes {
        let document = documents.iter().find(|d| d.meta.id == q.reference.document).expect("quoted document");
        let passage = document
            .passages
            .iter()
            .find(|p| p.kind == q.reference.kind && p.number == q.reference.number)
            .expect("quoted passage");
        let text = passage.text.get();
        for span in &q.spans {
            let slice = text.get(span.start..span.end);
            assert!(
                slice.is_some_and(|s| q.text.contains(s)),
                "span {span:?} is not a slice on character boundaries"
            );
        }
        assert_eq!(q.text, quote::render(&text, &q.spans), "a quote is its spans joined with ellipses only");
    }
}

/// A letter in the `seeds/` format whose body paragraphs are `paragraphs`.
pub fn letter(subject: &str, paragraphs: &[String]) -> String {
    format!(
        " {subject}\n\nBRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\nAan de Voorzitter van de \
         Tweede Kamer der Staten-Generaal\nDen Haag, 15 maart 2021\n\n{}\n\nDe Minister van \
         Infrastructuur en Waterstaat,\nC. van Nieuwenhuizen\n",
        paragraphs.join("\n\n")
    )
}

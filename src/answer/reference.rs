//! Source references a Dutch reader recognises:
//! `Brief van de minister-president over de participatiesamenleving, 7 april 2014
//! (Kamerstuk 33 750 VII), alinea 4, p. 2`.

use serde::Serialize;

use crate::document::{Document, Passage, PassageKind};
use crate::i18n::Language;

/// Where a quote comes from, as data and as the label a reader sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub document: String,
    pub kind: PassageKind,
    pub number: u32,
    pub pages: (u32, u32),
    /// Full label: citation of the document plus the place within it.
    pub label: String,
    /// Short label within the document: `alinea 5`, `voetnoot 1`.
    pub place: String,
}

impl Reference {
    pub fn new(document: &Document, passage: &Passage, language: Language) -> Reference {
        let place = place(passage, language);
        let label =
            format!("{}, {}, {}", document.meta.citation(language), place, pages(passage.pages, language));
        Reference {
            document: document.meta.id.clone(),
            kind: passage.kind,
            number: passage.number,
            pages: passage.pages,
            label,
            place,
        }
    }

    /// The place named with its document (`alinea 3 van sociale-basis-2022-04-11`), as the
    /// `alinea N van DOC` command takes it: for a "Zie ook" that points into another document.
    pub fn naming_its_document(mut self, language: Language) -> Reference {
        let of = if language == Language::Dutch { "van" } else { "of" };
        self.place = format!("{} {of} {}", self.place, self.document);
        self
    }
}

/// `alinea 7`, `voetnoot 1 bij alinea 5`, `ondertekening`, ... in the reply's language.
pub fn place(passage: &Passage, language: Language) -> String {
    let name = passage.kind.name(language);
    match (passage.kind, passage.annotates) {
        (PassageKind::Body, _) | (PassageKind::Footnote, None) => format!("{name} {}", passage.number),
        (PassageKind::Footnote, Some(n)) => {
            let to = if language == Language::Dutch { "bij" } else { "to" };
            format!("{name} {} {to} {} {n}", passage.number, PassageKind::Body.name(language))
        }
        (PassageKind::Heading, _) if passage.number > 1 => format!("{name} {}", passage.number),
        _ => name.to_string(),
    }
}

/// `p. 2`, or `p. 2–3` (Dutch) / `pp. 2–3` (English).
fn pages((first, last): (u32, u32), language: Language) -> String {
    match (first == last, language) {
        (true, _) => format!("p. {first}"),
        (false, Language::Dutch) => format!("p. {first}–{last}"),
        (false, Language::English) => format!("pp. {first}–{last}"),
    }
}

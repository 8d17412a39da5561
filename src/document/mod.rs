//! Documents and their passages: what the index is built from and what a reply quotes.
//!
//! Invariants: a passage's `text` is the cleaned text (hyphenation joined, footnote markers
//! removed, lines of a paragraph joined by single spaces) and is what every quote slices;
//! body paragraphs are numbered 1.. in reading order (`alinea N`), other kinds 1.. per kind;
//! `pages` is the first and last page the passage occupies in the source.

mod listing;
pub mod load;
pub mod metadata;
pub mod parse;
pub mod stamp;
pub mod text;
pub mod watch;

use std::fmt;

use serde::Serialize;

use crate::i18n::Language;

#[cfg(any(test, feature = "internals"))]
pub use load::load_folder;
pub use load::{Corpus, LoadError};
pub use metadata::Metadata;

/// What part of a letter a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// Title or sender heading above the addressee.
    Heading,
    /// The addressee with place and date (`Aan de Voorzitter ... Den Haag, 7 april 2014`).
    Addressee,
    /// A paragraph of the letter's body (`alinea`).
    Body,
    /// A footnote, linked to the paragraph that carries its marker.
    Footnote,
    /// The closing and signature.
    Signature,
}

impl PassageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Heading => "heading",
            PassageKind::Addressee => "addressee",
            PassageKind::Body => "body",
            PassageKind::Footnote => "footnote",
            PassageKind::Signature => "signature",
        }
    }

    /// What a reference calls this kind of passage, in `language` (`alinea`, `paragraph`,
    /// `ondertekening`, ...). The one table of these words.
    pub fn name(self, language: Language) -> &'static str {
        let (dutch, english) = match self {
            PassageKind::Body => ("alinea", "paragraph"),
            PassageKind::Footnote => ("voetnoot", "footnote"),
            PassageKind::Heading => ("kop", "heading"),
            PassageKind::Addressee => ("aanhef", "address and date"),
            PassageKind::Signature => ("ondertekening", "signature"),
        };
        match language {
            Language::Dutch => dutch,
            Language::English => english,
        }
    }

    /// The kind a word names in either language (the first word of [`PassageKind::name`],
    /// or `addressee`).
    pub fn from_name(word: &str) -> Option<PassageKind> {
        const ALL: [PassageKind; 5] =
            [PassageKind::Body, PassageKind::Footnote, PassageKind::Heading, PassageKind::Addressee, PassageKind::Signature];
        let word = word.to_lowercase();
        let names = |kind: PassageKind| [Language::Dutch, Language::English].map(|l| kind.name(l));
        ALL.into_iter().find(|&kind| {
            (kind == PassageKind::Addressee && word == "addressee")
                || names(kind).iter().any(|name| name.split(' ').next() == Some(word.as_str()))
        })
    }
}

/// One passage of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub kind: PassageKind,
    /// `alinea` number for body paragraphs, otherwise the ordinal within its kind.
    pub number: u32,
    /// First and last page.
    pub pages: (u32, u32),
    /// Line in the source file where the passage starts (1-based).
    pub line: u32,
    /// For a footnote: the body paragraph (`alinea`) it annotates.
    pub annotates: Option<u32>,
    /// The cleaned text (compressed once the document is loaded: read it with `get`).
    pub text: text::PassageText,
}

/// A loaded document: its metadata and passages in reading order. Two documents are equal
/// when they were loaded from the same source into the same passages, whenever they were read.
#[derive(Debug, Clone)]
pub struct Document {
    pub meta: Metadata,
    pub passages: std::sync::Arc<[Passage]>,
    /// Where it was loaded from (a path, or `<ingebouwd>` for the letter compiled in).
    pub source: String,
    /// Hash of the text it was parsed from, and what parsing it noted: a reload reuses the
    /// passages of a file whose text is unchanged (see `load::load_folder_after`).
    pub text_hash: u64,
    pub parse_notes: Vec<Diagnostic>,
    /// Its files as they were when read (none for the letter compiled in): a reload takes the
    /// document as it is when they are unchanged (see [`stamp::Stamps::unchanged`]).
    pub stamps: Option<stamp::Stamps>,
}

impl PartialEq for Document {
    fn eq(&self, other: &Document) -> bool {
        self.meta == other.meta
            && self.passages == other.passages
            && self.source == other.source
            && self.text_hash == other.text_hash
            && self.parse_notes == other.parse_notes
    }
}

impl Eq for Document {}

impl Document {
    /// The body paragraph with this `alinea` number.
    pub fn paragraph(&self, number: u32) -> Option<&Passage> {
        self.passages.iter().find(|p| p.kind == PassageKind::Body && p.number == number)
    }

    pub fn body_count(&self) -> u32 {
        self.passages.iter().filter(|p| p.kind == PassageKind::Body).count() as u32
    }
}

/// Something odd found while loading, that did not stop the load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

//! Documents a moderator adds, replaces or removes: an upload (PDF, the HTML or XML of an
//! official publication, or plain text) becomes a proposal — the text in the documents
//! format, metadata guessed from the first page with the moderator's corrections on top, and
//! a preview — that [`store`] writes into the documents folder when confirmed.
//!
//! Invariants: the format is told by the content; names are reduced to `a-z`, `0-9` and `-`
//! so nothing is written outside the documents folder; an upload over the size limit is
//! refused before it is read; nothing here panics on hostile input.

mod extract;
mod guess;
pub mod store;

use crate::document::metadata::Date;
use crate::document::parse::parse_letter;
use crate::document::{Metadata, PassageKind};
use crate::text::lexicon::Lexicon;

pub use extract::Format;
pub use store::Change;

/// Largest upload accepted by default (`documents.max_upload_bytes`).
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 20 * 1024 * 1024;
/// Longest document name, in characters.
const NAME_MAX_CHARS: usize = 60;
/// Passages shown in a preview, and characters of each.
const PREVIEW_PASSAGES: usize = 3;
const PREVIEW_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; at most {max} bytes may be added")]
    TooLarge { bytes: u64, max: u64 },
    #[error("the file is not a PDF, an HTML or XML publication, or plain text")]
    UnknownFormat,
    #[error("the PDF could not be read: {0}")]
    BadPdf(String),
    #[error("the file holds no text")]
    NoText,
    #[error("no passages were found in the text")]
    NoPassages,
    #[error("the text is {bytes} bytes; a document may hold at most {max}")]
    TextTooLarge { bytes: usize, max: u64 },
    #[error("`{0}` is not a date; write YYYY-MM-DD")]
    BadDate(String),
    #[error("a document `{name}` already exists; replace it instead")]
    Exists { name: String },
    #[error("there is no document `{name}`")]
    NoSuchDocument { name: String },
    #[error("writing the documents folder failed: {0}")]
    Write(String),
}

/// A file as uploaded.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The name it was uploaded under (only used to name the document).
    pub file_name: String,
    /// The contents; empty when the declared `size` was over the limit (never read).
    pub bytes: Vec<u8>,
    /// The size the platform or file system declared, in bytes.
    pub size: u64,
}

/// What the moderator says about the document, over what its first page suggests.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// The document's name (file name without extension).
    pub name: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Dossier and number: `33 750 VII, nr. 56`.
    pub reference: Option<String>,
}

/// A document ready to be written, and what to show before it is.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub format: Format,
    pub metadata: Metadata,
    /// The text in the documents format.
    pub text: String,
    /// Body paragraphs found.
    pub paragraphs: usize,
    pub pages: usize,
    /// The first paragraphs, shortened.
    pub first: Vec<String>,
}

impl Proposal {
    /// The change that writes it (`replace`: over the document of the same name).
    pub fn change(&self, replace: bool) -> Change {
        Change::Write {
            name: self.metadata.id.clone(),
            text: self.text.clone(),
            metadata: metadata_toml(&self.metadata),
            replace,
        }
    }
}

/// Reads an upload into a proposal. `max_bytes` is the upload limit.
pub fn propose(upload: &Upload, overrides: &Overrides, max_bytes: u64, lexicon: &Lexicon) -> Result<Proposal, ImportError> {
    let bytes = upload.size.max(upload.bytes.len() as u64);
    if bytes > max_bytes {
        return Err(ImportError::TooLarge { bytes, max: max_bytes });
    }
    let format = extract::detect(&upload.bytes)?;
    let pages = extract::pages(format, &upload.bytes)?;
    let text = extract::as_document_text(&pages);
    let max = crate::document::load::MAX_DOCUMENT_BYTES;
    if text.len() as u64 > max {
        return Err(ImportError::TextTooLarge { bytes: text.len(), max });
    }
    let name = document_name(overrides.name.as_deref().unwrap_or(&upload.file_name));
    let metadata = metadata(&name, guess::first_page(&pages[0]), overrides)?;
    let (passages, _) = parse_letter(&format!("{name}.txt"), &text, lexicon);
    let body: Vec<_> = passages.iter().filter(|p| p.kind == PassageKind::Body).collect();
    if body.is_empty() {
        return Err(ImportError::NoPassages);
    }
    let first = body.iter().take(PREVIEW_PASSAGES).map(|p| crate::fit::truncate(&p.text.get(), PREVIEW_CHARS).into_owned());
    Ok(Proposal { format, paragraphs: body.len(), pages: pages.len(), first: first.collect(), metadata, text })
}

/// A file name reduced to a document name: lower case `a-z`, `0-9` and `-`, the extension
/// dropped, at most [`NAME_MAX_CHARS`]; `document` when nothing is left.
pub fn document_name(file_name: &str) -> String {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let folded = crate::text::fold(stem);
    let mut name = String::new();
    for c in folded.chars() {
        match c {
            'a'..='z' | '0'..='9' => name.push(c),
            _ if !name.is_empty() && !name.ends_with('-') => name.push('-'),
            _ => {}
        }
    }
    let name: String = name.trim_end_matches('-').chars().take(NAME_MAX_CHARS).collect();
    match name.trim_end_matches('-') {
        "" => "document".to_string(),
        name => name.to_string(),
    }
}

fn metadata(name: &str, guess: guess::Guess, overrides: &Overrides) -> Result<Metadata, ImportError> {
    let mut metadata = Metadata::untitled(name);
    metadata.title = overrides.title.clone().or(guess.title).unwrap_or_else(|| name.to_string());
    metadata.sender = guess.sender;
    metadata.date = match &overrides.date {
        Some(date) => Some(Date::parse(date).ok_or_else(|| ImportError::BadDate(date.clone()))?),
        None => guess.date,
    };
    let (dossier, number) = match &overrides.reference {
        Some(reference) => split_reference(reference),
        None => (guess.dossier, guess.number),
    };
    (metadata.dossier, metadata.number) = (dossier, number);
    Ok(metadata)
}

/// `33 750 VII, nr. 56` → (`33 750 VII`, `56`); without a number, all of it is the dossier.
fn split_reference(reference: &str) -> (Option<String>, Option<String>) {
    let lower = reference.to_lowercase();
    match lower.rfind("nr.") {
        Some(at) => {
            let dossier = reference[..at].trim().trim_end_matches(',').trim();
            let number = reference[at + 3..].trim();
            (Some(dossier.to_string()).filter(|d| !d.is_empty()), Some(number.to_string()).filter(|n| !n.is_empty()))
        }
        None => (Some(reference.trim().to_string()).filter(|d| !d.is_empty()), None),
    }
}

/// The `NAME.toml` of a document.
fn metadata_toml(metadata: &Metadata) -> String {
    let mut table = toml::Table::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            table.insert(key.to_string(), toml::Value::String(value));
        }
    };
    put("title", Some(metadata.title.clone()));
    put("sender", metadata.sender.clone());
    put("date", metadata.date.map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)));
    put("dossier", metadata.dossier.clone());
    put("number", metadata.number.clone());
    format!("# Added by a moderator; correct freely.\n{}", toml::to_string(&table).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_leave_the_documents_folder() {
        assert_eq!(document_name("../../x.txt"), "x");
        assert_eq!(document_name("..\\..\\etc\\passwd"), "passwd");
        assert_eq!(document_name("Brief Fietsstraten (definitief).PDF"), "brief-fietsstraten-definitief");
        assert_eq!(document_name("..."), "document");
        assert_eq!(document_name(&"é".repeat(200)).len(), NAME_MAX_CHARS);
    }

    #[test]
    fn a_reference_splits_into_dossier_and_number() {
        assert_eq!(split_reference("33 750 VII, nr. 56"), (Some("33 750 VII".into()), Some("56".into())));
        assert_eq!(split_reference("33 750 VII"), (Some("33 750 VII".into()), None));
    }

    #[test]
    fn a_text_upload_becomes_a_proposal_with_the_moderators_corrections() {
        let text = "BRIEF VAN DE MINISTER VAN FINANCIËN\n\nDen Haag, 1 mei 2020\n\nDe eerste alinea gaat over geld.\n\nDe tweede alinea ook.\n";
        let upload = Upload { file_name: "financien.txt".into(), bytes: text.as_bytes().to_vec(), size: 0 };
        let overrides = Overrides { date: Some("2020-05-02".into()), ..Overrides::default() };
        let proposal = propose(&upload, &overrides, 1000, &Lexicon::default()).unwrap();
        assert_eq!((proposal.metadata.id.as_str(), proposal.format), ("financien", Format::Text));
        assert_eq!(proposal.metadata.title, "Brief van de minister van financiën");
        assert_eq!(proposal.metadata.date, Date::parse("2020-05-02"));
        assert!(proposal.first[0].starts_with("De eerste alinea"), "{:?}", proposal.first);
        let toml = metadata_toml(&proposal.metadata);
        assert!(toml.contains("date = \"2020-05-02\""), "{toml}");
        let too_large = propose(&upload, &overrides, 10, &Lexicon::default());
        assert!(matches!(too_large, Err(ImportError::TooLarge { .. })));
        let bad_date = Overrides { date: Some("2 mei".into()), ..Overrides::default() };
        assert!(matches!(propose(&upload, &bad_date, 1000, &Lexicon::default()), Err(ImportError::BadDate(_))));
    }
}

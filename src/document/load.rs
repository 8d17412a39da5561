//! Loading documents: one text file (`NAME.txt`) plus its metadata file (`NAME.toml`) each,
//! from a folder, or the letter compiled into the binary.
//!
//! A usable document loads with diagnostics for what was odd; a file that cannot be used at
//! all (unreadable, not text, empty, no passages, bad metadata) is a [`LoadError`] naming it.

use std::path::{Path, PathBuf};

use super::{parse::parse_letter, Diagnostic, Document, Metadata};
use crate::text::lexicon::Lexicon;

/// The seed letter, compiled in so the bot answers without a `seeds/` folder.
pub const EMBEDDED_ID: &str = "participatiesamenleving-2014-04-07";
const EMBEDDED_TEXT: &str = include_str!("../../seeds/participatiesamenleving-2014-04-07.txt");
const EMBEDDED_META: &str = include_str!("../../seeds/participatiesamenleving-2014-04-07.toml");

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: not a text file (binary data or invalid UTF-8)")]
    NotText { path: PathBuf, line: usize },
    #[error("{path}: the document is empty")]
    Empty { path: PathBuf },
    #[error("{path}: no passages found in the document")]
    NoPassages { path: PathBuf },
    #[error("{path}:{line}: bad metadata: {message}")]
    Metadata { path: PathBuf, line: usize, message: String },
    #[error("{path}: no documents (*.txt) in this folder")]
    NoDocuments { path: PathBuf },
}

/// Documents in reading order with what was odd about them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The letter compiled into the binary.
pub fn embedded_letter(lexicon: &Lexicon) -> Corpus {
    let meta = Metadata::parse(EMBEDDED_ID, EMBEDDED_META).expect("embedded metadata is valid");
    let (passages, diagnostics) = parse_letter(EMBEDDED_ID, "<ingebouwd>", EMBEDDED_TEXT, lexicon);
    let document = Document { meta, passages, source: "<ingebouwd>".into() };
    Corpus { documents: vec![document], diagnostics }
}

/// Every `*.txt` document in `dir`, sorted by file name.
pub fn load_folder(dir: &Path, lexicon: &Lexicon) -> Result<Corpus, LoadError> {
    let io = |source| LoadError::Io { path: dir.to_path_buf(), source };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(LoadError::NoDocuments { path: dir.to_path_buf() });
    }
    let mut corpus = Corpus::default();
    for path in paths {
        let (document, diagnostics) = load_document(&path, lexicon)?;
        corpus.documents.push(document);
        corpus.diagnostics.extend(diagnostics);
    }
    Ok(corpus)
}

/// One document and its metadata file.
pub fn load_document(path: &Path, lexicon: &Lexicon) -> Result<(Document, Vec<Diagnostic>), LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: path.into(), source })?;
    let text = as_text(&bytes).map_err(|line| LoadError::NotText { path: path.into(), line })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.into() });
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (meta, mut diagnostics) = load_metadata(path, &id)?;
    let file = path.display().to_string();
    let (passages, parse_diagnostics) = parse_letter(&id, &file, text, lexicon);
    diagnostics.extend(parse_diagnostics);
    if passages.is_empty() {
        return Err(LoadError::NoPassages { path: path.into() });
    }
    Ok((Document { meta, passages, source: file }, diagnostics))
}

fn load_metadata(text_path: &Path, id: &str) -> Result<(Metadata, Vec<Diagnostic>), LoadError> {
    let path = text_path.with_extension("toml");
    let Ok(bytes) = std::fs::read(&path) else {
        let note = Diagnostic {
            file: text_path.display().to_string(),
            line: 1,
            message: format!("no metadata file {}; the file name is used as title", path.display()),
        };
        return Ok((Metadata::untitled(id), vec![note]));
    };
    let text = as_text(&bytes).map_err(|line| LoadError::NotText { path: path.clone(), line })?;
    let meta =
        Metadata::parse(id, text).map_err(|(line, message)| LoadError::Metadata { path, line, message })?;
    Ok((meta, Vec::new()))
}

/// The bytes as UTF-8 text, or the line of the first byte that is not text.
fn as_text(bytes: &[u8]) -> Result<&str, usize> {
    let line_of = |at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = std::str::from_utf8(bytes).map_err(|e| line_of(e.valid_up_to()))?;
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Err(line_of(at)),
        None => Ok(text),
    }
}

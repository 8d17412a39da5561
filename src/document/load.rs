//! Loading documents: one text file (`NAME.txt`) plus its metadata file (`NAME.toml`) each,
//! from a folder, or the letter compiled into the binary.
//!
//! A usable document loads with diagnostics for what was odd; a file that cannot be used at
//! all (unreadable, not text, empty, no passages, bad metadata) is a [`LoadError`] naming it.

use rustc_hash::FxHashMap;
use std::sync::Arc;
use std::path::{Path, PathBuf};

use super::listing::{inside_folder, list_changed, list_folder, Listed};
use super::watch::Changed;
use super::text::Packer;
use super::{parse::parse_letter, stamp::Stamps, Diagnostic, Document, Metadata};
use crate::parallel::Share;
use crate::text::lexicon::Lexicon;

/// The seed letter, compiled in so the bot answers without a `seeds/` folder.
pub const EMBEDDED_ID: &str = "participatiesamenleving-2014-04-07";
const EMBEDDED_TEXT: &str = include_str!("../../seeds/participatiesamenleving-2014-04-07.txt");
const EMBEDDED_META: &str = include_str!("../../seeds/participatiesamenleving-2014-04-07.toml");

/// Largest document or metadata file read, in bytes: a parliamentary letter's text is tens of
/// kilobytes, a long report a few megabytes.
pub const MAX_DOCUMENT_BYTES: u64 = 8 * 1024 * 1024;
/// Most documents one folder may hold.
pub const MAX_DOCUMENTS: usize = 20_000;
/// Most passages all documents together may have: a posting holds its passage's slot in 24
/// bits (`search::index::SLOT_BITS`). 10,000 letters have about 210,000.
pub const MAX_PASSAGES: usize = 1 << 24;

/// Why documents could not be loaded. Paths are shown with control characters escaped, so
/// a file name cannot forge a line or colour a terminal.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", shown(path))]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}: not a text file (binary data or invalid UTF-8)", shown(path))]
    NotText { path: PathBuf, line: usize },
    #[error("{}: the document is empty", shown(path))]
    Empty { path: PathBuf },
    #[error("{}: no passages found in the document", shown(path))]
    NoPassages { path: PathBuf },
    #[error("{}:{line}: bad metadata: {message}", shown(path))]
    Metadata { path: PathBuf, line: usize, message: String },
    #[error("{}: no documents (*.txt) in this folder", shown(path))]
    NoDocuments { path: PathBuf },
    #[error("{}: file of {bytes} bytes; documents may have at most {max} bytes", shown(path))]
    TooLarge { path: PathBuf, bytes: u64, max: u64 },
    #[error("{}: {count} documents; a folder may hold at most {max}", shown(path))]
    TooManyDocuments { path: PathBuf, count: usize, max: usize },
    #[error("{}: the documents up to this one have more than {max} passages together", shown(path))]
    TooManyPassages { path: PathBuf, max: usize },
    #[error("{}: the file name must be UTF-8 without control characters (rename the file)", shown(path))]
    BadName { path: PathBuf },
    #[error("{}: a link to a file outside the documents folder; only files inside it are read", shown(path))]
    OutsideFolder { path: PathBuf },
}

/// A path for a message: control characters escaped (`\n`, `\u{1b}`), invalid UTF-8 replaced.
fn shown(path: &Path) -> String {
    crate::text::printable(&path.to_string_lossy()).into_owned()
}

/// Documents in reading order with what was odd about them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Arc<Document>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The letter compiled into the binary.
pub fn embedded_letter(lexicon: &Lexicon) -> Corpus {
    let meta = Metadata::parse(EMBEDDED_ID, EMBEDDED_META).expect("embedded metadata is valid");
    let (mut passages, diagnostics) = parse_letter("<ingebouwd>", EMBEDDED_TEXT, lexicon);
    Packer::default().pack(passages.iter_mut().map(|p| &mut p.text), []);
    let text_hash = text_hash(EMBEDDED_TEXT);
    let parse_notes = diagnostics.clone();
    let source = "<ingebouwd>".into();
    let document = Document { meta, passages: passages.into(), source, text_hash, parse_notes, stamps: None };
    Corpus { documents: vec![Arc::new(document)], diagnostics }
}

/// Every `*.txt` document in `dir`, sorted by file name. Only regular files inside the
/// folder are read: a link that leads outside it is an error, as is a name that is not UTF-8
/// or holds control characters (two such names could otherwise share one document id).
#[cfg(any(test, feature = "internals"))]
pub fn load_folder(dir: &Path, lexicon: &Lexicon) -> Result<Corpus, LoadError> {
    load_folder_after(dir, lexicon, &[], &Changed::Unknown)
}

/// [`load_folder`], taking the passages of a file whose text is the one a `previous`
/// document (of the same path) was parsed from instead of parsing it again: a reload after one
/// changed letter parses that letter only. When the folder's watch tells which entries
/// `changed`, the other documents are taken as they are without looking at their files.
/// With a previous load (a reload, while it answers) one core is left free.
pub fn load_folder_after(
    dir: &Path,
    lexicon: &Lexicon,
    previous: &[Arc<Document>],
    changed: &Changed,
) -> Result<Corpus, LoadError> {
    let folder = dir.canonicalize().map_err(|source| LoadError::Io { path: dir.to_path_buf(), source })?;
    let all_from_here = !previous.is_empty() && previous.iter().all(|d| Path::new(&d.source).parent() == Some(dir));
    let listed = match changed {
        Changed::Names(names) if all_from_here => list_changed(dir, &folder, previous, names)?,
        _ => list_folder(dir, &folder)?,
    };
    let mut corpus = Corpus::default();
    let documents_before = previous;
    let previous: FxHashMap<&str, &Arc<Document>> = match changed {
        // Only the named entries are looked up (the others are vouched for).
        Changed::Names(_) if all_from_here => {
            let looked_at = listed.iter().filter(|l| l.vouched.is_none()).filter_map(|l| l.path.to_str());
            let names: rustc_hash::FxHashSet<&str> = looked_at.collect();
            previous.iter().filter(|d| names.contains(d.source.as_str())).map(|d| (d.source.as_str(), d)).collect()
        }
        _ => previous.iter().map(|d| (d.source.as_str(), d)).collect(),
    };
    let share = if previous.is_empty() { Share::AllCores } else { Share::LeaveOneCore };
    let before = (documents_before, &previous);
    let loaded = crate::parallel::map_in_order_with(share, &listed, Packer::default, |packer, listed| {
        load_document(listed, &folder, (lexicon, packer), before)
    });
    let mut passages = 0;
    for (result, listed) in loaded.into_iter().zip(&listed) {
        let (document, diagnostics) = result?;
        count_passages(&mut passages, &document, &listed.path, MAX_PASSAGES)?;
        corpus.documents.push(document);
        corpus.diagnostics.extend(diagnostics);
    }
    Ok(corpus)
}

/// Adds a document's passages to the folder's `total`; an error naming the document once the
/// total passes `max`.
fn count_passages(total: &mut usize, document: &Document, path: &Path, max: usize) -> Result<(), LoadError> {
    *total += document.passages.len();
    match *total > max {
        true => Err(LoadError::TooManyPassages { path: path.into(), max }),
        false => Ok(()),
    }
}

/// The file's bytes, refused beyond [`MAX_DOCUMENT_BYTES`] before they are read.
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let io = |source| LoadError::Io { path: path.into(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let too_large = |bytes| LoadError::TooLarge { path: path.into(), bytes, max: MAX_DOCUMENT_BYTES };
    let declared = file.metadata().map_err(io)?.len();
    if declared > MAX_DOCUMENT_BYTES {
        return Err(too_large(declared));
    }
    let mut bytes = Vec::with_capacity(declared as usize);
    file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    match bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        true => Err(too_large(bytes.len() as u64)),
        false => Ok(bytes),
    }
}

/// One document of `folder` (canonical) and its metadata file.
fn load_document(
    listed: &Listed,
    folder: &Path,
    (lexicon, packer): (&Lexicon, &mut Packer),
    (documents_before, previous): (&[Arc<Document>], &FxHashMap<&str, &Arc<Document>>),
) -> Result<(Arc<Document>, Vec<Diagnostic>), LoadError> {
    let path = listed.path.as_path();
    let vouched = listed.vouched.map(|d| &documents_before[d]);
    // The watch vouches for files it sees every change of: no link, no other name.
    let watched = vouched.and_then(|d| Some((d, d.stamps.as_ref().filter(|s| s.watchable())?)));
    if let Some((unchanged, stamps)) = watched {
        return Ok(taken_as_it_is(unchanged, stamps, path));
    }
    let file = path.display().to_string();
    let previous = vouched.or_else(|| previous.get(file.as_str()).copied());
    let stamps = Stamps::of(path, &path.with_extension("toml"))
        .map_err(|source| LoadError::Io { path: path.into(), source })?;
    if let Some(unchanged) = previous.filter(|d| d.stamps.as_ref().is_some_and(|s| s.unchanged(&stamps))) {
        return Ok(taken_as_it_is(unchanged, &stamps, path));
    }
    let bytes = read_limited(path)?;
    let text = as_text(&bytes).map_err(|line| LoadError::NotText { path: path.into(), line })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.into() });
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (meta, mut diagnostics) = load_metadata(path, folder, &id)?;
    let hash = text_hash(text);
    let (passages, parse_notes) = match previous.filter(|d| d.text_hash == hash) {
        // Shared with the index being served, not copied.
        Some(unchanged) => (unchanged.passages.clone(), unchanged.parse_notes.clone()),
        None => {
            let (mut passages, notes) = parse_letter(&file, text, lexicon);
            let before = previous.iter().flat_map(|d| d.passages.iter().map(|p| &p.text));
            packer.pack(passages.iter_mut().map(|p| &mut p.text), before);
            (passages.into(), notes)
        }
    };
    diagnostics.extend(parse_notes.iter().cloned());
    if passages.is_empty() {
        return Err(LoadError::NoPassages { path: path.into() });
    }
    let stamps = Some(stamps);
    Ok((Arc::new(Document { meta, passages, source: file, text_hash: hash, parse_notes, stamps }), diagnostics))
}

/// A document whose files are as they were, taken as it is without reading them.
fn taken_as_it_is(unchanged: &Arc<Document>, stamps: &Stamps, path: &Path) -> (Arc<Document>, Vec<Diagnostic>) {
    let mut diagnostics = match stamps.has_metadata() {
        true => Vec::new(),
        false => vec![missing_metadata(path)],
    };
    diagnostics.extend(unchanged.parse_notes.iter().cloned());
    (Arc::clone(unchanged), diagnostics)
}

fn load_metadata(
    text_path: &Path,
    folder: &Path,
    id: &str,
) -> Result<(Metadata, Vec<Diagnostic>), LoadError> {
    let path = text_path.with_extension("toml");
    let readable = path.exists() && inside_folder(&path, folder)?.is_file();
    let Some(bytes) = readable.then(|| read_limited(&path)).transpose()? else {
        return Ok((Metadata::untitled(id), vec![missing_metadata(text_path)]));
    };
    let text = as_text(&bytes).map_err(|line| LoadError::NotText { path: path.clone(), line })?;
    let meta =
        Metadata::parse(id, text).map_err(|(line, message)| LoadError::Metadata { path, line, message })?;
    Ok((meta, Vec::new()))
}

/// The note for a document without a metadata file.
fn missing_metadata(text_path: &Path) -> Diagnostic {
    Diagnostic {
        file: text_path.display().to_string(),
        line: 1,
        message: format!("no metadata file {}; the file name is used as title", text_path.with_extension("toml").display()),
    }
}

/// A hash of a document's text, to tell an unchanged file at a reload.
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_past_the_passage_limit_are_refused_naming_the_one_that_passes_it() {
        let letter = embedded_letter(&Lexicon::default()).documents.remove(0);
        let each = letter.passages.len();
        let max = 2 * each + 1;
        let mut total = 0;
        for name in ["a.txt", "b.txt"] {
            count_passages(&mut total, &letter, Path::new(name), max).expect("within the limit");
        }
        let error = count_passages(&mut total, &letter, Path::new("c.txt"), max).expect_err("past it");
        assert_eq!(error.to_string(), format!("c.txt: the documents up to this one have more than {max} passages together"));
    }
}

//! Which files of a documents folder are documents: every `*.txt` regular file with a usable
//! name, or a link to one inside the folder, in the order of their names.
//!
//! A reload that a folder watch tells what changed ([`super::watch::Changed::Names`]) lists
//! the documents it served and looks only at the named entries; the others are vouched for
//! unchanged ([`Listed::vouched`]) and neither listed nor looked at again.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::fs::FileType;
use std::path::{Path, PathBuf};

use super::load::{LoadError, MAX_DOCUMENTS};
use super::Document;

/// A document's text file, and, when the folder's watch vouches that neither it nor its
/// metadata file changed since the document was read, that document (its place among the
/// documents read before).
pub struct Listed {
    pub path: PathBuf,
    pub vouched: Option<usize>,
}

/// Every document in `dir` (`folder` is its canonical path), sorted by file name.
pub fn list_folder(dir: &Path, folder: &Path) -> Result<Vec<Listed>, LoadError> {
    let io = |source| LoadError::Io { path: dir.to_path_buf(), source };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        let kind = || entry.file_type().map_err(|source| LoadError::Io { path: path.clone(), source });
        if is_text_file(&path) && is_document(&path, kind()?, folder)? {
            paths.push(Listed { path, vouched: None });
        }
        too_many(dir, paths.len())?;
    }
    sorted(dir, paths)
}

/// The documents in `dir` when only the entries `changed` names may differ from the
/// `previous` documents (all read from `dir`): those keep their place unread, and only the
/// named entries are looked at.
pub fn list_changed(
    dir: &Path,
    folder: &Path,
    previous: &[std::sync::Arc<Document>],
    changed: &BTreeSet<OsString>,
) -> Result<Vec<Listed>, LoadError> {
    let mut paths = Vec::with_capacity(previous.len() + changed.len());
    let mut looked_at = BTreeSet::new();
    // A named entry touches the document of its stem (`x.txt`, `x.toml`; `x.bak` only makes
    // the document looked at again).
    let stems: BTreeSet<&OsStr> = changed.iter().filter_map(|name| Path::new(name).file_stem()).collect();
    for (d, document) in previous.iter().enumerate() {
        let path = PathBuf::from(&document.source);
        match path.file_stem().is_some_and(|stem| stems.contains(stem)) {
            true => _ = looked_at.insert(path),
            false => paths.push(Listed { path, vouched: Some(d) }),
        }
    }
    let named = changed.iter().map(|name| dir.join(name)).filter(|path| is_text_file(path));
    looked_at.extend(named);
    for path in looked_at {
        let kind = match path.symlink_metadata() {
            Ok(metadata) => metadata.file_type(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(source) => return Err(LoadError::Io { path, source }),
        };
        if is_document(&path, kind, folder)? {
            paths.push(Listed { path, vouched: None });
        }
        too_many(dir, paths.len())?;
    }
    sorted(dir, paths)
}

/// The listed documents in the order of their names, compared as bytes (`Path`'s own order
/// parses every path into components on each comparison); none is an error.
fn sorted(dir: &Path, mut paths: Vec<Listed>) -> Result<Vec<Listed>, LoadError> {
    paths.sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    match paths.is_empty() {
        true => Err(LoadError::NoDocuments { path: dir.to_path_buf() }),
        false => Ok(paths),
    }
}

fn too_many(dir: &Path, count: usize) -> Result<(), LoadError> {
    match count > MAX_DOCUMENTS {
        true => Err(LoadError::TooManyDocuments { path: dir.into(), count, max: MAX_DOCUMENTS }),
        false => Ok(()),
    }
}

fn is_text_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == OsStr::new("txt"))
}

/// Whether an entry of `folder` (canonical) of this type is a document: a regular file with a
/// usable name, or a link to one inside `folder`. Only a link is followed.
fn is_document(path: &Path, kind: FileType, folder: &Path) -> Result<bool, LoadError> {
    match kind.is_symlink() {
        true => Ok(inside_folder(path, folder)?.is_file()),
        false => usable_name(path).map(|()| kind.is_file()),
    }
}

/// A name that is UTF-8 without control characters.
fn usable_name(path: &Path) -> Result<(), LoadError> {
    let name = path.file_name().and_then(|n| n.to_str());
    match name.is_none_or(|n| n.chars().any(char::is_control)) {
        true => Err(LoadError::BadName { path: path.into() }),
        false => Ok(()),
    }
}

/// Where `path` really is, when its name is usable and it lies inside `folder` (canonical).
pub fn inside_folder(path: &Path, folder: &Path) -> Result<PathBuf, LoadError> {
    usable_name(path)?;
    let io = |source| LoadError::Io { path: path.into(), source };
    // A folder's own entry that is no link lies inside it; only a link is followed to see.
    if !path.symlink_metadata().map_err(io)?.file_type().is_symlink() {
        return Ok(path.to_path_buf());
    }
    let resolved = path.canonicalize().map_err(io)?;
    match resolved.starts_with(folder) {
        true => Ok(resolved),
        false => Err(LoadError::OutsideFolder { path: path.into() }),
    }
}

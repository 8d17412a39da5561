//! Loading the configured documents into a ready-to-ask [`Searcher`].

use std::path::Path;

use crate::document::{load::embedded_letter, load_folder, Corpus, LoadError};
use crate::search::{Index, Searcher};
use crate::text::analyzer::Analyzer;

/// Where the documents come from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A folder that must exist.
    Folder(&'a Path),
    /// A folder if it exists, else the letter compiled into the binary.
    FolderOrEmbedded(&'a Path),
}

/// Loads the documents and builds the index over them.
pub fn load(source: Source<'_>) -> Result<Searcher, LoadError> {
    let analyzer = Analyzer::default();
    let corpus = load_corpus(source, &analyzer)?;
    Ok(Searcher::new(Index::build(corpus, analyzer)))
}

pub fn load_corpus(source: Source<'_>, analyzer: &Analyzer) -> Result<Corpus, LoadError> {
    match source {
        Source::Folder(dir) => load_folder(dir, analyzer.lexicon()),
        Source::FolderOrEmbedded(dir) if dir.is_dir() => load_folder(dir, analyzer.lexicon()),
        Source::FolderOrEmbedded(dir) => {
            tracing::info!(folder = %dir.display(), "documents folder not found; using the letter compiled in");
            Ok(embedded_letter(analyzer.lexicon()))
        }
    }
}

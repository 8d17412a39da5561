//! The documents being served, and reloading them: build-then-swap.
//!
//! A [`Library`] holds the current [`Snapshot`] (index plus what was loaded) in an
//! `ArcSwap`. A reload builds a complete new snapshot off to the side and swaps it in with one
//! atomic store; a question takes one snapshot (`Library::snapshot`) and reads only that, so no
//! answer mixes two. A failed build changes nothing: the old snapshot keeps serving.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::watch::{look, Changed, FolderWatch};
use crate::document::{load::embedded_letter, load::load_folder_after, Corpus, Document, LoadError};
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

/// An owned [`Source`], kept by a [`Library`] for its reloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceConfig {
    Folder(PathBuf),
    FolderOrEmbedded(PathBuf),
}

impl SourceConfig {
    fn as_source(&self) -> Source<'_> {
        match self {
            SourceConfig::Folder(p) => Source::Folder(p),
            SourceConfig::FolderOrEmbedded(p) => Source::FolderOrEmbedded(p),
        }
    }

    fn dir(&self) -> &Path {
        match self {
            SourceConfig::Folder(p) | SourceConfig::FolderOrEmbedded(p) => p,
        }
    }
}

/// Loads the documents and builds the index over them.
pub fn load(source: Source<'_>) -> Result<Searcher, LoadError> {
    load_after(source, None, &Changed::Unknown)
}

/// [`load`], reusing what `previous` (the index being served) already analysed.
/// Files whose text is unchanged keep their parsed passages, and words keep their analysis.
fn load_after(source: Source<'_>, previous: Option<&Searcher>, changed: &Changed) -> Result<Searcher, LoadError> {
    let (searcher, previous) = (previous, previous.map(|p| &p.index));
    let analyzer = previous.map_or_else(|| Arc::new(Analyzer::default()), |p| Arc::clone(&p.analyzer));
    let documents = previous.map_or(&[][..], |p| p.documents());
    let started = std::time::Instant::now();
    let corpus = load_corpus_after(source, &analyzer, documents, changed)?;
    let loaded = started.elapsed();
    let index = Index::build_after(corpus, analyzer, previous);
    tracing::debug!(
        load_ms = loaded.as_secs_f64() * 1e3,
        build_ms = (started.elapsed() - loaded).as_secs_f64() * 1e3,
        passages = index.passage_count(),
        "documents loaded and indexed"
    );
    Ok(match searcher {
        Some(previous) => Searcher::after(index, previous),
        None => Searcher::new(index),
    })
}

#[cfg(any(test, feature = "internals"))]
pub fn load_corpus(source: Source<'_>, analyzer: &Analyzer) -> Result<Corpus, LoadError> {
    load_corpus_after(source, analyzer, &[], &Changed::Unknown)
}

fn load_corpus_after(
    source: Source<'_>,
    analyzer: &Analyzer,
    previous: &[Arc<Document>],
    changed: &Changed,
) -> Result<Corpus, LoadError> {
    match source {
        Source::Folder(dir) => load_folder_after(dir, analyzer.lexicon(), previous, changed),
        Source::FolderOrEmbedded(dir) if dir.is_dir() => load_folder_after(dir, analyzer.lexicon(), previous, changed),
        Source::FolderOrEmbedded(dir) => {
            tracing::info!(folder = %dir.display(), "documents folder not found; using the letter compiled in");
            Ok(embedded_letter(analyzer.lexicon()))
        }
    }
}

/// One loaded state of the documents: the searcher over them and when it was built.
pub struct Snapshot {
    pub searcher: Searcher,
    /// Clock time at which it was built (see `conversation::clock`).
    pub loaded_at: Duration,
}

impl Snapshot {
    pub fn new(searcher: Searcher, loaded_at: Duration) -> Snapshot {
        Snapshot { searcher, loaded_at }
    }

    pub fn passage_count(&self) -> usize {
        self.searcher.index.passage_count()
    }

    pub fn documents(&self) -> &[Arc<Document>] {
        self.searcher.index.documents()
    }
}

/// Whether two loads of a document are the same: the same metadata and the same text its
/// passages were parsed from (parsing depends on nothing else).
fn same_document(a: &Document, b: &Document) -> bool {
    a.text_hash == b.text_hash && a.meta == b.meta
}

/// What a reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
    pub passages_before: usize,
    pub passages_after: usize,
}

impl Changes {
    pub fn between(old: &Snapshot, new: &Snapshot) -> Changes {
        let mut changes = Changes {
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
            passages_before: old.passage_count(),
            passages_after: new.passage_count(),
        };
        // A document a reload took unchanged is the very one served before: only the others
        // are compared by id.
        let shared: FxHashSet<*const Document> = old.documents().iter().map(Arc::as_ptr).collect();
        let shared: FxHashSet<*const Document> =
            new.documents().iter().map(Arc::as_ptr).filter(|d| shared.contains(d)).collect();
        fn others<'a>(snapshot: &'a Snapshot, shared: &FxHashSet<*const Document>) -> FxHashMap<&'a str, &'a Document> {
            let others = snapshot.documents().iter().filter(|d| !shared.contains(&Arc::as_ptr(d)));
            others.map(|d| (d.meta.id.as_str(), &**d)).collect()
        }
        let (before, after) = (others(old, &shared), others(new, &shared));
        for (&id, document) in &after {
            match before.get(id) {
                None => changes.added.push(id.to_string()),
                Some(earlier) if !same_document(earlier, document) => changes.changed.push(id.to_string()),
                Some(_) => {}
            }
        }
        changes.removed = before.keys().filter(|id| !after.contains_key(*id)).map(|id| id.to_string()).collect();
        for ids in [&mut changes.added, &mut changes.changed, &mut changes.removed] {
            ids.sort_unstable();
        }
        changes
    }
}

/// The documents being served.
pub struct Library {
    current: ArcSwap<Snapshot>,
    source: Mutex<SourceConfig>,
    /// Held while a reload builds and swaps, so two reloads do not interleave; it holds the
    /// thread freeing the index the last reload replaced, which the next one waits for
    /// before it builds: at most two indexes are held at once.
    reloading: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// What tells a reload which files changed (see `document::watch`).
    watch: Mutex<Option<FolderWatch>>,
}

impl Library {
    /// Loads the documents from `source` into the first snapshot. A folder found at start is
    /// the source from then on: when it later vanishes, a reload fails and the loaded documents
    /// keep serving, rather than the compiled-in letter replacing them.
    pub fn open(source: SourceConfig, now: Duration) -> Result<Library, LoadError> {
        let source = match source {
            SourceConfig::FolderOrEmbedded(dir) if dir.is_dir() => SourceConfig::Folder(dir),
            other => other,
        };
        crate::parallel::keep_large_blocks_apart();
        // Set before the folder is read, so that no change made meanwhile goes unseen.
        let mut watch = None;
        let _first_look_sees_everything = look(&mut watch, source.dir());
        let searcher = load(source.as_source())?;
        let library = Library::with_shared(Arc::new(Snapshot::new(searcher, now)), source);
        *library.watch.lock().unwrap_or_else(|e| e.into_inner()) = watch;
        warm_in_background(library.snapshot());
        Ok(library)
    }

    /// A library serving a snapshot shared with another (a reload gate's scripts run on the
    /// candidate this way).
    pub fn with_shared(snapshot: Arc<Snapshot>, source: SourceConfig) -> Library {
        let (source, watch) = (Mutex::new(source), Mutex::new(None));
        Library { current: ArcSwap::new(snapshot), source, reloading: Mutex::new(None), watch }
    }

    /// The snapshot to answer one request from.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    pub fn source(&self) -> SourceConfig {
        self.source.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Where the next reload reads from.
    pub fn set_source(&self, source: SourceConfig) {
        *self.source.lock().unwrap_or_else(|e| e.into_inner()) = source;
    }

    /// Builds a new snapshot from the source, lets `gate` inspect it, and swaps it in when
    /// the gate passes it. Nothing changes when building fails or the gate refuses.
    pub fn reload<E: Send>(
        &self,
        now: Duration,
        gate: impl FnOnce(&Arc<Snapshot>) -> Result<(), E> + Send,
    ) -> Result<Changes, ReloadFailure<E>> {
        let mut one_at_a_time = self.reloading.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(freeing) = one_at_a_time.take() {
            // A panic while freeing is the freeing thread's: nothing is lost here.
            let _ = freeing.join();
        }
        let source = self.source();
        let watch = || self.watch.lock().unwrap_or_else(|e| e.into_inner());
        let changed = look(&mut watch(), source.dir());
        let serving = self.snapshot();
        // The build, the gate's scripts and the list of changes are background work, so that
        // answering keeps its core meanwhile. (The served snapshot is the one replaced below:
        // only a reload replaces it, and this one holds the lock.)
        let prepared = crate::parallel::in_background("reload-build", || {
            let candidate = candidate(&source, &changed, &serving, now)?;
            gate(&candidate).map_err(ReloadFailure::Gate)?;
            let changes = Changes::between(&serving, &candidate);
            Ok((candidate, changes))
        });
        drop(serving);
        let (candidate, changes) = match prepared {
            Ok(prepared) => prepared,
            Err(failure) => {
                // Not served: the next reload looks at these files again.
                if let Some(watch) = watch().as_mut() {
                    watch.give_back(changed);
                }
                return Err(failure);
            }
        };
        let old = self.current.swap(candidate);
        // Freeing the replaced index (hundreds of MiB at scale) is no part of the reload: a
        // thread does it, so the caller is not kept waiting (when no thread can be started,
        // the closure, and with it the index, is dropped here), nor an answer that still
        // holds it (the thread waits for the answers to let go). The next reload waits for it.
        let free = move || {
            crate::parallel::lower_this_threads_priority();
            drop_when_unshared(old, FREE_POLL, FREE_WAIT_LIMIT)
        };
        *one_at_a_time = std::thread::Builder::new().name("free-old-index".into()).spawn(free).ok();
        Ok(changes)
    }
}

/// A snapshot built from `source`, reusing what `serving` holds.
fn candidate<E>(
    source: &SourceConfig,
    changed: &Changed,
    serving: &Snapshot,
    now: Duration,
) -> Result<Arc<Snapshot>, ReloadFailure<E>> {
    let searcher = load_after(source.as_source(), Some(&serving.searcher), changed).map_err(ReloadFailure::Load)?;
    searcher.warm();
    Ok(Arc::new(Snapshot::new(searcher, now)))
}

/// Reads the tables a search reads at its first use on a thread of its own (see
/// [`crate::search::Searcher::warm`]): ready-to-answer does not wait for them, and the first
/// question that needs one waits at most for the rest of the reading, not all of it.
fn warm_in_background(snapshot: Arc<Snapshot>) {
    let warm = move || snapshot.searcher.warm();
    if let Err(error) = std::thread::Builder::new().name("warm-tables".into()).spawn(warm) {
        tracing::warn!(%error, "the tables are read by the first question that needs them");
    }
}

/// How often the thread that frees a replaced snapshot looks whether answers still hold it,
/// and how long it waits for them at most (a snapshot is held for one request).
const FREE_POLL: Duration = Duration::from_millis(5);
const FREE_WAIT_LIMIT: Duration = Duration::from_secs(60);

/// Drops `old` once nothing else holds it, or after `limit`: whoever drops the last
/// reference frees it, and that should be this thread, not the request that happened to
/// hold a replaced snapshot last (its reply would wait for the freeing).
fn drop_when_unshared<T>(old: Arc<T>, poll: Duration, limit: Duration) {
    let started = Instant::now();
    while Arc::strong_count(&old) > 1 && started.elapsed() < limit {
        std::thread::sleep(poll);
    }
    drop(old);
}

/// A check new documents must pass before a reload swaps them in. The engine is given one
/// (the script runner's `ScriptGate` runs conversation scripts on the candidate), so the core
/// does not depend on who checks.
pub trait ReloadGate: Send + Sync {
    /// One line per failure; empty when `candidate` may serve. `source` is where it was read.
    fn failures(&self, candidate: &Arc<Snapshot>, source: &SourceConfig) -> Vec<String>;
}

/// Why a reload changed nothing.
#[derive(Debug)]
pub enum ReloadFailure<E> {
    Load(LoadError),
    Gate(E),
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;

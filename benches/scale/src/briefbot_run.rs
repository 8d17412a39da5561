//! briefbot's side of the table: open a library on the corpus folder, answer the questions,
//! reload (all documents, then after one changed document) while answering.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{Library, SourceConfig};

use crate::generate::Question;
use crate::measure::{latencies, memory, DuringReload, Row};

pub fn run(dir: &Path, questions: &[Question], started: Instant) -> Row {
    let before = memory();
    let build = Instant::now();
    let library =
        Library::open(SourceConfig::Folder(dir.to_path_buf()), Duration::ZERO).expect("corpus loads");
    let build = build.elapsed();
    let ready = started.elapsed();
    let held = memory().rss_mib - before.rss_mib;
    let snapshot = library.snapshot();
    let passages = snapshot.passage_count();
    let mut times = Vec::with_capacity(questions.len());
    let (mut absent, mut absent_quoted, mut asked, mut right_document) = (0, 0, 0, 0);
    for question in questions {
        let t = Instant::now();
        let reply = answer(&snapshot.searcher, &question.text, Language::Dutch).expect("a question");
        times.push(t.elapsed());
        let top = reply.hits.first().filter(|_| reply.reply.answered());
        let top_document = top.map(|h| snapshot.documents()[h.id.document].meta.id.as_str());
        match &question.document {
            None => {
                absent += 1;
                absent_quoted += usize::from(top.is_some());
            }
            Some(expected) => {
                asked += 1;
                right_document += usize::from(top_document == Some(expected.as_str()));
            }
        }
    }
    drop(snapshot);
    // A moderator's edit of every document, first (memory a reload frees stays resident,
    // for the next one to reuse): the unchanged passages keep their text.
    let restore = change_documents(dir, usize::MAX, Edit::AddParagraph);
    let (_, during_edits) = reload_while_answering(&library, questions);
    let peak_after_edits = memory().peak_mib;
    restore();
    let (_, during_back) = reload_while_answering(&library, questions);
    // A full reload: every passage of every document changed, so every one is read and
    // analysed again; then back.
    let restore = change_documents(dir, usize::MAX, Edit::EveryPassage);
    let (reload, during_full) = reload_while_answering(&library, questions);
    restore();
    let (_, during_back_again) = reload_while_answering(&library, questions);
    let peak_mib = memory().peak_mib;
    let (_, during_unchanged) = reload_while_answering(&library, questions);
    let restore = change_documents(dir, 1, Edit::AddParagraph);
    let (reload_one, during_one) = reload_while_answering(&library, questions);
    restore();
    let during = [during_back, during_full, during_back_again, during_unchanged, during_one]
        .into_iter()
        .fold(during_edits, DuringReload::and);
    Row {
        engine: "briefbot".into(),
        passages,
        ready_ms: ms(ready),
        build_ms: ms(build),
        held_mib: held,
        peak_mib,
        peak_after_edits_mib: Some(peak_after_edits),
        latency: latencies(&mut times),
        reload_ms: ms(reload),
        reload_one_ms: Some(ms(reload_one)),
        worst_during_reload_ms: ms(during.worst),
        worst_cpu_during_reload_ms: ms(during.worst_cpu),
        held_off_answers: during.held_off,
        absent_quoted: Some((absent_quoted, absent)),
        right_document: Some((right_document, asked)),
    }
}

/// Reloads on another thread while this one answers questions; the reload's duration and the
/// answers given meanwhile.
fn reload_while_answering(library: &Library, questions: &[Question]) -> (Duration, DuringReload) {
    let done = AtomicBool::new(false);
    let mut during = DuringReload::default();
    let reload = std::thread::scope(|scope| {
        let reloading = scope.spawn(|| {
            let t = Instant::now();
            library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reload");
            done.store(true, Ordering::Release);
            t.elapsed()
        });
        for question in questions.iter().cycle() {
            if done.load(Ordering::Acquire) {
                break;
            }
            let snapshot = library.snapshot();
            let _ = during.time(|| answer(&snapshot.searcher, &question.text, Language::Dutch));
        }
        reloading.join().expect("reload thread")
    });
    (reload, during)
}

/// How the bench changes a document, in a way it can undo exactly.
#[derive(Clone, Copy)]
enum Edit {
    /// A paragraph added after the first block, as a moderator's edit would.
    AddParagraph,
    /// A word added at the end of every block: every passage's text changes.
    EveryPassage,
}

/// The paragraph [`Edit::AddParagraph`] adds, and the words [`Edit::EveryPassage`] appends.
const ADDED: &str = "Dit is een gewijzigde alinea over de herziening.\n\n";
const APPENDED: &str = " (herzien)\n\n";

impl Edit {
    fn apply(self, text: &str) -> String {
        match self {
            Edit::AddParagraph => text.replacen("\n\n", &format!("\n\n{ADDED}"), 1),
            Edit::EveryPassage => text.replace("\n\n", APPENDED),
        }
    }

    fn undo(self, text: &str) -> String {
        match self {
            Edit::AddParagraph => text.replacen(ADDED, "", 1),
            Edit::EveryPassage => text.replace(APPENDED, "\n\n"),
        }
    }
}

/// Edits the first `n` documents (sorted by name); returns what puts them back. It keeps
/// only the paths, not the texts, so that the bench's own copies do not count in the peak
/// memory of the reload it measures. Either way the edits are on disk before it returns:
/// the kernel writing back thousands of files the bench has just written would otherwise
/// take the CPU from the answers it times during the reload that follows (on two cores, up
/// to 9 ms of a single answer).
fn change_documents(dir: &Path, n: usize, edit: Edit) -> impl FnOnce() {
    let changed: Vec<std::path::PathBuf> = crate::document_files(dir).into_iter().take(n).collect();
    for path in &changed {
        let text = std::fs::read_to_string(path).expect("a document");
        std::fs::write(path, edit.apply(&text)).expect("writable");
    }
    written_back();
    move || {
        for path in changed {
            let text = std::fs::read_to_string(&path).expect("a document");
            std::fs::write(&path, edit.undo(&text)).expect("writable");
        }
        written_back();
    }
}

/// Waits until the files written are on disk (`sync`).
fn written_back() {
    if let Err(error) = std::process::Command::new("sync").status() {
        eprintln!("sync: {error}");
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

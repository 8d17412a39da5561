//! briefbot's side of the table: open a library on the corpus folder, answer the questions,
//! reload (all documents, then after one changed document) while answering.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use briefbot::answer::answer;
use briefbot::i18n::Language;
use briefbot::library::{Library, SourceConfig};

use crate::generate::Question;
use crate::measure::{latencies, memory, Row};

pub fn run(dir: &Path, questions: &[Question], started: Instant) -> Row {
    let before = memory();
    let build = Instant::now();
    let library = Library::open(SourceConfig::Folder(dir.to_path_buf()), Duration::ZERO).expect("corpus loads");
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
    // A full reload: every document changed, so every one is read and analysed again.
    let restore = change_documents(dir, usize::MAX);
    let (reload, worst_during_reload) = reload_while_answering(&library, questions);
    restore();
    let (_, worst_during_unchanged) = reload_while_answering(&library, questions);
    let restore = change_documents(dir, 1);
    let (reload_one, worst_during_one) = reload_while_answering(&library, questions);
    restore();
    let worst_during_reload = worst_during_reload.max(worst_during_unchanged).max(worst_during_one);
    Row {
        engine: "briefbot".into(),
        passages,
        ready_ms: ms(ready),
        build_ms: ms(build),
        held_mib: held,
        peak_mib: memory().peak_mib,
        latency: latencies(&mut times),
        reload_ms: ms(reload),
        reload_one_ms: Some(ms(reload_one)),
        worst_during_reload_ms: ms(worst_during_reload),
        absent_quoted: Some((absent_quoted, absent)),
        right_document: Some((right_document, asked)),
    }
}

/// Reloads on another thread while this one answers questions; the reload's duration and the
/// slowest answer given meanwhile.
fn reload_while_answering(library: &Library, questions: &[Question]) -> (Duration, Duration) {
    let done = AtomicBool::new(false);
    let mut worst = Duration::ZERO;
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
            let t = Instant::now();
            let _ = answer(&snapshot.searcher, &question.text, Language::Dutch);
            worst = worst.max(t.elapsed());
        }
        reloading.join().expect("reload thread")
    });
    (reload, worst)
}

/// The paragraph a moderator's edit adds (and the restore removes again).
const ADDED: &str = "Dit is een gewijzigde alinea over de herziening.\n\n";

/// Adds a paragraph to the first `n` documents (sorted by name), as a moderator's edit
/// would; returns what puts them back. It keeps only the paths, not the texts, so that the
/// bench's own copies do not count in the peak memory of the reload it measures.
fn change_documents(dir: &Path, n: usize) -> impl FnOnce() {
    let changed: Vec<std::path::PathBuf> = crate::document_files(dir).into_iter().take(n).collect();
    for path in &changed {
        let text = std::fs::read_to_string(path).expect("a document");
        std::fs::write(path, text.replacen("\n\n", &format!("\n\n{ADDED}"), 1)).expect("writable");
    }
    move || {
        for path in changed {
            let text = std::fs::read_to_string(&path).expect("a document");
            std::fs::write(&path, text.replacen(ADDED, "", 1)).expect("writable");
        }
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

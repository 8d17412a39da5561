//! Tests of the library: freeing a replaced snapshot, and a reload after one change.
use super::*;

/// Records the name of the thread that drops it.
struct DropWitness(Arc<Mutex<Option<String>>>);

impl Drop for DropWitness {
    fn drop(&mut self) {
        let name = std::thread::current().name().map(String::from);
        *self.0.lock().expect("not poisoned") = name;
    }
}

/// A replaced snapshot that a request still holds is freed by the freeing thread once
/// the request lets go, not by the request.
#[test]
fn a_replaced_snapshot_is_freed_by_the_freeing_thread_not_the_last_request() {
    let dropped_on = Arc::new(Mutex::new(None));
    let old = Arc::new(DropWitness(dropped_on.clone()));
    let held_by_request = old.clone();
    let freeing = std::thread::Builder::new()
        .name("free-old-index".into())
        .spawn(move || drop_when_unshared(old, Duration::from_millis(1), Duration::from_secs(60)))
        .expect("a thread");
    std::thread::sleep(Duration::from_millis(20));
    drop(held_by_request);
    freeing.join().expect("no panic");
    assert_eq!(dropped_on.lock().expect("not poisoned").as_deref(), Some("free-old-index"));
}

/// The fixture's two letters copied into a temporary folder, written an hour ago (so that an
/// unchanged letter is taken by its stamps, unread).
fn two_letters_written_a_while_ago() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir("tests/fixtures/two-letters").expect("fixture") {
        let path = entry.expect("entry").path();
        let copy = dir.path().join(path.file_name().expect("a name"));
        std::fs::copy(&path, &copy).expect("copied");
        let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&copy).and_then(|f| f.set_modified(an_hour_ago)).expect("aged");
    }
    dir
}

const ADDED_PARAGRAPH: &str = "Een alinea die een moderator toevoegde.";

/// A moderator's edit of the participation letter in `dir`: a paragraph added after the first.
fn add_a_paragraph_to_the_letter(dir: &std::path::Path) {
    let changed = dir.join("participatiesamenleving-2014-04-07.txt");
    let text = std::fs::read_to_string(&changed).expect("the letter");
    let edited = text.replacen("\n\n", &format!("\n\n{ADDED_PARAGRAPH}\n\n"), 1);
    std::fs::write(&changed, edited).expect("written");
}

/// The participation letter in `dir` with `paragraphs` paragraphs of other text after its
/// first, as a long letter has.
fn lengthen_the_letter(dir: &std::path::Path, paragraphs: usize) {
    let changed = dir.join("participatiesamenleving-2014-04-07.txt");
    let text = std::fs::read_to_string(&changed).expect("the letter");
    let added: Vec<String> = (0..paragraphs)
        .map(|n| format!("Alinea {n} gaat over de begroting van gemeente {n} en de zorg die zij {} jaar biedt.", n * 7))
        .collect();
    let lengthened = text.replacen("\n\n", &format!("\n\n{}\n\n", added.join("\n\n")), 1);
    std::fs::write(&changed, lengthened).expect("written");
}

/// A reload after an edit holds only the edited text twice while the old index serves:
/// passages are packed into blocks whose ends follow their texts, so the blocks the edit did
/// not touch are shared with the index it replaces.
#[test]
fn a_reload_after_an_edit_shares_the_blocks_it_did_not_touch() {
    let dir = two_letters_written_a_while_ago();
    lengthen_the_letter(dir.path(), 400);
    let library = Library::open(SourceConfig::Folder(dir.path().to_path_buf()), Duration::ZERO).expect("loads");
    let before = library.snapshot();
    add_a_paragraph_to_the_letter(dir.path());
    library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reloads");
    let after = library.snapshot();
    let letter = |snapshot: &Snapshot| {
        let documents = snapshot.documents();
        documents.iter().find(|d| d.meta.id == "participatiesamenleving-2014-04-07").expect("the letter").clone()
    };
    let (old, new) = (letter(&before), letter(&after));
    assert!(!Arc::ptr_eq(&old.passages, &new.passages), "the letter was parsed again");
    let (mut shared, mut unchanged) = (0, 0);
    for passage in new.passages.iter() {
        let same = old.passages.iter().find(|o| o.text.same_block(&passage.text));
        assert!(same.is_none_or(|_| old.passages.iter().any(|o| o.text == passage.text)), "{:?}", passage.text);
        shared += usize::from(same.is_some());
        unchanged += usize::from(old.passages.iter().any(|o| o.text == passage.text));
    }
    // The edited block's other passages are held twice; the blocks after it are shared.
    assert!(unchanged > 400 && shared * 10 >= unchanged * 6, "{shared} of {unchanged} unchanged passages shared");
    assert!(new.passages.iter().any(|p| p.text.get() == ADDED_PARAGRAPH), "the added paragraph is served");
}

/// A reload after one letter changed (which takes the other letter by its file stamps and
/// reuses every word's analysis) serves what a fresh load of the folder serves.
#[test]
fn a_reload_after_one_changed_letter_equals_a_fresh_load() {
    let dir = two_letters_written_a_while_ago();
    let source = SourceConfig::Folder(dir.path().to_path_buf());
    let library = Library::open(source.clone(), Duration::ZERO).expect("loads");
    add_a_paragraph_to_the_letter(dir.path());
    let changes = library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reloads");
    assert_eq!(changes.changed, ["participatiesamenleving-2014-04-07"], "{changes:?}");
    let fresh = load(source.as_source()).expect("loads");
    let reloaded = library.snapshot();
    let hits = |searcher: &Searcher| {
        let answer = crate::answer::answer(searcher, "wie beslist waar fietsstraten komen", crate::i18n::Language::Dutch);
        answer.expect("a question").hits.iter().map(|h| (h.id, h.score)).collect::<Vec<_>>()
    };
    assert_eq!(hits(&reloaded.searcher), hits(&fresh));
    assert_eq!(reloaded.searcher.index.documents(), fresh.index.documents());
    assert_eq!(reloaded.searcher.index.diagnostics(), fresh.index.diagnostics());
    let (reloaded, fresh) = (&reloaded.searcher.index, &fresh.index);
    assert_eq!(reloaded.vocabulary, fresh.vocabulary, "words are numbered as a fresh build does");
    let words = |index: &Index| index.passages.iter().map(|p| index.words_of(p).iter().collect::<Vec<_>>()).collect::<Vec<_>>();
    assert_eq!(words(reloaded), words(fresh));

}

/// A reload does not build while the index the last reload replaced is still held (by a
/// request here): at most two indexes are in memory at once. It builds once it is freed.
#[test]
fn a_reload_waits_for_the_index_the_last_one_replaced_to_be_freed() {
    let dir = two_letters_written_a_while_ago();
    let library = Library::open(SourceConfig::Folder(dir.path().to_path_buf()), Duration::ZERO).expect("loads");
    let held_by_a_request = library.snapshot();
    add_a_paragraph_to_the_letter(dir.path());
    library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reloads");
    let built = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let next = scope.spawn(|| {
            library.reload(Duration::ZERO, |_| {
                built.store(true, std::sync::atomic::Ordering::SeqCst);
                Ok::<(), ()>(())
            })
        });
        std::thread::sleep(Duration::from_millis(200));
        assert!(!built.load(std::sync::atomic::Ordering::SeqCst), "built while the replaced index was held");
        drop(held_by_a_request);
        next.join().expect("no panic").expect("reloads");
    });
    assert!(built.load(std::sync::atomic::Ordering::SeqCst), "built once it was freed");
}

/// The gate's scripts run with the build, at background priority (on Linux), so that
/// answering keeps its core; the changes it reports are those between the served documents
/// and the new ones.
#[test]
fn a_reloads_gate_runs_at_background_priority() {
    let dir = two_letters_written_a_while_ago();
    let library = Library::open(SourceConfig::Folder(dir.path().to_path_buf()), Duration::ZERO).expect("loads");
    add_a_paragraph_to_the_letter(dir.path());
    let mut niceness = None;
    let changes = library
        .reload(Duration::ZERO, |_| {
            #[cfg(target_os = "linux")]
            // SAFETY: `getpriority` reads the calling thread's nice value and touches no memory.
            let nice = unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
            #[cfg(not(target_os = "linux"))]
            let nice = 10;
            niceness = Some(nice);
            Ok::<(), ()>(())
        })
        .expect("reloads");
    assert!(niceness.is_some_and(|n| n >= 10), "the gate ran at nice {niceness:?}");
    assert_eq!(changes.changed, ["participatiesamenleving-2014-04-07"], "{changes:?}");
}

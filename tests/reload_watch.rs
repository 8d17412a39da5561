//! Reloads that the documents folder's watch tells what changed (Linux): each must serve what
//! a fresh load of the folder serves, whatever a moderator did between two reloads (a letter
//! added, removed or edited, a metadata file added or edited), and a reload that fails must
//! not lose the changes it was told of.
#![cfg(target_os = "linux")]

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use briefbot::document::Document;
use briefbot::library::{Library, SourceConfig};

const TWO_LETTERS: &str = "tests/fixtures/two-letters";
const CORPUS: &str = "tests/fixtures/corpus";
const FIETS: &str = "fietsstraten-2021-03-15";
const LETTER: &str = "participatiesamenleving-2014-04-07";

fn copy(from: &str, name: &str, to: &Path) {
    std::fs::copy(Path::new(from).join(name), to.join(name)).expect("copied");
}

/// A library on a copy of the two letters, its files written an hour ago (so that their
/// stamps, too, would vouch for them).
fn library_on_two_letters(dir: &Path) -> Library {
    for entry in std::fs::read_dir(TWO_LETTERS).expect("fixture") {
        let name = entry.expect("entry").file_name();
        copy(TWO_LETTERS, name.to_str().expect("a name"), dir);
        let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        let file = std::fs::File::options().write(true).open(dir.join(&name)).expect("open");
        file.set_modified(an_hour_ago).expect("aged");
    }
    Library::open(SourceConfig::Folder(dir.to_path_buf()), Duration::ZERO).expect("loads")
}

fn reload(library: &Library) -> Result<(), String> {
    library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).map(|_| ()).map_err(|e| format!("{e:?}"))
}

fn served(library: &Library) -> Vec<Arc<Document>> {
    library.snapshot().documents().to_vec()
}

fn fresh(dir: &Path) -> Vec<Arc<Document>> {
    served(&Library::open(SourceConfig::Folder(dir.to_path_buf()), Duration::ZERO).expect("loads"))
}

fn edit(path: &Path, paragraph: &str) {
    let text = std::fs::read_to_string(path).expect("a document");
    std::fs::write(path, text.replacen("\n\n", &format!("\n\n{paragraph}\n\n"), 1)).expect("written");
}

/// A change a moderator makes to the documents folder, named for the assertion messages.
type Change<'a> = (&'a str, &'a dyn Fn(&Path));

/// Every kind of change a moderator makes, one reload after each, serves what a fresh load
/// serves.
#[test]
fn reloads_told_by_the_watch_serve_what_a_fresh_load_serves() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let library = library_on_two_letters(dir.path());
    let changes: [Change<'_>; 5] = [
        ("a letter edited", &|d| edit(&d.join(format!("{FIETS}.txt")), "Een alinea over de herziening.")),
        ("a letter added", &|d| copy(CORPUS, "bibliotheken-2022-12-05.txt", d)),
        ("its metadata added", &|d| copy(CORPUS, "bibliotheken-2022-12-05.toml", d)),
        ("a metadata file edited", &|d| {
            let path = d.join(format!("{FIETS}.toml"));
            let meta = std::fs::read_to_string(&path).expect("metadata");
            std::fs::write(&path, meta.replacen("over fietsstraten", "over fietsstraten en fietspaden", 1))
                .expect("written");
        }),
        ("a letter removed", &|d| {
            std::fs::remove_file(d.join(format!("{LETTER}.txt"))).expect("removed");
            std::fs::remove_file(d.join(format!("{LETTER}.toml"))).expect("removed");
        }),
    ];
    for (what, change) in changes {
        let before = served(&library);
        change(dir.path());
        reload(&library).expect("reloads");
        let after = served(&library);
        assert_ne!(before, after, "{what}: the reload served a change");
        assert_eq!(after, fresh(dir.path()), "{what}: as a fresh load");
    }
}

/// A reload that fails on one broken letter, while another changed too, leaves the other's
/// change to the next reload: once the broken letter is mended, both changes are served.
#[test]
fn a_failed_reload_leaves_the_changes_it_was_told_of_to_the_next() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let library = library_on_two_letters(dir.path());
    let (fiets, letter) = (dir.path().join(format!("{FIETS}.txt")), dir.path().join(format!("{LETTER}.txt")));
    let original = std::fs::read_to_string(&letter).expect("the letter");
    edit(&fiets, "Een alinea over de herziening.");
    std::fs::write(&letter, "   \n").expect("emptied");
    let error = reload(&library).expect_err("an empty letter fails the reload");
    assert!(error.contains("Empty"), "{error}");
    std::fs::write(&letter, original).expect("mended");
    reload(&library).expect("reloads");
    assert_eq!(served(&library), fresh(dir.path()), "the edited letter is served too");
}

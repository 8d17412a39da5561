//! Regression tests for what a hostile member, a careless moderator or an odd document could
//! do to the core: replies of the bot's own words that overflowed the message limit (the fit
//! used to spin), a panic quoting a long paragraph that ends in a multi-byte character, one
//! long word costing seconds and a gigabyte, links and file names that escape or forge, and
//! documents too large to read. Each test is named after what it guards.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use briefbot::answer::{self, Outcome, Reply};
use briefbot::conversation::{Engine, ManualClock, Request, Role, Settings};
use briefbot::document::load::{EMBEDDED_ID, MAX_DOCUMENT_BYTES};
use briefbot::document::{load_folder, LoadError};
use briefbot::library::{self, Library, Source, SourceConfig};
use briefbot::search::params::MAX_QUERY_WORDS;
use briefbot::search::query::MatchKind;
use briefbot::text::lexicon::Lexicon;

const LETTER: &str = "tests/fixtures/letter";
/// Characters a long paragraph may end in that take more than one byte.
const MULTI_BYTE_ENDINGS: [char; 3] = ['”', 'é', '…'];

fn copy_letter(to: &Path) {
    for ext in ["txt", "toml"] {
        let name = format!("{EMBEDDED_ID}.{ext}");
        std::fs::copy(Path::new(LETTER).join(&name), to.join(&name)).unwrap();
    }
}

/// A short note in the documents format: a heading, an addressee and date, paragraphs.
fn write_note(dir: &Path, id: &str, title: &str, paragraphs: &[String]) {
    let body = paragraphs.join("\n\n");
    let text = format!("{title}\n\nAan de gemeenteraad\nUtrecht, 1 mei 2020\n\n{body}\n");
    std::fs::write(dir.join(format!("{id}.txt")), text).unwrap();
    std::fs::write(dir.join(format!("{id}.toml")), format!("title = {title:?}\ndate = \"2020-05-01\"\n"))
        .unwrap();
}

/// `count` notes on different subjects, each with a title long enough to make a list long.
fn write_notes(dir: &Path, count: usize) {
    let subjects = ["fietspaden", "bibliotheken", "sportvelden", "speeltuinen", "bruggen", "parken"];
    for i in 0..count {
        let subject = subjects[i % subjects.len()];
        let title = format!("Notitie nummer {i} over de aanleg en het onderhoud van {subject} in de wijken");
        let paragraph = format!("De gemeente onderhoudt de {subject} in wijk {i} samen met de bewoners.");
        write_note(dir, &format!("notitie-{i:02}-{subject}"), &title, &[paragraph]);
    }
}

/// A paragraph of over 2,000 characters whose last character is `ending`.
fn long_paragraph(ending: char) -> String {
    let sentence =
        "De wijkraad bespreekt het onderhoud van de kademuren en de financiering ervan met de provincie.";
    format!("{} Slotwoord{ending}", [sentence; 24].join(" "))
}

fn engine_on(dir: &Path) -> Engine {
    let library = Library::open(SourceConfig::Folder(dir.to_path_buf()), Duration::ZERO).unwrap();
    let settings = Settings { rate_limit: 0, ..Settings::default() };
    Engine::new(library, settings, Arc::new(ManualClock::default()))
}

fn say(engine: &Engine, role: Role, text: &str) -> Reply {
    engine.handle(&Request::text("u", role, "#c", text))
}

/// Every quote is its passage's spans rendered, each span on character boundaries, and the
/// reply fits a Discord message.
fn assert_well_formed(engine: &Engine, reply: &Reply) {
    common::assert_quotes_are_slices(engine.library().snapshot().documents(), reply);
    let plain = reply.render_plain_within(answer::PLAIN_MAX_CHARS).chars().count();
    assert!(plain <= answer::PLAIN_MAX_CHARS, "{plain} characters");
    #[cfg(feature = "discord")]
    {
        use briefbot::discord::render::{render, DISCORD_MAX_CHARS};
        let discord = render(reply).content.chars().count();
        assert!(discord <= DISCORD_MAX_CHARS, "{discord} characters");
    }
}

#[test]
fn the_documents_list_with_many_documents_fits_one_message_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    copy_letter(dir.path());
    write_notes(dir.path(), 40);
    let engine = engine_on(dir.path());
    let first = say(&engine, Role::Member, "documenten");
    assert_well_formed(&engine, &first);
    assert!(first.render_plain().contains("`documenten 2`"), "{}", first.render_plain());
    let last = say(&engine, Role::Member, "documents 5");
    assert!(last.render_plain().contains("41. "), "{}", last.render_plain());
    assert_well_formed(&engine, &last);
}

#[test]
fn a_reload_report_after_adding_many_documents_fits_one_message() {
    let dir = tempfile::tempdir().unwrap();
    copy_letter(dir.path());
    let engine = engine_on(dir.path());
    write_notes(dir.path(), 60);
    let report = say(&engine, Role::Moderator, "herlaad");
    assert_eq!(report.outcome, Outcome::Info, "{}", report.render_plain());
    assert!(report.render_plain().contains("en nog 50"), "{}", report.render_plain());
    assert_well_formed(&engine, &report);
}

#[test]
fn quoting_a_long_paragraph_that_ends_in_a_multi_byte_character_does_not_panic() {
    for ending in MULTI_BYTE_ENDINGS {
        let dir = tempfile::tempdir().unwrap();
        write_note(dir.path(), "kademuren", "Notitie over kademuren", &[long_paragraph(ending)]);
        let engine = engine_on(dir.path());
        for text in ["alinea 1", "Wat bespreekt de wijkraad over de kademuren en de provincie?"] {
            let reply = say(&engine, Role::Member, text);
            assert!(!reply.quotes.is_empty(), "{ending}: {text}: {}", reply.render_plain());
            assert_well_formed(&engine, &reply);
        }
    }
}

#[test]
fn one_very_long_word_gets_no_compound_or_typo_analysis() {
    let searcher = library::load(Source::Folder(Path::new(LETTER))).unwrap();
    for word in ["participatie".repeat(83), "q".repeat(1000), "é".repeat(999)] {
        let query = searcher.query(&word);
        assert!(query.groups.len() <= 1, "{} groups", query.groups.len());
        let typos = query.groups.iter().flat_map(|g| &g.alternatives).filter(|a| a.kind == MatchKind::Typo);
        assert_eq!(typos.count(), 0);
        let answer = answer::answer(&searcher, &word, briefbot::i18n::Language::Dutch).unwrap();
        assert_eq!(answer.reply.outcome, Outcome::Declined);
    }
}

#[test]
fn a_question_of_hundreds_of_words_is_analysed_only_up_to_the_word_limit() {
    let searcher = library::load(Source::Folder(Path::new(LETTER))).unwrap();
    let question: Vec<String> = (0..400).map(|i| format!("vrijwillgerswerk{i:03}x")).collect();
    let query = searcher.query(&question.join(" ")[..999]);
    assert!(query.groups.len() <= MAX_QUERY_WORDS, "{} groups", query.groups.len());
}

/// A message that repeats its words up to the word limit asks what it asks once: as many
/// groups, and the same answer, as the words said once (each group costs a walk of its
/// words' postings, so repeats would multiply a question's cost at scale).
#[test]
fn a_word_repeated_up_to_the_word_limit_is_asked_once() {
    let searcher = library::load(Source::Folder(Path::new(LETTER))).unwrap();
    let once = "wat doet de overheid met burgernet";
    let repeated = format!("wat doet de {}", "overheid met burgernet ".repeat(30));
    let (query_once, query_repeated) = (searcher.query(once), searcher.query(&repeated));
    let words = |q: &briefbot::search::Query| q.groups.iter().map(|g| g.word.clone()).collect::<Vec<_>>();
    assert_eq!(words(&query_repeated), words(&query_once));
    let first = |question: &str| {
        let reply = answer::answer(&searcher, question, briefbot::i18n::Language::Dutch).unwrap();
        reply.hits.first().filter(|_| reply.reply.answered()).map(|h| h.id)
    };
    assert!(first(once).is_some(), "the question is answered");
    assert_eq!(first(&repeated), first(once));
}

fn folder_error(dir: &Path) -> LoadError {
    load_folder(dir, &Lexicon::default()).map(|_| ()).unwrap_err()
}

#[test]
fn a_symlink_that_leads_outside_the_documents_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("geheim.txt"), "Wachtwoord van de server.\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_letter(dir.path());
    std::os::unix::fs::symlink(outside.path().join("geheim.txt"), dir.path().join("geheim.txt")).unwrap();
    let error = folder_error(dir.path());
    assert!(matches!(error, LoadError::OutsideFolder { .. }), "{error}");
    assert!(error.to_string().contains("geheim.txt"), "{error}");

    std::fs::remove_file(dir.path().join("geheim.txt")).unwrap();
    std::fs::copy(outside.path().join("geheim.txt"), dir.path().join("binnen.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("binnen.txt"), dir.path().join("ook-binnen.txt")).unwrap();
    assert_eq!(
        load_folder(dir.path(), &Lexicon::default()).unwrap().documents.len(),
        3,
        "links inside are fine"
    );
}

#[test]
fn file_names_with_control_characters_or_invalid_utf8_are_refused_and_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let names: [&[u8]; 3] = [b"brief\nok: forged.txt", b"kleur\x1b[31m.txt", b"ongeldig-\xff.txt"];
    for name in names {
        let dir = tempfile::tempdir().unwrap();
        copy_letter(dir.path());
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(&path, "Een korte tekst.\n").unwrap();
        let error = folder_error(dir.path());
        assert!(matches!(error, LoadError::BadName { .. }), "{error}");
        let message = error.to_string();
        assert!(!message.chars().any(char::is_control), "{message:?}");
    }
}

#[test]
fn a_document_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_letter(dir.path());
    let file = std::fs::File::create(dir.path().join("groot.txt")).unwrap();
    file.set_len(MAX_DOCUMENT_BYTES + 1).unwrap();
    let error = folder_error(dir.path());
    assert!(matches!(error, LoadError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("groot.txt"), "{error}");
}

#[test]
fn a_vanished_default_folder_fails_the_reload_instead_of_swapping_in_the_compiled_in_letter() {
    let dir = tempfile::tempdir().unwrap();
    let folder: PathBuf = dir.path().join("seeds");
    std::fs::create_dir(&folder).unwrap();
    copy_letter(&folder);
    write_notes(&folder, 2);
    let library = Library::open(SourceConfig::FolderOrEmbedded(folder.clone()), Duration::ZERO).unwrap();
    let engine = Engine::new(library, Settings::default(), Arc::new(ManualClock::default()));
    std::fs::remove_dir_all(&folder).unwrap();
    let report = say(&engine, Role::Moderator, "herlaad");
    assert_eq!(report.outcome, Outcome::Invalid, "{}", report.render_plain());
    assert_eq!(engine.library().snapshot().documents().len(), 3, "the loaded documents keep serving");
}

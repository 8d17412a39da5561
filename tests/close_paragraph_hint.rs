//! The hint a decline may carry ("Misschien bedoel je alinea 3 ...?"): given only when the best
//! paragraph shares two or more of the question's words, as a note and a `Show` action, and
//! the reply stays a decline without quotes. On the made-up letter, so that it depends on no
//! particular document.

use briefbot::answer::{answer, Action, Outcome};
use briefbot::conversation::command::Command;
use briefbot::i18n::Language;
use briefbot::library::{self, Source};

fn other_letter() -> briefbot::search::Searcher {
    library::load(Source::Folder("tests/fixtures/other-letter".as_ref())).expect("the made-up letter loads")
}

#[test]
fn a_near_miss_names_the_close_paragraph_without_quoting_it() {
    let searcher = other_letter();
    let reply = answer(&searcher, "Hoeveel fietsstraten leggen gemeenten dit jaar aan?", Language::Dutch)
        .expect("a question")
        .reply;
    assert_eq!(reply.outcome, Outcome::Declined);
    assert!(reply.quotes.is_empty());
    let hint = reply.notes.last().expect("a hint");
    assert!(hint.starts_with("Misschien bedoel je alinea 3 (over "), "{hint}");
    // Every word it names is written so in the paragraph.
    let paragraph =
        &searcher.index.documents()[0].passages.iter().find(|p| p.number == 3 && p.kind.as_str() == "body");
    let text = paragraph.expect("alinea 3").text.get();
    let named = hint.split("(over ").nth(1).and_then(|s| s.split(')').next()).expect("named words");
    for word in named.split([',', ' ']).filter(|w| !w.is_empty() && *w != "en") {
        assert!(text.contains(word), "{word} is not in alinea 3");
    }
    let shows: Vec<&Action> = reply.actions.iter().filter(|a| matches!(a, Action::Show { .. })).collect();
    assert!(matches!(shows.as_slice(), [Action::Show { number: 3, .. }]), "{:?}", reply.actions);
    // The command the hint names is the paragraph command.
    assert_eq!(Command::parse("alinea 3"), Command::Paragraph { document: None, number: 3 });
}

#[test]
fn one_shared_everyday_word_gives_no_hint() {
    let letter = library::load(Source::FolderOrEmbedded("seeds".as_ref())).expect("the seed letter");
    for question in ["wat voor weer wordt het morgen?", "What is the weather like tomorrow?"] {
        let reply = answer(&letter, question, Language::Dutch).expect("a question").reply;
        assert_eq!(reply.outcome, Outcome::Declined, "{question}");
        assert!(reply.actions.is_empty(), "{question}: {:?}", reply.notes);
    }
}

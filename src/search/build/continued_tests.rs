//! Tests of a reload that keeps the served index's ids: it answers as a fresh build of the
//! same documents does, finds none of the words and terms no document holds anymore, and
//! renumbers once those pass their share of the vocabulary.
use std::path::Path;

use super::*;
use crate::i18n::Language;
use crate::library::{load_corpus, Source};
use crate::search::{Index, Searcher};
use crate::text::analyzer::Analyzer;

fn index_of(folder: &Path, previous: Option<&Index>) -> Index {
    let corpus = load_corpus(Source::Folder(folder), &Analyzer::default()).expect("folder loads");
    Index::build_after(corpus, Analyzer::default(), previous)
}

/// The test corpus in a temporary folder, its letters' paths in name order.
fn corpus_copy() -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir("tests/fixtures/corpus").expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("copied");
    }
    let mut letters: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    letters.sort();
    (dir, letters)
}

/// Questions of the corpus's question sets (every `step`th), about the letter and the others.
fn questions(step: usize) -> Vec<String> {
    let files = ["tests/questions-corpus-fresh53.toml", "tests/questions-corpus-fresh51.toml", "tests/questions-chat-fresh52.toml"];
    let mut texts = Vec::new();
    for file in files {
        let table: toml::Table = std::fs::read_to_string(file).expect("questions").parse().expect("toml");
        let asked = table["q"].as_array().expect("q").iter().map(|q| q["text"].as_str().expect("text").to_string());
        texts.extend(asked);
    }
    texts.into_iter().step_by(step).collect()
}

/// Every hit (passage and score), how many are shown, and the reply.
fn answers(searcher: &Searcher, questions: &[String]) -> Vec<String> {
    let answer = |q: &String| match crate::answer::answer(searcher, q, Language::Dutch) {
        Ok(a) => format!("{q}: {:?} {} {:?}", a.hits.iter().map(|h| (h.id, h.score)).collect::<Vec<_>>(), a.shown, a.reply),
        Err(e) => format!("{q}: {e:?}"),
    };
    questions.iter().map(answer).collect()
}

/// One letter edited (a paragraph gone, a new word in another), one removed, one added.
fn change(letters: &[std::path::PathBuf], dir: &Path) {
    let text = std::fs::read_to_string(&letters[3]).expect("a letter");
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut kept: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    kept.remove(kept.len() - 2);
    kept.push("Een alinea over fietsparkeerkelders en wachtlijstbeheer die later kwam.".into());
    std::fs::write(&letters[3], kept.join("\n\n")).expect("written");
    std::fs::remove_file(&letters[7]).expect("removed");
    let added = std::fs::read_to_string(&letters[1]).expect("a letter").replace("gemeente", "waterschap");
    std::fs::write(dir.join("zz-nieuw.txt"), added).expect("written");
    // A title and a sender whose words no text holds: terms only a field holds.
    let metadata = "title = \"Brief van de dijkgraaf over kwelderbeheer\"\ndate = \"2024-02-01\"\n\
        sender = \"De dijkgraaf van Hunsingo (T. Wierenga)\"\n";
    std::fs::write(dir.join("zz-nieuw.toml"), metadata).expect("written");
}

/// The corpus indexed, [`change`]d, then indexed again after the first (a reload) and
/// afresh.
fn reloaded_after_a_change_and_fresh() -> (Index, Index) {
    let (dir, letters) = corpus_copy();
    let previous = index_of(dir.path(), None);
    change(&letters, dir.path());
    (index_of(dir.path(), Some(&previous)), index_of(dir.path(), None))
}

#[test]
fn a_reload_that_keeps_the_ids_answers_as_a_fresh_build_does() {
    let (reloaded, fresh) = reloaded_after_a_change_and_fresh();
    assert!(reloaded.dead_words() > 0, "the removed letter's own words are kept, dead: the ids were kept");
    assert_eq!(fresh.dead_words(), 0);
    let asked = questions(1);
    assert!(asked.len() > 150, "{} questions", asked.len());
    let (reloaded, fresh) = (Searcher::new(reloaded), Searcher::new(fresh));
    assert_eq!(answers(&reloaded, &asked), answers(&fresh, &asked));
}

#[test]
fn words_and_terms_no_document_holds_are_not_found_after_a_reload_that_keeps_the_ids() {
    let (reloaded, fresh) = reloaded_after_a_change_and_fresh();
    let dead: Vec<&str> = reloaded.vocabulary.iter().filter(|w| !reloaded.has_surface(w)).collect();
    assert_eq!(dead.len(), reloaded.dead_words());
    assert!(dead.len() >= 10, "{dead:?}");
    for word in reloaded.vocabulary.iter() {
        assert_eq!(reloaded.has_surface(word), fresh.has_surface(word), "{word}");
    }
    let names = |index: &Index| (0..index.terms.len() as u32).map(|t| index.terms.name(t).to_string()).collect::<Vec<_>>();
    let dead_terms = names(&reloaded).into_iter().filter(|t| reloaded.terms.get(t).is_none()).count();
    assert!(dead_terms > 10, "{dead_terms} dead terms");
    assert!(reloaded.terms.get("wierenga").is_some(), "a term only a sender holds is found");
    for term in names(&reloaded) {
        assert_eq!(reloaded.terms.get(&term).is_some(), fresh.terms.get(&term).is_some(), "{term}");
    }
    // A slip of a word only the removed letter held finds what a fresh build finds.
    for word in dead.iter().filter(|w| w.chars().count() > 6) {
        let slip: String = word.chars().skip(1).collect();
        let candidates = |index: &Index| format!("{:?}", index.typos.candidates(&slip, |w| index.has_surface(w)));
        assert_eq!(candidates(&reloaded), candidates(&fresh), "{slip}");
        let prefix: String = word.chars().take(5).collect();
        let opening = |index: &Index| format!("{:?}", crate::search::openings::compounds_opening_with(&prefix, index));
        assert_eq!(opening(&reloaded), opening(&fresh), "{prefix}");
    }
}

/// A made-up word for round `round`: letters only, no two alike.
fn invented(round: usize, i: usize) -> String {
    let mut n = round * 1_000 + i;
    let mut word = String::from("zq");
    while n > 0 || word.len() < 5 {
        word.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    word
}

/// A letter given new made-up words at every reload, so that the words of the reload
/// before die: each reload answers as a fresh build does; once the dead words pass their
/// share, a reload renumbers, and its index holds no dead word.
#[test]
fn reloads_renumber_once_dead_words_pass_their_share() {
    let (dir, letters) = corpus_copy();
    let original = std::fs::read_to_string(&letters[0]).expect("a letter");
    let asked = questions(5);
    let mut served = index_of(dir.path(), None);
    let (mut continued, mut renumbered) = (0, 0);
    for round in 1..=6 {
        let words: Vec<String> = (0..400).map(|i| invented(round, i)).collect();
        let paragraphs: Vec<String> = words.chunks(40).map(|c| format!("Het kabinet noemt {}.", c.join(" "))).collect();
        std::fs::write(&letters[0], format!("{original}\n\n{}\n", paragraphs.join("\n\n"))).expect("written");
        let dead_share = served.dead_words() as f64 / served.vocabulary.len() as f64;
        let reloaded = index_of(dir.path(), Some(&served));
        if dead_share > MAX_DEAD_SHARE {
            assert_eq!(reloaded.dead_words(), 0, "round {round}: renumbered after {dead_share}");
            renumbered += 1;
        } else if round > 1 {
            assert!(reloaded.dead_words() >= 400, "round {round}: continued after {dead_share}");
            continued += 1;
        }
        let fresh = Searcher::new(index_of(dir.path(), None));
        let reloaded = Searcher::new(reloaded);
        assert_eq!(answers(&reloaded, &asked), answers(&fresh, &asked), "round {round}");
        served = reloaded.index;
    }
    assert!(continued > 0 && renumbered > 0, "{continued} continued, {renumbered} renumbered");
}

/// A reload that changes no title (and no compound's being held) shares the acronyms of the
/// index it replaces; one that changes a title makes them again; either way they are a fresh
/// build's.
#[test]
fn a_reload_shares_the_acronyms_only_while_the_titles_stay() {
    let (dir, letters) = corpus_copy();
    let previous = index_of(dir.path(), None);
    let edited = std::fs::read_to_string(&letters[2]).expect("a letter") + "\n\nEen alinea die later kwam.\n";
    std::fs::write(&letters[2], edited).expect("written");
    let same_titles = index_of(dir.path(), Some(&previous));
    assert!(std::sync::Arc::ptr_eq(&same_titles.acronyms, &previous.acronyms), "shared");
    assert_eq!(same_titles.acronyms.sorted(), index_of(dir.path(), None).acronyms.sorted());
    let metadata = letters[4].with_extension("toml");
    let title = std::fs::read_to_string(&metadata).expect("metadata");
    let retitled = title.replacen("title = \"", "title = \"Brief over de Regionale Energiestrategie en ", 1);
    std::fs::write(&metadata, retitled).expect("written");
    let new_title = index_of(dir.path(), Some(&same_titles));
    assert_eq!(new_title.dead_words(), same_titles.dead_words(), "continued");
    let fresh = index_of(dir.path(), None);
    assert_ne!(fresh.acronyms.sorted(), previous.acronyms.sorted(), "the new title has acronyms");
    assert_eq!(new_title.acronyms.sorted(), fresh.acronyms.sorted());
}

/// A title's compound that a reload leaves no passage holding stops giving the acronym of
/// its parts (`dhg` of `dorpshuis Groningen`), as in a fresh build: the acronyms are made
/// again although no title changed.
#[test]
fn a_reload_makes_the_acronyms_again_when_a_titles_compound_is_no_longer_held() {
    let (dir, letters) = corpus_copy();
    let metadata = letters[2].with_extension("toml");
    let title = std::fs::read_to_string(&metadata).expect("metadata");
    let start = title.find("title = \"").expect("a title");
    let end = start + title[start..].find('\n').expect("one line");
    let retitled = format!("{}title = \"Brief over het dorpshuis Groningen\"{}", &title[..start], &title[end..]);
    std::fs::write(&metadata, retitled).expect("written");
    let text = std::fs::read_to_string(&letters[2]).expect("a letter");
    std::fs::write(&letters[2], format!("{text}\n\nHet dorpshuis groeit.\n")).expect("written");
    let previous = index_of(dir.path(), None);
    let has_dhg = |index: &Index| index.acronyms.sorted().iter().any(|(a, _)| *a == "dhg");
    assert!(has_dhg(&previous), "the compound's parts give an acronym");
    std::fs::write(&letters[2], format!("{text}\n\nHet huis groeit.\n")).expect("written");
    let reloaded = index_of(dir.path(), Some(&previous));
    assert!(reloaded.dead_words() > 0, "continued");
    let fresh = index_of(dir.path(), None);
    assert!(!has_dhg(&fresh));
    assert_eq!(reloaded.acronyms.sorted(), fresh.acronyms.sorted());
}

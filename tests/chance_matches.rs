//! Matches that happen by chance, which grow with the corpus: each rule that keeps them from
//! making an answer, tried on the made-up letter (`tests/fixtures/other-letter`).
//!
//! - a typed word that general Dutch or English usage knows is meant as typed, not corrected
//!   to a word of the documents that happens to be one letter away;
//! - the parts of a compound the documents lack whole count half when they stand apart;
//! - a separable verb's particle never joins an article (`in de` is not `inde`).

mod common;

use briefbot::library::{self, Source};
use briefbot::search::query::MatchKind;
use briefbot::search::Searcher;
use common::letter;

fn other_letter() -> Searcher {
    library::load(Source::Folder("tests/fixtures/other-letter".as_ref())).expect("the made-up letter loads")
}

fn has_typo_alternative(searcher: &Searcher, question: &str) -> bool {
    let query = searcher.query(question);
    query.groups.iter().flat_map(|g| &g.alternatives).any(|a| a.kind == MatchKind::Typo)
}

#[test]
fn words_in_general_use_are_not_taken_for_slips() {
    let searcher = other_letter();
    // One letter from `routes`, `staten`, and a name one letter from a word of the letter.
    for word in ["routed", "states", "dennis"] {
        assert!(!has_typo_alternative(&searcher, &format!("wat is {word}")), "{word} was corrected");
    }
    // A slip that is no word at all is still corrected.
    assert!(has_typo_alternative(&searcher, "wat is een fietsstrat"));
}

/// The best hit's passage (kind and number) and coverage.
fn best(searcher: &Searcher, question: &str) -> (String, f32) {
    let (_, hits) = searcher.search(question);
    let hit = hits.first().expect("a passage matches");
    let passage = searcher.index.passage(hit.id);
    (format!("{} {}", passage.kind.as_str(), passage.number), hit.coverage)
}

#[test]
fn compound_parts_standing_apart_count_half() {
    let searcher = other_letter();
    // Alinea 4 says `school` and `routes`, but a sentence apart.
    let (passage, apart) = best(&searcher, "schoolroutes");
    let (_, as_two_words) = best(&searcher, "school routes");
    assert_eq!(passage, "body 4");
    assert!((apart - as_two_words / 2.0).abs() < 0.01, "apart {apart}, as two words {as_two_words}");
    // Alinea 2 has `straten in met rood asfalt`: the parts stand together and count fully.
    let (passage, together) = best(&searcher, "asfaltstraten");
    let (_, as_two_words) = best(&searcher, "asfalt straten");
    assert_eq!(passage, "body 2");
    assert!((together - as_two_words).abs() < 0.01, "together {together}, as two words {as_two_words}");
}

#[test]
fn a_particle_never_joins_an_article() {
    // A letter in which `inde` (past tense of `innen`) occurs, so that `in de` could join.
    let dir = tempfile::tempdir().unwrap();
    let letter = std::fs::read_to_string("tests/fixtures/other-letter/fietsstraten-2021-03-15.txt").unwrap();
    let letter =
        letter.replace("Ouders melden", "De gemeente inde vorig jaar de parkeergelden. Ouders melden");
    std::fs::write(dir.path().join("fietsstraten.txt"), letter).unwrap();
    let searcher = library::load(Source::Folder(dir.path())).unwrap();
    assert!(searcher.index_df(&searcher.index.analyzer().stem("inde")) > 0);
    let query = searcher.query("wat staat er in de brief over parkeergelden");
    let words: Vec<&str> = query.groups.iter().map(|g| g.word.as_str()).collect();
    assert!(!words.contains(&"inde"), "{words:?}");
}

/// Parts of a compound three or four words apart stand together only within one sentence:
/// `dijken ... versterking` says `dijkversterking`, a full stop between them does not.
#[test]
fn compound_parts_a_few_words_apart_stand_together_only_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs = [
        "Bij de oude dijken worden bewoners vroeg betrokken, omdat versterking soms nodig is.".to_string(),
        "Het waterschap beheert de oude dijken goed. Nieuwe versterking van kades volgt later.".to_string(),
    ];
    std::fs::write(dir.path().join("dijken.txt"), letter("Dijken", &paragraphs)).unwrap();
    let searcher = library::load(Source::Folder(dir.path())).unwrap();
    let coverage = |question: &str, number: u32| {
        let (_, hits) = searcher.search(question);
        hits.iter().find(|h| searcher.index.passage(h.id).number == number).expect("matched").coverage
    };
    let (one_sentence, two_sentences) = (coverage("dijkversterking", 1), coverage("dijkversterking", 2));
    assert!(one_sentence > 0.99, "one sentence: {one_sentence}");
    assert!(two_sentences < 0.6, "two sentences: {two_sentences}");
}

/// A paragraph of ordinary words, with `container` and `schip` when asked for.
fn paragraph(seed: usize, container: bool, schip: bool) -> String {
    const FILLER: [&str; 12] = [
        "de haven breidt uit",
        "gemeenten overleggen met bedrijven",
        "het kabinet volgt de plannen",
        "de provincie betaalt mee",
        "bewoners krijgen inspraak",
        "de kosten stijgen dit jaar",
        "er komt een nieuwe kade",
        "het water wordt dieper",
        "de planning loopt uit",
        "de vergunning is verleend",
        "de weg wordt verbreed",
        "het overleg gaat door",
    ];
    let mut sentences: Vec<String> =
        (0..3).map(|k| format!("Daarbij geldt dat {}.", FILLER[(seed + 5 * k) % 12])).collect();
    if container {
        sentences.insert(1, "Een container staat klaar op de kade.".into());
    }
    if schip {
        sentences.push("Een schip ligt aan de kant.".into());
    }
    sentences.join(" ")
}

/// Whether the best hit for `question` is held back as a chance meeting of its words.
fn best_is_by_chance(dir: &std::path::Path, question: &str) -> bool {
    let searcher = library::load(Source::Folder(dir)).expect("the letters load");
    let query = searcher.query(question);
    let hits = briefbot::search::rank(&searcher.index, &query);
    let best = hits.first().expect("a passage holds container and schip");
    assert!(best.matched_terms.len() >= 2, "{:?}", best.matched_stems(&searcher.index));
    best.by_chance
}

#[test]
fn words_that_meet_by_chance_in_a_large_corpus_do_not_answer() {
    let question = "wat doet de container met het schip na de storm";
    // One letter where `container` and `schip` meet in one paragraph only.
    let small = tempfile::tempdir().unwrap();
    let paragraphs: Vec<String> = (0..5).map(|j| paragraph(j, j == 2, j == 2 || j == 4)).collect();
    std::fs::write(small.path().join("haven.txt"), letter("Haven", &paragraphs)).unwrap();
    assert!(!best_is_by_chance(small.path(), question));
    // Forty letters where each word is in about half of the paragraphs: they meet in about a
    // quarter of them, so meeting once says nothing.
    let large = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let paragraphs: Vec<String> =
            (0..5).map(|j| paragraph(i + j, (i + j) % 2 == 0, (i / 2 + j) % 2 == 0)).collect();
        std::fs::write(large.path().join(format!("haven-{i:02}.txt")), letter("Haven", &paragraphs)).unwrap();
    }
    assert!(best_is_by_chance(large.path(), question));
}

//! Ranking with many passages: leaving out passages that hold only common words (see
//! `search::rank::rank_within`) must not change what a member gets. On a generated corpus of
//! 64 letters (2,560 paragraphs, where the most common words occur in well over a thousand
//! of them, so the pruning is used), every question gets the same first hit and the same
//! answering hits as when every passage with a query word is scored. So too on a corpus of
//! 180 letters whose question words are none of them common but together reach thousands
//! of paragraphs, where the candidates of the best bounds are scored first and the rest only
//! when their bound reaches the last hit (`search::top`).

use briefbot::library::{self, Source};
use briefbot::search::{rank_exhaustive, rank_within, Hit};

/// A seeded generator (splitmix64), so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A word index with a Zipf-like spread: low indices far more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const WORDS: &[&str] = &[
    "gemeente",
    "burgers",
    "zorg",
    "kabinet",
    "samenleving",
    "vrijwilligers",
    "ondersteuning",
    "wijk",
    "buurt",
    "onderwijs",
    "veiligheid",
    "woningen",
    "jongeren",
    "ouderen",
    "werk",
    "inkomen",
    "armoede",
    "gezondheid",
    "mantelzorg",
    "bibliotheek",
    "fietsroute",
    "dijken",
    "water",
    "klimaat",
    "energie",
    "stikstof",
    "natuur",
    "landbouw",
    "vervoer",
    "buurtbus",
    "platteland",
    "digitaal",
    "privacy",
    "toezicht",
    "rechtspraak",
    "politie",
    "brandweer",
    "begroting",
    "belasting",
    "subsidie",
    "regelgeving",
    "provincie",
    "waterschap",
    "huurders",
    "verhuurders",
    "asiel",
    "opvang",
    "taal",
    "lezen",
    "schrijven",
    "rekenen",
    "sport",
    "cultuur",
    "erfgoed",
    "museum",
    "muziek",
    "theater",
    "verkeer",
    "snelheid",
    "geluid",
    "lucht",
    "bodem",
    "afval",
    "grondstoffen",
    "circulair",
];

fn write_corpus(dir: &std::path::Path) {
    let mut rng = Rng(33_750);
    for d in 0..64 {
        let mut text = String::from(" Beleid in de regio\n\nBRIEF VAN DE MINISTER\n\n");
        text.push_str(
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 3 maart 2020\n\n",
        );
        for _ in 0..40 {
            let words: Vec<&str> = (0..rng.zipf(40) + 20).map(|_| WORDS[rng.zipf(WORDS.len())]).collect();
            text.push_str(&format!("Het kabinet schrijft over {}.\n\n", words.join(" ")));
        }
        text.push_str("De Minister,\nA. Jansen\n");
        std::fs::write(dir.join(format!("brief-{d:02}.txt")), text).unwrap();
        let title =
            format!("title = \"Brief over {}\"\ndate = \"2020-03-03\"\n", WORDS[(d * 7) % WORDS.len()]);
        std::fs::write(dir.join(format!("brief-{d:02}.toml")), title).unwrap();
    }
}

/// Words each in about one paragraph in eight: below the common words' reach of 1,000
/// passages at 180 letters, but four of them reach some 3,000.
const MIDDLING: &[&str] = &["zwembad", "haven", "molen", "tuin", "school", "brug", "markt", "kerk"];

fn write_middling_corpus(dir: &std::path::Path) {
    let mut rng = Rng(2_014);
    for d in 0..180 {
        let mut text = String::from(" Beleid in de stad\n\nBRIEF VAN DE MINISTER\n\n");
        text.push_str(
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 7 april 2014\n\n",
        );
        for _ in 0..40 {
            let mut words: Vec<&str> =
                (0..rng.zipf(20) + 10).map(|_| WORDS[rng.next() as usize % WORDS.len()]).collect();
            words.extend(MIDDLING.iter().filter(|_| rng.next().is_multiple_of(8)));
            text.push_str(&format!("Het kabinet schrijft over {}.\n\n", words.join(" ")));
        }
        text.push_str("De Minister,\nB. de Vries\n");
        std::fs::write(dir.join(format!("stad-{d:03}.txt")), text).unwrap();
        std::fs::write(dir.join(format!("stad-{d:03}.toml")), "title = \"Brief over de stad\"\n").unwrap();
    }
}

fn answering(hits: &[Hit]) -> Vec<(usize, usize)> {
    hits.iter().filter(|h| h.answers()).map(|h| (h.id.document, h.id.passage)).collect()
}

#[test]
fn leaving_out_common_words_changes_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let searcher = library::load(Source::Folder(dir.path())).unwrap();
    assert!(searcher.index.passage_count() >= 2_560, "{} passages", searcher.index.passage_count());
    let common = searcher.index_df(&searcher.index.analyzer().stem("gemeente"));
    assert!(common > 1_000, "the most common word is in {common} passages: too few to prune");
    let mut rng = Rng(7);
    let mut pruned_differently = 0;
    for q in 0..150 {
        // Half the questions from the most common words only, half from any.
        let spread = if q % 2 == 0 { 8 } else { WORDS.len() };
        let mut words: Vec<&str> = (0..2 + q % 4).map(|_| WORDS[rng.zipf(spread)]).collect();
        if q % 3 == 0 {
            words.push(["asperge", "zeppelin", "wie", "wanneer", "hoeveel"][q % 5]);
        }
        let question = format!("wat zegt de brief over {}?", words.join(" "));
        let query = searcher.query(&question);
        let document = (q % 7 == 0).then_some(q % 64);
        let pruned = rank_within(&searcher.index, &query, document);
        let every = rank_exhaustive(&searcher.index, &query, document);
        let first = |hits: &[Hit]| hits.first().map(|h| (h.id, h.answers()));
        let declines = |hits: &[Hit]| hits.first().is_none_or(|h| !h.answers());
        if declines(&every) {
            assert!(declines(&pruned), "{question}: pruned ranking answers where the full one declines");
        } else {
            assert_eq!(first(&pruned), first(&every), "{question}: another first hit");
        }
        assert_eq!(answering(&pruned), answering(&every), "{question}: other answering hits");
        pruned_differently += usize::from(pruned.iter().map(|h| h.id).ne(every.iter().map(|h| h.id)));
    }
    // The hit lists may differ only in passages that do not answer; report how often.
    eprintln!("hit lists that differ in non-answering passages: {pruned_differently} of 150");
}

#[test]
fn scoring_the_best_bounds_first_changes_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    write_middling_corpus(dir.path());
    let searcher = library::load(Source::Folder(dir.path())).unwrap();
    let reach = |word: &str| searcher.index_df(&searcher.index.analyzer().stem(word));
    for word in MIDDLING {
        assert!((500..1_000).contains(&reach(word)), "{word} is in {} passages: not middling", reach(word));
    }
    let mut rng = Rng(9);
    let mut pruned_differently = 0;
    for q in 0..60 {
        let mut words: Vec<&str> =
            (0..4 + q % 3).map(|_| MIDDLING[rng.next() as usize % MIDDLING.len()]).collect();
        if q % 4 == 0 {
            words.push(WORDS[q % WORDS.len()]);
        }
        let question = format!("wat zegt de brief over {}?", words.join(" "));
        let query = searcher.query(&question);
        let pruned = rank_within(&searcher.index, &query, None);
        let every = rank_exhaustive(&searcher.index, &query, None);
        assert_eq!(
            pruned.first().map(|h| h.id),
            every.first().map(|h| h.id),
            "{question}: another first hit"
        );
        assert_eq!(answering(&pruned), answering(&every), "{question}: other answering hits");
        pruned_differently += usize::from(pruned.iter().map(|h| h.id).ne(every.iter().map(|h| h.id)));
    }
    eprintln!("hit lists that differ in non-answering passages: {pruned_differently} of 60");
}

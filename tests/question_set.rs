//! The labelled question set (`tests/questions.toml`): right passage first for answerable
//! questions, declining for off-topic and near-miss ones; figures printed per category.
//! Also checks, for every answer it makes, that each quoted span is an exact slice of the
//! passage text.

mod common;

use std::collections::BTreeMap;

use briefbot::answer::{answer, answer_about, Action, Answer, Outcome};
use briefbot::document::load::EMBEDDED_ID;
use briefbot::i18n::Language;
use briefbot::library::{self, Source};
use briefbot::search::Searcher;
use serde::Deserialize;

#[derive(Deserialize)]
struct QuestionFile {
    q: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    text: String,
    category: String,
    expect: Vec<String>,
    /// `tune` or `test` (chat set only): the test half is never looked at while tuning.
    #[serde(default)]
    half: Option<String>,
    /// Further right outcomes when the whole test corpus is loaded and no letter is under
    /// discussion: a passage of another letter that answers the question as well, or
    /// `which letter` for a question about "de brief" that names none (see the files' heads).
    #[serde(default)]
    corpus: Vec<String>,
}

impl Labelled {
    /// Whether `got` is a right outcome; `corpus_loaded` admits the `corpus` outcomes too.
    fn accepts(&self, got: &str, corpus_loaded: bool) -> bool {
        self.expect.iter().any(|e| e == got) || (corpus_loaded && self.corpus.iter().any(|e| e == got))
    }
}

fn searcher() -> Searcher {
    library::load(Source::FolderOrEmbedded("seeds".as_ref())).expect("seed letter loads")
}

/// The seed letter among 28 other letters (`tests/fixtures/corpus`).
fn corpus_searcher() -> Searcher {
    library::load(Source::Folder("tests/fixtures/corpus".as_ref())).expect("the test corpus loads")
}

fn questions(file: &str) -> Vec<Labelled> {
    let text = std::fs::read_to_string(file).expect(file);
    toml::from_str::<QuestionFile>(&text).expect("questions.toml parses").q
}

/// `body 7`, `signature 1`, ... of the first quoted passage, `which letter` when the bot asks
/// which of several letters is meant, or `none` when declined.
fn outcome(searcher: &Searcher, answer: &Answer) -> String {
    if answer.reply.outcome == Outcome::Info && answer.reply.quotes.is_empty() {
        return "which letter".into();
    }
    match answer.hits.first().filter(|_| answer.reply.answered()) {
        Some(hit) => {
            let p = searcher.index.passage(hit.id);
            let document = &searcher.index.documents()[hit.id.document].meta.id;
            match document.as_str() {
                briefbot::document::load::EMBEDDED_ID => format!("{} {}", p.kind.as_str(), p.number),
                other => format!("{other}: {} {}", p.kind.as_str(), p.number),
            }
        }
        None => "none".into(),
    }
}

#[test]
fn labelled_questions_meet_the_accuracy_targets() {
    let questions = questions("tests/questions.toml");
    assert!(questions.len() >= 80, "at least 80 labelled questions");
    let (answer_rate, decline_rate) = evaluate(&questions);
    assert!(answer_rate >= 0.90, "right passage first for {:.1}% (< 90%)", 100.0 * answer_rate);
    assert!(decline_rate >= 0.95, "declined {:.1}% of off-topic/near-miss (< 95%)", 100.0 * decline_rate);
}

/// Questions written after tuning and never tuned on: an estimate for unseen questions. Their
/// figures are reported; the floor only guards against regressions (measured at first run:
/// 87.0% right first, 88.9% declined).
#[test]
fn held_out_questions_stay_above_their_first_measurement_floor() {
    let (answer_rate, decline_rate) = evaluate(&questions("tests/questions-holdout.toml"));
    assert!(answer_rate >= 0.85, "held-out right passage first {:.1}% (< 85%)", 100.0 * answer_rate);
    assert!(decline_rate >= 0.85, "held-out declined {:.1}% (< 85%)", 100.0 * decline_rate);
}

/// English renderings of the labelled set's tune questions (`tests/questions-english.toml`,
/// tune data): printed; the floor guards against regressions (first measured 27/38 right
/// first, 28/38 once translations took two-word phrases and the Dutch synonyms of a
/// translation; 31/38 in session 20, when a translation covered fully and Open Dutch WordNet
/// filled gaps; 32/38 in session 21, when verb forms shared one stem; 33/38 in session 29, with
/// derived verb translations; 34/38 in session 30, with `play` as the frame of `what role
/// does X play`; 35/38 in session 33, when two rarer question words standing together let a
/// passage answer at lower coverage).
#[test]
fn english_renderings_of_tuned_questions_stay_above_their_floor() {
    println!("== tests/questions-english.toml");
    let (answer_rate, _) = evaluate(&questions("tests/questions-english.toml"));
    assert!(answer_rate >= 0.92, "English renderings right first {:.1}% (< 92%)", 100.0 * answer_rate);
}

/// Development sets written in session 30 before the changes they measure (tune data:
/// printed with their misses), each with floors that guard against regressions: per file, the
/// least share answered right first and declined (`None`: the set has no such questions).
/// - `tests/questions-english-chat.toml`, 50 English chat questions: first measured 29/38
///   right first and 9/12 declined; 31/38 and 11/12 after that session's changes (the
///   addressee and place facets, a translation's synonyms, irregular English forms).
/// - `tests/questions-nearmiss.toml`, 40 near-misses: 29/40 declined before that session's
///   answer-type changes, 33/40 after them (`which most`, `who pays`); 34/40 in session 39
///   (`wie is X` needs a passage that names X).
/// - `tests/questions-chat-dev.toml`, 35 answerable chat paraphrases: first measured 15/35,
///   after the facet, translation and answer-type changes (which it did not guide); 16/35 once
///   `who wanted the letter` asked who requested it; 19/35 once a separable verb joined only
///   as a verb of its own and pronominal adverbs were function words of a question; 21/35 in
///   session 33 (a separable particle at a clause's end is no content word; two rarer
///   question words together answer at lower coverage).
/// - `tests/questions-chat-fresh.toml`, 42 chat questions (32 answerable, 10 to decline)
///   written in session 33 after its two search changes, to measure them on questions they
///   could not have been tuned on: 20/32 and 8/10, the same as before them (with the test
///   corpus loaded 19/32 and 8/10, also unchanged); 21/32 and 9/10 in session 39 (a date
///   asked of what only the text tells is not the letter's date).
/// - `tests/questions-chat-fresh39.toml`, 44 chat questions (30 answerable, 14 to decline)
///   written in session 39 before any change of that session: first measured 22/30 right
///   first and 13/14 declined; 14/14 declined in session 40 (the joining answer type).
/// - `tests/questions-chat-fresh40.toml`, 48 chat questions (34 answerable, 14 to decline)
///   written in session 40 before any change of that session: first measured 23/34 right first
///   and 11/14 declined; 26/34 and 12/14 after that session's changes; 27/34 in session 42.
/// - `tests/questions-chat-fresh42.toml`, 56 chat questions about the letter (39 answerable,
///   17 to decline) written in session 42 before any change of that session: first measured
///   32/39 right first and 15/17 declined, with the test corpus loaded 26/39 and 15/17 before
///   its `which letter` labels and 32/39 after; 34/39 and 15/17 both ways after the slip
///   correction of question words and the ministry and subject facets.
/// - `tests/questions-chat-fresh43.toml`, 62 chat questions about the letter (42 answerable,
///   20 to decline) written in session 43 before any change of that session: first measured
///   36/42 right first and 20/20 declined; with the test corpus loaded 27/42 and 19/20 before
///   its corpus labels, 35/42 after; 37/42 (36/42 with the corpus) once the year of a
///   letter asked for its date.
/// - `tests/questions-chat-fresh44.toml`, 75 chat questions about the letter (25 answerable,
///   40 near-misses, 10 off-topic) written in session 44 before any change of that session:
///   first measured 21/25 right first and 40/50 declined, with the test corpus loaded 19/25
///   and 38/50; 42/50 (40/50 with the corpus) declined once `wat voor X` asked about X and
///   `tot wanneer` asked for a moment. 22/25 (20/25 with the corpus) since session 63, where
///   `welke trends in de maatschappij ziet het kabinet` went to the paragraph that names
///   `maatschappelijke trends` (alinea 1) when matched words a sentence apart came to weigh
///   less, a change that gained 3 elsewhere. 20/25 (21/25 with the corpus) since session 73:
///   `wat doet de overheid verkeerd` had reached alinea 5 through two wrong turns (`verkeerd`
///   stemmed as `verkeer`, traffic, whose wordnet synonym `handel`, trade, met `handelt`),
///   which ended when `verkeerd` got a stem of its own.
/// - `tests/questions-chat-fresh50.toml`, 55 chat questions about the letter (40 answerable,
///   30 of them Dutch and 10 English; 15 to decline) written in session 50 before any change
///   of that session, checked for near-duplicates of every earlier set (36 of 55 drafts
///   rewritten): first measured 26/40 right first and 15/15 declined, with the test corpus
///   loaded 22/40 and 14/15; 28/40 and 24/40 after that session's changes.
/// - `tests/questions-chat-fresh52.toml`, 60 chat questions about the letter (45 answerable:
///   29 Dutch chat, 6 about the letter itself, 10 English; 15 to decline) written in session
///   52 before any change of that session, checked for near-duplicates as above (52 of 60
///   drafts rewritten): first measured 28/45 right first and 10/15 declined, with the test
///   corpus loaded 23/45 and 9/15 (26/45 once its six questions about the letter itself that
///   name no letter admitted asking which letter is meant); 29/45 and 13/15 alone, 27/45 and
///   12/15 with the corpus, after that session's changes (a particle that opens a noun phrase
///   is a preposition, a day after `welke` asks when, `hoe word ik deelnemer` asks how to join,
///   `was hij tevreden` asks someone's reaction).
/// - `tests/questions-chat-fresh57.toml`, 60 chat questions about the letter (45 answerable:
///   31 Dutch chat, 6 about the letter itself, 8 English; 15 to decline) written in session
///   57 before any change of that session, checked for near-duplicates as above (47 of 60
///   drafts rewritten): first measured 24/45 right first and 12/15 declined, with the test
///   corpus loaded 21/45 and 13/15.
/// - `tests/questions-chat-fresh58.toml`, 60 chat questions about the letter (45 answerable:
///   31 Dutch chat, 6 about the letter itself, 8 English; 15 to decline) written in session
///   58 before any change of that session, checked for near-duplicates as above (59 of 60
///   drafts rewritten at least once): first measured 29/45 right first and 13/15 declined,
///   with the test corpus loaded 26/45 and 12/15; 33/45 and 30/45 after that session's
///   changes (one word fills one slot of a facet, the month and publishing of a letter ask its
///   date, `waar reageert ... op` asks its purpose, `verhaal` names no subject).
/// - `tests/questions-chat-fresh59.toml`, 60 chat questions about the letter (45 answerable:
///   31 Dutch chat, 6 about the letter itself, 8 English; 15 to decline) written in session
///   59 before any change of that session, checked for near-duplicates as above (38 of 60
///   drafts rewritten at least once): first measured 26/45 right first and 12/15 declined,
///   with the test corpus loaded 24/45 and 12/15; 29/45 and 27/45 after that session's
///   changes (the age of a document asks its date, whom it is meant for asks its addressee,
///   `rely` is `een beroep doen op`).
/// - `tests/questions-chat-fresh60.toml`, 60 chat questions about the letter (45 answerable:
///   31 Dutch chat, 6 about the letter itself, 8 English; 15 to decline) written in session
///   60 before any change of that session, checked for near-duplicates as above (29 of 60
///   drafts rewritten at least once): first measured 28/45 right first and 13/15 declined,
///   with the test corpus loaded 27/45 and 12/15; 33/45 and 32/45 after that session's
///   changes (a particle before a noun phrase's opener is a preposition, a `maar` that
///   punctuation follows opens no clause, chat abbreviations `vbn` and `pm`, `geloof ik` as
///   a frame).
/// - `tests/questions-chat-fresh61.toml`, 60 chat questions about the letter (45 answerable:
///   31 Dutch chat, 6 about the letter itself, 8 English; 15 to decline) written in session
///   61 before any change of that session, checked for near-duplicates as above (36 of 60
///   drafts rewritten at least once): first measured 26/45 right first and 11/15 declined,
///   with the test corpus loaded 23/45 and 11/15; 31/45 and 30/45 after that session's
///   changes (a separable te-infinitive indexed as its verb, facets framed by a compound,
///   `staat` after an article as a noun).
/// - `tests/questions-chat-fresh63.toml`, 60 chat questions about the letter (45 answerable:
///   31 Dutch chat, 6 about the letter itself, 8 English; 15 to decline) written in session
///   63 before any change of that session, checked for near-duplicates as above (45 of 60
///   drafts rewritten at least once): first measured 29/45 right first and 13/15 declined,
///   with the test corpus loaded 24/45 and 13/15; 32/45 and 27/45 after that session's
///   changes (a particle that closes its clause joins its verb however far, where a letter
///   went and the name under it ask for its addressee and signature, a reply to a request
///   is the opening's).
/// - `tests/questions-chat-fresh66.toml`, 58 chat questions about the letter (32 answerable:
///   21 Dutch chat, 3 about the letter itself, 8 English; 26 to decline, 18 of them
///   near-misses) written in session 66 before any change of that session, checked for
///   near-duplicates as above (50 of 60 first drafts repeated an earlier question and were
///   rewritten): first measured 21/32 right first and 17/26 declined, with the test corpus
///   loaded 19/32 and 18/26; 23/32 and 19/26 (21/32 and 20/26) after that session's changes
///   (the noun an existential question or a focus particle points at is the focus, a
///   relation noun before `tussen` frames the question, a verb in `-eren` meets its noun in
///   `-ering`).
/// - `tests/questions-chat-fresh68.toml`, 51 chat questions about the letter (27 answerable:
///   18 Dutch chat, 3 about the letter itself, 6 English; 24 to decline, 18 of them
///   near-misses) written in session 68 before any change of that session, checked for
///   near-duplicates as above (30 of 51 first drafts rewritten, some up to four times): first
///   measured 15/27 right first and 20/24 declined, with the test corpus loaded 10/27 and
///   20/24; 21/24 declined alone and with the corpus after that session's change (a question
///   how to reach someone needs a passage that gives a way).
/// - `tests/questions-chat-fresh70.toml`, 53 chat questions about the letter (31 answerable:
///   21 Dutch chat, 3 about the letter itself, 7 English; 22 to decline, 16 of them
///   near-misses) written in session 70 before any change of that session, checked for
///   near-duplicates as above (47 of 52 first drafts rewritten, some up to three times): first
///   measured 14/31 right first and 18/22 declined, with the test corpus loaded 12/31 and
///   17/22; 15/31 and 13/31 after that session's changes (a word with an elision hyphen is
///   its whole compound: `wet- en regelgeving` holds `wetgeving`). 14/31 and 12/31 since
///   session 74: `welk tweede kamerlid zat er achter dit hele verhaal, iemand van de
///   christenunie toch` covered 0.37 of alinea 1 while `christenunie` split as `chris|ten|uni`
///   and `gemeenten` as `gemeen|ten`, 0.36 once `ten` was no compound head (the threshold is
///   0.37).
/// - `tests/questions-chat-fresh71.toml`, 52 chat questions about the letter (34 answerable:
///   22 Dutch chat, 5 about the letter itself, 7 English; 18 to decline, 13 of them
///   near-misses) written in session 71 before any change of that session, checked for
///   near-duplicates as above (39 of 52 first drafts rewritten, some up to four times): first
///   measured 15/34 right first and 16/18 declined, with the test corpus loaded 14/34 and
///   17/18; 16/34 and 15/34 after that session's change (an adjective without its `-e`
///   after `welk` leaves the focus to its noun: `welk landelijk programma`).
/// - `tests/questions-chat-fresh73.toml`, 54 chat questions about the letter (26 answerable:
///   17 Dutch chat, 4 about the letter itself, 5 English; 28 to decline, 18 of them
///   near-misses) written in session 73 before any change of that session, checked for
///   near-duplicates as above (40 of 54 first drafts rewritten, some three times): first
///   measured 16/26 right first and 22/28 declined, with the test corpus loaded 14/26 and
///   21/28; 23/28 and 22/28 declined after that session's first change (someone's view asked
///   in the perfect tense: `wat heeft de vakbond gezegd`), 15/26 right first with the corpus
///   after its last (a translation opens no derivation: `moeien` is no part of `moeilijk`).
const DEVELOPMENT_SETS: [(&str, Option<f64>, Option<f64>); 22] = [
    ("tests/questions-english-chat.toml", Some(0.81), Some(0.91)),
    ("tests/questions-nearmiss.toml", None, Some(0.84)),
    ("tests/questions-chat-dev.toml", Some(0.59), None),
    ("tests/questions-chat-fresh.toml", Some(0.62), Some(0.89)),
    ("tests/questions-chat-fresh39.toml", Some(0.73), Some(0.99)),
    ("tests/questions-chat-fresh40.toml", Some(0.76), Some(0.85)),
    ("tests/questions-chat-fresh42.toml", Some(0.87), Some(0.88)),
    ("tests/questions-chat-fresh43.toml", Some(0.88), Some(0.99)),
    ("tests/questions-chat-fresh44.toml", Some(0.8), Some(0.83)),
    ("tests/questions-chat-fresh50.toml", Some(0.70), Some(0.99)),
    ("tests/questions-chat-fresh52.toml", Some(0.64), Some(0.86)),
    ("tests/questions-chat-fresh57.toml", Some(0.53), Some(0.8)),
    ("tests/questions-chat-fresh58.toml", Some(0.71), Some(0.86)),
    ("tests/questions-chat-fresh59.toml", Some(0.62), Some(0.8)),
    ("tests/questions-chat-fresh60.toml", Some(0.73), Some(0.86)),
    ("tests/questions-chat-fresh61.toml", Some(0.68), Some(0.8)),
    ("tests/questions-chat-fresh63.toml", Some(0.62), Some(0.8)),
    ("tests/questions-chat-fresh66.toml", Some(0.71), Some(0.73)),
    ("tests/questions-chat-fresh68.toml", Some(0.55), Some(0.87)),
    ("tests/questions-chat-fresh70.toml", Some(0.45), Some(0.81)),
    ("tests/questions-chat-fresh71.toml", Some(0.47), Some(0.88)),
    ("tests/questions-chat-fresh73.toml", Some(0.61), Some(0.82)),
];

#[test]
fn development_sets_stay_above_their_floors() {
    let mut failures = Vec::new();
    for (file, answer_floor, decline_floor) in DEVELOPMENT_SETS {
        println!("== {file}");
        let (answered, declined) = evaluate(&questions(file));
        if answer_floor.is_some_and(|floor| answered < floor) {
            failures.push(format!("{file}: right first {:.1}%", 100.0 * answered));
        }
        if decline_floor.is_some_and(|floor| declined < floor) {
            failures.push(format!("{file}: declined {:.1}%", 100.0 * declined));
        }
    }
    assert!(failures.is_empty(), "below the floor: {}", failures.join("; "));
}

/// Development sets about the other letters, asked with the whole test corpus loaded (tune
/// data: printed with their misses), with floors as for [`DEVELOPMENT_SETS`].
/// - `tests/questions-corpus-fresh41.toml`, 70 chat questions about the other letters (58
///   answerable, 12 to decline) written in session 41 before any change of that session:
///   first measured 42/58 right first and 8/12 declined; 47/58 and 8/12 after that session's
///   changes (`hoeveel tijd` asks a duration, the noun after an inflected adjective is the
///   focus, `aan wie` asks the addressee only as a phrase, `wat wordt bedoeld met`, a long
///   vowel in an open syllable: `inkopen` → `inkoop`); 48/58 after session 46's (a
///   compound's parts weigh as one word).
/// - `tests/questions-corpus-fresh45.toml`, 90 chat questions about the other letters (70
///   answerable, 20 to decline) written in session 45 before any change of that session,
///   checked for near-duplicates of every earlier set: first measured 32/70 right first and
///   16/20 declined; 35/70 and 17/20 after that session's changes (irregular inflections
///   meet their lemma, Dutch frame words as translations, an agent noun in `-der` keeps its
///   own stem).
/// - `tests/questions-corpus-fresh46.toml`, 60 chat questions (48 answerable, 46 of them about
///   the other letters; 12 to decline) written in session 46 before any change of that
///   session, checked for near-duplicates as above (29 of 60 drafts rewritten): first
///   measured 23/48 right first and 9/12 declined (once the letter's two labels were
///   written as its id is: `body 7`); 25/48 and 9/12 after that session's changes
///   (`elke`, `straks` and `eraf` name nothing; a compound's parts weigh as one word).
/// - `tests/questions-corpus-fresh49.toml`, 65 chat questions about the other letters (55
///   answerable, 10 to decline) written in session 49 before any change of that session,
///   checked for near-duplicates as above (30 of 65 drafts rewritten): first measured
///   23/55 right first and 9/10 declined; 24/55 and 9/10 after that session's changes (the
///   English translations rebuilt from Princeton's own WordNet 3.0 files); 25/55 as session 53
///   began and 26/55 after its changes (an agent noun no document holds meets its verb: `fietser` → `fietsen`).
/// - `tests/questions-corpus-fresh51.toml`, 77 chat questions about the other letters (62
///   answerable, 52 of them Dutch and 10 English; 15 to decline) written in session 51 before
///   any change of that session, checked for near-duplicates as above (39 of 77 drafts
///   rewritten): first measured 29/62 right first and 11/15 declined; 32/62 and 13/15 after
///   that session's changes (a translation no document holds stands for the compounds that
///   open with it, `gift` keeps its own stem, an unasked opening ranks below the paragraph
///   that tells of the subject, `hoe heet` asks for a name).
/// - `tests/questions-corpus-fresh53.toml`, 75 chat questions about the other letters (59
///   answerable, 49 of them Dutch and 10 English; 16 to decline) written in session 53 before
///   any change of that session, checked for near-duplicates as above (30 of 75 drafts
///   rewritten): first measured 21/59 right first and 11/16 declined; unchanged after that
///   session's changes.
/// - `tests/questions-corpus-fresh62.toml`, 72 chat questions about the other letters (59
///   answerable, 48 of them Dutch chat, 3 about a letter itself and 8 English; 13 to decline)
///   written in session 62 before any change of that session, checked for near-duplicates as
///   above (46 of 72 drafts rewritten; ten labels corrected after the first run, where a
///   rewritten draft had kept its predecessor's paragraph): first measured 29/59 right first
///   and 13/13 declined; 30/59 and 13/13 after that session's changes (a separable verb
///   written apart in a document is indexed joined).
/// - `tests/questions-corpus-fresh64.toml`, 82 chat questions about the other letters (67
///   answerable, 52 of them Dutch chat, 6 about a letter itself and 9 English; 15 to
///   decline) written in session 64 before any change of that session, checked for
///   near-duplicates as above (48 of 82 drafts rewritten): first measured 26/67 right first
///   and 15/15 declined; 36/67 and 15/15 after that session's changes (three things a
///   question names in one paragraph answer at lower coverage).
/// - `tests/questions-corpus-fresh67.toml`, 50 chat questions about ten of the other letters
///   (36 answerable, 33 of them Dutch chat and 3 English; 14 to decline) written in session
///   67 before any change of that session, checked for near-duplicates as above (30 of 50
///   drafts rewritten): first measured 13/36 right first and 11/14 declined.
/// - `tests/questions-corpus-fresh74.toml`, 65 chat questions about the other letters (44
///   answerable: 34 Dutch chat, 3 about a letter itself and 7 English; 21 to decline, 16 of
///   them near-misses) written in session 74 before any change of that session, checked for
///   near-duplicates as above (32 of 65 drafts rewritten, ten of them twice): first measured
///   23/44 right first and 17/21 declined; 24/44 and 18/21 after that session's changes
///   (`vinden` with a word of quantity for its object finds, it asks no view; `wanneer gaat
///   ... in` asks for a moment).
/// - `tests/questions-corpus-fresh76.toml`, 72 chat questions about the other letters (51
///   answerable: 41 Dutch chat, 3 about a letter itself and 7 English; 21 to decline, 15 of
///   them near-misses) written in session 76 before any change of that session, checked for
///   near-duplicates as above (60 of 72 drafts rewritten, 19 of them twice or more): first
///   measured 26/51 right first and 18/21 declined; 27/51 and 18/21 after that session's
///   changes (what `hoeveel X` counts may be counted under a wordnet synonym of X).
/// - `tests/questions-chat-fresh42.toml`, `tests/questions-chat-fresh43.toml`,
///   `tests/questions-chat-fresh44.toml`, `tests/questions-chat-fresh50.toml`,
///   `tests/questions-chat-fresh52.toml`, `tests/questions-chat-fresh57.toml`,
///   `tests/questions-chat-fresh58.toml`, `tests/questions-chat-fresh59.toml`,
///   `tests/questions-chat-fresh60.toml`, `tests/questions-chat-fresh61.toml`,
///   `tests/questions-chat-fresh63.toml`, `tests/questions-chat-fresh66.toml`,
///   `tests/questions-chat-fresh68.toml`, `tests/questions-chat-fresh70.toml`,
///   `tests/questions-chat-fresh71.toml` and `tests/questions-chat-fresh73.toml` (see
///   [`DEVELOPMENT_SETS`]), about the letter among the others.
const CORPUS_DEVELOPMENT_SETS: [(&str, f64, f64); 27] = [
    ("tests/questions-corpus-fresh41.toml", 0.82, 0.66),
    ("tests/questions-corpus-fresh45.toml", 0.48, 0.85),
    ("tests/questions-corpus-fresh46.toml", 0.52, 0.75),
    ("tests/questions-corpus-fresh49.toml", 0.47, 0.9),
    ("tests/questions-corpus-fresh51.toml", 0.51, 0.86),
    ("tests/questions-corpus-fresh53.toml", 0.35, 0.68),
    ("tests/questions-corpus-fresh62.toml", 0.47, 0.92),
    ("tests/questions-corpus-fresh64.toml", 0.38, 0.93),
    ("tests/questions-corpus-fresh67.toml", 0.36, 0.78),
    ("tests/questions-corpus-fresh74.toml", 0.54, 0.85),
    ("tests/questions-corpus-fresh76.toml", 0.5, 0.85),
    ("tests/questions-chat-fresh42.toml", 0.87, 0.88),
    ("tests/questions-chat-fresh43.toml", 0.83, 0.94),
    ("tests/questions-chat-fresh44.toml", 0.8, 0.79),
    ("tests/questions-chat-fresh50.toml", 0.60, 0.93),
    ("tests/questions-chat-fresh52.toml", 0.6, 0.8),
    ("tests/questions-chat-fresh57.toml", 0.46, 0.86),
    ("tests/questions-chat-fresh58.toml", 0.64, 0.79),
    ("tests/questions-chat-fresh59.toml", 0.57, 0.8),
    ("tests/questions-chat-fresh60.toml", 0.71, 0.8),
    ("tests/questions-chat-fresh61.toml", 0.66, 0.73),
    ("tests/questions-chat-fresh63.toml", 0.51, 0.8),
    ("tests/questions-chat-fresh66.toml", 0.65, 0.76),
    ("tests/questions-chat-fresh68.toml", 0.37, 0.87),
    ("tests/questions-chat-fresh70.toml", 0.38, 0.77),
    ("tests/questions-chat-fresh71.toml", 0.44, 0.94),
    ("tests/questions-chat-fresh73.toml", 0.53, 0.78),
];

#[test]
fn development_sets_about_the_other_letters_stay_above_their_floors() {
    let corpus = corpus_searcher();
    let mut failures = Vec::new();
    for (file, answer_floor, decline_floor) in CORPUS_DEVELOPMENT_SETS {
        println!("== {file}, with the test corpus loaded");
        let all = questions(file);
        let refs: Vec<&Labelled> = all.iter().collect();
        let (answered, declined) = evaluate_on(&corpus, None, &refs, true);
        if answered < answer_floor {
            failures.push(format!("{file}: right first {:.1}%", 100.0 * answered));
        }
        if declined < decline_floor {
            failures.push(format!("{file}: declined {:.1}%", 100.0 * declined));
        }
    }
    assert!(failures.is_empty(), "below the floor: {}", failures.join("; "));
}

/// The chat-style set (`tests/questions-chat.toml`): both halves printed, the test half
/// asserted (off-topic and near-miss declines separately).
#[test]
fn chat_style_questions_meet_their_targets_on_the_test_half() {
    let all = questions("tests/questions-chat.toml");
    assert!(all.len() >= 150, "at least 150 chat-style questions");
    let mut test_half = None;
    for half in ["tune", "test"] {
        let part: Vec<&Labelled> = all.iter().filter(|q| q.half.as_deref() == Some(half)).collect();
        println!("== chat-style questions, {half} half ({} questions)", part.len());
        let rates = evaluate_refs(&part, half == "tune");
        let declines = |category: &str| {
            let qs: Vec<&Labelled> = part.iter().copied().filter(|q| q.category == category).collect();
            evaluate_quietly(&qs)
        };
        if half == "test" {
            test_half = Some((rates.0, declines("offtopic"), declines("nearmiss")));
            // Figures only, never the misses: the test half is not tuned on.
            println!("== chat-style questions, test half, with the test corpus loaded");
            evaluate_on(&corpus_searcher(), None, &part, false);
        }
    }
    let (answered, offtopic, nearmiss) = test_half.expect("a test half");
    assert!(answered >= CHAT_ANSWER_FLOOR, "test half right first {:.1}%", 100.0 * answered);
    assert!(offtopic >= CHAT_OFFTOPIC_FLOOR, "test half off-topic declined {:.1}%", 100.0 * offtopic);
    assert!(nearmiss >= CHAT_NEARMISS_FLOOR, "test half near-miss declined {:.1}%", 100.0 * nearmiss);
}

/// Floors for the chat set's test half: its measurement after the changes it was written
/// for (45/51 right first, 15/16 off-topic and 8/16 near-miss declined; before them 37/51,
/// 15/16 and 6/16); with the 21 test-half questions added in session 18, 49/56, 19/20 and 26/40
/// (before that session's changes 49/56, 19/20 and 21/40); with the 15 test-half questions
/// added in session 19, 53/62, 21/22 and 29/44 (before that session's changes the same);
/// with its 13 further test-half questions in English (11 answerable, 3 of them right first;
/// 2 near-misses, both declined), 56/73, 21/22 and 31/46; with the 17 test-half questions
/// of session 20's batch (9 answerable, 5 right first; 2 off-topic and 6 near-misses, 2 and 5
/// declined, before any change of that session), 61/82, 23/24 and 36/52; after that
/// session's changes 65/82, 23/24 and 36/52; with the 20 test-half questions of session
/// 21's batch (10 answerable, 7 right first; 3 off-topic and 7 near-misses, 3 and 6
/// declined, before any change of that session), 72/92, 26/27 and 42/59 (the right-first
/// floor drops to that measurement: the new questions are harder than the old); after that
/// session's changes 74/92, 26/27 and 42/59, rounded down; with the 39 test-half questions
/// of session 25's batch (26 answerable, 21 right first; 5 off-topic and 8 near-misses, 5 and
/// 5 declined, before any change of that session), 95/118, 31/32 and 47/67 (the near-miss
/// floor drops to that measurement); with the 17 test-half questions of its second batch, in
/// English (13 answerable, 11 right first; 1 off-topic and 3 near-misses, 1 and 2 declined,
/// measured after that session's first four changes, which it could not have guided),
/// 106/131, 32/33 and 49/70; in session 30 (no questions added), 122/144, 36/37 and 56/77
/// after its facet and translation changes (before them 120/144); in session 33 (no
/// questions added), 124/144, 36/37 and 56/77 once two rarer question words standing
/// together let a passage answer at coverage 0.25–0.37; in session 40 (no questions added),
/// 125/144, 36/37 and 57/77 (the chat frame and `ie`, and the joining answer type); in
/// session 61 (no questions added), 126/144 once `staat` after an article is a noun. They
/// guard against regressions; the targets (9 in 10 answered, 11 in 12 off-topic and 10 in 12 near-miss
/// declined) are not all met yet.
const CHAT_ANSWER_FLOOR: f64 = 0.86;
const CHAT_OFFTOPIC_FLOOR: f64 = 0.94;
const CHAT_NEARMISS_FLOOR: f64 = 0.74;

fn evaluate(questions: &[Labelled]) -> (f64, f64) {
    evaluate_refs(&questions.iter().collect::<Vec<_>>(), true)
}

/// With the whole test corpus loaded, the same questions about the seed letter: printed
/// beside the letter-alone figures; for the labelled set, within 3 points of them.
#[test]
fn question_sets_with_many_documents_loaded() {
    let corpus = corpus_searcher();
    for file in ["tests/questions.toml", "tests/questions-holdout.toml", "tests/questions-chat.toml"] {
        let all = questions(file);
        let refs: Vec<&Labelled> = all.iter().filter(|q| q.half.as_deref() != Some("test")).collect();
        let documents = corpus.index.documents().len();
        println!("== {file} (test half left out), letter alone");
        let (answered_alone, declined_alone, alone) = evaluate_each(&searcher(), None, &refs, false);
        println!("== {file} (test half left out), with {documents} documents");
        let (answered, declined, loaded) = evaluate_each(&corpus, None, &refs, false);
        if file == "tests/questions.toml" {
            // The labelled set is large enough for a 3-point margin to mean something.
            assert!(answered >= answered_alone - 0.03, "right first {answered:.3} alone {answered_alone:.3}");
            assert!(declined >= declined_alone - 0.03, "declined {declined:.3} alone {declined_alone:.3}");
        }
        for (q, _) in refs.iter().zip(alone.iter().zip(&loaded)).filter(|(_, (a, l))| **a && !**l) {
            println!("right alone, wrong with the corpus: [{}] {:?}", q.category, q.text);
        }
        println!(
            "== {file} (test half left out), with {documents} documents, in a conversation about the letter"
        );
        evaluate_on(&corpus, Some(EMBEDDED_ID), &refs, true);
    }
}

/// Questions about the other letters of the corpus are answered from them.
#[test]
fn questions_about_the_other_letters_are_answered_from_them() {
    let all = questions("tests/questions-corpus.toml");
    let refs: Vec<&Labelled> = all.iter().collect();
    println!("== tests/questions-corpus.toml, with the test corpus loaded");
    let (answered, declined) = evaluate_on(&corpus_searcher(), None, &refs, true);
    assert!(answered >= CORPUS_ANSWER_FLOOR, "right paragraph first {:.1}%", 100.0 * answered);
    assert!(declined >= CORPUS_DECLINE_FLOOR, "declined {:.1}%", 100.0 * declined);
}

/// The chat-style questions about the other letters (`tests/questions-corpus-chat.toml`),
/// with the whole test corpus loaded: both halves printed (the tune half with its misses),
/// the test half asserted.
#[test]
fn chat_style_questions_about_the_other_letters_meet_their_floor_on_the_test_half() {
    let all = questions("tests/questions-corpus-chat.toml");
    let corpus = corpus_searcher();
    let mut test_half = (0.0, 0.0);
    for half in ["tune", "test"] {
        let part: Vec<&Labelled> = all.iter().filter(|q| q.half.as_deref() == Some(half)).collect();
        println!("== chat-style questions about the other letters, {half} half ({} questions)", part.len());
        let rates = evaluate_on(&corpus, None, &part, half == "tune");
        if half == "test" {
            test_half = rates;
        }
    }
    let (answered, declined) = test_half;
    assert!(answered >= CORPUS_CHAT_ANSWER_FLOOR, "test half right first {:.1}%", 100.0 * answered);
    assert!(declined >= CORPUS_CHAT_DECLINE_FLOOR, "test half declined {:.1}%", 100.0 * declined);
}

/// Floors for the test half of the chat-style corpus questions. First batch measured before
/// the search was changed for it (session 22: 9/26 right first, 11/11 declined; the same after
/// that session's changes, while its tune half went from 15/26 and 8/11 to 21/26 and 9/11).
/// Second batch (session 23) measured before any change for it: tune 22/33 and 10/10, test
/// 21/33 and 8/10. Both batches' test half together: 30/59 and 19/21, rounded down. They
/// guard against regressions.
const CORPUS_CHAT_ANSWER_FLOOR: f64 = 0.50;
const CORPUS_CHAT_DECLINE_FLOOR: f64 = 0.90;

/// Floors for the corpus questions (first measured 20/30 right first and 4/6 declined; 22/30
/// once numbers written as words counted as numbers; 24/30 and 5/6 once each letter's own
/// statistics rank its paragraphs; 26/30 once a passage without a required kind of answer
/// ranks below one with it; 28/30 once a strong verb's participle met its verb), rounded
/// down; they guard against regressions.
const CORPUS_ANSWER_FLOOR: f64 = 0.93;
const CORPUS_DECLINE_FLOOR: f64 = 0.83;

/// The share of questions whose outcome is as labelled, printing nothing.
fn evaluate_quietly(questions: &[&Labelled]) -> f64 {
    let searcher = searcher();
    let ok = questions
        .iter()
        .filter(|q| {
            let answer = answer(&searcher, &q.text, Language::Dutch).expect("question accepted");
            q.accepts(&outcome(&searcher, &answer), false)
        })
        .count();
    ok as f64 / questions.len().max(1) as f64
}

/// Runs the questions, prints figures per category (and the misses, when `show_misses`: never
/// for a test half), returns (right-first rate, decline rate).
fn evaluate_refs(questions: &[&Labelled], show_misses: bool) -> (f64, f64) {
    evaluate_on(&searcher(), None, questions, show_misses)
}

/// Like [`evaluate_refs`] on any searcher, optionally in a conversation about a document; a
/// passage counts only from the seed letter, or as a question's `corpus` outcomes say when
/// several letters are loaded and none is under discussion.
fn evaluate_on(
    searcher: &Searcher,
    about: Option<&str>,
    questions: &[&Labelled],
    show_misses: bool,
) -> (f64, f64) {
    let (answer_rate, decline_rate, _) = evaluate_each(searcher, about, questions, show_misses);
    (answer_rate, decline_rate)
}

/// [`evaluate_on`] with, per question, whether its outcome was right.
fn evaluate_each(
    searcher: &Searcher,
    about: Option<&str>,
    questions: &[&Labelled],
    show_misses: bool,
) -> (f64, f64, Vec<bool>) {
    let mut per_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut margins: BTreeMap<&str, Vec<f32>> = BTreeMap::new();
    let mut right = Vec::with_capacity(questions.len());
    // Per category: declines with a "Misschien bedoel je" hint, declines.
    let mut hints: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let corpus_loaded = about.is_none() && searcher.index.documents().len() > 1;
    for q in questions {
        let answer = answer_about(searcher, &q.text, Language::Dutch, about).expect("question accepted");
        common::assert_quotes_are_slices(searcher.index.documents(), &answer.reply);
        let got = outcome(searcher, &answer);
        // A reply that asks which letter ranks nothing: no coverage to report.
        if got != "which letter" {
            let top_coverage = answer.hits.first().map_or(0.0, |h| h.coverage);
            let side = if q.expect == ["none"] { "should decline" } else { "should answer" };
            margins.entry(side).or_default().push(top_coverage);
        }
        let ok = q.accepts(&got, corpus_loaded);
        right.push(ok);
        if answer.reply.outcome == Outcome::Declined {
            let hinted = answer.reply.actions.iter().any(|a| matches!(a, Action::Show { .. }));
            let entry = hints.entry(q.category.clone()).or_default();
            entry.0 += usize::from(hinted);
            entry.1 += 1;
        }
        let entry = per_category.entry(q.category.clone()).or_default();
        entry.0 += usize::from(ok);
        entry.1 += 1;
        if !ok {
            failures.push(format!("[{}] {:?}: expected {:?}, got {got}", q.category, q.text, q.expect));
        }
    }
    let (mut answerable, mut declinable) = ((0, 0), (0, 0));
    for (category, (ok, total)) in &per_category {
        println!("{category:>11}: {ok}/{total} ({:.0}%)", 100.0 * *ok as f64 / *total as f64);
        let bucket = if matches!(category.as_str(), "offtopic" | "nearmiss") {
            &mut declinable
        } else {
            &mut answerable
        };
        bucket.0 += ok;
        bucket.1 += total;
    }
    let answer_rate = answerable.0 as f64 / answerable.1 as f64;
    let decline_rate = declinable.0 as f64 / declinable.1 as f64;
    println!(
        "answerable, right passage first: {}/{} ({:.1}%)",
        answerable.0,
        answerable.1,
        100.0 * answer_rate
    );
    if declinable.1 > 0 {
        println!(
            "off-topic and near-miss declined: {}/{} ({:.1}%)",
            declinable.0,
            declinable.1,
            100.0 * decline_rate
        );
    }
    for (side, values) in &mut margins {
        values.sort_by(f32::total_cmp);
        let quartiles: Vec<String> =
            [0, values.len() / 4, values.len() / 2, 3 * values.len() / 4, values.len() - 1]
                .iter()
                .map(|&i| format!("{:.2}", values[i]))
                .collect();
        println!("best-passage coverage, {side}: min/q1/median/q3/max = {}", quartiles.join("/"));
    }
    let hinted: Vec<String> = hints.iter().map(|(c, (h, n))| format!("{c} {h}/{n}")).collect();
    println!("declines with a hint at a close paragraph: {}", hinted.join(", "));
    for f in failures.iter().filter(|_| show_misses) {
        println!("miss: {f}");
    }
    (answer_rate, decline_rate, right)
}

//! Question types (`data/question-types.toml`): cue words for parts of a letter, facets of
//! questions about the document itself, the focus noun, clauses, what-is definitions and the
//! kinds of answer question words ask for. Compiled in; the format is documented in the file.

use std::sync::OnceLock;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::document::metadata::{MONTHS_EN, MONTHS_NL};
use crate::document::text::TextReader;
use crate::document::{Passage, PassageKind};
use super::facet::{Facet, FacetSpec};
use crate::text::{analyzer::Analyzer, edits::one_edit_apart, fold, tokens};

const QUESTION_TYPES: &str = include_str!("../../data/question-types.toml");
/// Dutch place names, one folded name per line (`tools/build-places.py`, GeoNames).
const PLACES: &str = include_str!("../../data/places-nl.txt");
/// Country names in Dutch and English, one folded name per line (`tools/build-countries.py`,
/// Unicode CLDR).
const COUNTRIES: &str = include_str!("../../data/countries.txt");
/// Words naming the world's large cities and their Dutch exonyms, one folded word per line
/// (`tools/build-world-cities.py`, GeoNames).
const WORLD_CITIES: &str = include_str!("../../data/cities-world.txt");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionTypesFile {
    kinds: HashMap<String, KindCues>,
    answer_types: HashMap<String, AnswerTypeSpec>,
    sets: HashMap<String, Vec<String>>,
    facets: BTreeMap<String, FacetSpec>,
    focus: FocusSpec,
    clauses: ClausesSpec,
    definition: DefinitionSpec,
    negation: NegationSpec,
}

/// Words that negate the words after them (see `negation.rs`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegationSpec {
    pub words: Vec<String>,
}

/// What-is questions and the words after which a passage defines something.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionSpec {
    pub frames: Vec<String>,
    pub copulas: Vec<String>,
    pub generic_articles: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClausesSpec {
    question_words: HashSet<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusSpec {
    pub noun_after: HashSet<String>,
    pub article_after: HashSet<String>,
    /// Words that, right after an `article_after` word, ask what kind (`wat *voor*
    /// handicap`, `what *kind* of`): the noun that follows is the focus, as after `welke`.
    pub kind_after: HashSet<String>,
    /// Nouns that, after a `when_after` word, ask when (`op welke *dag*`): the answer is a
    /// date, so the noun is no focus an answer must hold, nor a word it must match.
    pub time_nouns: HashSet<String>,
    /// Words after which a time noun asks when and names nothing (`in *welk* jaar`), unlike
    /// after `hoeveel`, where it is the unit a number counts.
    pub when_after: HashSet<String>,
    pub articles: HashSet<String>,
    /// The only words that may stand between an `article_after` word and its article.
    pub copulas: HashSet<String>,
    /// Verbs of saying and thinking: after them the speaker is the focus.
    pub speaker_verbs: HashSet<String>,
    /// Nouns that name a document or its sender: as a speaker, never the focus.
    pub document_nouns: HashSet<String>,
    /// Words after which the topic of the question follows.
    pub topic_after: HashSet<String>,
    /// Words after which the topic of a view follows (`wat vindt X *van* Y`).
    pub view_topic_after: HashSet<String>,
    /// Words that open what a verb of saying or thinking says (`hoe het kabinet denkt *dat*
    /// ...`): right after the verb, its speaker stands before it.
    pub complementizers: HashSet<String>,
    /// Verbs whose speaker stands before them (English word order: `what did *parliament*
    /// think`): only the word before tells whose view a question asks.
    pub subject_first_verbs: HashSet<String>,
    /// Finite auxiliaries of the Dutch perfect (`wat *heeft* de vakbond gezegd`): with the
    /// participle at the end, the speaker is the subject right after the auxiliary.
    pub perfect_auxiliaries: HashSet<String>,
    /// Phrases that open a question whether something exists (`*is er* een website van
    /// ...`, `*are there* rules for ...`): the noun that follows is the focus when an
    /// `existential_of` word and the thing it belongs to follow it.
    pub existential: Vec<String>,
    /// Nouns that say what kind of thing follows (`is er een *soort* handleiding`): the noun
    /// after them is what an existential question asks about.
    pub kind_nouns: HashSet<String>,
    /// Words after an existential question's noun that name what it belongs to (`website
    /// *van* Burgernet`).
    pub existential_of: HashSet<String>,
    /// Particles whose next content word is what a question adds (`krijgen ze *ook*
    /// salaris`): the focus when no question word gives one.
    pub focus_particles: HashSet<String>,
    /// Nouns of a relation (`verschil`), before a `relation_after` word (`tussen`): they
    /// frame the question and name nothing an answer must hold.
    pub relation_nouns: HashSet<String>,
    pub relation_after: HashSet<String>,
}

/// The part of a document a cue asks for: passages of some kinds, or the opening paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cue {
    pub kinds: Vec<PassageKind>,
    /// The first body paragraph, where a letter says what it is about and why it was written.
    pub opening: bool,
    /// A heading, addressee or signature that holds a date with a month name.
    pub dated: bool,
}

impl Cue {
    pub fn kind(kind: PassageKind) -> Cue {
        Cue { kinds: vec![kind], ..Cue::default() }
    }

    pub fn matches(&self, passage: &Passage) -> bool {
        self.matches_facts(passage.kind, is_opening(passage), is_dated(passage, &mut TextReader::default()))
    }

    /// [`Cue::matches`] from facts the index keeps per passage.
    pub(crate) fn matches_facts(&self, kind: PassageKind, opening: bool, dated: bool) -> bool {
        self.kinds.contains(&kind) || (self.opening && opening) || (self.dated && dated)
    }
}

/// The first body paragraph, where a letter says what it is about.
pub(crate) fn is_opening(passage: &Passage) -> bool {
    passage.kind == PassageKind::Body && passage.number == 1
}

/// A heading, addressee or signature that holds a date with a month name.
pub(crate) fn is_dated(passage: &Passage, texts: &mut TextReader) -> bool {
    !matches!(passage.kind, PassageKind::Body | PassageKind::Footnote) && names_a_month(texts.read(&passage.text))
}

/// Whether the text names a month (Dutch or English), as a date line does.
fn names_a_month(text: &str) -> bool {
    tokens(text).iter().any(|t| {
        MONTHS_NL.contains(&t.folded.as_str()) || MONTHS_EN.iter().any(|m| m.eq_ignore_ascii_case(&t.folded))
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindCues {
    cues: Vec<String>,
}

/// What a question word asks for, and the passage words that show a passage holds it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerTypeSpec {
    pub triggers: Vec<String>,
    /// Stems, once loaded.
    pub evidence: Vec<String>,
    #[serde(default)]
    pub numbers: bool,
    /// Folded stop words that are evidence, found in the passage's text (the index holds
    /// content words only): `volgens de vakbond` reports a view.
    #[serde(default)]
    pub function_evidence: Vec<String>,
    /// Function evidence counts only just before the word the question asks about, as a
    /// quantifier of it (`*alle* gemeenten` says which; an `alle` elsewhere says nothing).
    #[serde(default)]
    pub function_evidence_before_focus: bool,
    /// A place or country name (`QuestionTypes::places`) is evidence too.
    #[serde(default)]
    pub places: bool,
    /// A name is evidence: a word written with a capital that does not open a sentence
    /// (`hoe heet het programma`: `Tel mee met Taal`; see `evidence::names_something`).
    #[serde(default)]
    pub proper_names: bool,
    /// Only passages with evidence can answer.
    #[serde(default)]
    pub required: bool,
    /// Evidence counts only near the word the question asks about, when the passage holds
    /// it (see `rank::holds_answer_type`).
    #[serde(default)]
    pub near_focus: bool,
    /// The passage itself must hold the word the question asks about (`wie is de *minister*
    /// van zorg`: a passage that names no minister names none); the type's evidence.
    #[serde(default)]
    pub names_focus: bool,
    /// Applies only to a view asked of someone other than the document's voice (see
    /// `asks::third_party`).
    #[serde(default)]
    pub third_party: bool,
    /// Stems, once loaded: a number followed by one of these is not evidence (`vier jaar` is a
    /// duration, not how many), unless the question asks about that word itself.
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Stems, once loaded: a number right after one of these is no evidence (`november
    /// *2013*` is a year, `nr. *28*` a reference).
    #[serde(default)]
    pub not_after: Vec<String>,
    /// Stems, once loaded: for a type that asks when, a number is evidence only as a year
    /// (four digits) or before one of these units of time (`over *twee* jaar`): a count of
    /// something else (`*dertigduizend* jongeren`) names no moment. Empty: any number.
    #[serde(default)]
    pub times_before: Vec<String>,
    /// Stems, once loaded: words asked about whose answer is a duration (`hoeveel *later*`,
    /// `how much *longer*`), so a number before a unit of time answers them.
    #[serde(default)]
    pub durations_answer: Vec<String>,
    /// Also triggered by one of these words followed by an auxiliary (`perfect_auxiliaries`)
    /// in a question that ends in a participle: the perfect tense (`wanneer is X ontstaan`).
    #[serde(default)]
    pub perfect_after: Vec<String>,
    #[serde(default)]
    pub perfect_auxiliaries: Vec<String>,
    /// Triggers that also mean to find (`vinden`): one right after `te`, or with one of
    /// `finding_objects` in its clause before any complementizer (`vinden clubs *genoeg*
    /// trainers`, `kan *geen* trainers vinden`), finds something and triggers nothing.
    #[serde(default)]
    pub finding_verbs: Vec<String>,
    #[serde(default)]
    pub finding_objects: Vec<String>,
    /// A word of `when_words` with one of these verbs after it in its clause triggers the
    /// type, a separable verb with the particle that closes the clause (`wanneer gaat de
    /// regel *in*`, see `answer_kinds::verb_of_when`).
    #[serde(default)]
    pub when_words: Vec<String>,
    #[serde(default)]
    pub when_verbs: Vec<String>,
    /// Set when parsed: the stem of the one whose view is asked, for `third_party` types.
    #[serde(skip)]
    pub speaker: Option<String>,
    /// Set when parsed: where that one stands among the question's words.
    #[serde(skip)]
    pub speaker_word: Option<usize>,
}

/// Question types, with cue and evidence words stemmed by the analyzer that built them.
#[derive(Debug)]
pub struct QuestionTypes {
    /// Stem of a cue word → the passage kind it asks for.
    pub kind_cues: HashMap<String, PassageKind>,
    pub answer_types: Vec<AnswerTypeSpec>,
    pub facets: Vec<Facet>,
    /// Where the noun a question asks about stands (`[focus]`).
    pub focus: FocusSpec,
    /// Words that make a clause of a message ask (`[clauses]`).
    pub clause_question_words: HashSet<String>,
    pub definition: DefinitionSpec,
    pub negation: NegationSpec,
    /// Place, city and country names (folded) that restrict a question to documents naming them.
    pub places: HashSet<String>,
    /// The words that tell what a question asks (facet, set, cue and trigger words, folded,
    /// at least [`MIN_SLIP_CHARS`] long), to which a mistyped word is corrected (see
    /// [`QuestionTypes::question_word_meant`]).
    question_words: Vec<String>,
    /// The stems of [`QuestionTypes::places`], evidence of an answer type with `places`:
    /// made when a question first asks which place, as most never do (1,254 names, about 7%
    /// of the letter's start-up when stemmed at once), or when a reload warms its index.
    place_stems: OnceLock<Vec<String>>,
}

/// The shortest word taken for a slip of a question word, and the shortest question word:
/// shorter words are one edit from too many others (`wie`, `wat`, `wat`→`was`).
const MIN_SLIP_CHARS: usize = 5;

impl QuestionTypes {
    pub fn new(analyzer: &Analyzer) -> QuestionTypes {
        let file: QuestionTypesFile =
            toml::from_str(QUESTION_TYPES).expect("data/question-types.toml is valid");
        let stem = |w: &String| analyzer.stem(&fold(w));
        let question_words = question_words(&file);
        let mut kind_cues = HashMap::default();
        for (name, cues) in file.kinds {
            let kind = kind_named(&name);
            kind_cues.extend(cues.cues.iter().map(|c| (stem(c), kind)));
        }
        let places: HashSet<String> = [PLACES, COUNTRIES, WORLD_CITIES]
            .iter()
            .flat_map(|list| list.lines())
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(fold)
            .collect();
        let answer_types = file
            .answer_types
            .into_values()
            .map(|mut spec| {
                spec.evidence = spec.evidence.iter().map(stem).collect();
                spec.not_before = spec.not_before.iter().map(stem).collect();
                spec.not_after = spec.not_after.iter().map(stem).collect();
                spec.durations_answer = spec.durations_answer.iter().map(stem).collect();
                spec.times_before = spec.times_before.iter().map(stem).collect();
                spec
            })
            .collect();
        let facets =
            file.facets.into_iter().map(|(name, spec)| Facet::new(name, spec, &file.sets, &stem)).collect();
        QuestionTypes {
            kind_cues,
            answer_types,
            facets,
            focus: file.focus,
            clause_question_words: file.clauses.question_words,
            definition: file.definition,
            negation: file.negation,
            places,
            question_words,
            place_stems: OnceLock::new(),
        }
    }

    /// The evidence of an answer type: its own words' stems, and for one with `places` the
    /// stems of every place name too.
    pub fn evidence_of(&self, spec: &AnswerTypeSpec, analyzer: &Analyzer) -> Vec<String> {
        let places = spec.places.then(|| self.place_stems(analyzer));
        spec.evidence.iter().chain(places.into_iter().flatten()).cloned().collect()
    }

    /// Stems the place names now if no question has yet.
    pub fn warm(&self, analyzer: &Analyzer) {
        self.place_stems(analyzer);
    }

    fn place_stems(&self, analyzer: &Analyzer) -> &[String] {
        self.place_stems.get_or_init(|| self.places.iter().map(|p| analyzer.stem(p)).collect())
    }

    /// The question word a word that is no word at all was meant as (`wanner` → `wanneer`,
    /// `breif` → `brief`, `adressed` → `addressed`): the one question word one edit away
    /// (a deletion, insertion, substitution or swap of two neighbouring letters). None when
    /// none or several are that close. The caller asks only about words that neither the
    /// documents nor general usage know: a word's own meaning comes first.
    pub fn question_word_meant(&self, word: &str, analyzer: &Analyzer) -> Option<&str> {
        if word.chars().count() < MIN_SLIP_CHARS {
            return None;
        }
        // Words of at least three letters one edit apart share their first or their last
        // letter (an edit changes one end at most): a byte comparison rules most words out.
        let (first, last) = (word.as_bytes()[0], word.as_bytes()[word.len() - 1]);
        let ends_shared = |q: &&String| q.as_bytes()[0] == first || q.as_bytes()[q.len() - 1] == last;
        let mut close = self.question_words.iter().filter(ends_shared).filter(|q| one_edit_apart(word, q));
        let meant = close.next()?;
        // Forms of one word are one meaning (`ondertekentd`: `ondertekend`, `ondertekent`).
        let stem = analyzer.stem(meant);
        close.all(|other| analyzer.stem(other) == stem).then_some(meant.as_str())
    }
}

/// Every word of the file that tells what a question asks, folded: the sets,
/// the facets' patterns and exceptions, the cue words and the answer types' triggers.
fn question_words(file: &QuestionTypesFile) -> Vec<String> {
    let sets = file.sets.values().flatten();
    let facets = file.facets.values().flat_map(|f| f.slots().chain(&f.unless));
    let cues = file.kinds.values().flat_map(|k| &k.cues);
    let triggers = file.answer_types.values().flat_map(|t| &t.triggers);
    let mut words: Vec<String> = sets
        .chain(facets)
        .chain(cues)
        .chain(triggers)
        .flat_map(|phrase| phrase.split(['|', ' ']))
        .filter(|w| !w.starts_with('@'))
        .map(fold)
        .filter(|w| w.chars().count() >= MIN_SLIP_CHARS)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

pub(super) fn kind_named(name: &str) -> PassageKind {
    match name {
        "heading" => PassageKind::Heading,
        "addressee" => PassageKind::Addressee,
        "footnote" => PassageKind::Footnote,
        "signature" => PassageKind::Signature,
        other => panic!("data/question-types.toml: unknown passage kind `{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_cues_are_stems() {
        let analyzer = Analyzer::default();
        let q = QuestionTypes::new(&analyzer);
        assert_eq!(q.kind_cues.get(&analyzer.stem("ondertekend")), Some(&PassageKind::Signature));
        assert!(q.facets.iter().any(|f| f.name == "date"));
    }

    /// Every word of a type's lists that are looked up among a passage's indexed words
    /// (`evidence`, `not_before`, `not_after`, `durations_answer`, `times_before`) is one the index holds (a
    /// content word): a stop word there could never be found, and as evidence belongs in
    /// `function_evidence`.
    #[test]
    fn evidence_words_are_words_the_index_holds() {
        let analyzer = Analyzer::default();
        let file: QuestionTypesFile = toml::from_str(QUESTION_TYPES).unwrap();
        let unheld: Vec<String> = file
            .answer_types
            .iter()
            .flat_map(|(name, spec)| {
                let lists =
                    [&spec.evidence, &spec.not_before, &spec.not_after, &spec.durations_answer, &spec.times_before];
                lists.into_iter().flatten().map(move |w| (name, w))
            })
            .filter(|(_, w)| !analyzer.is_content_word(&fold(w)))
            .map(|(name, w)| format!("{name}: {w}"))
            .collect();
        assert!(unheld.is_empty(), "{unheld:?}");
    }

    /// At most one answer type asks someone else's view: ranking looks up once per passage
    /// whether its document is signed by the one whose view is asked (`rank::finish`).
    #[test]
    fn one_answer_type_asks_someone_elses_view() {
        let q = QuestionTypes::new(&Analyzer::default());
        assert_eq!(q.answer_types.iter().filter(|t| t.third_party).count(), 1);
    }

    /// A place name is evidence of the answer type that asks which place, stemmed as the
    /// index stems it, and of no other type.
    #[test]
    fn place_names_are_evidence_only_of_the_place_type() {
        let analyzer = Analyzer::default();
        let q = QuestionTypes::new(&analyzer);
        for spec in &q.answer_types {
            let evidence = q.evidence_of(spec, &analyzer);
            for place in ["amsterdam", "utrecht", "duitsland"] {
                assert_eq!(evidence.contains(&analyzer.stem(place)), spec.places, "{place}");
            }
        }
        assert!(q.answer_types.iter().any(|t| t.places));
    }

    /// A slip at either end of a question word is found as well as one inside it: the look
    /// at a word's first and last letter that rules most words out keeps these.
    #[test]
    fn a_slip_at_either_end_of_a_question_word_is_found() {
        let analyzer = Analyzer::default();
        let q = QuestionTypes::new(&analyzer);
        for slip in ["anneer", "awnneer", "xanneer", "wanneerx", "wanneet", "wannere", "wanner"] {
            assert_eq!(q.question_word_meant(slip, &analyzer), Some("wanneer"), "{slip}");
        }
        assert_eq!(q.question_word_meant("xanneex", &analyzer), None, "two edits");
    }
}

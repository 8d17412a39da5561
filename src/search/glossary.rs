//! Translations and synonyms: the hand-made glossary (`data/glossary.toml`), the
//! wordnet-derived English → Dutch translations (`data/translations-en-nl.tsv`) and Dutch
//! synonyms (`data/synonyms-nl.tsv`). Compiled in; the formats are documented at the top of
//! each file.

use std::sync::OnceLock;
use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use crate::text::{analyzer::Analyzer, fold};

const GLOSSARY: &str = include_str!("../../data/glossary.toml");
const TRANSLATIONS: &str = include_str!("../../data/translations-en-nl.tsv");
const IRREGULAR: &str = include_str!("../../data/english-irregular.tsv");
const WORDNET_SYNONYMS: &str = include_str!("../../data/synonyms-nl.tsv");

/// The hand-made glossary file: a few general terms the wordnets lack.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    /// English word → Dutch words.
    en: HashMap<String, Vec<String>>,
    /// Dutch word → Dutch equivalents.
    nl: HashMap<String, Vec<String>>,
    /// English ending → Dutch endings of the same loanword.
    cognates: HashMap<String, Vec<String>>,
}

/// English → Dutch translations (the hand-made `data/glossary.toml` first, then the
/// wordnet-derived `data/translations-en-nl.tsv`) and Dutch synonyms (`data/glossary.toml`).
#[derive(Debug)]
pub struct Glossary {
    /// English word → Dutch words (hand-made).
    en: HashMap<String, Vec<String>>,
    /// English word → the tab-separated Dutch words (generated), sorted by English word: a
    /// slice of the compiled-in file, searched without building anything.
    generated: Table,
    /// Irregular English form → its tab-separated base forms (`kept` → `keep`), sorted like
    /// `generated`.
    irregular: Table,
    /// Dutch stem → stems of its synonyms, so every inflection of a word finds them.
    nl: HashMap<String, Vec<String>>,
    /// The Dutch words `nl` was made from, folded, as written in the glossary.
    nl_words: std::collections::HashSet<String>,
    /// English ending → Dutch endings (`tion` → `tie`), longest first.
    cognates: Vec<(String, Vec<String>)>,
    /// Dutch word → the tab-separated Dutch words it shares a wordnet synset with
    /// (`data/synonyms-nl.tsv`), sorted by word.
    wordnet: Table,
}

/// A tab-separated data file of `key<TAB>values` lines, sorted by key when first read: the
/// translations are read by the first English question, the wordnet synonyms by the first
/// question word no document holds, so start-up reads none of them (22,700 lines, about a
/// sixth of the letter's start-up when read at once).
#[derive(Debug)]
struct Table {
    file: &'static str,
    lines: OnceLock<Vec<(&'static str, &'static str)>>,
}

impl Table {
    fn of(file: &'static str) -> Table {
        Table { file, lines: OnceLock::new() }
    }

    fn lines(&self) -> &[(&'static str, &'static str)] {
        self.lines.get_or_init(|| tab_separated(self.file))
    }
}

impl Glossary {
    /// Reads the tables read at their first use (see [`Table`]).
    pub fn warm(&self) {
        for table in [&self.generated, &self.irregular, &self.wordnet] {
            table.lines();
        }
    }

    pub fn new(analyzer: &Analyzer) -> Glossary {
        let file: GlossaryFile = toml::from_str(GLOSSARY).expect("data/glossary.toml is valid");
        let (generated, irregular) = (Table::of(TRANSLATIONS), Table::of(IRREGULAR));
        let stem = |w: &str| analyzer.stem(&fold(w));
        let mut nl: HashMap<String, Vec<String>> = HashMap::default();
        let nl_words = file.nl.keys().map(|w| fold(w)).collect();
        for (word, synonyms) in file.nl {
            let entry = nl.entry(stem(&word)).or_default();
            for synonym in synonyms.iter().map(|s| stem(s)) {
                if !entry.contains(&synonym) && synonym != stem(&word) {
                    entry.push(synonym);
                }
            }
        }
        let mut cognates: Vec<(String, Vec<String>)> = file.cognates.into_iter().collect();
        cognates.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Glossary { en: file.en, generated, irregular, nl, nl_words, cognates, wordnet: Table::of(WORDNET_SYNONYMS) }
    }

    /// Dutch words for an English word, trying its base forms too (`networks`, `companies`,
    /// `organised` → `organize`, `neighbour` → `neighbor`): the hand-made entry of the first
    /// form that has one, else the generated ones of every form, the word's own first (a
    /// plural with a sense of its own keeps its singular's: `roads` is `rede` and `weg`).
    pub fn english(&self, folded: &str) -> Option<Vec<&str>> {
        let forms = self.english_base_forms(folded);
        if let Some(hand) = forms.iter().find_map(|w| self.en.get(w)) {
            return Some(hand.iter().map(String::as_str).collect());
        }
        // The generated table's phrases are taken as typed: its senses of an inflected
        // phrase are often another's (`are sick` is no `be sick`, to vomit).
        let generated_forms = if folded.contains(' ') { &forms[..1] } else { &forms[..] };
        let mut dutch = self.generated_of(generated_forms);
        if dutch.is_empty() {
            dutch = self.generated_of(&comparative_bases(folded));
        }
        (!dutch.is_empty()).then_some(dutch)
    }

    /// The generated translations of these forms, in order, each Dutch word once.
    fn generated_of(&self, forms: &[String]) -> Vec<&'static str> {
        let mut dutch: Vec<&str> = Vec::new();
        let generated = self.generated.lines();
        for form in forms {
            let Ok(at) = generated.binary_search_by_key(&form.as_str(), |(english, _)| english) else { continue };
            for word in generated[at].1.split('\t') {
                if !dutch.contains(&word) {
                    dutch.push(word);
                }
            }
        }
        dutch
    }

    /// Dutch forms of an English loanword (`institutions` → `institutie`, `directly` →
    /// `direct`), folded, from the `[cognates]` endings and Dutch spelling; whether the
    /// documents hold one is for the caller to check.
    pub fn cognates(&self, folded: &str) -> Vec<String> {
        let mut forms = Vec::new();
        for base in self.english_base_forms(folded) {
            for (ending, dutch) in &self.cognates {
                let Some(stem) = base.strip_suffix(ending.as_str()).filter(|s| s.len() >= 3) else { continue };
                for d in dutch {
                    let form = fold(&format!("{stem}{d}"));
                    let spelled = form.replace("qu", "kw").replace('c', "k");
                    for f in [form, spelled] {
                        if !forms.contains(&f) && f != folded {
                            forms.push(f);
                        }
                    }
                }
            }
        }
        forms
    }

    /// The word and the forms it may be an inflection or British spelling of, most likely
    /// first: an irregular form's base forms (`kept` → `keep`) right after the word; for a
    /// phrase, the forms of its first word (looked up in the hand-made entries only).
    fn english_base_forms(&self, folded: &str) -> Vec<String> {
        // A phrasal verb inflects its verb (`works together`, `went up`).
        if let Some((verb, rest)) = folded.split_once(' ') {
            let mut forms = vec![folded.to_string()];
            let bases = self.english_base_forms(verb).into_iter().skip(1);
            forms.extend(bases.map(|base| format!("{base} {rest}")));
            return forms;
        }
        let mut forms = english_base_forms(folded);
        let irregular = self.irregular.lines();
        if let Ok(at) = irregular.binary_search_by_key(&folded, |(form, _)| form) {
            let bases = irregular[at].1.split('\t').filter(|b| !forms.iter().any(|f| f == b));
            let bases: Vec<String> = bases.map(str::to_string).collect();
            forms.splice(1..1, bases);
        }
        forms
    }

    /// The wordnet synonyms (folded words) of the Dutch words with this stem, so that every
    /// inflection finds them (`handleidingen` → `handboek`). A word's stem begins with the
    /// word's first letters (`handleid` of `handleiding`, `organiseer` of `organisatie`): only
    /// the few listed words that begin with the stem's first [`STEM_PREFIX_CHARS`] are
    /// stemmed, so nothing is built in advance.
    pub fn wordnet_synonyms(&self, stem: &str, analyzer: &Analyzer) -> Vec<&'static str> {
        let prefix: String = stem.chars().take(STEM_PREFIX_CHARS).collect();
        let wordnet = self.wordnet.lines();
        let start = wordnet.partition_point(|(word, _)| *word < prefix.as_str());
        let mut synonyms: Vec<&'static str> = Vec::new();
        for (word, listed) in wordnet[start..].iter().take_while(|(word, _)| word.starts_with(&prefix)) {
            if analyzer.stem(word) == stem {
                for synonym in listed.split('\t') {
                    if !synonyms.contains(&synonym) {
                        synonyms.push(synonym);
                    }
                }
            }
        }
        synonyms
    }

    /// Stems of the Dutch synonyms of a stem.
    pub fn dutch(&self, stem: &str) -> Option<&[String]> {
        self.nl.get(stem).map(Vec::as_slice)
    }

    /// Stems of the Dutch synonyms of a translation (a folded Dutch word with this stem): only
    /// when it is the glossary's word or that word's singular, not another word with the same
    /// stem (`apply` → `gelden` is not `geld`, money).
    pub fn dutch_of_translation(&self, word: &str, stem: &str) -> Option<&[String]> {
        let listed = ["", "s", "en"].iter().any(|end| self.nl_words.contains(&format!("{word}{end}")));
        listed.then(|| self.dutch(stem)).flatten()
    }
}

/// British word endings and their American spelling, which the wordnets use (`programme`,
/// `centre`, `catalogue`, `defence`, `analyse`, `travelled`); `-is-` and `-our-` are swapped
/// anywhere in the word.
const BRITISH_ENDINGS: [(&str, &str); 8] = [
    ("mme", "m"),
    ("yse", "yze"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("ence", "ense"),
    ("lled", "l"),
    ("lling", "l"),
    ("ller", "ler"),
];

/// The letters a word and its stem share at least (see [`Glossary::wordnet_synonyms`]).
const STEM_PREFIX_CHARS: usize = 4;

/// The lines of a compiled-in `word<TAB>words` file (comments left out), sorted by word.
fn tab_separated(file: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut lines: Vec<(&str, &str)> =
        file.lines().filter(|l| !l.starts_with('#')).filter_map(|line| line.split_once('\t')).collect();
    lines.sort_unstable();
    lines
}

/// The adjectives a regular comparative or superlative may be formed from (`cheaper` →
/// `cheap`, `nicer` → `nice`, `easiest` → `easy`, `bigger` → `big`): tried only for a word
/// that has no translation of its own, as many words end in `-er` (`number` is no `numb`).
fn comparative_bases(folded: &str) -> Vec<String> {
    let mut bases = Vec::new();
    for (suffix, y) in [("ier", "y"), ("iest", "y"), ("er", ""), ("est", "")] {
        let Some(base) = folded.strip_suffix(suffix).filter(|b| b.len() >= 3) else { continue };
        bases.push(format!("{base}{y}"));
        if y.is_empty() {
            bases.push(format!("{base}e"));
            let mut chars = base.chars().rev();
            if let (Some(last), Some(before)) = (chars.next(), chars.next()) {
                if last == before && !"aeiou".contains(last) {
                    bases.push(base[..base.len() - last.len_utf8()].to_string());
                }
            }
        }
    }
    bases
}

/// The word and the forms its regular endings or British spelling may stand for, most likely
/// first.
fn english_base_forms(folded: &str) -> Vec<String> {
    let mut forms = vec![folded.to_string()];
    let strip = |suffix: &str, add: &str| {
        folded.strip_suffix(suffix).filter(|b| b.len() >= 3).map(|b| format!("{b}{add}"))
    };
    forms.extend(
        [
            strip("ies", "y"),
            strip("es", ""),
            strip("s", ""),
            strip("ied", "y"),
            strip("ed", ""),
            strip("ed", "e"),
            strip("ing", ""),
            strip("ing", "e"),
        ]
        .into_iter()
        .flatten(),
    );
    let american: Vec<String> = forms
        .iter()
        .flat_map(|f| {
            let mut spellings = vec![f.replace("is", "iz"), f.replace("our", "or")];
            spellings.extend(BRITISH_ENDINGS.iter().filter_map(|(british, american)| {
                f.strip_suffix(british).filter(|b| b.len() >= 3).map(|b| format!("{b}{american}"))
            }));
            spellings
        })
        .filter(|f| !forms.contains(f))
        .collect();
    forms.extend(american);
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An English entry that maps to a word only one letter uses (a rare compound of its
    /// own) is tuning to that letter: every target must be a general Dutch word. Multi-word
    /// English terms may name a compound (`welfare state` → `verzorgingsstaat`).
    #[test]
    fn english_glossary_maps_to_general_dutch_words() {
        let file: GlossaryFile = toml::from_str(GLOSSARY).unwrap();
        let lexicon = crate::text::lexicon::Lexicon::default();
        let mut letter_words = Vec::new();
        for (english, dutch) in &file.en {
            for word in dutch.iter().flat_map(|d| d.split([' ', '-'])).map(fold) {
                let general = lexicon.contains(&word)
                    && (english.contains(' ') || lexicon.zipf(&word, crate::i18n::Language::Dutch) >= 2.5);
                if !general {
                    letter_words.push(format!("{english} → {word}"));
                }
            }
        }
        assert!(letter_words.is_empty(), "not general Dutch words: {letter_words:?}");
    }

    /// A Dutch function adverb (`weer`, again) is not the translation of a noun it also
    /// spells (`weather`): it would match the adverb in every letter (see
    /// `tools/build-wordnet-data.py`).
    #[test]
    fn a_function_adverb_is_no_translation_of_a_noun_it_spells() {
        let g = Glossary::new(&Analyzer::default());
        let weather = g.english("weather").unwrap_or_default();
        assert!(!weather.contains(&"weer"), "weather → {weather:?}");
    }

    #[test]
    fn a_plural_with_a_sense_of_its_own_keeps_its_singulars_translations() {
        let g = Glossary::new(&Analyzer::default());
        let roads = g.english("roads").unwrap();
        assert!(roads.contains(&"weg") && roads.contains(&"rede"), "{roads:?}");
    }

    /// `apply` → `gelden` shares its stem with `geld` (money), whose synonym is `middelen`:
    /// a translation takes the synonyms of the glossary's word only when it is that word.
    #[test]
    fn a_translation_takes_no_synonyms_of_another_word_with_its_stem() {
        let analyzer = Analyzer::default();
        let g = Glossary::new(&analyzer);
        let middel = analyzer.stem("middelen");
        let synonyms = |word: &str| g.dutch_of_translation(word, &analyzer.stem(word)).unwrap_or_default().to_vec();
        assert_eq!(analyzer.stem("gelden"), analyzer.stem("geld"), "the stems this guards against meet");
        assert!(synonyms("geld").contains(&middel), "{:?}", synonyms("geld"));
        assert!(synonyms("gelden").is_empty(), "{:?}", synonyms("gelden"));
        assert!(synonyms("inwoner").contains(&analyzer.stem("mensen")), "a listed plural's singular keeps them");
    }

    /// Irregular forms (WordNet's exception lists) find their base form's translations, after
    /// their own: `kept` is `keep`, `felt` is `vilt` and `feel`.
    #[test]
    fn an_irregular_english_form_finds_its_base_forms_translations() {
        let g = Glossary::new(&Analyzer::default());
        assert_eq!(g.english("kept"), g.english("keep"));
        assert_eq!(g.english("children"), g.english("child"));
        let felt = g.english("felt").unwrap();
        assert_eq!(felt[0], "vilt", "its own entry first: {felt:?}");
        assert!(g.english("feel").unwrap().iter().all(|d| felt.contains(d)), "{felt:?}");
    }

    #[test]
    fn a_regular_comparative_finds_its_adjectives_translations_and_a_word_in_er_keeps_its_own() {
        let g = Glossary::new(&Analyzer::default());
        // A doubled letter of more than one byte is undoubled whole (no panic on `ßßer`).
        assert!(comparative_bases("xßßer").contains(&"xß".to_string()));
        for (comparative, adjective) in [("cheaper", "cheap"), ("cheapest", "cheap"), ("bigger", "big"), ("nicer", "nice")] {
            assert_eq!(g.english(comparative), g.english(adjective), "{comparative}");
        }
        let number = g.english("number").unwrap();
        assert!(!number.contains(&"verdoofd"), "a word with its own translation is no comparative: {number:?}");
    }

    /// Everyday words whose first wordnet senses carry no Dutch word, or not the everyday
    /// one (`rely`: `bouwen`, `leunen`), have a hand entry.
    #[test]
    fn everyday_words_have_their_dutch_words() {
        let g = Glossary::new(&Analyzer::default());
        let table = [
            ("different", "verschillend"),
            ("small", "klein"),
            ("necessary", "nodig"),
            ("rich", "rijk"),
            ("rely", "beroep"),
            ("impose", "opleggen"),
            ("fall short", "tekortschieten"),
            ("go down", "dalen"),
            ("spending", "uitgaven"),
            ("crowd out", "verdringen"),
            ("smother", "smoren"),
            ("level", "niveau"),
            ("join in", "meedoen"),
        ];
        for (english, dutch) in table {
            assert!(g.english(english).is_some_and(|d| d.contains(&dutch)), "{english}");
        }
    }

    /// A phrasal verb of the hand entries is found in any form of its verb; the generated
    /// table's phrases only as typed (`are sick` is not its `be sick`, to vomit).
    #[test]
    fn a_phrasal_verb_is_found_in_any_form_of_its_verb() {
        let g = Glossary::new(&Analyzer::default());
        for typed in ["work together", "works together", "working together", "worked together"] {
            assert_eq!(g.english(typed), Some(vec!["samenwerken"]), "{typed}");
        }
        assert_eq!(g.english("went up"), Some(vec!["stijgen"]));
        assert_eq!(g.english("are sick"), None);
    }

    /// The generated tables are read at their first use, or when warmed (a reload warms its
    /// new index's before it serves).
    #[test]
    fn tables_are_read_at_first_use_or_when_warmed() {
        let g = Glossary::new(&Analyzer::default());
        assert!(g.generated.lines.get().is_none() && g.wordnet.lines.get().is_none());
        g.warm();
        assert!([&g.generated, &g.irregular, &g.wordnet].iter().all(|t| t.lines.get().is_some_and(|l| !l.is_empty())));
    }

    /// The translations hold adjectives and verbs as well as nouns: the Dutch wordnets name
    /// synsets by the byte offsets of Princeton's own WordNet 3.0 files, and a build from
    /// files whose glosses were edited since (Debian's) found most adjective and verb synsets
    /// under other offsets and left those words untranslated (`lonely`) or with a noun's words
    /// only (`feel`: `gevoel`, not `voelen`).
    #[test]
    fn adjectives_and_verbs_have_their_translations() {
        let g = Glossary::new(&Analyzer::default());
        for (english, dutch) in [("lonely", "eenzaam"), ("feel", "voelen"), ("attack", "aanvallen"), ("hear", "horen")] {
            let translations = g.english(english).unwrap_or_default();
            assert!(translations.contains(&dutch), "{english}: {translations:?}");
        }
    }

    /// A Dutch frame word (`lezen`, `weten`) is a function word only in a question's frame,
    /// so it is a translation like any other (`tools/build-wordnet-data.py`).
    #[test]
    fn a_dutch_frame_word_is_a_translation() {
        let g = Glossary::new(&Analyzer::default());
        for (english, dutch) in [("reading", "lezen"), ("know", "weten"), ("hear", "horen")] {
            let translations = g.english(english).unwrap_or_default();
            assert!(translations.contains(&dutch), "{english}: {translations:?}");
        }
    }

    /// Every inflection of a word finds its wordnet synonyms (they are keyed by stem), and
    /// every line of the file names a word and at least one synonym.
    #[test]
    fn wordnet_synonyms_are_found_by_stem() {
        let analyzer = Analyzer::default();
        let g = Glossary::new(&analyzer);
        for form in ["handleiding", "handleidingen"] {
            let synonyms = g.wordnet_synonyms(&analyzer.stem(form), &analyzer);
            assert!(synonyms.contains(&"handboek"), "{form}: {synonyms:?}");
        }
        let lines = WORDNET_SYNONYMS.lines().filter(|l| !l.starts_with('#'));
        let malformed: Vec<&str> = lines.filter(|l| l.split('\t').filter(|w| !w.is_empty()).count() < 2).collect();
        assert!(malformed.is_empty(), "lines without a synonym: {malformed:?}");
    }

    #[test]
    fn data_files_parse() {
        let analyzer = Analyzer::default();
        let g = Glossary::new(&analyzer);
        assert_eq!(g.english("governments").unwrap()[0], "overheid");
        assert_eq!(g.english("intervened").unwrap()[0], "hinderen", "generated, in the wordnet's order");
        assert_eq!(g.english("neighbourhoods").unwrap(), ["buurt", "wijk"], "plural falls back");
        assert_eq!(g.english("welfare state").unwrap(), ["verzorgingsstaat"]);
        for (english, dutch) in [
            ("institutions", "institutie"),
            ("directly", "direct"),
            ("intervene", "intervenieren"),
            ("innovative", "innovatief"),
            ("quality", "kwaliteit"),
            ("formally", "formeel"),
            ("democracy", "democratie"),
            ("frequency", "frequentie"),
        ] {
            assert!(g.cognates(english).iter().any(|c| c == dutch), "{english}: {:?}", g.cognates(english));
        }
        assert!(!g.cognates("policy").iter().any(|c| c == "politie"), "a false friend: policy is no police");
        assert!(g.english("organised").unwrap().contains(&"organiseren"), "British spelling, past tense");
        for (british, american) in
            [("programme", "program"), ("centre", "center"), ("catalogue", "catalog"), ("defence", "defense"), ("analyse", "analyze"), ("travelled", "travel")]
        {
            assert_eq!(g.english(british), g.english(american), "{british} is spelt {american} in the wordnets");
        }
        assert!(!english_base_forms("good").contains(&"goo".to_string()), "a final -d alone is no past tense");
        assert_eq!(g.dutch(&analyzer.stem("buurten")).unwrap(), [analyzer.stem("wijk")], "looked up by stem");
        // `rekenen op` is to rely on; `een ieder` is everyone.
        assert!(g.dutch(&analyzer.stem("rekenen")).unwrap().contains(&analyzer.stem("beroep")));
        assert!(g.dutch(&analyzer.stem("iedereen")).unwrap().contains(&analyzer.stem("ieder")));
    }
}

//! Dutch word analysis: stop words, stemming (Kraaij-Pohlmann with an override list),
//! compound splitting and OCR aliases. Documents and questions go through the same
//! [`Analyzer`], so a word in a question and the same word in a passage meet on equal terms.

use std::borrow::Cow;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::chat::ChatWords;
use super::infix;
use super::lexicon::Lexicon;
use super::morphology;
use crate::i18n::Language;

const STOPWORDS_NL: &str = include_str!("../../data/stopwords-nl.txt");
const STOPWORDS_EN: &str = include_str!("../../data/stopwords-en.txt");
const ARTICLE_NOUNS_NL: &str = include_str!("../../data/article-nouns-nl.txt");
const STEM_OVERRIDES: &str = include_str!("../../data/stem-overrides.txt");
/// Dutch adjective lemmas (`tools/build-adjectives.py`, spaCy's lookup tables).
const ADJECTIVES_NL: &str = include_str!("../../data/adjectives-nl.txt");
/// Dutch comparatives and superlatives with their adjective (`tools/build-comparatives.py`,
/// spaCy's lookup tables).
const COMPARATIVES_NL: &str = include_str!("../../data/comparatives-nl.txt");
/// Irregular inflections with their lemma, where the stemmer separates the two (`liepen` →
/// `lopen`, `steden` → `stad`, `paden` → `pad`; `tools/build-lemmas.py`, see data/README.md).
const LEMMAS_NL: &str = include_str!("../../data/lemmas-nl.txt");

/// Longest word, in characters, that gets compound splitting, OCR aliases or typo
/// correction: the work those take grows with the word's length (typo candidates with its
/// square), and no Dutch or English word of a letter comes near it (Dutch's famous long
/// compounds have about 30 letters). Longer words are still indexed and matched exactly.
pub const MAX_ANALYSED_WORD_CHARS: usize = 40;
/// Words shorter than this are not split as compounds.
const MIN_COMPOUND_LEN: usize = 8;
/// Words shorter than this get no OCR alias: short words have too many neighbours.
const MIN_OCR_LEN: usize = 7;

/// The analysed forms of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordForms {
    /// Folded surface form.
    pub folded: String,
    /// Stem of the folded form.
    pub stem: String,
    /// Stems of the compound parts, empty when the word does not split.
    pub part_stems: Vec<String>,
}

pub struct Analyzer {
    stemmer: frostem::Stemmer,
    stopwords: rustc_hash::FxHashSet<String>,
    /// Stop words that are a noun or pronoun after an article (see
    /// [`Analyzer::is_noun_after_article`]).
    article_nouns: HashSet<String>,
    english_function_words: HashSet<String>,
    dutch_function_words: HashSet<String>,
    overrides: HashMap<String, String>,
    adjectives: rustc_hash::FxHashSet<String>,
    /// Comparative or superlative → its adjective (`groener` → `groen`).
    degrees: rustc_hash::FxHashMap<String, String>,
    /// Irregular inflection → its lemma (`liepen` → `lopen`), borrowed from the compiled-in
    /// file, so start-up allocates no string per line.
    lemmas: rustc_hash::FxHashMap<&'static str, &'static str>,
    lexicon: Lexicon,
    chat: ChatWords,
}

impl Default for Analyzer {
    fn default() -> Self {
        let chat = ChatWords::default();
        let english: HashSet<String> = words_of(STOPWORDS_EN)
            .map(String::from)
            .chain(chat.english_function_words.iter().cloned())
            .collect();
        let dutch: HashSet<String> = words_of(STOPWORDS_NL)
            .map(String::from)
            .chain(chat.dutch_function_words.iter().cloned())
            .collect();
        // Frame words are content outside a question's frame (`ChatWords::frames`), and Dutch
        // verbs of wanting when they want something (`ChatWords::wanting`), so no stop words;
        // they still tell the language.
        let stopwords = english
            .union(&dutch)
            .filter(|w| !chat.is_frame_word(w) && !chat.is_dutch_volition_word(w))
            .cloned()
            .collect();
        let english = english.into_iter().chain(chat.english_frame_words.iter().cloned()).collect();
        let dutch = dutch.into_iter().chain(chat.dutch_frame_words.iter().cloned()).collect();
        Analyzer {
            stemmer: frostem::Stemmer::new(frostem::Algorithm::Dutch),
            stopwords,
            article_nouns: words_of(ARTICLE_NOUNS_NL).map(String::from).collect(),
            english_function_words: english,
            dutch_function_words: dutch,
            overrides: pairs_of(STEM_OVERRIDES),
            adjectives: words_of(ADJECTIVES_NL).map(String::from).collect(),
            degrees: pairs_of(COMPARATIVES_NL),
            lemmas: lemma_pairs(LEMMAS_NL).into_iter().collect(),
            lexicon: Lexicon::default(),
            chat,
        }
    }
}

/// The `form lemma` lines of `data/lemmas-nl.txt`, borrowed: the file is written without
/// comments, each form once (a test checks both), so start-up only splits its lines.
fn lemma_pairs(text: &'static str) -> Vec<(&'static str, &'static str)> {
    text.lines().filter_map(|line| line.split_once(' ')).collect()
}

/// The first two words of each line of a data file (`word replacement`).
fn pairs_of<M: FromIterator<(String, String)>>(text: &str) -> M {
    text.lines()
        .filter_map(|line| {
            let mut it = words_of(line);
            Some((it.next()?.to_string(), it.next()?.to_string()))
        })
        .collect()
}

/// Whitespace-separated words of a data file, without `#` comments.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.lines().flat_map(|line| line.split('#').next().unwrap_or("").split_whitespace())
}

impl Analyzer {
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Chat abbreviations and message furniture (questions only).
    pub fn chat(&self) -> &ChatWords {
        &self.chat
    }

    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// Guesses the language of a question from its function words: English only when more
    /// of its words are English-only function words than Dutch-only ones.
    pub fn guess_language<'a>(&self, folded_words: impl IntoIterator<Item = &'a str>) -> Language {
        let (mut english, mut dutch) = (0, 0);
        for word in folded_words {
            let en = self.english_function_words.contains(word);
            let nl = self.dutch_function_words.contains(word);
            english += usize::from(en && !nl);
            dutch += usize::from(nl && !en);
        }
        if english > dutch {
            Language::English
        } else {
            Language::Dutch
        }
    }

    /// A word worth searching for: not a stop word, and not a lone letter.
    pub fn is_content_word(&self, folded: &str) -> bool {
        // Two characters at least: five bytes always hold two (a character takes four at most).
        (folded.len() > 4 || folded.chars().nth(1).is_some()) && !self.is_stopword(folded)
    }

    /// Whether the word is a Dutch adjective with its attributive `-e` (`buitenlandse`,
    /// `lokale`, `oudere`): before a noun it says which, the noun is what is meant.
    pub fn is_inflected_adjective(&self, folded: &str) -> bool {
        let Some(without_e) = folded.strip_suffix('e') else { return false };
        self.degree_of(folded).is_some()
            || morphology::closed_syllables(without_e)
                .into_iter()
                .chain([without_e.to_string()])
                .any(|base| self.adjectives.contains(&base))
    }

    /// Whether the word is a Dutch adjective in its base form (`landelijk`, `sociaal`).
    pub fn is_adjective(&self, folded: &str) -> bool {
        self.adjectives.contains(folded)
    }

    pub fn stem(&self, folded: &str) -> String {
        match self.lemmas.get(folded) {
            Some(lemma) => self.stem_without_lemmas(lemma),
            None => match self.separable_participle_stem(folded) {
                Some(stem) => stem,
                None => self.stem_without_lemmas(self.apostrophe_plural(folded).unwrap_or(folded)),
            },
        }
    }

    /// The stem of a separable verb's participle whose stem the stemmer misses (`uitgekozen`
    /// as `uitkiezen`, `aangenomen` as `aannemen`): a particle, then a participle the verb
    /// analysis knows (`gekozen` → `kies`), joined as the verb's stem.
    fn separable_participle_stem(&self, folded: &str) -> Option<String> {
        let at = folded.find("ge").filter(|&at| at > 0)?;
        let (particle, participle) = folded.split_at(at);
        if !infix::is_particle(particle) {
            return None;
        }
        let base = morphology::verb_stem(&self.lexicon, participle).filter(|base| !base.starts_with("ge"))?;
        Some(format!("{particle}{base}"))
    }

    /// Whether a stop word is a noun or pronoun here: right after `de`, `der` or `een` (`hulp
    /// van *de staat*`, `voor *een ieder*`), where no verb form or determiner can stand.
    pub fn is_noun_after_article(&self, previous: &str, folded: &str) -> bool {
        matches!(previous, "de" | "der" | "een") && self.article_nouns.contains(folded)
    }

    /// The separable verb of a te-infinitive written apart (`in te richten` → `inrichten`,
    /// `mee te doen` → `meedoen`): `particle` and `verb` joined, when `verb` is an infinitive
    /// and the lexicon holds the joined verb. Not after `om`, which before `te` opens a
    /// clause of purpose (`om te gaan` is rarely `omgaan`).
    pub fn separable_infinitive(&self, particle: &str, verb: &str) -> Option<String> {
        if particle == "om" || !infix::is_particle(particle) || !verb.ends_with("en") {
            return None;
        }
        let joined = format!("{particle}{verb}");
        self.lexicon.contains(&joined).then_some(joined)
    }

    /// The stem of the verb an agent noun is made from (`gebruikers` → `gebruik`), see
    /// [`morphology::agent_noun_verb`].
    pub fn agent_noun_verb(&self, folded: &str) -> Option<String> {
        morphology::agent_noun_verb(&self.lexicon, folded).map(|infinitive| self.stem(&infinitive))
    }

    /// The stem of the adjective a negated one is made from (`ongezond` → `gezond`,
    /// `onveilige` → `veilig`): a word in `on-` that is an adjective, as its rest is. Who asks
    /// whether something is unhealthy asks about a letter's `gezondheid`.
    pub fn negated_adjective(&self, folded: &str) -> Option<String> {
        let rest = folded.strip_prefix("on")?;
        let adjective = |w: &str| self.adjectives.contains(w) || self.is_inflected_adjective(w);
        (adjective(folded) && adjective(rest)).then(|| self.stem(rest))
    }

    /// The singular of a plural typed without its apostrophe (`risicos`, `euros`, `autos` for
    /// `risico's`, ...): Dutch writes `'s` after a final a, i, o, u or y, and chat drops the
    /// apostrophe. Only a word the lexicon does not hold, whose singular it does.
    fn apostrophe_plural<'a>(&self, folded: &'a str) -> Option<&'a str> {
        let singular = folded.strip_suffix('s').filter(|w| w.ends_with(['a', 'i', 'o', 'u', 'y']))?;
        (!self.lexicon.contains(folded) && self.lexicon.contains(singular)).then_some(singular)
    }

    /// The analyzer without its table of irregular inflections: the stemmer's own view, from
    /// which `tools/build-lemmas.py`'s candidates are filtered (`examples/lemma_filter.rs`).
    #[cfg(feature = "internals")]
    pub fn without_lemmas(mut self) -> Self {
        self.lemmas.clear();
        self
    }

    /// The stem of a word as written, or of the lemma [`Analyzer::stem`] looked up for it.
    fn stem_without_lemmas(&self, folded: &str) -> String {
        if let Some(stem) = self.overrides.get(folded) {
            return stem.clone();
        }
        if let Some(adjective) = self.degree_of(folded) {
            return self.overrides.get(adjective).cloned().unwrap_or_else(|| self.stem_of_base(adjective));
        }
        if folded.chars().any(|c| c.is_ascii_digit()) {
            return folded.to_string();
        }
        let stem = match infix::marked(folded) {
            Some(marked) => Cow::Owned(infix::unmarked(&self.stemmer.stem(&marked))),
            None => self.stemmer.stem(folded),
        };
        match self.uninflected(folded, &stem).or_else(|| morphology::verb_stem(&self.lexicon, folded)) {
            Some(base) => self.overrides.get(&base).cloned().unwrap_or_else(|| self.stem_of_base(&base)),
            None => match self.loanword_plural(folded, &stem) {
                Some(singular) => singular.to_string(),
                None => match morphology::agent_noun(folded, &stem) {
                    Some(agent) => agent.to_string(),
                    None => morphology::with_own_ge(&self.lexicon, folded, stem.into_owned()),
                },
            },
        }
    }

    /// The singular of an English loanword's plural in `-es` (`coaches` → `coach`,
    /// `buurtsportcoaches` → `buurtsportcoach`), whose `-e` the stemmer leaves on: when the
    /// lexicon holds the word without `-es` (or its parts) and not without `-s`.
    fn loanword_plural<'a>(&self, folded: &'a str, stem: &str) -> Option<&'a str> {
        // English adds `-es` after a sibilant only (`coach`, `crash`, `box`, `business`).
        let singular = folded.strip_suffix("es").filter(|w| ["ch", "sh", "x", "ss", "zz"].iter().any(|e| w.ends_with(e)))?;
        let without_s = &folded[..folded.len() - 1];
        let known = |w: &str| self.lexicon.contains(w) || self.split_compound(w).is_some();
        (stem == without_s && !known(without_s) && known(singular)).then_some(singular)
    }

    /// The adjective a comparative or superlative is formed from, also when it is inflected
    /// (`groener`, `groenere` → `groen`).
    fn degree_of(&self, folded: &str) -> Option<&String> {
        self.degrees.get(folded).or_else(|| self.degrees.get(folded.strip_suffix('e')?))
    }

    fn stem_of_base(&self, base: &str) -> String {
        morphology::with_own_ge(&self.lexicon, base, self.stemmer.stem(base).into_owned())
    }

    /// The word without the inflectional `-e` the stemmer leaves on, by the spelling rules
    /// of Dutch adjective inflection (`kleine` → `klein`, `dikke` → `dik`, `grote` → `groot`,
    /// `brave` → `braaf`, `boze` → `boos`): when the stem still ends in `e` and the word so
    /// undone is a Dutch adjective (`zone` is not an inflected `zoon`).
    fn uninflected(&self, folded: &str, stem: &str) -> Option<String> {
        // The stemmer leaves the `-e` on, or takes it off and leaves the syllable short
        // (`sociale` → `social`, where the adjective is `sociaal`).
        let without_e = folded.strip_suffix('e').filter(|w| stem.ends_with('e') || stem == *w)?;
        morphology::closed_syllables(without_e)
            .into_iter()
            .chain([without_e.to_string()])
            .find(|base| self.adjectives.contains(base))
    }

    /// Surface, stem and compound parts of a folded word. An irregular inflection splits
    /// only when its lemma does, and then as its lemma (`zwakkeren` is `zwak`, no `zwak` +
    /// `keren`).
    pub fn forms(&self, folded: &str) -> WordForms {
        let part_stems = self
            .split_compound(folded)
            .and_then(|parts| match self.lemmas.get(folded).copied().or_else(|| self.overrides.get(folded).map(String::as_str)) {
                Some(lemma) => self.split_compound(lemma),
                None => Some(parts),
            })
            .map(|parts| parts.iter().map(|p| self.stem(p)).collect())
            .unwrap_or_default();
        WordForms { folded: folded.to_string(), stem: self.stem(folded), part_stems }
    }

    /// The compound an elision hyphen leaves unsaid (`wet-` in `wet- en regelgeving` is
    /// `wetgeving`): `modifier` joined to the longest head of `compound` (at least three
    /// letters) that makes a Dutch word; else to the head of `compound`'s own split, unless
    /// it is an adjective (`cultuur-` before `muziekverenigingen`). `None` when neither is
    /// found (`Basis- en Voortgezet onderwijs`: the head comes in the next word).
    pub fn elided_compound(&self, modifier: &str, compound: &str) -> Option<String> {
        if !compound.is_ascii() || compound.len() > MAX_ANALYSED_WORD_CHARS {
            return None;
        }
        let whole = |head: &str| format!("{modifier}{head}");
        (1..compound.len().saturating_sub(2))
            .map(|cut| whole(&compound[cut..]))
            .find(|w| self.lexicon.contains(w))
            .or_else(|| {
                // `voortgezet` splits as `voort|gezet`, but an adjective is no compound noun.
                if self.adjectives.contains(compound) {
                    return None;
                }
                let parts = self.split_compound(compound)?;
                let head = parts.last().filter(|head| parts.len() >= 2 && compound.ends_with(head.as_str()))?;
                Some(whole(head))
            })
    }

    fn split_compound(&self, folded: &str) -> Option<Vec<String>> {
        let length = folded.chars().count();
        if !(MIN_COMPOUND_LEN..=MAX_ANALYSED_WORD_CHARS).contains(&length) {
            return None;
        }
        let parts = self.lexicon.split_compound(folded, &|w| self.is_stopword(w))?;
        Some(parts.into_iter().filter(|p| self.is_content_word(p)).collect())
    }

    /// The real word behind an OCR slip in a document (`horziontale` → `horizontale`), and
    /// the roman numeral behind `1l`/`Il`/`ll` (`Handelingen 1l` is `Handelingen II`).
    pub fn ocr_alias(&self, folded: &str) -> Option<String> {
        let roman_look_alike = folded.len() >= 2
            && folded.chars().all(|c| matches!(c, '1' | 'l' | 'i'))
            && folded.chars().any(|c| c == '1' || c == 'l');
        if roman_look_alike && folded.len() <= 3 && folded.contains('1') {
            return Some("i".repeat(folded.len()));
        }
        if folded.chars().any(|c| c.is_ascii_digit()) || folded.chars().count() > MAX_ANALYSED_WORD_CHARS {
            return None;
        }
        self.lexicon.ocr_neighbour(folded, MIN_OCR_LEN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_keep_lemmas_together_and_away_from_stop_words() {
        let a = Analyzer::default();
        assert_eq!(a.stem("overheid"), a.stem("overheden"));
        assert_ne!(a.stem("overheid"), "over");
        assert_eq!(a.stem("mens"), a.stem("mensen"));
        assert_eq!(a.stem("inbraken"), a.stem("inbraak"));
        // Two lemmas the stemmer merged: a gift (`giften`) is not poison (`gif`, `giftig`).
        assert_eq!(a.stem("giften"), a.stem("gift"));
        assert_ne!(a.stem("gift"), a.stem("gif"));
        assert_ne!(a.stem("giften"), a.stem("giftig"));
    }

    #[test]
    fn a_noun_in_end_is_no_participle_of_another_word() {
        let a = Analyzer::default();
        // `-end` is taken off a present participle (`lopend` → `loop`), but a weekend is no week.
        assert_ne!(a.stem("weekend"), a.stem("week"));
        assert_eq!(a.stem("weekends"), a.stem("weekend"));
        assert_ne!(a.stem("backend"), a.stem("back"));
        assert_eq!(a.stem("lopend"), a.stem("lopen"), "a participle still meets its verb");
    }

    #[test]
    fn a_long_vowel_word_is_not_the_short_vowel_word_beside_it() {
        let a = Analyzer::default();
        // Stealing is not putting, buying is no head, knowing is no law.
        for (long, short) in [("stelen", "stellen"), ("gestolen", "stellen"), ("kopen", "koppen"), ("weten", "wetten")] {
            assert_ne!(a.stem(long), a.stem(short), "{long} / {short}");
        }
        for (form, lemma) in [("steelt", "stelen"), ("koopt", "kopen"), ("kocht", "kopen"), ("wist", "weten")] {
            assert_eq!(a.stem(form), a.stem(lemma), "{form} / {lemma}");
        }
    }

    #[test]
    fn a_common_word_is_not_stemmed_as_a_common_word_of_another_meaning() {
        let a = Analyzer::default();
        // A face is no view, violence no `wel`, a value no `waar`, known no brook, wrong no traffic.
        for (word, other) in [
            ("gezicht", "zicht"),
            ("geweld", "wel"),
            ("geloven", "lef"),
            ("waarde", "waar"),
            ("bekend", "beek"),
            ("verkeerd", "verkeer"),
            ("huidige", "huid"),
            ("markt", "mark"),
            ("wijzigen", "wijs"),
            ("soms", "som"),
            ("buiten", "buit"),
            ("langs", "lang"),
            ("plaats", "plaat"),
            ("gezonde", "zon"),
            ("geldt", "geld"),
            ("stelsel", "stellen"),
            ("raadsel", "raad"),
            ("ijssel", "ijs"),
        ] {
            assert_ne!(a.stem(word), a.stem(other), "{word} / {other}");
        }
        let inflected = [
            ("gezichten", "gezicht"),
            ("gelooft", "geloven"),
            ("wijziging", "gewijzigd"),
            ("waarden", "waarde"),
            ("leden", "lid"),
            ("stelsels", "stelsel"),
        ];
        for (form, lemma) in inflected {
            assert_eq!(a.stem(form), a.stem(lemma), "{form} / {lemma}");
        }
    }

    /// A word whose stem the overrides give splits as a compound only as that stem does: the
    /// plural `gemeenten` is no `gemeen|ten`, `stelsels` no `stel|s|els`, while `kamerleden`
    /// still splits as `kamerlid`.
    #[test]
    fn an_overridden_word_splits_only_as_its_stem_does() {
        let a = Analyzer::default();
        assert!(a.forms("gemeenten").part_stems.is_empty());
        assert!(a.forms("stelsels").part_stems.is_empty());
        assert_eq!(a.forms("kamerleden").part_stems, [a.stem("kamer"), a.stem("lid")]);
    }

    #[test]
    fn an_inflected_adjective_has_its_lemmas_stem_and_a_noun_in_e_keeps_its_own() {
        let a = Analyzer::default();
        for (inflected, lemma) in
            [("kleine", "klein"), ("nieuwe", "nieuw"), ("dikke", "dik"), ("grote", "groot"), ("brave", "braaf"), ("boze", "boos")]
        {
            assert_eq!(a.stem(inflected), a.stem(lemma), "{inflected}");
        }
        // An `a` after `i` or `e` is a syllable of its own, so it is long: `sociale` is `sociaal`.
        for (inflected, lemma) in [("sociale", "sociaal"), ("speciale", "speciaal"), ("ideale", "ideaal"), ("koude", "koud")] {
            assert_eq!(a.stem(inflected), a.stem(lemma), "{inflected}");
            assert!(a.is_inflected_adjective(inflected), "{inflected}");
        }
        assert!(!a.is_inflected_adjective("zone") && !a.is_inflected_adjective("klein"));
        for (noun, other) in [("zone", "zoon"), ("dame", "dam"), ("mate", "maat")] {
            assert_ne!(a.stem(noun), a.stem(other), "{noun}");
        }
    }

    #[test]
    fn a_comparative_or_superlative_has_its_adjectives_stem_and_a_word_of_its_own_keeps_its_own() {
        let a = Analyzer::default();
        let degrees = [("groener", "groen"), ("groenere", "groen"), ("grootste", "groot"), ("goedkoper", "goedkoop")];
        for (degree, adjective) in degrees.into_iter().chain([("duurder", "duur"), ("slimmer", "slim"), ("mondiger", "mondig")]) {
            assert_eq!(a.stem(degree), a.stem(adjective), "{degree}");
        }
        for (word, other) in [("lekker", "lek"), ("ouder", "oud"), ("dichter", "dicht"), ("leger", "leeg")] {
            assert_ne!(a.stem(word), a.stem(other), "{word}");
        }
    }

    #[test]
    fn an_irregular_inflection_has_its_lemmas_stem_and_a_participle_or_a_lemma_keeps_its_own() {
        let a = Analyzer::default();
        let irregular = [("liepen", "lopen"), ("steden", "stad"), ("paden", "pad"), ("fietspaden", "fietspad")];
        for (form, lemma) in irregular.into_iter().chain([("kansje", "kans")]) {
            assert_eq!(a.stem(form), a.stem(lemma), "{form}");
        }
        // A participle (`meegedaan`) and a form that is a lemma of its own (`wegen`, to weigh).
        for (form, other) in [("meegedaan", "meedoen"), ("wegen", "weg")] {
            assert_ne!(a.stem(form), a.stem(other), "{form}");
        }
    }

    #[test]
    fn a_separable_verbs_strong_participle_has_the_verbs_stem() {
        let a = Analyzer::default();
        for (participle, infinitive) in
            [("uitgekozen", "uitkiezen"), ("aangenomen", "aannemen"), ("afgesproken", "afspreken"), ("toegelaten", "toelaten")]
        {
            assert_eq!(a.stem(participle), a.stem(infinitive), "{participle}");
        }
        // A word whose `ge` follows no particle is no participle of one.
        assert_eq!(a.stem("begeleiding"), "begeleid");
    }

    #[test]
    fn the_lemma_file_is_sorted_pairs_of_words() {
        let pairs = lemma_pairs(LEMMAS_NL);
        assert_eq!(pairs.len(), LEMMAS_NL.lines().count(), "one pair per line, no comments");
        assert!(pairs.iter().all(|(form, lemma)| !form.is_empty() && !lemma.is_empty() && !lemma.contains(' ')));
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0), "sorted by form, each form once");
    }

    #[test]
    fn a_plural_typed_without_its_apostrophe_has_its_singulars_stem() {
        let a = Analyzer::default();
        for (chat, singular) in [("risicos", "risico"), ("euros", "euro"), ("autos", "auto"), ("paginas", "pagina")] {
            assert_eq!(a.stem(chat), a.stem(singular), "{chat}");
        }
        assert_ne!(a.stem("jas"), a.stem("ja"), "a word the lexicon holds is no plural of another");
    }

    #[test]
    fn an_agent_noun_in_der_keeps_apart_from_its_base() {
        let a = Analyzer::default();
        for (agent, base) in [("huurders", "huur"), ("bestuurder", "bestuur"), ("vervoerders", "vervoer")] {
            assert_eq!(a.stem(agent), a.stem(agent.strip_suffix('s').unwrap_or(agent)), "{agent}");
            assert_ne!(a.stem(agent), a.stem(base), "{agent}");
        }
    }

    #[test]
    fn compound_parts_are_stemmed_content_words() {
        let a = Analyzer::default();
        let forms = a.forms("zorgprofessionals");
        assert_eq!(forms.part_stems, [a.stem("zorg"), a.stem("professionals")]);
        assert!(a.forms("voorkomen").part_stems.is_empty(), "voor- is a separable prefix");
        assert!(a.forms("zwakkeren").part_stems.is_empty(), "an irregular inflection splits as its lemma");
    }

    #[test]
    fn a_negated_adjective_comes_from_its_adjective() {
        let a = Analyzer::default();
        assert_eq!(a.negated_adjective("ongezond"), Some(a.stem("gezond")));
        assert_eq!(a.negated_adjective("onveilige"), Some(a.stem("veilig")));
        // Not a word whose `on` opens another word, nor a noun in `on-`.
        assert_eq!(a.negated_adjective("onderwijs"), None);
        assert_eq!(a.negated_adjective("onrecht"), None);
        assert_eq!(a.negated_adjective("onder"), None);
        assert_eq!(a.negated_adjective("ontwikkeling"), None);
    }

    #[test]
    fn ocr_aliases() {
        let a = Analyzer::default();
        assert_eq!(a.ocr_alias("horziontale").as_deref(), Some("horizontale"));
        assert_eq!(a.ocr_alias("1l").as_deref(), Some("ii"));
        assert_eq!(a.ocr_alias("2013"), None);
    }

    #[test]
    fn an_overlong_word_gets_no_costly_analysis() {
        let a = Analyzer::default();
        let word = "belasting".repeat(112);
        assert!(a.forms(&word).part_stems.is_empty());
        assert_eq!(a.ocr_alias(&word), None);
    }

    #[test]
    fn an_english_plural_in_es_meets_its_singular_and_a_dutch_word_in_es_keeps_its_stem() {
        let a = Analyzer::default();
        for (plural, singular) in [("coaches", "coach"), ("buurtsportcoaches", "buurtsportcoach"), ("crashes", "crash")] {
            assert_eq!(a.stem(plural), a.stem(singular), "{plural}");
        }
        assert_ne!(a.stem("bijles"), a.stem("bijl"));
        assert_ne!(a.stem("nietes"), a.stem("niet"));
    }
}

//! From a question to what to look for: one group of alternatives per content word (its stem,
//! synonyms and translations, compound parts, typo corrections), cues for parts of the letter,
//! and the kind of answer a question word asks for.

use super::asks::{definition_word, facet_groups, focus_word, phrase_end, third_party};
use super::clauses::context_flags;
use super::glossary::Glossary;
use super::index::Index;
use super::params::*;
use super::question_types::{AnswerTypeSpec, Cue, QuestionTypes};
use crate::i18n::Language;
use crate::text::{analyzer::Analyzer, fold, numbers, tokens};

/// Separable verb particles: `mee ... doen` is asked about `meedoen`.
const PARTICLES: [&str; 10] = ["mee", "op", "aan", "af", "uit", "toe", "terug", "samen", "door", "in"];
/// Dutch articles, which a particle never joins.
const ARTICLES: [&str; 4] = ["de", "het", "een", "'t"];
/// How far after a particle its verb may stand.
const PARTICLE_REACH: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum MatchKind {
    Exact,
    CompoundPart,
    /// A Dutch synonym: a related word, so it must meet a whole word.
    Synonym,
    /// An English word's Dutch equivalent: the same word, so it may meet a compound part.
    Translation,
    Typo,
}

#[derive(Debug, Clone)]
pub struct Alternative {
    pub stem: String,
    pub weight: f32,
    pub kind: MatchKind,
}

/// One thing the asker asked about, and the index terms that would answer it.
#[derive(Debug, Clone)]
pub struct Group {
    /// The question's word (folded), for diagnostics.
    pub word: String,
    pub alternatives: Vec<Alternative>,
    /// A part of the letter this word asks for (`ondertekend` → signature).
    pub cue: Option<Cue>,
    /// How rare the word is in general language, 0..=1 (see [`rarity`]): how much it
    /// matters when the documents lack it.
    pub rarity: f32,
    /// From a clause that tells rather than asks (see [`super::clauses`]).
    pub context: bool,
    /// For a part of a compound the documents lack whole, the position of the question word
    /// it came from: the parts of one compound count fully towards coverage only together.
    pub compound: Option<usize>,
}

/// Background rarity of a word from its Zipf frequency in the question's language: `speelt`
/// (5.2) matters less than `belasting` (4.4), and an unseen word matters fully.
pub fn rarity(analyzer: &Analyzer, folded: &str, language: Language) -> f32 {
    let zipf = analyzer.lexicon().zipf(folded, language);
    ((RARITY_COMMON_ZIPF - zipf) / RARITY_SPAN).clamp(RARITY_MIN, 1.0)
}

#[derive(Debug, Clone)]
pub struct Query {
    pub groups: Vec<Group>,
    /// The groups of the word the question asks about (see `[focus]` in
    /// `data/question-types.toml`; several for a compound split into parts): an answer must
    /// come from a document that holds it.
    pub focus: Option<std::ops::Range<usize>>,
    /// The groups of the places the question names (`doet *utrecht* mee?`, from
    /// `data/places-nl.txt`): like the focus, an answer must come from a document that names
    /// them.
    pub places: Vec<usize>,
    /// For a what-is question: the stems of the word asked about, and the words after which
    /// a passage defines it (`[definition]`).
    pub definition: Option<(Vec<String>, Vec<String>)>,
    pub answer_types: Vec<AnswerTypeSpec>,
    pub language: Language,
}

impl Query {
    /// Whether the question asks only about "the letter" itself (who signed it, when, why),
    /// with no word that would tell one document from another.
    pub fn is_about_the_document_only(&self) -> bool {
        !self.groups.is_empty() && self.groups.iter().all(|g| g.cue.is_some())
    }

    /// The groups an answering passage's document must hold: the focus and the places.
    pub fn restricting_groups(&self) -> Vec<usize> {
        self.focus.clone().into_iter().flatten().chain(self.places.iter().copied()).collect()
    }

    pub fn parse(question: &str, index: &Index, glossary: &Glossary, types: &QuestionTypes) -> Query {
        let analyzer = index.analyzer();
        let chat = analyzer.chat();
        let text = chat.strip_furniture(question);
        let toks: Vec<_> = tokens(&text).into_iter().take(MAX_QUERY_WORDS).collect();
        let context = context_flags(&text, &toks, &types.clause_question_words);
        let (words, in_context): (Vec<String>, Vec<bool>) = toks
            .iter()
            .zip(context)
            .flat_map(|(t, c)| {
                let expanded =
                    chat.expand(&t.folded).map_or_else(|| vec![t.folded.clone()], <[String]>::to_vec);
                expanded.into_iter().map(move |w| (w, c))
            })
            .unzip();
        let mut typo_lookups = 0;
        let language = analyzer.guess_language(words.iter().map(String::as_str));
        let stems: Vec<String> = words.iter().map(|w| analyzer.stem(w)).collect();
        let answer_types = answer_types(&words, &stems, types, analyzer);
        let mut groups = Vec::new();
        let mut skip_next = false;
        // Words already joined to an earlier particle or verb.
        let mut used = vec![false; words.len()];
        // The groups each word produced (empty for a word joined to the one before it).
        let mut produced = vec![0..0; words.len()];
        for (i, word) in words.iter().enumerate() {
            if std::mem::take(&mut skip_next) || used[i] {
                produced[i] = produced[i.saturating_sub(1)].clone();
                continue;
            }
            let first_new_group = groups.len();
            let cue = types.kind_cues.get(&stems[i]).copied().map(Cue::kind);
            let english = language == Language::English || !analyzer.lexicon().contains(word);
            let phrase = words.get(i + 1).filter(|_| english).map(|next| format!("{word} {next}"));
            if let Some((phrase, dutch)) = phrase.and_then(|p| glossary.english(&p).map(|d| (p.clone(), d))) {
                let mut group = exact_group(phrase, language, analyzer, glossary);
                match phrase_translation(&dutch, analyzer, glossary) {
                    Some(parts) => groups.extend(parts),
                    None => {
                        group.alternatives = translated(&dutch, analyzer, glossary);
                        groups.push(group);
                    }
                }
                skip_next = true;
            } else if let Some(joined) = joined_with_next(&words, i, index) {
                groups.push(exact_group(joined, language, analyzer, glossary));
                skip_next = true;
            } else if cue.is_some() {
                let mut group = exact_group(word.clone(), language, analyzer, glossary);
                group.cue = cue;
                groups.push(group);
            } else if let Some((verb, joined)) =
                separable_verb(&words, i, index, glossary).filter(|(_, j)| !used[*j])
            {
                used[joined] = true;
                groups.push(exact_group(verb, language, analyzer, glossary));
            } else if analyzer.is_content_word(word) {
                groups.extend(word_groups(word, language, index, glossary, &mut typo_lookups));
            }
            let split = groups.len() - first_new_group > 1;
            for group in &mut groups[first_new_group..] {
                group.context = in_context[i];
                // The parts of a compound, or the words of a Dutch phrase that translates one
                // English word or phrase (`social media` → `sociale media`).
                let part = group
                    .alternatives
                    .iter()
                    .all(|a| matches!(a.kind, MatchKind::CompoundPart | MatchKind::Translation));
                group.compound = (split && part).then_some(i);
            }
            produced[i] = first_new_group..groups.len();
        }
        let content_groups = |word: usize| {
            Some(produced[word].clone())
                .filter(|r| !r.is_empty() && groups[r.clone()].iter().all(|g| g.cue.is_none()))
        };
        let focus = focus_word(&words, types, analyzer).and_then(content_groups);
        let places: Vec<usize> = (0..words.len())
            .filter(|&i| types.places.contains(&words[i]))
            .filter_map(content_groups)
            .flatten()
            .collect();
        let defined = definition_word(&words, types, analyzer).and_then(content_groups).map(|range| {
            let stems =
                groups[range].iter().flat_map(|g| g.alternatives.iter().map(|a| a.stem.clone())).collect();
            (stems, types.definition.copulas.clone())
        });
        let asking: Vec<&str> = stems
            .iter()
            .zip(&in_context)
            .filter(|(_, context)| !**context)
            .map(|(s, _)| s.as_str())
            .collect();
        let facets = facet_groups(&asking, &mut groups, types);
        let facets_empty = facets.is_empty();
        let focus = focus.filter(|_| facets_empty);
        let places = if facets_empty { places } else { Vec::new() };
        groups.extend(facets);
        let definition = defined.filter(|_| facets_empty);
        Query { groups, focus, places, definition, answer_types, language }
    }
}

/// The kinds of answer the question's words ask for. Where one type's trigger is part of a
/// longer trigger of another (`hoeveel` in `hoeveel geld`), only the longer one counts: `hoeveel
/// geld` asks for an amount in euros, not for a number next to the word `geld`.
fn answer_types(words: &[String], stems: &[String], types: &QuestionTypes, analyzer: &Analyzer) -> Vec<AnswerTypeSpec> {
    let triggered: Vec<(&AnswerTypeSpec, std::ops::RangeInclusive<usize>)> = types
        .answer_types
        .iter()
        .filter_map(|t| {
            t.triggers.iter().find_map(|trigger| {
                let end = phrase_end(words, trigger)?;
                Some((t, end + 1 - trigger.split(' ').count()..=end))
            })
        })
        .collect();
    let within_longer = |span: &std::ops::RangeInclusive<usize>| {
        triggered.iter().any(|(_, other)| {
            other != span && other.start() <= span.start() && span.end() <= other.end()
        })
    };
    triggered
        .iter()
        .filter(|(_, span)| !within_longer(span))
        .filter_map(|(t, span)| {
            if !t.third_party {
                return Some((*t).clone());
            }
            let speaker = third_party(words, *span.end(), types, analyzer)?;
            Some(AnswerTypeSpec { speaker: Some(stems[speaker].clone()), ..(*t).clone() })
        })
        .collect()
}

/// `wijk teams` → `wijkteams`: two words that the index holds joined, not both apart.
fn joined_with_next(words: &[String], i: usize, index: &Index) -> Option<String> {
    let next = words.get(i + 1)?;
    let analyzer = index.analyzer();
    let joined = format!("{}{next}", words[i]);
    let known = |w: &str| analyzer.is_content_word(w) && index.has_stem(&analyzer.stem(w));
    let both_content = analyzer.is_content_word(&words[i]) && analyzer.is_content_word(next);
    (both_content && known(&joined) && !(known(&words[i]) && known(next))).then_some(joined)
}

/// `mee ... doen` → `meedoen`, and the other order (`doen ... mee`): a particle and a verb
/// within reach of each other, joined when the index or the glossary knows the joined verb.
/// (Joining whatever the Dutch lexicon knows was measured and left out: `in de wijk` became
/// `inwijk`, `aan voorzieningen, blijven` became `aanblijven`.) Returns the joined verb and
/// the position of the word joined to `words[i]`.
fn separable_verb(words: &[String], i: usize, index: &Index, glossary: &Glossary) -> Option<(String, usize)> {
    let analyzer = index.analyzer();
    let particle_first = PARTICLES.contains(&words[i].as_str());
    let candidates: Vec<(String, usize)> = (i + 1..words.len())
        .take(PARTICLE_REACH)
        .filter(|&j| particle_first || PARTICLES.contains(&words[j].as_str()))
        // An article is never the verb: `in de` is not `inde`.
        .filter(|&j| !ARTICLES.contains(&(if particle_first { &words[j] } else { &words[i] }).as_str()))
        .map(|j| {
            let (particle, verb) =
                if particle_first { (&words[i], &words[j]) } else { (&words[j], &words[i]) };
            (format!("{particle}{verb}"), j)
        })
        .collect();
    let indexed = |(joined, _): &&(String, usize)| {
        let stem = analyzer.stem(joined);
        glossary.dutch(&stem).is_some() || index.has_stem(&stem)
    };
    let found = candidates.iter().find(indexed)?;
    Some(found.clone())
}

/// A group for a word taken as it is, with its Dutch synonyms.
fn exact_group(word: String, language: Language, analyzer: &Analyzer, glossary: &Glossary) -> Group {
    let rarity = rarity(analyzer, &word, language);
    let mut alternatives =
        vec![Alternative { stem: analyzer.stem(&word), weight: 1.0, kind: MatchKind::Exact }];
    for synonym in glossary.dutch(&alternatives[0].stem).unwrap_or_default() {
        alternatives.push(Alternative {
            stem: synonym.clone(),
            weight: GLOSSARY_WEIGHT,
            kind: MatchKind::Synonym,
        });
    }
    if let Some(other) = other_spelling_of_number(&word) {
        alternatives.push(Alternative { stem: analyzer.stem(&other), weight: 1.0, kind: MatchKind::Exact });
    }
    Group { word, alternatives, cue: None, rarity, context: false, compound: None }
}

/// A number's other spelling: digits spelled out (`20` → `twintig`) or a Dutch number word in
/// digits (`twintig` → `20`); documents write either.
fn other_spelling_of_number(word: &str) -> Option<String> {
    if word.len() <= 7 && !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return numbers::spelled(word.parse().ok()?);
    }
    numbers::value(word).map(|n| n.to_string())
}

fn glossary_alternative(word: &str, kind: MatchKind, analyzer: &Analyzer) -> Alternative {
    Alternative { stem: analyzer.stem(&fold(word)), weight: GLOSSARY_WEIGHT, kind }
}

/// The Dutch translations of an English word or phrase, then their Dutch synonyms from the
/// glossary one step further removed (`take part` → `deelnemen` → `participeren`).
fn translated(dutch: &[&str], analyzer: &Analyzer, glossary: &Glossary) -> Vec<Alternative> {
    let mut alternatives: Vec<Alternative> =
        dutch.iter().map(|d| glossary_alternative(d, MatchKind::Translation, analyzer)).collect();
    for i in 0..alternatives.len() {
        for synonym in glossary.dutch(&alternatives[i].stem).unwrap_or_default() {
            if !alternatives.iter().any(|a| &a.stem == synonym) {
                let weight = GLOSSARY_WEIGHT * GLOSSARY_WEIGHT;
                alternatives.push(Alternative { stem: synonym.clone(), weight, kind: MatchKind::Synonym });
            }
        }
    }
    alternatives
}

/// When every translation is a Dutch phrase of several words (`prime minister` →
/// `minister-president`, `social media` → `sociale media`), one group per content word of
/// the first, each a translation: the documents hold the words, not the phrase as one token.
/// `None` when some translation is one word (the phrases are then left out).
fn phrase_translation(dutch: &[&str], analyzer: &Analyzer, glossary: &Glossary) -> Option<Vec<Group>> {
    let content = |d: &str| -> Vec<String> {
        tokens(d).into_iter().map(|t| t.folded).filter(|w| analyzer.is_content_word(w)).collect()
    };
    if dutch.iter().any(|d| content(d).len() <= 1) {
        return None;
    }
    let words = content(dutch.first()?);
    let groups = words
        .into_iter()
        .map(|word| Group {
            rarity: rarity(analyzer, &word, Language::Dutch),
            alternatives: translated(&[word.as_str()], analyzer, glossary),
            word,
            cue: None,
            context: false,
            compound: None,
        })
        .collect();
    Some(groups)
}

/// The groups for one content word: usually one; one per part for a compound the index does
/// not hold whole.
fn word_groups(
    word: &str,
    language: Language,
    index: &Index,
    glossary: &Glossary,
    typo_lookups: &mut usize,
) -> Vec<Group> {
    let analyzer = index.analyzer();
    let mut group = exact_group(word.to_string(), language, analyzer, glossary);
    if index.has_stem(&group.alternatives[0].stem) || index.has_surface(word) {
        return vec![group];
    }
    if let Some(verb) = verb_without_ending_t(word, index) {
        group.alternatives.push(verb);
        return vec![group];
    }
    let is_dutch_word = analyzer.lexicon().contains(word);
    let cognates = if language == Language::English { cognates_held(word, index, glossary) } else { Vec::new() };
    let translations = glossary.english(word).filter(|_| language == Language::English || !is_dutch_word);
    if let Some(parts) = translations.as_deref().and_then(|d| phrase_translation(d, analyzer, glossary)) {
        return parts;
    }
    if translations.is_some() || !cognates.is_empty() {
        let dutch = translations.unwrap_or_default();
        group.alternatives.extend(translated(&dutch, analyzer, glossary));
        for cognate in cognates {
            if !group.alternatives.iter().any(|a| a.stem == cognate.stem) {
                group.alternatives.push(cognate);
            }
        }
        return vec![group];
    }
    // Only a word that is no word at all is taken for a slip: one that general Dutch or
    // English usage knows (a name, an English word, a word the documents lack) is meant as
    // typed, however close a word of the documents is.
    let in_general_use = |w: &str| {
        let lexicon = analyzer.lexicon();
        lexicon.zipf(w, Language::Dutch) > 0.0 || lexicon.zipf(w, Language::English) > 0.0
    };
    if !is_dutch_word && !in_general_use(word) && *typo_lookups < MAX_TYPO_LOOKUPS {
        *typo_lookups += 1;
        let typos = typo_alternatives(word, index);
        if !typos.is_empty() {
            group.alternatives.extend(typos);
            return vec![group];
        }
    }
    // An English word in an English question is not a Dutch compound (`production` is not
    // `product` + `ion`); a Dutch word in it still is (`what about wijkteams`).
    let english_word = language == Language::English && analyzer.lexicon().zipf(word, Language::English) > 0.0;
    let parts = if english_word { Vec::new() } else { analyzer.forms(word).part_stems };
    if parts.is_empty() {
        return vec![group];
    }
    parts
        .into_iter()
        .map(|stem| Group {
            word: stem.clone(),
            rarity: rarity(analyzer, &stem, Language::Dutch),
            alternatives: vec![Alternative {
                stem,
                weight: COMPOUND_PART_WEIGHT,
                kind: MatchKind::CompoundPart,
            }],
            cue: None,
            context: false,
            compound: None,
        })
        .collect()
}

/// The Dutch forms of an English loanword that the documents hold (`intervene` →
/// `interveniëren`), as translations.
fn cognates_held(word: &str, index: &Index, glossary: &Glossary) -> Vec<Alternative> {
    let analyzer = index.analyzer();
    let mut held: Vec<Alternative> = Vec::new();
    for form in glossary.cognates(word) {
        let stem = analyzer.stem(&form);
        if index.has_stem(&stem) && !held.iter().any(|a| a.stem == stem) {
            held.push(Alternative { stem, weight: GLOSSARY_WEIGHT, kind: MatchKind::Translation });
        }
    }
    held
}

/// `noemt` → `noem`: the present-tense `-t` that the stemmer leaves on some verbs, tried only
/// when the word as it is does not occur.
fn verb_without_ending_t(word: &str, index: &Index) -> Option<Alternative> {
    let base = word.strip_suffix('t').filter(|b| b.chars().count() >= 3)?;
    let stem = index.analyzer().stem(base);
    index.has_stem(&stem).then_some(Alternative { stem, weight: 1.0, kind: MatchKind::Exact })
}

/// The correction of a typed word the documents lack: the one word at the closest distance.
/// When several words are that close (`gucht`: `lucht`, `tucht`, `zucht`), the word is more
/// likely one the documents do not have than a slip, and none is taken (the chance of a
/// neighbour by accident grows with the vocabulary; the OCR rule asks the same).
fn typo_alternatives(word: &str, index: &Index) -> Vec<Alternative> {
    let candidates = index.typos.candidates(word);
    let Some(&(_, closest)) = candidates.first() else { return Vec::new() };
    let mut stems: Vec<String> =
        candidates.iter().filter(|c| c.1 == closest).map(|(w, _)| index.analyzer().stem(w)).collect();
    stems.sort_unstable();
    stems.dedup();
    match <[String; 1]>::try_from(stems) {
        Ok([stem]) => vec![Alternative {
            stem,
            weight: FUZZY_WEIGHT - FUZZY_EDIT_PENALTY * (closest - 1) as f32,
            kind: MatchKind::Typo,
        }],
        Err(_) => Vec::new(),
    }
}

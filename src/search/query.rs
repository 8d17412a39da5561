//! From a question to what to look for: one group of alternatives per content word (its stem,
//! synonyms and translations, compound parts, typo corrections), cues for parts of the letter,
//! and the kind of answer a question word asks for.

use super::negation::negated_words;
use super::alternatives::{add_synonyms_held, exact_group, phrase_translation, translated, word_groups};
use super::answer_kinds::answer_types;
use super::names::{is_unknown_name, near_held_word};
use super::asks::{
    asks_relation, asks_when, definition_word, document_topic_start, existence_owner, facet_groups, focus_word,
    told_only_in_text, view_topic,
};
use super::clauses::{context_flags, ends_clause};
use super::glossary::Glossary;
use super::index::Index;
use super::params::*;
use super::question_types::{AnswerTypeSpec, Cue, QuestionTypes};
use crate::i18n::Language;
use crate::text::separable::{is_clause_opener, DETERMINERS, PARTICLES, VERB_REACH};
use crate::text::{analyzer::Analyzer, tokens};

/// How far after a particle its verb may stand; a particle after its verb may stand as far
/// as in a document's main clause ([`VERB_REACH`]), or further when it closes the clause.
const PARTICLE_REACH: usize = 4;

/// Question words that stand before their noun, as determiners do (`op *welke* dag`).
const QUESTION_DETERMINERS: [&str; 4] = ["welke", "welk", "wiens", "wier"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum MatchKind {
    Exact,
    CompoundPart,
    /// A Dutch synonym: a related word, so it must meet a whole word.
    Synonym,
    /// A wordnet synonym of a word no document holds (`handleiding` → `handboek`): looser
    /// than a glossary synonym, so a question word it stands in for counts as held only in a
    /// passage it matches.
    Related,
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
    /// Position in the question of the word it came from (after chat abbreviations are
    /// expanded): words side by side in the question name one thing together.
    pub position: usize,
}

impl Group {
    /// Whether no document holds the word nor anything it expands to.
    pub fn held_nowhere(&self, index: &Index) -> bool {
        !self.alternatives.iter().any(|a| index.has_stem(&a.stem))
    }
}

/// Background rarity of a word from its Zipf frequency in the question's language: `speelt`
/// (5.2) matters less than `belasting` (4.4), and an unseen word matters fully.
pub fn rarity(analyzer: &Analyzer, folded: &str, language: Language) -> f32 {
    let zipf = analyzer.lexicon().zipf(folded, language);
    ((RARITY_COMMON_ZIPF - zipf) / RARITY_SPAN).clamp(RARITY_MIN, 1.0)
}

/// A what-is question's word and the signs of a passage that defines it (`[definition]`).
#[derive(Debug, Clone)]
pub struct Defined {
    /// The stems of the word asked about.
    pub stems: Vec<String>,
    /// Words after which a passage defines it (`een fietsstraat *is een* ...`).
    pub copulas: Vec<String>,
    /// Articles that make a sentence opening with the word a generic statement about it
    /// (`In *een* burgerberaad praten ...`).
    pub generic_articles: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Query {
    pub groups: Vec<Group>,
    /// The groups of the word the question asks about (see `[focus]` in
    /// `data/question-types.toml`; several for a compound split into parts): an answer must
    /// come from a document that holds it.
    pub focus: Option<std::ops::Range<usize>>,
    /// The groups of the places and countries the question names (`doet *utrecht* mee?`,
    /// from `data/places-nl.txt` and `data/countries.txt`): like the focus, an answer must
    /// come from a document that names them.
    pub places: Vec<usize>,
    /// The groups of the names no document holds (`wat doet *bergsma* met rood asfalt`, see
    /// `is_unknown_name`): like a place, an answer must come from a document that names them,
    /// so none answers.
    pub names: Vec<usize>,
    /// The groups of the topic of a view the question asks for (`wat vindt de
    /// minister-president van de *monarchie*`), or of the thing an existential question asks
    /// about (`is er subsidie voor een *buurtpreventie* groep`): like the focus, an answer must
    /// come from a document that holds it.
    pub view_topic: Vec<usize>,
    /// The groups of the one whose view is asked, when not the document's own voice (`what
    /// did the *king* say`): like the focus, an answer must come from a document that holds it.
    pub speakers: Vec<usize>,
    /// For a what-is question: the word asked about and how a passage defines it.
    pub definition: Option<Defined>,
    pub answer_types: Vec<AnswerTypeSpec>,
    pub language: Language,
    /// The groups of the words a negator reaches (`mensen *zonder* netwerk`), and the
    /// negators (empty when no group is negated); see `negation.rs`.
    pub negated: Vec<usize>,
    pub negators: Vec<String>,
}

impl Query {
    /// Whether the question asks only about "the letter" itself (who signed it, when, why),
    /// with no word that would tell one document from another: its other words are in no
    /// document (`which *mp* wanted this letter`, `wie ondertekende de brief over
    /// *windmolens*` when no letter speaks of them), so no document is the one meant.
    pub fn is_about_the_document_only(&self, index: &Index) -> bool {
        self.groups.iter().any(|g| g.cue.is_some()) && self.groups.iter().all(|g| g.cue.is_some() || g.held_nowhere(index))
    }

    /// The groups an answering passage's document must hold: the focus, the places and names,
    /// the topic of a view and the one whose view is asked.
    pub fn restricting_groups(&self) -> Vec<usize> {
        let focus = self.focus.clone().into_iter().flatten();
        let named = self.places.iter().chain(&self.names).copied();
        focus.chain(named).chain(self.view_topic.iter().copied()).chain(self.speakers.iter().copied()).collect()
    }

    pub fn parse(question: &str, index: &Index, glossary: &Glossary, types: &QuestionTypes) -> Query {
        let analyzer = index.analyzer();
        let chat = analyzer.chat();
        let text = chat.strip_furniture(question);
        let toks: Vec<_> = chat.join_elisions(&text, tokens(&text)).into_iter().take(MAX_QUERY_WORDS).collect();
        let context = context_flags(&text, &toks, &types.clause_question_words);
        let (words, flags): (Vec<String>, Vec<(bool, bool)>) = toks
            .iter()
            .zip(context.into_iter().zip(ends_clause(&text, &toks)))
            .flat_map(|(t, (c, end))| {
                let expanded =
                    chat.expand(&t.folded).map_or_else(|| vec![t.folded.clone()], <[String]>::to_vec);
                let last = expanded.len().saturating_sub(1);
                expanded.into_iter().enumerate().map(move |(k, w)| (w, (c, end && k == last)))
            })
            .unzip();
        let words: Vec<String> = words.into_iter().map(|w| question_word_meant(w, index, types)).collect();
        let (in_context, clause_final): (Vec<bool>, Vec<bool>) = flags.into_iter().unzip();
        let idiom = chat.in_function_phrase(&words);
        let frame = chat.frames(&words);
        let mut typo_lookups = 0;
        let language = analyzer.guess_language(words.iter().map(String::as_str));
        let wanting = chat.wanting(&words, language == Language::English, |w| {
            analyzer.is_content_word(w) && !chat.is_dutch_volition_word(w) && !chat.is_frame_word(w)
        });
        let stems: Vec<String> = words.iter().map(|w| analyzer.stem(w)).collect();
        let answer_types = answer_types(&words, &stems, &frame, &clause_final, types, analyzer);
        let mut groups = Vec::new();
        let mut skip_next = false;
        // Words already joined to an earlier particle or verb.
        let mut used = vec![false; words.len()];
        // The groups each word produced (empty for a word joined to the one before it).
        let mut produced = vec![0..0; words.len()];
        // A word asked again is the same word: its first groups stand for it (a message that
        // repeats a word up to the word limit asks no more, and costs no more, than once).
        let mut asked_before: std::collections::HashMap<&str, std::ops::Range<usize>> = Default::default();
        for (i, word) in words.iter().enumerate() {
            if std::mem::take(&mut skip_next) || used[i] {
                produced[i] = produced[i.saturating_sub(1)].clone();
                continue;
            }
            if let Some(range) = asked_before.get(word.as_str()) {
                // Told first and asked now (`ik las over X. wat is X?`): it is asked.
                if !in_context[i] {
                    groups[range.clone()].iter_mut().for_each(|g: &mut Group| g.context = false);
                }
                produced[i] = range.clone();
                continue;
            }
            let first_new_group = groups.len();
            // Set when the word joins a later one into a separable verb.
            let mut joined_later = false;
            let cue = types.kind_cues.get(&stems[i]).copied().map(Cue::kind);
            let english = language == Language::English || !analyzer.lexicon().contains(word);
            // A phrase of function words only (`do it`, `get in`) is mostly meant word by word.
            let phrase = words
                .get(i + 1)
                .filter(|next| english && (analyzer.is_content_word(word) || analyzer.is_content_word(next)))
                .map(|next| format!("{word} {next}"));
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
                separable_verb(&words, &clause_final, i, index, glossary).filter(|(_, j)| !used[*j])
            {
                used[joined] = true;
                joined_later = true;
                groups.push(exact_group(verb, language, analyzer, glossary));
            } else if i > 0 && clause_final[i] && PARTICLES.contains(&word.as_str()) {
                // The particle of a separable verb the documents do not hold (`werkt ... mee`):
                // on its own it names nothing.
            } else if let Some(name) = acronym_name(word, index) {
                groups.extend(name.iter().map(|w| exact_group(w.clone(), language, analyzer, glossary)));
            } else if ((analyzer.is_content_word(word) && !chat.is_dutch_volition_word(word))
                || wanting[i]
                || (i > 0 && analyzer.is_noun_after_article(&words[i - 1], word)))
                && !idiom[i]
                && !frame[i]
                && !asks_when(&words, i, types)
                && !asks_relation(&words, i, types)
            {
                groups.extend(word_groups(word, language, index, glossary, &mut typo_lookups));
            }
            let split = groups.len() - first_new_group > 1;
            for group in &mut groups[first_new_group..] {
                group.context = in_context[i];
                // A word gives several groups only as the parts of a compound or the words of
                // the Dutch phrase that translates it (`social media` → `sociale media`).
                group.compound = split.then_some(i);
                group.position = i;
            }
            produced[i] = first_new_group..groups.len();
            // Only a word that stands alone: not the first of a phrase or a joined pair.
            if !skip_next && !joined_later && !produced[i].is_empty() {
                asked_before.insert(word.as_str(), produced[i].clone());
            }
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
        // The cheap tests first: the word's own group, then what the documents hold near it.
        let names: Vec<usize> = (0..words.len())
            .filter(|&i| is_unknown_name(&words[i], analyzer))
            .filter_map(|i| content_groups(i).map(|range| (i, range)))
            .filter(|(i, range)| {
                range.len() == 1 && groups[range.start].held_nowhere(index) && !near_held_word(&words[*i], index)
            })
            .flat_map(|(_, range)| range)
            .collect();
        let view_topic: Vec<usize> = view_topic(&words, types, analyzer)
            .or_else(|| existence_owner(&words, types, analyzer))
            .and_then(content_groups)
            .into_iter()
            .flatten()
            .collect();
        let speakers: Vec<usize> =
            answer_types.iter().filter_map(|t| t.speaker_word).filter_map(content_groups).flatten().collect();
        let defined = definition_word(&words, types, analyzer).and_then(content_groups).map(|range| {
            let stems =
                groups[range].iter().flat_map(|g| g.alternatives.iter().map(|a| a.stem.clone())).collect();
            Defined {
                stems,
                copulas: types.definition.copulas.clone(),
                generic_articles: types.definition.generic_articles.clone(),
            }
        });
        let asking: Vec<&str> = stems
            .iter()
            .zip(in_context.iter().zip(&idiom))
            .filter(|(_, (context, idiom))| !**context && !**idiom)
            .map(|(s, _)| s.as_str())
            .collect();
        let topic_start = document_topic_start(&words, types);
        let names_other_thing =
            |g: &Group| topic_start.is_none_or(|start| g.position < start) && told_only_in_text(g, index, types);
        let named_document = named_document_span(&words, topic_start, types);
        let names_document = |g: &Group| named_document.as_ref().is_some_and(|span| span.contains(&g.position));
        let facets = facet_groups((&asking, &stems), &mut groups, types, names_other_thing, names_document);
        let facets_empty = facets.is_empty();
        let focus = focus.filter(|_| facets_empty);
        // What a question counts (`hoeveel *gezinnen*`) may be counted under a synonym
        // (`huishoudens`): the number beside it is the evidence.
        if let Some(counted) = focus.clone().filter(|_| answer_types.iter().any(|t| t.near_focus)) {
            groups[counted].iter_mut().for_each(|group| add_synonyms_held(group, index, glossary));
        }
        let (places, names) = if facets_empty { (places, names) } else { Default::default() };
        let view_topic = if facets_empty { view_topic } else { Vec::new() };
        let speakers = if facets_empty { speakers } else { Vec::new() };
        // Where the document itself was written is its facet's to answer (`Den Haag` in the
        // date line is no listed place).
        let answer_types: Vec<AnswerTypeSpec> =
            answer_types.into_iter().filter(|t| facets_empty || !t.places).collect();
        groups.extend(facets);
        let definition = defined.filter(|_| facets_empty);
        let mut negated: Vec<usize> = negated_words(&words, &types.negation.words)
            .into_iter()
            .flat_map(|i| produced[i].clone())
            .collect();
        negated.dedup();
        let negators = if negated.is_empty() { Vec::new() } else { types.negation.words.clone() };
        Query {
            groups,
            focus,
            places,
            names,
            view_topic,
            speakers,
            definition,
            answer_types,
            language,
            negated,
            negators,
        }
    }
}

/// The words that only say which document a question about the document itself means: those
/// between the document's topic and the frame's own closing `over` (`waar gaat de brief over
/// *burgerberaden* over`, `what is the letter about *cycle streets* about`). Without that
/// closing word the topic is what is asked (`wat zegt de brief over crowdfunding`).
fn named_document_span(words: &[String], topic_start: Option<usize>, types: &QuestionTypes) -> Option<std::ops::Range<usize>> {
    let start = topic_start?;
    let closing = (start + 1..words.len()).rev().find(|&i| types.focus.topic_after.contains(&words[i]))?;
    Some(start..closing)
}

/// `wijk teams` → `wijkteams`: two words that the index holds joined, not both apart. And a
/// word before a participle that the lexicon holds joined to it (`dicht gegaan` →
/// `dichtgegaan`, `mee gedaan`): a separable verb's participle written apart, whose first
/// word is no adjective of its own (`dicht` is not `dicht bij huis`), whether or not any
/// document holds the verb.
fn joined_with_next(words: &[String], i: usize, index: &Index) -> Option<String> {
    let next = words.get(i + 1)?;
    let analyzer = index.analyzer();
    let joined = format!("{}{next}", words[i]);
    let known = |w: &str| analyzer.is_content_word(w) && index.has_stem(&analyzer.stem(w));
    let both_content = analyzer.is_content_word(&words[i]) && analyzer.is_content_word(next);
    let participle = next.starts_with("ge") && next.chars().count() >= 5 && !DETERMINERS.contains(&words[i].as_str());
    let participle_apart = participle && analyzer.lexicon().contains(&joined);
    ((both_content && known(&joined) && !(known(&words[i]) && known(next))) || participle_apart).then_some(joined)
}

/// The words of the name a question word abbreviates (`mdt` → `maatschappelijke
/// diensttijd`, see `acronyms.rs`), when no document holds the word itself.
fn acronym_name<'a>(word: &str, index: &'a Index) -> Option<&'a [String]> {
    let analyzer = index.analyzer();
    let name = index.acronyms.name(word)?;
    (analyzer.is_content_word(word) && !index.has_stem(&analyzer.stem(word))).then_some(name)
}

/// `mee ... doen` → `meedoen`, and the other order (`doen ... mee`): a particle and a verb
/// within reach of each other, joined when the index or the glossary knows the joined verb.
/// (Joining whatever the Dutch lexicon knows was measured and left out: `in de wijk` became
/// `inwijk`, `aan voorzieningen, blijven` became `aanblijven`.) Returns the joined verb and
/// the position of the word joined to `words[i]`.
fn separable_verb(
    words: &[String],
    clause_final: &[bool],
    i: usize,
    index: &Index,
    glossary: &Glossary,
) -> Option<(String, usize)> {
    let analyzer = index.analyzer();
    let particle_first = PARTICLES.contains(&words[i].as_str());
    // A particle that opens a noun phrase is a preposition (`*op wiens* verzoek kwam dit`).
    if particle_first && words.get(i + 1).is_some_and(|next| opens_noun_phrase(next)) {
        return None;
    }
    let reach = if particle_first { PARTICLE_REACH } else { VERB_REACH };
    let closing = (!particle_first).then(|| particle_closing_clause(words, clause_final, i)).flatten();
    let candidates: Vec<(String, usize)> = (i + 1..words.len())
        .filter(|&j| j <= i + reach || Some(j) == closing)
        .filter(|&j| particle_first || PARTICLES.contains(&words[j].as_str()))
        // A determiner is never the verb: `in de` is not `inde`.
        .filter(|&j| !DETERMINERS.contains(&(if particle_first { &words[j] } else { &words[i] }).as_str()))
        // After its verb, a particle that opens a noun phrase is a preposition, and one before
        // `te` belongs to the te-infinitive after it (`komen er zomerscholen om de achterstand
        // *in te halen*` is no `inkomen`).
        .filter(|&j| {
            particle_first || words.get(j + 1).is_none_or(|next| !opens_noun_phrase(next) && next != "te")
        })
        .map(|j| {
            let (particle, verb) =
                if particle_first { (&words[i], &words[j]) } else { (&words[j], &words[i]) };
            (format!("{particle}{verb}"), j)
        })
        .collect();
    // A join whose stem is that of one of its words (`dingen samen` → `samendingen`, stemmed
    // as `samen`) names no verb of its own.
    let indexed = |(joined, j): &&(String, usize)| {
        let stem = analyzer.stem(joined);
        let own = stem != analyzer.stem(&words[i]) && stem != analyzer.stem(&words[*j]);
        own && (glossary.dutch(&stem).is_some() || index.has_stem(&stem))
    };
    let found = candidates.iter().find(indexed)?;
    Some(found.clone())
}

/// The particle that closes the clause of the verb at `verb`, however long its middle field
/// (`waarom *legt* den haag dit niet van bovenaf *op*`): the clause's last word, when it is
/// a particle and no conjunction opens another clause between them. Right after the verb,
/// `die` and `dat` open its subject (`wanneer *gaat die* verlaging *in*`), no clause.
fn particle_closing_clause(words: &[String], clause_final: &[bool], verb: usize) -> Option<usize> {
    let end = (verb..words.len()).find(|&k| clause_final[k]).filter(|&end| end > verb)?;
    let subject_determiner = |k: usize, w: &str| k == 0 && matches!(w, "die" | "dat");
    let opens_clause = |(k, w): (usize, &String)| is_clause_opener(w) && !subject_determiner(k, w);
    let between = &words[verb + 1..end];
    (PARTICLES.contains(&words[end].as_str()) && !between.iter().enumerate().any(opens_clause)).then_some(end)
}

/// Whether a word opens a noun phrase: a determiner or a question word that stands before its
/// noun (`wiens`, `welke`).
fn opens_noun_phrase(word: &str) -> bool {
    DETERMINERS.contains(&word) || QUESTION_DETERMINERS.contains(&word)
}

/// `word`, or the question word it is a slip of (`wanner is de breif verstuurd`): only a word
/// that no document holds and that is far rarer in general usage (see
/// [`QuestionTypes::question_word_meant`], [`Lexicon::is_slip_of`]).
fn question_word_meant(word: String, index: &Index, types: &QuestionTypes) -> String {
    if index.has_surface(&word) {
        return word;
    }
    match types.question_word_meant(&word, index.analyzer()).filter(|meant| index.analyzer().lexicon().is_slip_of(&word, meant)) {
        Some(meant) => meant.to_string(),
        None => word,
    }
}

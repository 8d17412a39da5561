//! The alternatives one question word is looked for by: its stem, Dutch synonyms, the other
//! spelling of a number, translations of an English word (a Dutch phrase as one group per
//! word), Dutch forms of English loanwords, compound parts, and typo corrections of words
//! that are no words at all. Every alternative is a stem the index may hold; weights and
//! kinds say how far it is from what was typed.

use super::glossary::Glossary;
use super::index::Index;
use super::openings::compounds_opening_with;
use super::params::*;
use super::query::{rarity, Alternative, Group, MatchKind};
use crate::i18n::Language;
use crate::text::{analyzer::Analyzer, analyzer::MAX_ANALYSED_WORD_CHARS, fold, numbers, tokens};

/// A group for a word taken as it is, with its Dutch synonyms.
pub(super) fn exact_group(word: String, language: Language, analyzer: &Analyzer, glossary: &Glossary) -> Group {
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
    plain_group(word, rarity, alternatives)
}

/// A group of a question word with these alternatives, no cue, not yet placed.
fn plain_group(word: String, rarity: f32, alternatives: Vec<Alternative>) -> Group {
    Group { word, alternatives, cue: None, rarity, context: false, compound: None, position: 0 }
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
pub(super) fn translated(dutch: &[&str], analyzer: &Analyzer, glossary: &Glossary) -> Vec<Alternative> {
    let mut alternatives: Vec<Alternative> =
        dutch.iter().map(|d| glossary_alternative(d, MatchKind::Translation, analyzer)).collect();
    for (i, word) in dutch.iter().enumerate() {
        for synonym in glossary.dutch_of_translation(&fold(word), &alternatives[i].stem).unwrap_or_default() {
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
pub(super) fn phrase_translation(dutch: &[&str], analyzer: &Analyzer, glossary: &Glossary) -> Option<Vec<Group>> {
    if dutch.iter().any(|d| content_words(d, analyzer).len() <= 1) {
        return None;
    }
    let words = content_words(dutch.first()?, analyzer);
    let groups = words
        .into_iter()
        .map(|word| {
            let (alternatives, share) =
                (translated(&[word.as_str()], analyzer, glossary), rarity(analyzer, &word, Language::Dutch));
            plain_group(word, share, alternatives)
        })
        .collect();
    Some(groups)
}

/// The folded content words of a phrase (`minister-president`: `minister`, `president`).
fn content_words(phrase: &str, analyzer: &Analyzer) -> Vec<String> {
    tokens(phrase).into_iter().map(|t| t.folded).filter(|w| analyzer.is_content_word(w)).collect()
}

/// The groups for one content word: usually one; one per part for a compound the index does
/// not hold whole.
pub(super) fn word_groups(
    word: &str,
    language: Language,
    index: &Index,
    glossary: &Glossary,
    typo_lookups: &mut usize,
) -> Vec<Group> {
    let analyzer = index.analyzer();
    let mut group = exact_group(word.to_string(), language, analyzer, glossary);
    // A number is no compound (`vijfenzeventig` is not `vijf` + `zeef` + `tig`), and its other
    // spelling is among its alternatives already.
    if index.has_stem(&group.alternatives[0].stem) || index.has_surface(word) || numbers::is_number_word(word) {
        return vec![group];
    }
    // In an English question an English word (`past`) is not a Dutch verb form (`past` of
    // `passen`): it goes to its translations.
    let english_word = language == Language::English && analyzer.lexicon().zipf(word, Language::English) > 0.0;
    if let Some(verb) = verb_without_ending_t(word, index).filter(|_| !english_word) {
        group.alternatives.push(verb);
        return vec![group];
    }
    let is_dutch_word = analyzer.lexicon().contains(word);
    if language == Language::English && !is_dutch_word && glossary.english(word).is_none() {
        if let Some(meant) = analyzer.lexicon().english_neighbour(word, FUZZY_ONE_EDIT_FROM) {
            return english_slip(&meant, index, glossary, typo_lookups);
        }
    }
    let cognates = if language == Language::English { cognates_held(word, index, glossary) } else { Vec::new() };
    let translations = glossary.english(word).filter(|_| language == Language::English || !is_dutch_word);
    if let Some(parts) = translations.as_deref().and_then(|d| phrase_translation(d, analyzer, glossary)) {
        return parts;
    }
    if translations.is_some() || !cognates.is_empty() {
        let dutch = translations.unwrap_or_default();
        group.alternatives.extend(translated(&dutch, analyzer, glossary));
        extend_with_compounds_opening(&mut group.alternatives, index);
        for cognate in cognates {
            if !group.alternatives.iter().any(|a| a.stem == cognate.stem) {
                group.alternatives.push(cognate);
            }
        }
        return vec![group];
    }
    if language == Language::Dutch || is_dutch_word {
        let listed = glossary.wordnet_synonyms(&group.alternatives[0].stem, analyzer);
        let mut synonyms = wordnet_synonyms_held(&listed, &group.alternatives[0].stem, index);
        for derived in [agent_noun_verb_held(word, index), negated_adjective_held(word, index)].into_iter().flatten() {
            if !synonyms.iter().any(|s| s.stem == derived.stem) {
                synonyms.push(derived);
            }
        }
        if !synonyms.is_empty() {
            group.alternatives.extend(synonyms);
            return vec![group];
        }
        if let Some(parts) = phrase_synonym_held(&listed, index) {
            return parts;
        }
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
    let parts = if english_word { Vec::new() } else { analyzer.forms(word).part_stems };
    if parts.is_empty() {
        return match written_apart(word, index) {
            Some(halves) => halves.map(|half| exact_group(half.to_string(), language, analyzer, glossary)).into(),
            None => vec![group],
        };
    }
    // The parts share the weight of the one word asked: a compound the documents lack
    // counts once, however many parts it has (a Dutch word, whatever the question's language).
    let share = rarity(analyzer, word, Language::Dutch) / parts.len() as f32;
    parts
        .into_iter()
        .map(|stem| {
            // A part no document holds stands for the documents' compounds that open with it.
            let opening = if index.has_stem(&stem) { Vec::new() } else { compounds_opening_with(&stem, index) };
            let own = Alternative { stem: stem.clone(), weight: COMPOUND_PART_WEIGHT, kind: MatchKind::CompoundPart };
            plain_group(stem.clone(), share, std::iter::once(own).chain(opening).collect())
        })
        .collect()
}

/// A translation no document holds stands, like a Dutch compound's part, for the documents'
/// compounds that open with it (`asylum` → `asiel` → `asielzoekers`).
fn extend_with_compounds_opening(alternatives: &mut Vec<Alternative>, index: &Index) {
    let unheld: Vec<String> = alternatives
        .iter()
        .filter(|a| a.kind == MatchKind::Translation && !index.has_stem(&a.stem))
        .map(|a| a.stem.clone())
        .collect();
    for stem in unheld {
        for compound in compounds_opening_with(&stem, index) {
            if !alternatives.iter().any(|a| a.stem == compound.stem) {
                alternatives.push(compound);
            }
        }
    }
}

/// The groups of `meant`, the English word a word of an English question that general
/// English lacks is one edit from (`goverment` → `government`), weighed as a typo.
fn english_slip(meant: &str, index: &Index, glossary: &Glossary, typo_lookups: &mut usize) -> Vec<Group> {
    let mut groups = word_groups(meant, Language::English, index, glossary, typo_lookups);
    groups.iter_mut().flat_map(|g| &mut g.alternatives).for_each(|a| a.weight *= FUZZY_WEIGHT);
    groups
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

/// The word a question counts (`hoeveel *gezinnen*`) is met by its wordnet synonyms the
/// documents hold too, even where a document holds the word itself: a passage that counts
/// `huishoudens` answers `hoeveel gezinnen`. (Another held word is not expanded, so that the
/// passages with the word asked rank first.)
pub(super) fn add_synonyms_held(group: &mut Group, index: &Index, glossary: &Glossary) {
    let Some(own) = group.alternatives.first().filter(|a| a.kind == MatchKind::Exact) else { return };
    let listed = glossary.wordnet_synonyms(&own.stem, index.analyzer());
    for synonym in wordnet_synonyms_held(&listed, &own.stem, index) {
        if !group.alternatives.iter().any(|a| a.stem == synonym.stem) {
            group.alternatives.push(synonym);
        }
    }
}

/// Of the wordnet synonyms `listed` for a Dutch word (with this `stem`) no document holds,
/// the ones the documents hold (`handleiding` → `handboek`).
fn wordnet_synonyms_held(listed: &[&str], stem: &str, index: &Index) -> Vec<Alternative> {
    let mut held: Vec<Alternative> = Vec::new();
    for synonym in listed {
        let synonym = index.analyzer().stem(synonym);
        if synonym != stem && index.has_stem(&synonym) && !held.iter().any(|a| a.stem == synonym) {
            held.push(Alternative { stem: synonym, weight: WORDNET_WEIGHT, kind: MatchKind::Related });
        }
    }
    held
}

/// The groups of a wordnet synonym that is written as several words, when the documents
/// hold every one of them (`premier` → `minister-president`: `minister`, `president`), as
/// the question would be with the synonym typed instead; the first such of `listed` is taken.
fn phrase_synonym_held(listed: &[&str], index: &Index) -> Option<Vec<Group>> {
    let analyzer = index.analyzer();
    let held = |part: &String| index.has_stem(&analyzer.stem(part));
    let parts = listed
        .iter()
        .map(|synonym| content_words(synonym, analyzer))
        .find(|parts| parts.len() >= 2 && parts.iter().all(held))?;
    let group = |word: String| {
        let related = Alternative { stem: analyzer.stem(&word), weight: WORDNET_WEIGHT, kind: MatchKind::Related };
        let share = rarity(analyzer, &word, Language::Dutch);
        plain_group(word, share, vec![related])
    };
    Some(parts.into_iter().map(group).collect())
}

/// The verb of an agent noun no document holds, when the documents hold it (`gebruikers` →
/// `gebruiken`: who uses something is asked about where it is used), as a related word.
fn agent_noun_verb_held(word: &str, index: &Index) -> Option<Alternative> {
    let stem = index.analyzer().agent_noun_verb(word)?;
    index.has_stem(&stem).then_some(Alternative { stem, weight: WORDNET_WEIGHT, kind: MatchKind::Related })
}

/// The adjective a negated adjective no document holds is made from, when the documents
/// hold it (`ongezond` → `gezond`), as a related word.
fn negated_adjective_held(word: &str, index: &Index) -> Option<Alternative> {
    let stem = index.analyzer().negated_adjective(word)?;
    index.has_stem(&stem).then_some(Alternative { stem, weight: WORDNET_WEIGHT, kind: MatchKind::Related })
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
    let candidates = index.typos.candidates(word, |w| index.has_surface(w));
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

/// A word the documents write in two (`backups` of `back-ups`, `e-mail`-like spellings
/// split at the hyphen): two words of the documents that stand next to each other in some
/// passage and together spell it. The first such split found; none for a word longer than
/// the analyser analyses.
fn written_apart<'w>(word: &'w str, index: &Index) -> Option<[&'w str; 2]> {
    /// Passages of the rarer half looked at for the two words side by side.
    const MAX_PASSAGES: usize = 64;
    let adjacent = |left: u32, right: u32| {
        let postings_of = |word: u32| index.whole_postings(index.terms.get(index.word_stem(word)));
        let (of_left, of_right) = (postings_of(left), postings_of(right));
        let rarer = if of_left.len() <= of_right.len() { of_left } else { of_right };
        rarer.iter().take(MAX_PASSAGES).any(|p| {
            let words = index.words_of(&index.passages[p.slot() as usize]);
            words.iter().zip(words.iter().skip(1)).any(|pair| pair == (left, right))
        })
    };
    // Each split point hashes both halves: only words of analysable length are tried.
    if word.chars().count() > MAX_ANALYSED_WORD_CHARS {
        return None;
    }
    (2..word.len().saturating_sub(1)).filter(|&k| word.is_char_boundary(k)).find_map(|k| {
        let (left, right) = word.split_at(k);
        let (l, r) = (index.word_id(left)?, index.word_id(right)?);
        adjacent(l, r).then_some([left, right])
    })
}


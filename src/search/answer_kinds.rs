//! The kinds of answer a question asks for (`data/question-types.toml`, `[answer_types]`): a
//! number, a date, someone's view, ... read from its words. A type is triggered by a phrase
//! of its `triggers`, by `wanneer` in the perfect tense, or by `wanneer` with a verb of
//! starting or ending in its clause; a trigger within a longer one of another type counts
//! only as that one (`hoeveel` in `hoeveel geld`).

use rustc_hash::FxHashSet as HashSet;

use super::asks::{phrase_end, third_party};
use super::question_types::{AnswerTypeSpec, QuestionTypes};
use crate::text::analyzer::Analyzer;
use crate::text::separable::PARTICLES;

/// The kinds of answer the question's words ask for. Where one type's trigger is part of a
/// longer trigger of another (`hoeveel` in `hoeveel geld`), only the longer one counts: `hoeveel
/// geld` asks for an amount in euros, not for a number next to the word `geld`. `frame` marks
/// the words of the chat frame (`mijn opa zegt`): its teller is no one whose view is asked.
pub(super) fn answer_types(
    words: &[String],
    stems: &[String],
    frame: &[bool],
    clause_final: &[bool],
    types: &QuestionTypes,
    analyzer: &Analyzer,
) -> Vec<AnswerTypeSpec> {
    let triggered: Vec<(&AnswerTypeSpec, std::ops::RangeInclusive<usize>)> = types
        .answer_types
        .iter()
        .filter_map(|t| {
            t.triggers
                .iter()
                .find_map(|trigger| {
                    let end = phrase_end(words, trigger)?;
                    let finds = finds_something(words, end, clause_final, t, &types.focus.complementizers);
                    (!finds).then(|| (t, end + 1 - trigger.split(' ').count()..=end))
                })
                .or_else(|| perfect_tense(words, t).map(|span| (t, span)))
                .or_else(|| verb_of_when(words, clause_final, t).map(|span| (t, span)))
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
            let evidence = types.evidence_of(t, analyzer);
            if !t.third_party {
                return Some(AnswerTypeSpec { evidence, ..(*t).clone() });
            }
            let speaker = third_party(words, *span.end(), types, analyzer).filter(|&at| !frame[at])?;
            let speaker_stem = Some(stems[speaker].clone());
            Some(AnswerTypeSpec { evidence, speaker: speaker_stem, speaker_word: Some(speaker), ..(*t).clone() })
        })
        .collect()
}

/// Whether the trigger at `at` is a verb of finding here, not of thinking (`waarom vinden
/// studenten geen kamer`, see `finding_verbs` in `data/question-types.toml`): right after
/// `te`, or with a finding object in its clause, before any complementizer after it.
fn finds_something(
    words: &[String],
    at: usize,
    clause_final: &[bool],
    spec: &AnswerTypeSpec,
    complementizers: &HashSet<String>,
) -> bool {
    if !spec.finding_verbs.contains(&words[at]) {
        return false;
    }
    let start = (0..at).rev().find(|&k| clause_final[k]).map_or(0, |k| k + 1);
    let end = (at..words.len()).find(|&k| clause_final[k] || complementizers.contains(&words[k])).unwrap_or(at);
    (at > 0 && words[at - 1] == "te") || words[start..=end].iter().any(|w| spec.finding_objects.contains(w))
}

/// The span of a question in the perfect tense after one of the type's `perfect_after` words
/// (`*wanneer is* crowdfunding *ontstaan*`): the word, an auxiliary right after it, and a
/// participle at the end of the question (where Dutch puts it).
fn perfect_tense(words: &[String], spec: &AnswerTypeSpec) -> Option<std::ops::RangeInclusive<usize>> {
    let start = words.iter().position(|w| spec.perfect_after.contains(w))?;
    let auxiliary = words.get(start + 1).is_some_and(|w| spec.perfect_auxiliaries.contains(w));
    let last = words.len() - 1;
    (auxiliary && last > start + 2 && is_participle_shaped(&words[last])).then_some(start..=last)
}

/// The span from a `when_words` word to a verb of its clause in `when_verbs` after it (`*wanneer
/// gaat* de nieuwe regel *in*`, `*wanneer* wordt de wet *ingevoerd*`): a separable verb counts
/// with the particle that closes the clause. Such a question asks for the moment something
/// starts or ends, as `wanneer begint` does, not a condition.
fn verb_of_when(
    words: &[String],
    clause_final: &[bool],
    spec: &AnswerTypeSpec,
) -> Option<std::ops::RangeInclusive<usize>> {
    let when = words.iter().position(|w| spec.when_words.contains(w))?;
    let end = (when..words.len()).find(|&k| clause_final[k])?;
    let particle = Some(&words[end]).filter(|w| PARTICLES.contains(&w.as_str()));
    (when + 1..=end).find_map(|j| {
        let joined = particle.filter(|_| j < end).map(|p| format!("{p}{}", words[j]));
        if spec.when_verbs.contains(&words[j]) {
            Some(when..=j)
        } else {
            joined.filter(|verb| spec.when_verbs.contains(verb)).map(|_| when..=end)
        }
    })
}

/// Shaped like a Dutch past participle: `ge-` (also after a particle, `aangenomen`,
/// `opgericht`) or an unstressed prefix (`ontstaan`, `besloten`, `verhoogd`), and the ending
/// `-d`, `-t`, `-en` or `-aan`.
fn is_participle_shaped(word: &str) -> bool {
    let prefixed = word.get(..6).is_some_and(|head| head.contains("ge"))
        || ["be", "ver", "ont", "her", "er"].iter().any(|p| word.starts_with(p));
    // `-aan`: the participles of gaan, staan, slaan and doen (`ontstaan`, `gegaan`, `gedaan`).
    let ending = ["d", "t", "en", "aan"].iter().any(|e| word.ends_with(e));
    word.chars().count() >= 6 && prefixed && ending
}

//! Scoring passages against a query and deciding whether the documents answer it at all.
//!
//! Score: per query group, the best of its alternatives by BM25 (whole words, compound parts
//! at a lower weight) or a cue for the passage's kind; plus a capped proximity bonus; times a
//! boost when the passage holds the kind of answer asked for. Declining uses the IDF-weighted
//! share of the question the best passage covers, and needs one informative match. Typo
//! matches count: they are only tried for words that are not Dutch words at all.

use std::collections::HashSet;

use super::index::{Index, IndexedPassage, IndexedToken, PassageId};
use super::params::*;
use super::query::{Group, MatchKind, Query};
use super::question_types::AnswerTypeSpec;
use crate::document::PassageKind;

/// One passage's standing for a query.
#[derive(Debug, Clone)]
pub struct Hit {
    pub id: PassageId,
    /// Position in the index, for [`Index::indexed`].
    pub slot: usize,
    pub score: f32,
    /// IDF-weighted share of the query's groups this passage matches, 0..=1.
    pub coverage: f32,
    /// Whether an informative word matched.
    pub anchored: bool,
    /// Whether the passage holds every kind of answer the question requires (a number for
    /// `hoeveel`).
    pub holds_required: bool,
    /// Whether the passage's document holds the word the question asks about.
    pub holds_focus: bool,
    /// Stems of this passage that matched, for choosing the sentences to quote.
    pub matched_stems: HashSet<String>,
}

impl Hit {
    pub fn answers(&self) -> bool {
        self.coverage >= MIN_COVERAGE && self.anchored && self.holds_required && self.holds_focus
    }
}

/// Passages ranked best first (only those that match anything).
pub fn rank(index: &Index, query: &Query) -> Vec<Hit> {
    let importances: Vec<f32> = query.groups.iter().map(|g| importance(index, g)).collect();
    let total_importance: f32 = importances.iter().sum::<f32>().max(f32::EPSILON);
    // A message that tells before it asks may be answered on its asking clauses alone.
    let asking: Vec<f32> =
        query.groups.iter().zip(&importances).map(|(g, i)| if g.context { 0.0 } else { *i }).collect();
    let asking_total: f32 = asking.iter().sum();
    let has_context = query.groups.iter().any(|g| g.context) && asking_total > 0.0;
    // Once per query, not per passage: which documents hold each group.
    let held: Vec<HashSet<usize>> = query.groups.iter().map(|g| documents_holding(index, g)).collect();
    let mut hits: Vec<Hit> = index
        .passages
        .iter()
        .enumerate()
        .filter_map(|(slot, passage)| {
            let mut hit = score_passage(index, query, &importances, &held, slot, passage)?;
            hit.coverage /= total_importance;
            if has_context {
                let asked =
                    score_passage(index, query, &asking, &held, slot, passage).map_or(0.0, |h| h.coverage);
                hit.coverage = hit.coverage.max(asked / asking_total);
            }
            hit.score *= hit.coverage.powf(COORDINATION_EXPONENT);
            Some(hit)
        })
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    hits
}

/// How much a group matters: the IDF of its rarest alternative that occurs, or the highest
/// IDF when nothing in the index matches it (an unknown word is a subject we lack); times
/// the word's background rarity, so common words (`weer`, `speelt`) weigh less either way.
fn importance(index: &Index, group: &Group) -> f32 {
    corpus_importance(index, group) * group.rarity
}

fn corpus_importance(index: &Index, group: &Group) -> f32 {
    let known = group
        .alternatives
        .iter()
        .map(|a| index.document_frequency(&a.stem))
        .filter(|&df| df > 0)
        .map(|df| index.idf(df))
        .fold(None, |best: Option<f32>, idf| Some(best.map_or(idf, |b| b.max(idf))));
    match (known, &group.cue) {
        (_, Some(_)) => index.max_idf(),
        (Some(idf), None) => idf,
        (None, None) => index.max_idf(),
    }
}

fn score_passage(
    index: &Index,
    query: &Query,
    importances: &[f32],
    held: &[HashSet<usize>],
    slot: usize,
    indexed: &IndexedPassage,
) -> Option<Hit> {
    let passage = index.passage(indexed.id);
    let mut hit = Hit {
        id: indexed.id,
        slot,
        score: 0.0,
        coverage: 0.0,
        anchored: false,
        holds_required: true,
        holds_focus: true,
        matched_stems: HashSet::new(),
    };
    let mut matched_groups = Vec::new();
    let mut held_elsewhere = 0.0;
    for (g, group) in query.groups.iter().enumerate() {
        let Some(found) = best_alternative(index, group, slot, indexed.length) else {
            if group.cue.is_none() && held[g].contains(&indexed.id.document) {
                held_elsewhere += importances[g];
            }
            if group.cue.as_ref().is_some_and(|c| c.matches(passage)) {
                hit.score += KIND_CUE_WEIGHT * index.max_idf();
                hit.coverage += importances[g];
                hit.anchored = true;
            }
            continue;
        };
        let cued = group.cue.as_ref().is_some_and(|c| c.matches(passage));
        let cue_score = if cued { KIND_CUE_WEIGHT * index.max_idf() } else { 0.0 };
        hit.score += found.score.max(cue_score);
        hit.coverage += importances[g] * if cue_score > 0.0 { 1.0 } else { found.quality };
        hit.anchored |= cue_score > 0.0 || found.idf >= MIN_ANCHOR_IDF_SHARE * index.max_idf();
        hit.matched_stems.insert(found.stem.clone());
        matched_groups.push(found.stem);
    }
    if hit.score <= 0.0 {
        return None;
    }
    // Words the passage lacks but its document holds (a sender's name, the subject) make the
    // document the better source: evidence for ranking, not for coverage.
    hit.score += DOCUMENT_EVIDENCE_WEIGHT * held_elsewhere;
    hit.score += proximity_bonus(index, indexed, &matched_groups, hit.score);
    let holds = |spec: &AnswerTypeSpec| holds_answer_type(spec, &passage.text, &indexed.tokens);
    if query.answer_types.iter().any(holds) {
        hit.score *= ANSWER_TYPE_BOOST;
    }
    if query
        .definition
        .as_ref()
        .is_some_and(|(stems, copulas)| defines(&passage.text, indexed, stems, copulas))
    {
        hit.score *= DEFINITION_BOOST;
    }
    if passage.kind == PassageKind::Heading && !asks_for_heading(query) {
        hit.score *= HEADING_FACTOR;
    }
    hit.holds_required = query.answer_types.iter().filter(|t| t.required).all(holds);
    hit.holds_focus = query
        .focus
        .clone()
        .is_none_or(|focus| held[focus].iter().all(|documents| documents.contains(&indexed.id.document)));
    Some(hit)
}

/// The documents in which any passage (or the title) holds one of the group's stems, by the
/// same rules as a match (a synonym or typo correction must meet a whole word).
fn documents_holding(index: &Index, group: &Group) -> HashSet<usize> {
    let mut documents = HashSet::new();
    for alt in &group.alternatives {
        let sources = if is_indirect(alt.kind) { 1 } else { 2 };
        let postings =
            [&index.whole, &index.parts].into_iter().take(sources).filter_map(|p| p.get(&alt.stem));
        documents.extend(postings.flat_map(|p| p.keys()).map(|slot| index.passages[*slot].id.document));
        documents.extend(index.titles.get(&alt.stem).into_iter().flatten().copied());
    }
    documents
}

struct Found {
    stem: String,
    score: f32,
    quality: f32,
    idf: f32,
}

fn best_alternative(index: &Index, group: &Group, slot: usize, length: f32) -> Option<Found> {
    let mut best: Option<Found> = None;
    for alt in &group.alternatives {
        let idf = index.idf(index.document_frequency(&alt.stem));
        let sources = [(&index.whole, 1.0), (&index.parts, COMPOUND_PART_WEIGHT)];
        for (i, (postings, factor)) in
            sources.into_iter().take(if is_indirect(alt.kind) { 1 } else { 2 }).enumerate()
        {
            let body = postings.get(&alt.stem).and_then(|p| p.get(&slot)).copied().unwrap_or(0.0);
            let title = if i == 0 { index.title_frequency(&alt.stem, slot) } else { 0.0 };
            let tf = body + title;
            if tf == 0.0 {
                continue;
            }
            let score = alt.weight * factor * idf * saturate(tf, length, index.average_length);
            // Confidence that the asker's word is present: a compound part is the word itself.
            let quality = if alt.kind == MatchKind::CompoundPart { 1.0 } else { alt.weight };
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Found { stem: alt.stem.clone(), score, quality, idf });
            }
        }
    }
    best
}

/// A synonym or typo correction is one step removed from the asker's word, so it must meet a
/// whole word, not a part of a compound (a translation is the word itself and may).
fn is_indirect(kind: MatchKind) -> bool {
    matches!(kind, MatchKind::Synonym | MatchKind::Typo)
}

/// BM25's term-frequency part.
fn saturate(tf: f32, length: f32, average: f32) -> f32 {
    tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length / average))
}

/// A bonus for pairs of matched stems standing close together in the passage.
fn proximity_bonus(index: &Index, passage: &IndexedPassage, stems: &[String], score: f32) -> f32 {
    let positions: Vec<Vec<usize>> = stems
        .iter()
        .map(|stem| {
            passage
                .tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    &t.stem == stem || t.part_stems.contains(stem) || t.alias_stem.as_ref() == Some(stem)
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let mut bonus = 0.0;
    for a in 0..stems.len() {
        for b in a + 1..stems.len() {
            let close = positions[a]
                .iter()
                .any(|&i| positions[b].iter().any(|&j| i.abs_diff(j) <= PROXIMITY_WINDOW && i != j));
            if close {
                let idf_a = index.idf(index.document_frequency(&stems[a]));
                let idf_b = index.idf(index.document_frequency(&stems[b]));
                bonus += PROXIMITY_WEIGHT * idf_a.min(idf_b);
            }
        }
    }
    bonus.min(PROXIMITY_CAP * score)
}

/// Whether a group's cue asks for a heading (a title, a ministry).
fn asks_for_heading(query: &Query) -> bool {
    query.groups.iter().any(|g| g.cue.as_ref().is_some_and(|c| c.kinds.contains(&PassageKind::Heading)))
}

/// Characters after a word in which a copula is looked for.
const DEFINITION_LOOKAHEAD: usize = 16;

/// Whether the passage defines the word: one of its stems followed by a copula (`een
/// fietsstraat is een straat ...`).
fn defines(text: &str, indexed: &IndexedPassage, stems: &[String], copulas: &[String]) -> bool {
    indexed.tokens.iter().filter(|t| stems.contains(&t.stem)).any(|t| {
        let after: String =
            text[t.end..].trim_start().chars().take(DEFINITION_LOOKAHEAD).collect::<String>().to_lowercase();
        copulas.iter().any(|c| after.starts_with(c.as_str()) && after[c.len()..].starts_with(' '))
    })
}

fn holds_answer_type(spec: &AnswerTypeSpec, text: &str, words: &[IndexedToken]) -> bool {
    words.iter().any(|t| {
        let number = || {
            t.stem.chars().all(|c| c.is_ascii_digit())
                || crate::text::numbers::is_number_word(&text[t.start..t.end])
        };
        spec.evidence.contains(&t.stem) || (spec.numbers && number())
    })
}

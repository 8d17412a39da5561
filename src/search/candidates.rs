//! A query resolved against the index once ([`Prepared`]): per group its alternatives' term
//! ids, postings, title documents and IDF, its importance, and the documents that hold it.
//! From it come the candidate passages (those a query word or a cue can reach) and each
//! candidate's [`Base`]: the parts of its score that postings alone decide.
//!
//! Invariant: a passage that is not a candidate would score nothing; `Base` is exactly the
//! sum the ranking adds before proximity and the text-reading multipliers.

use super::index::{frequency_in, Index, Posting, TermId};
use super::params::*;
use super::query::{Group, MatchKind, Query};
use super::question_types::Cue;
use crate::document::PassageKind;

struct Alternative<'a> {
    term: TermId,
    whole: &'a [Posting],
    /// Empty for a synonym or typo correction, which must meet a whole word.
    parts: &'a [Posting],
    titles: &'a [u32],
    idf: f32,
    weight: f32,
    /// Confidence that the asker's word is present: a compound part is the word itself.
    quality: f32,
}

struct PreparedGroup<'a> {
    alternatives: Vec<Alternative<'a>>,
    cue: Option<&'a Cue>,
    importance: f32,
    /// The importance when only the asking clauses count (0 for a context clause).
    asking: f32,
    /// Documents (sorted) in which a passage or the title holds one of the alternatives.
    held: Vec<u32>,
}

pub(crate) struct Prepared<'a> {
    groups: Vec<PreparedGroup<'a>>,
    total_importance: f32,
    asking_total: f32,
    has_context: bool,
    focus: Option<std::ops::Range<usize>>,
    max_idf: f32,
}

/// The postings-decided part of a candidate's score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Base {
    score: f32,
    evidence: f32,
    pub coverage: f32,
    pub anchored: bool,
    pub holds_focus: bool,
}

impl Base {
    /// Score before proximity and multipliers.
    pub fn total(&self) -> f32 {
        self.score + self.evidence
    }
}

impl<'a> Prepared<'a> {
    pub fn new(index: &'a Index, query: &'a Query) -> Prepared<'a> {
        let groups: Vec<PreparedGroup> = query.groups.iter().map(|g| prepare_group(index, g)).collect();
        let total_importance = groups.iter().map(|g| g.importance).sum::<f32>().max(f32::EPSILON);
        let asking_total: f32 = groups.iter().map(|g| g.asking).sum();
        let has_context = query.groups.iter().any(|g| g.context) && asking_total > 0.0;
        Prepared {
            groups,
            total_importance,
            asking_total,
            has_context,
            focus: query.focus.clone(),
            max_idf: index.max_idf(),
        }
    }

    /// Sorted slots of the passages any group can reach, within `document` when given.
    pub fn candidates(&self, index: &Index, document: Option<usize>) -> Vec<u32> {
        let mut slots: Vec<u32> = Vec::new();
        for group in &self.groups {
            for alt in &group.alternatives {
                slots.extend(alt.whole.iter().chain(alt.parts).map(|p| p.slot));
                slots.extend(alt.titles.iter().flat_map(|&d| index.document_slots(d)));
            }
            if let Some(cue) = group.cue {
                slots.extend(cue_slots(index, cue));
            }
        }
        if let Some(document) = document {
            let range = index.document_slots(document as u32);
            slots.retain(|s| range.contains(s));
        }
        slots.sort_unstable();
        slots.dedup();
        slots
    }

    /// The bases of all candidates (sorted slots) at once, term at a time: each
    /// alternative's postings are walked beside the candidates. The same values as
    /// [`Prepared::base`] per slot, without its per-slot lookups.
    pub fn bases(&self, index: &Index, slots: &[u32]) -> Vec<Option<Base>> {
        let cue_score = KIND_CUE_WEIGHT * self.max_idf;
        let mut sums = vec![Sums::default(); slots.len()];
        let mut best: Vec<Option<Found>> = Vec::with_capacity(slots.len());
        for group in &self.groups {
            best.clear();
            best.resize_with(slots.len(), || None);
            for alt in &group.alternatives {
                best_of_alternative(index, alt, slots, &mut best);
            }
            for ((sums, found), &slot) in sums.iter_mut().zip(&best).zip(slots) {
                let indexed = &index.passages[slot as usize];
                let cued = group.cue.is_some_and(|c| c.matches(index.passage(indexed.id)));
                let Some(found) = found else {
                    if group.cue.is_none() && group.holds(indexed.id.document as u32) {
                        sums.held_elsewhere += group.importance;
                    }
                    if cued {
                        sums.score += cue_score;
                        sums.covered += group.importance;
                        sums.asked += group.asking;
                        sums.anchored = true;
                    }
                    continue;
                };
                let cue = if cued { cue_score } else { 0.0 };
                let quality = if cue > 0.0 { 1.0 } else { found.quality };
                sums.score += found.score.max(cue);
                sums.covered += group.importance * quality;
                sums.asked += group.asking * quality;
                sums.anchored |= cue > 0.0 || found.idf >= MIN_ANCHOR_IDF_SHARE * self.max_idf;
            }
        }
        sums.iter().zip(slots).map(|(sums, &slot)| self.finish_base(index, slot, sums)).collect()
    }

    fn finish_base(&self, index: &Index, slot: u32, sums: &Sums) -> Option<Base> {
        if sums.score <= 0.0 {
            return None;
        }
        let document = index.passages[slot as usize].id.document as u32;
        let mut coverage = sums.covered / self.total_importance;
        if self.has_context {
            coverage = coverage.max(sums.asked / self.asking_total);
        }
        let holds_focus =
            self.focus.clone().is_none_or(|focus| self.groups[focus].iter().all(|g| g.holds(document)));
        Some(Base {
            score: sums.score,
            evidence: DOCUMENT_EVIDENCE_WEIGHT * sums.held_elsewhere,
            coverage,
            anchored: sums.anchored,
            holds_focus,
        })
    }

    /// The candidate's base, or `None` when nothing matches; `matched` receives the matched
    /// terms with their IDF.
    pub fn base(&self, index: &Index, slot: u32, matched: &mut Vec<(TermId, f32)>) -> Option<Base> {
        matched.clear();
        let indexed = &index.passages[slot as usize];
        let document = indexed.id.document as u32;
        let passage = index.passage(indexed.id);
        let cue_score = KIND_CUE_WEIGHT * self.max_idf;
        let mut sums = Sums::default();
        for group in &self.groups {
            let cued = group.cue.is_some_and(|c| c.matches(passage));
            let found = best_alternative(index, group, slot, indexed.length);
            let Some(found) = found else {
                if group.cue.is_none() && group.holds(document) {
                    sums.held_elsewhere += group.importance;
                }
                if cued {
                    sums.score += cue_score;
                    sums.covered += group.importance;
                    sums.asked += group.asking;
                    sums.anchored = true;
                }
                continue;
            };
            let cue = if cued { cue_score } else { 0.0 };
            let quality = if cue > 0.0 { 1.0 } else { found.quality };
            sums.score += found.score.max(cue);
            sums.covered += group.importance * quality;
            sums.asked += group.asking * quality;
            sums.anchored |= cue > 0.0 || found.idf >= MIN_ANCHOR_IDF_SHARE * self.max_idf;
            matched.push((found.term, found.idf));
        }
        self.finish_base(index, slot, &sums)
    }
}

/// A candidate's running sums over the groups.
#[derive(Debug, Clone, Default)]
struct Sums {
    score: f32,
    covered: f32,
    asked: f32,
    held_elsewhere: f32,
    anchored: bool,
}

impl PreparedGroup<'_> {
    fn holds(&self, document: u32) -> bool {
        self.held.binary_search(&document).is_ok()
    }
}

/// Postings shorter than the candidates by this factor are looked up one by one (binary
/// search); longer ones are walked beside the candidates.
const LOOKUP_RATIO: usize = 8;

/// For each candidate, keeps the better of its best so far and this alternative's match
/// (same order and tie rule as [`best_alternative`]).
fn best_of_alternative(index: &Index, alt: &Alternative, slots: &[u32], best: &mut [Option<Found>]) {
    let mut consider = |i: usize, tf: f32, factor: f32| {
        let length = index.passages[slots[i] as usize].length;
        let score = alt.weight * factor * alt.idf * saturate(tf, length, index.average_length);
        if best[i].as_ref().is_none_or(|b| score > b.score) {
            best[i] = Some(Found { term: alt.term, score, quality: alt.quality, idf: alt.idf });
        }
    };
    if !alt.titles.is_empty() {
        // A title word reaches every passage of its documents: per candidate, as `base` does.
        for (i, &slot) in slots.iter().enumerate() {
            let tf = frequency_in(alt.whole, slot) + index.title_frequency(alt.term, slot as usize);
            if tf > 0.0 {
                consider(i, tf, 1.0);
            }
            let part = frequency_in(alt.parts, slot);
            if part > 0.0 {
                consider(i, part, COMPOUND_PART_WEIGHT);
            }
        }
        return;
    }
    // Whole words first, then parts, per candidate: walk both and apply in that order.
    let whole = matches_in(alt.whole, slots);
    let parts = matches_in(alt.parts, slots);
    let (mut w, mut p) = (whole.into_iter().peekable(), parts.into_iter().peekable());
    loop {
        let next_w = w.peek().map(|m| m.0);
        let next_p = p.peek().map(|m| m.0);
        match (next_w, next_p) {
            (None, None) => break,
            (Some(a), Some(b)) if a <= b => {
                let (i, tf) = w.next().unwrap_or_default();
                consider(i, tf, 1.0);
            }
            (Some(_), None) => {
                let (i, tf) = w.next().unwrap_or_default();
                consider(i, tf, 1.0);
            }
            _ => {
                let (i, tf) = p.next().unwrap_or_default();
                consider(i, tf, COMPOUND_PART_WEIGHT);
            }
        }
    }
}

/// (candidate index, frequency) for each posting whose slot is a candidate, in slot order.
fn matches_in(postings: &[Posting], slots: &[u32]) -> Vec<(usize, f32)> {
    let mut out = Vec::new();
    if postings.len() * LOOKUP_RATIO < slots.len() {
        for posting in postings {
            if let Ok(i) = slots.binary_search(&posting.slot) {
                out.push((i, posting.frequency));
            }
        }
        return out;
    }
    let mut i = 0;
    for posting in postings {
        while i < slots.len() && slots[i] < posting.slot {
            i += 1;
        }
        if i == slots.len() {
            break;
        }
        if slots[i] == posting.slot {
            out.push((i, posting.frequency));
        }
    }
    out
}

fn prepare_group<'a>(index: &'a Index, group: &'a Group) -> PreparedGroup<'a> {
    let alternatives: Vec<Alternative> = group
        .alternatives
        .iter()
        .filter_map(|alt| {
            let term = index.terms.get(&alt.stem)?;
            let indirect = matches!(alt.kind, MatchKind::Synonym | MatchKind::Typo);
            Some(Alternative {
                term,
                whole: index.whole_postings(Some(term)),
                parts: if indirect { &[] } else { index.part_postings(Some(term)) },
                titles: index.title_documents(Some(term)),
                idf: index.idf(index.document_frequency(&alt.stem)),
                weight: alt.weight,
                quality: if alt.kind == MatchKind::CompoundPart { 1.0 } else { alt.weight },
            })
        })
        .collect();
    let importance = importance(index, group);
    let mut held: Vec<u32> = alternatives
        .iter()
        .flat_map(|a| {
            a.whole.iter().chain(a.parts).map(|p| index.passages[p.slot as usize].id.document as u32)
        })
        .chain(alternatives.iter().flat_map(|a| a.titles.iter().copied()))
        .collect();
    held.sort_unstable();
    held.dedup();
    PreparedGroup {
        alternatives,
        cue: group.cue.as_ref(),
        importance,
        asking: if group.context { 0.0 } else { importance },
        held,
    }
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

/// Slots of the passages a cue can match (a superset; [`Cue::matches`] decides).
fn cue_slots<'a>(index: &'a Index, cue: &'a Cue) -> impl Iterator<Item = u32> + 'a {
    const STRUCTURAL: [PassageKind; 3] =
        [PassageKind::Heading, PassageKind::Addressee, PassageKind::Signature];
    let dated = STRUCTURAL.iter().filter(|_| cue.dated);
    let kinds = cue.kinds.iter().chain(dated);
    let by_kind = kinds.flat_map(|k| index.by_kind.get(k).into_iter().flatten().copied());
    let openings = cue.opening.then_some(index.openings.iter().copied()).into_iter().flatten();
    by_kind.chain(openings)
}

#[derive(Debug, Clone, Copy)]
struct Found {
    term: TermId,
    score: f32,
    quality: f32,
    idf: f32,
}

fn best_alternative(index: &Index, group: &PreparedGroup, slot: u32, length: f32) -> Option<Found> {
    let mut best: Option<Found> = None;
    for alt in &group.alternatives {
        let title = index.title_frequency(alt.term, slot as usize);
        let sources = [
            (frequency_in(alt.whole, slot) + title, 1.0),
            (frequency_in(alt.parts, slot), COMPOUND_PART_WEIGHT),
        ];
        for (tf, factor) in sources {
            if tf == 0.0 {
                continue;
            }
            let score = alt.weight * factor * alt.idf * saturate(tf, length, index.average_length);
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Found { term: alt.term, score, quality: alt.quality, idf: alt.idf });
            }
        }
    }
    best
}

/// BM25's term-frequency part.
fn saturate(tf: f32, length: f32, average: f32) -> f32 {
    tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length / average))
}

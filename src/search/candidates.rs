//! A query resolved against the index once ([`Prepared`]): per group its alternatives' term
//! ids, postings, title documents and IDF, its importance, and the documents that hold it.
//! From it come the candidate passages (those a query word or a cue can reach) and each
//! candidate's [`Base`]: the parts of its score that postings alone decide.
//!
//! Invariant: a passage that is not a candidate would score nothing; `Base` is exactly the
//! sum the ranking adds before proximity and the text-reading multipliers.

use std::cell::OnceCell;

use super::index::{Index, Posting, TermId};
use super::params::*;
use super::postings::DocumentSet;
use super::query::{Group, MatchKind, Query};
use super::scope::Scope;
use super::slot_set::SlotSet;
use super::question_types::Cue;
use crate::document::PassageKind;
use crate::i18n::Language;

mod bases;
mod held_bound;
mod unmatched;

#[cfg(test)]
mod common_tests;

pub(crate) use bases::{Base, BaseLists};
pub(in crate::search) use bases::{Facts, Sums};
pub(crate) use held_bound::BoundLists;
pub(crate) use held_bound::ROUNDING_MARGIN;

pub(super) struct Alternative<'a> {
    pub(super) term: TermId,
    pub(super) whole: &'a [Posting],
    /// Empty for a synonym or typo correction, which must meet a whole word.
    pub(super) parts: &'a [Posting],
    pub(super) titles: &'a [u32],
    pub(super) idf: f32,
    pub(super) stem: &'a str,
    /// Passages of the whole index holding it (whatever the scope), once needed.
    index_frequency: OnceCell<usize>,
    /// Rare enough to anchor an answer (IDF at least `MIN_ANCHOR_IDF_SHARE` of the highest)
    /// in the scope or in the whole index: within its own letter the subject word is
    /// everywhere, but among many letters it still says what the question is about.
    pub(super) informative: bool,
    pub(super) weight: f32,
    /// Confidence that the asker's word is present: a compound part is the word itself.
    pub(super) quality: f32,
    /// A common word: its postings reach more than `COMMON_REACH_SHARE` of the passages
    /// (and at least `COMMON_MIN_REACH`), and its group has no cue.
    pub(super) common: bool,
}

pub(super) struct PreparedGroup<'a> {
    pub(super) alternatives: Vec<Alternative<'a>>,
    pub(super) cue: Option<&'a Cue>,
    pub(super) importance: f32,
    /// The importance when only the asking clauses count (0 for a context clause).
    pub(super) asking: f32,
    /// Documents in which a passage or the title holds one of the alternatives.
    pub(super) held: DocumentSet,
    /// Documents (sorted) whose sender's words hold one of the alternatives: the word is
    /// covered in each of their passages (see [`Index::add_document_fields`]). A group without
    /// a common alternative makes their passages candidates, so that a passage left out by
    /// [`Prepared::common_only_bound`] never has this coverage.
    pub(super) signed: Vec<u32>,
    /// `signed` as a set, looked up per candidate document.
    pub(super) signed_set: DocumentSet,
    /// The most the group can add to a passage's base score through a common alternative
    /// (0 when it has none).
    pub(super) common_ceiling: f32,
    /// Every alternative the index holds is a wordnet synonym ([`MatchKind::Related`]): the
    /// group is held only by a passage that matches it, not by that passage's document.
    pub(super) only_related: bool,
}

/// Which postings of common words make candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prune {
    /// None: only passages with another word (or a cue) are candidates.
    All,
    /// Those in documents where a word that is not common occurs (where a passage may gain
    /// document evidence from it).
    Near,
    /// All of them.
    Nothing,
}

pub(crate) struct Prepared<'a> {
    groups: Vec<PreparedGroup<'a>>,
    /// Per compound the documents lack whole (split into part groups, all among the first
    /// 64): the bits of its groups.
    compounds: Vec<u64>,
    total_importance: f32,
    asking_total: f32,
    has_context: bool,
    /// Groups the passage's document must hold ([`Query::restricting_groups`]).
    restricting: Vec<usize>,
    max_idf: f32,
}

/// A group a passage matched by a word: which term, of what IDF.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Matched {
    pub group: usize,
    pub term: TermId,
    pub idf: f32,
}

impl<'a> Prepared<'a> {
    /// The query weighed by the word statistics of `scope`.
    pub fn new(index: &'a Index, query: &'a Query, scope: Scope) -> Prepared<'a> {
        let groups: Vec<PreparedGroup> =
            query.groups.iter().map(|g| prepare_group(index, g, scope, query.language)).collect();
        let total_importance = groups.iter().map(|g| g.importance).sum::<f32>().max(f32::EPSILON);
        let asking_total: f32 = groups.iter().map(|g| g.asking).sum();
        let has_context = query.groups.iter().any(|g| g.context) && asking_total > 0.0;
        Prepared {
            groups,
            compounds: compound_masks(query),
            total_importance,
            asking_total,
            has_context,
            restricting: query.restricting_groups(),
            max_idf: index.max_idf_in(scope),
        }
    }

    /// The coverage of `base` with the groups in `scattered` (matched by a compound part, so
    /// at quality 1) counted at `SCATTERED_PART_QUALITY` instead.
    pub fn coverage_with_scattered(&self, base: &Base, scattered: &[usize]) -> f32 {
        let lost = 1.0 - SCATTERED_PART_QUALITY;
        let importance: f32 = scattered.iter().map(|&g| self.groups[g].importance * lost).sum();
        let asking: f32 = scattered.iter().map(|&g| self.groups[g].asking * lost).sum();
        let mut coverage = (base.covered - importance).max(0.0) / self.total_importance;
        if self.has_context {
            coverage = coverage.max((base.asked - asking).max(0.0) / self.asking_total);
        }
        coverage
    }

    /// Passages of the whole index holding the matched term.
    pub fn index_frequency(&self, index: &Index, matched: &Matched) -> usize {
        let alternatives = &self.groups[matched.group].alternatives;
        let alternative = alternatives.iter().find(|a| a.term == matched.term);
        alternative.map_or(0, |a| *a.index_frequency.get_or_init(|| index.document_frequency(a.stem)))
    }

    /// Whether a word of the question's asking clauses that `matched` lacks is in a passage of
    /// a document other than `document` that also holds a word `matched` holds (see
    /// [`held_beside`]): the words missing from the passage are then not just put
    /// differently in the documents, they point to another one.
    pub fn lacks_what_others_hold(&self, index: &Index, matched: &[Matched], document: usize) -> bool {
        let own = super::scope::Scope::Document(document as u32);
        let unmatched = self.groups.iter().enumerate().filter(|(g, group)| {
            group.asking > 0.0 && group.cue.is_none() && !matched.iter().any(|m| m.group == *g)
        });
        unmatched.flat_map(|(_, group)| &group.alternatives).any(|a| {
            let everywhere = *a.index_frequency.get_or_init(|| index.document_frequency(a.stem));
            everywhere > index.frequency_in(a.stem, own) && held_beside(index, a.stem, matched, document)
        })
    }

    /// Whether any alternative is a common word, which [`Prepared::candidates`] may leave
    /// out.
    pub fn has_common(&self) -> bool {
        self.groups.iter().any(|g| g.common_ceiling > 0.0)
    }

    /// The least coverage with which a passage whose only matches are common words may
    /// answer (see `Hit::covers_enough`): it holds at most the things of the groups with
    /// common words (a compound's parts one thing), and two of its words meet only if
    /// it holds two groups.
    pub fn common_only_lowest_answering(&self, query: &Query) -> f32 {
        let common = || self.groups.iter().zip(&query.groups).filter(|(g, _)| g.common_ceiling > 0.0);
        let mut things: Vec<usize> = common().map(|(_, g)| g.compound.unwrap_or(g.position)).collect();
        things.sort_unstable();
        things.dedup();
        let mut lowest = MIN_COVERAGE;
        if common().count() >= 2 {
            lowest = lowest.min(MEETING_MIN_COVERAGE);
        }
        if things.len() >= SEVERAL_WORDS {
            lowest = lowest.min(SEVERAL_MIN_COVERAGE);
        }
        lowest
    }

    /// The most a passage can have whose only matches are common words and which the
    /// candidates left out under `prune`: its base score and its coverage.
    pub fn common_only_bound(&self, prune: Prune) -> (f32, f32) {
        let groups = || self.groups.iter().filter(|g| g.common_ceiling > 0.0);
        let importance: f32 = groups().map(|g| g.importance).sum();
        // Document evidence: in any document from any group; outside `Near` documents only
        // from the groups with common words.
        let evidence = match prune {
            Prune::All => self.groups.iter().filter(|g| g.cue.is_none()).map(|g| g.importance).sum(),
            Prune::Near | Prune::Nothing => importance,
        };
        let score = groups().map(|g| g.common_ceiling).sum::<f32>() + DOCUMENT_EVIDENCE_WEIGHT * evidence;
        let mut coverage = importance / self.total_importance;
        if self.has_context {
            coverage = coverage.max(groups().map(|g| g.asking).sum::<f32>() / self.asking_total);
        }
        (score, coverage)
    }

    /// Sorted slots of the passages any group can reach, within `document` when given; the
    /// postings of common words only as `prune` says.
    pub fn candidates(&self, index: &Index, document: Option<usize>, prune: Prune) -> Vec<u32> {
        let range = document.map_or(0..index.passage_count() as u32, |d| index.document_slots(d as u32));
        let mut slots = SlotSet::within(range);
        let mut near = DocumentSet::new(index.documents().len());
        let rare = self.groups.iter().filter(|g| g.cue.is_none()).flat_map(|g| &g.alternatives);
        for alt in rare.filter(|a| !a.common) {
            alt.whole
                .iter()
                .chain(alt.parts)
                .for_each(|p| near.insert(index.slot_documents[p.slot() as usize]));
            alt.titles.iter().for_each(|&d| near.insert(d));
        }
        let is_near = |slot: &u32| near.contains(index.slot_documents[*slot as usize]);
        for group in &self.groups {
            for alt in &group.alternatives {
                let reached = alt.whole.iter().chain(alt.parts).map(|p| p.slot());
                let titled = alt.titles.iter().flat_map(|&d| index.document_slots(d));
                match (prune, alt.common) {
                    (Prune::All, true) => {}
                    (Prune::Near, true) => reached.chain(titled).filter(is_near).for_each(|s| slots.insert(s)),
                    _ => reached.chain(titled).for_each(|s| slots.insert(s)),
                }
            }
            if let Some(cue) = group.cue {
                cue_slots(index, cue).for_each(|s| slots.insert(s));
            }
            if group.common_ceiling == 0.0 {
                group.signed.iter().flat_map(|&d| index.document_slots(d)).for_each(|s| slots.insert(s));
            }
        }
        slots.to_sorted()
    }
}

impl PreparedGroup<'_> {
    fn holds(&self, document: u32) -> bool {
        self.held.contains(document)
    }
}

/// The bit masks of the groups of each split compound (see [`Prepared::compounds`]).
fn compound_masks(query: &Query) -> Vec<u64> {
    let mut masks: Vec<(usize, u64)> = Vec::new();
    for (g, group) in query.groups.iter().enumerate() {
        let Some(word) = group.compound else { continue };
        let bit = if g < 64 { 1 << g } else { 0 };
        match masks.iter_mut().find(|(w, _)| *w == word) {
            Some((_, mask)) => *mask |= bit,
            None => masks.push((word, bit)),
        }
    }
    let complete = |word: usize, mask: u64| {
        let groups = query.groups.iter().filter(|g| g.compound == Some(word)).count();
        mask.count_ones() as usize == groups
    };
    masks.into_iter().filter(|&(w, m)| complete(w, m)).map(|(_, m)| m).collect()
}

fn prepare_group<'a>(index: &'a Index, group: &'a Group, scope: Scope, language: Language) -> PreparedGroup<'a> {
    // Within one document every passage is scored: nothing is common enough to leave out.
    let threshold = match scope {
        Scope::Index => COMMON_MIN_REACH.max((index.passage_count() as f32 * COMMON_REACH_SHARE) as usize),
        Scope::Document(_) => usize::MAX,
    };
    let alternatives: Vec<Alternative> = group
        .alternatives
        .iter()
        .filter_map(|alt| {
            let term = index.terms.get(&alt.stem)?;
            let indirect = matches!(alt.kind, MatchKind::Synonym | MatchKind::Related | MatchKind::Typo);
            // Within a document, its own postings only.
            let whole = index.postings_in(index.whole_postings(Some(term)), scope);
            let parts = if indirect { &[] } else { index.postings_in(index.part_postings(Some(term)), scope) };
            let titles = index.titles_in(index.title_documents(Some(term)), scope);
            let titled: usize = titles.iter().map(|&d| index.document_slots(d).len()).sum();
            let frequency = index.frequency_in(&alt.stem, scope);
            let index_frequency = OnceCell::new();
            if scope == Scope::Index {
                let _ = index_frequency.set(frequency);
            }
            let idf = index.idf_in(frequency, scope);
            let informative_in = |idf: f32, scope: Scope| idf >= MIN_ANCHOR_IDF_SHARE * index.max_idf_in(scope);
            let informative = informative_in(idf, scope) || {
                let frequency = *index_frequency.get_or_init(|| index.document_frequency(&alt.stem));
                informative_in(index.idf_in(frequency, Scope::Index), Scope::Index)
            };
            Some(Alternative {
                term,
                whole,
                parts,
                titles,
                idf,
                stem: &alt.stem,
                index_frequency,
                informative,
                weight: alt.weight,
                // A compound part is the word itself; in an English question a translation is
                // the word as the documents write it (in a Dutch one, a foreign word's
                // translation is a guess at what the asker meant).
                quality: match alt.kind {
                    MatchKind::CompoundPart => 1.0,
                    MatchKind::Translation if language == Language::English => 1.0,
                    _ => alt.weight,
                },
                common: group.cue.is_none() && whole.len() + parts.len() + titled > threshold,
            })
        })
        .collect();
    let importance = importance(index, group, scope);
    let common_ceiling = alternatives
        .iter()
        .filter(|a| a.common)
        .map(|a| a.weight * a.idf * (BM25_K1 + 1.0))
        .fold(0.0, f32::max);
    let mut held = DocumentSet::new(index.documents().len());
    for alt in &alternatives {
        alt.whole.iter().chain(alt.parts).for_each(|p| held.insert(index.slot_documents[p.slot() as usize]));
        alt.titles.iter().for_each(|&d| held.insert(d));
    }
    let signed = signed_documents(index, &alternatives);
    let mut signed_set = DocumentSet::new(index.documents().len());
    signed.iter().for_each(|&d| signed_set.insert(d));
    let only_related = group
        .alternatives
        .iter()
        .filter(|a| index.terms.get(&a.stem).is_some())
        .all(|a| a.kind == MatchKind::Related);
    PreparedGroup {
        only_related,
        alternatives,
        cue: group.cue.as_ref(),
        importance,
        asking: if group.context { 0.0 } else { importance },
        held,
        signed,
        signed_set,
        common_ceiling,
    }
}

/// The documents whose sender's words hold one of `alternatives`, sorted.
fn signed_documents(index: &Index, alternatives: &[Alternative]) -> Vec<u32> {
    let mut documents: Vec<u32> =
        alternatives.iter().flat_map(|a| index.sender_documents(a.term)).copied().collect();
    documents.sort_unstable();
    documents.dedup();
    documents
}

/// How much a group matters: the IDF of its rarest alternative that occurs, or the highest
/// IDF when nothing in the index matches it (an unknown word is a subject we lack); times
/// the word's background rarity, so common words (`weer`, `speelt`) weigh less either way.
fn importance(index: &Index, group: &Group, scope: Scope) -> f32 {
    corpus_importance(index, group, scope) * group.rarity
}

fn corpus_importance(index: &Index, group: &Group, scope: Scope) -> f32 {
    let known = group
        .alternatives
        .iter()
        .filter(|a| !matches!(a.kind, MatchKind::Synonym | MatchKind::Related))
        .map(|a| index.frequency_in(&a.stem, scope))
        .filter(|&df| df > 0)
        .map(|df| index.idf_in(df, scope))
        .fold(None, |best: Option<f32>, idf| Some(best.map_or(idf, |b| b.max(idf))));
    match (known, &group.cue) {
        (_, Some(_)) => index.max_idf_in(scope),
        (Some(idf), None) => idf,
        (None, None) => index.max_idf_in(scope),
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

/// Documents [`held_beside`] looks at before it says yes without looking further: a word
/// in more documents than this points to another one, as every word did before (session
/// 64), and the cost per lacked word stays bounded at any corpus size.
const BESIDE_DOCUMENTS: usize = 64;

/// Whether a document other than `document` holds `stem` and one of the terms `matched`:
/// a word the passage lacks points to another document only where that one also tells of
/// what the passage matched (`straat` in a letter about cycle streets says nothing about
/// `asielzoekers ... zomer ... op straat`).
fn held_beside(index: &Index, stem: &str, matched: &[Matched], document: usize) -> bool {
    let term = index.terms.get(stem);
    let document_of = |p: &Posting| index.slot_documents[p.slot() as usize];
    let whole = index.whole_postings(term).iter().map(document_of);
    let parts = index.part_postings(term).iter().map(document_of);
    let titles = index.title_documents(term).iter().copied();
    let holds_matched =
        |d: u32| matched.iter().any(|m| index.frequency_in(index.terms.name(m.term), Scope::Document(d)) > 0);
    let (mut previous, mut looked) = (None, 0);
    for d in whole.chain(parts).chain(titles).filter(|&d| d as usize != document) {
        if previous == Some(d) {
            continue;
        }
        previous = Some(d);
        looked += 1;
        if looked > BESIDE_DOCUMENTS || holds_matched(d) {
            return true;
        }
    }
    false
}

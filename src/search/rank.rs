//! Scoring passages against a query and deciding whether the documents answer it at all.
//!
//! Score: per query group, the best of its alternatives by BM25 (whole words, compound parts
//! at a lower weight) or a cue for the passage's kind; plus a capped proximity bonus; less
//! when the matched words stand in different sentences of a long passage (`best_span_share`,
//! a factor of at most 1, so the pruning's bounds hold); times a boost when the passage holds
//! the kind of answer asked for. Declining uses the IDF-weighted
//! share of the question the best passage covers (less is enough when two of its words
//! stand together, or when the passage holds three things it names), and needs one
//! informative match; a passage
//! that covers only part of the question must hold words that would not meet by chance in a
//! corpus this size (`chance_meeting`). Typo matches count: they are only tried for words
//! that are not Dutch words at all.
//!
//! Cost follows the postings of the question's words, not the size of the corpus: only
//! passages that hold a query word (or that a cue asks for) are candidates; for each, the
//! BM25 part, coverage and document evidence come from binary searches in the postings
//! ([`super::candidates`]); the text-reading parts (proximity, answer types, definitions) are
//! computed only for candidates whose upper bound can still reach the top [`RANK_LIMIT`].
//! The result is the same top list as scoring every passage.

use super::candidates::{Base, Matched, Prepared, Prune};
use super::evidence::{holds_answer_type, holds_function_evidence, names_something, signed_by, AnswerEvidence};
use super::negation::{negated_terms, negation_agrees};
use super::index::{Index, PassageId, TermId};
use super::params::*;
use super::proximity::{
    best_span_share, distinct_words, positions, proximity_bonus, scattered_compound_parts, sentence_numbers,
    words_meet,
};
use super::query::{Defined, Query};
use super::scope::Scope;
use super::top::TopHits;
use crate::document::text::TextReader;
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
    /// Whether the question's words this passage holds would meet in some passage of the
    /// other documents by chance, while others are missing (see `chance_meeting`).
    pub by_chance: bool,
    /// Whether two of the question's words stand together in the passage (see
    /// `proximity::words_meet`), and no word it lacks is in another document that holds a
    /// word it matched (see `Prepared::lacks_what_others_hold`): a passage that covers less of the question may
    /// then answer. Read only below [`MIN_COVERAGE`], where it decides; false above it.
    pub words_meet: bool,
    /// How many of the question's words the passage holds (see `proximity::distinct_words`).
    pub words_held: usize,
    /// An addressee or signature that no cue of the question asks for: it names a person or
    /// body and says nothing more about them, so it answers only a question it covers
    /// entirely (`wie is M. Rutte`, not `wat heeft Rutte gestudeerd`). A heading names a
    /// subject, which a question about it may ask for (`bij welke begroting hoort de brief`).
    pub unasked_part: bool,
    /// Terms of this passage that matched (sorted, each once), for choosing the sentences to
    /// quote: ids, so that ranking makes no strings for the many hits it does not quote.
    pub matched_terms: Vec<TermId>,
}

impl Hit {
    /// The stems of [`Hit::matched_terms`].
    pub fn matched_stems(&self, index: &Index) -> Vec<String> {
        self.matched_terms.iter().map(|&t| index.terms.name(t).to_string()).collect()
    }

    pub fn answers(&self) -> bool {
        self.covers_enough()
            && self.anchored
            && self.holds_required
            && self.holds_focus
            && !self.by_chance
            && !(self.unasked_part && self.coverage < FULL_COVERAGE)
    }

    /// Covers [`MIN_COVERAGE`] of the question, or [`MEETING_MIN_COVERAGE`] with two of its
    /// words together, or [`SEVERAL_MIN_COVERAGE`] holding [`SEVERAL_WORDS`] of its words (the
    /// words a member puts differently from the letter, `bezuinigen` for `de groei van de
    /// uitgaven remmen`, leave the rest uncovered).
    pub fn covers_enough(&self) -> bool {
        self.coverage >= MIN_COVERAGE
            || (self.words_meet && self.coverage >= MEETING_MIN_COVERAGE)
            || (self.words_held >= SEVERAL_WORDS && self.coverage >= SEVERAL_MIN_COVERAGE)
    }
}

/// The best passages, best first (at most [`RANK_LIMIT`], only those that match anything).
pub fn rank(index: &Index, query: &Query) -> Vec<Hit> {
    rank_within(index, query, None)
}

/// Like [`rank`], among the passages of one document only (when given), weighed by that
/// document's own word statistics (see [`super::scope`]).
///
/// Passages whose only matches are common words are first left out (MaxScore's idea), then
/// those outside the documents where a rarer word occurs. The hits stand when the most a
/// left-out passage could score stays below the 20th hit, or when it could not cover enough
/// of the question to answer and either stays below the first hit or no hit answers anyway;
/// else the ranking is done again with more of them. The answer, "Zie ook" and "Meer" are
/// the same either way (a left-out passage could only have held a place among hits that do
/// not answer, or have been the first of a list that declines either way).
pub fn rank_within(index: &Index, query: &Query, document: Option<usize>) -> Vec<Hit> {
    let prepared = Prepared::new(index, query, Scope::of(document));
    // Each round adds candidates to the last: what was scored stays scored.
    let mut top = TopHits::new(index, query, &prepared);
    // The last hit's score so far: a wider round scores only what can reach it.
    let mut floor = 0.0;
    // A passage of common words only answers at no lower coverage than this.
    let lowest = prepared.common_only_lowest_answering(query);
    for prune in [Prune::All, Prune::Near].into_iter().filter(|_| prepared.has_common()) {
        top.add_reaching(prepared.candidates(index, document, prune), floor);
        let hits = top.hits();
        let (score, coverage) = prepared.common_only_bound(prune);
        let bound = score * (1.0 + PROXIMITY_CAP) * boost_bound(query) * coordination(coverage);
        let last = hits.get(RANK_LIMIT - 1).map_or(0.0, |h| h.score);
        let first = hits.first().map_or(0.0, |h| h.score);
        let none_answers = || hits.iter().all(|h| !h.answers());
        if bound < last || (coverage < lowest && (bound < first || none_answers())) {
            return hits;
        }
        floor = if hits.len() >= RANK_LIMIT { last } else { 0.0 };
    }
    top.add_reaching(prepared.candidates(index, document, Prune::Nothing), floor);
    top.hits()
}

/// Like [`rank_within`], scoring every passage that holds a query word or meets a cue,
/// common words included: the reference the pruned ranking is checked against.
#[cfg(any(test, feature = "internals"))]
pub fn rank_exhaustive(index: &Index, query: &Query, document: Option<usize>) -> Vec<Hit> {
    let prepared = Prepared::new(index, query, Scope::of(document));
    let mut top = TopHits::new(index, query, &prepared);
    top.add_every(prepared.candidates(index, document, Prune::Nothing));
    top.hits()
}

pub(super) fn coordination(coverage: f32) -> f32 {
    if COORDINATION_EXPONENT == 1.0 {
        coverage
    } else {
        coverage.powf(COORDINATION_EXPONENT)
    }
}

/// The most the multipliers that read the passage's text can raise a score.
pub(super) fn boost_bound(query: &Query) -> f32 {
    let answer = if query.answer_types.is_empty() { 1.0 } else { ANSWER_TYPE_BOOST };
    let definition = if query.definition.is_some() { DEFINITION_BOOST } else { 1.0 };
    let negation = if query.negated.is_empty() { 1.0 } else { NEGATION_BOOST };
    answer * definition * negation
}

/// What the multipliers of a query's candidates read, resolved once per query.
pub(super) struct Multipliers<'a> {
    /// Parts of a letter no cue asks for.
    pub(super) unasked: Vec<PassageKind>,
    answer_types: Vec<AnswerEvidence<'a>>,
    /// Terms of the words the question negates.
    negated: Vec<TermId>,
    /// Whether a cue asks for a letter's opening paragraph (what it is about, why written).
    opening_asked: bool,
}

impl<'a> Multipliers<'a> {
    pub(super) fn of(index: &'a Index, query: &'a Query) -> Multipliers<'a> {
        let answer_types = query.answer_types.iter().map(|t| AnswerEvidence::of(index, t)).collect();
        let opening_asked = query.groups.iter().any(|g| g.cue.as_ref().is_some_and(|c| c.opening));
        Multipliers { unasked: unasked_parts(query), answer_types, negated: negated_terms(index, query), opening_asked }
    }
}

/// The exact score of a candidate: its base, plus proximity, times the span share's factor
/// and the multipliers.
pub(super) fn finish(
    index: &Index,
    query: &Query,
    prepared: &Prepared,
    (slot, base): (usize, Base),
    multipliers: &Multipliers,
    (scratch, texts): (&mut Vec<Matched>, &mut TextReader),
) -> Hit {
    let (unasked, answer_types) = (&multipliers.unasked, &multipliers.answer_types);
    let indexed = &index.passages[slot];
    let id = index.passage_id(slot);
    let passage = index.passage(id);
    scratch.clear();
    let again = prepared.base(index, slot as u32, scratch);
    debug_assert!(
        again.is_some_and(
            |a| (a.total() - base.total()).abs() <= 1e-4 * base.total() && a.coverage == base.coverage
        ),
        "term-at-a-time base {base:?} differs from the per-passage base {again:?}"
    );
    let mut score = base.total();
    let positions = positions(index, indexed, scratch);
    score += proximity_bonus(&positions, scratch, score);
    score *= 1.0 - SPAN_WEIGHT * (1.0 - best_span_share(scratch, &positions));
    let mut sentences: Option<Vec<usize>> = None;
    let mut same_sentence = |i: usize, j: usize| {
        let sentences = sentences.get_or_insert_with(|| sentence_numbers(index, slot, texts.read(&passage.text)));
        sentences.get(i) == sentences.get(j)
    };
    let scattered = scattered_compound_parts(query, scratch, &positions, &mut same_sentence);
    let coverage = if scattered.is_empty() {
        base.coverage
    } else {
        prepared.coverage_with_scattered(&base, &scattered)
    };
    // Read only where it decides: below the coverage that answers on its own.
    let words_meet = coverage < MIN_COVERAGE
        && words_meet(query, scratch, &positions)
        && !prepared.lacks_what_others_hold(index, scratch, id.document);
    let focus_terms: Vec<TermId> = scratch
        .iter()
        .filter(|m| query.focus.as_ref().is_some_and(|f| f.contains(&m.group)))
        .map(|m| m.term)
        .collect();
    // Each type checked once, for the boost and for what the question requires.
    // A count of the word asked about stands beside it: a passage without it counts something else.
    let lacks_counted = query.focus.is_some() && focus_terms.is_empty();
    // A view reported of someone else names them where it is reported (`*de vakbond* zegt`;
    // `met deze brief reageer ik` is the sender's), unless they signed the document.
    let speaker_named = query.speakers.is_empty() || scratch.iter().any(|m| query.speakers.contains(&m.group));
    // Looked up once per passage: the one whose view is asked is one word of the question,
    // the same for every type that has a speaker (only `third_party` types do).
    let signed = std::cell::OnceCell::new();
    let signer = |speaker: &str| *signed.get_or_init(|| signed_by(index, id.document, speaker));
    let mut held = |t: &AnswerEvidence| {
        if t.spec.names_focus {
            return !lacks_counted;
        }
        !(t.spec.near_focus && lacks_counted)
            && (speaker_named || t.spec.speaker.as_deref().is_none_or(signer))
            && (holds_answer_type(index, t, index.words_of(indexed), &focus_terms)
                || holds_function_evidence(index, (slot, || texts.read(&passage.text)), t.spec, &focus_terms)
                || (t.spec.proper_names && names_something(texts.read(&passage.text))))
    };
    let (mut any_held, mut holds_required) = (false, true);
    for t in answer_types {
        let this = held(t);
        any_held |= this;
        if t.spec.required && !this {
            holds_required &= t.spec.speaker.as_deref().is_some_and(signer);
        }
    }
    if any_held {
        score *= ANSWER_TYPE_BOOST;
    }
    if !holds_required {
        score *= REQUIRED_TYPE_MISSING_FACTOR;
    }
    if query
        .definition
        .as_ref()
        .is_some_and(|defined| defines(index, texts.read(&passage.text), slot, defined))
    {
        score *= DEFINITION_BOOST;
    }
    if unasked.contains(&passage.kind) {
        score *= HEADING_FACTOR;
    }
    if indexed.opening && !multipliers.opening_asked && query.definition.is_none() {
        score *= UNASKED_OPENING_FACTOR;
    }
    if negation_agrees(index, || texts.read(&passage.text), &multipliers.negated, &query.negators) {
        score *= NEGATION_BOOST;
    }
    Hit {
        id,
        slot,
        score: score * coordination(coverage),
        coverage,
        anchored: base.anchored,
        holds_required,
        holds_focus: base.holds_focus,
        unasked_part: passage.kind != PassageKind::Heading && unasked.contains(&passage.kind),
        words_meet,
        words_held: distinct_words(query, scratch),
        by_chance: coverage < 1.0
            && chance_meeting(index, prepared, scratch, id.document) >= CHANCE_MEETINGS,
        matched_terms: matched_terms(scratch),
    }
}

/// The terms of `matched`, sorted, each once.
fn matched_terms(matched: &[Matched]) -> Vec<TermId> {
    let mut terms: Vec<TermId> = matched.iter().map(|m| m.term).collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// How many passages of the other documents would hold all the words a passage matched if
/// words fell into passages independently: those holding the rarest, times the share of
/// passages holding each of the others. At 10,000 letters `container` and `schip` meet in
/// about two passages by chance, so a passage holding both says little about
/// `containerschip`; within one letter, `studenten` and `buurtwerk` meet by design, and with
/// no other document nothing meets by chance. 0 with fewer than two words.
fn chance_meeting(index: &Index, prepared: &Prepared, matched: &[Matched], document: usize) -> f32 {
    let mut terms: Vec<(TermId, usize)> =
        matched.iter().map(|m| (m.term, prepared.index_frequency(index, m))).collect();
    terms.sort_unstable_by_key(|&(term, _)| term);
    terms.dedup_by_key(|&mut (term, _)| term);
    let own = Scope::Document(document as u32);
    let outside = (index.passage_count() - index.passages_in(own)) as f32;
    if terms.len() < 2 || outside == 0.0 {
        return 0.0;
    }
    let mut frequencies: Vec<f32> = terms
        .iter()
        .map(|&(term, frequency)| (frequency - index.frequency_in(index.terms.name(term), own)) as f32)
        .collect();
    frequencies.sort_by(f32::total_cmp);
    frequencies[1..].iter().fold(frequencies[0], |expected, &df| expected * df / outside)
}

/// The parts of a letter around its paragraphs (heading, addressee, signature) that no cue
/// of the question asks for: they name the sender's ministry or the subject in a few words,
/// which would otherwise outrank the paragraph about them.
fn unasked_parts(query: &Query) -> Vec<PassageKind> {
    // A date is asked for in the addressee line or the signature.
    let asked = |kind: PassageKind| {
        let dated = kind != PassageKind::Heading;
        query.groups.iter().any(|g| g.cue.as_ref().is_some_and(|c| c.kinds.contains(&kind) || (dated && c.dated)))
    };
    [PassageKind::Heading, PassageKind::Addressee, PassageKind::Signature]
        .into_iter()
        .filter(|&kind| !asked(kind))
        .collect()
}

/// Characters after a word in which a copula is looked for.
const DEFINITION_LOOKAHEAD: usize = 16;
/// How many function words may open a sentence before the word it describes.
const SENTENCE_OPENING_WORDS: usize = 2;

/// Whether a word whose text precedes it as `before` opens a generic statement about it:
/// at most [`SENTENCE_OPENING_WORDS`] function words stand between it and its sentence's
/// start, the last an indefinite article (`In een *burgerberaad* praten ...`, `Een
/// *fietsstraat* heeft ...`; not `*Wijkteams* van gemeenten werken ...`).
fn opens_generic_sentence(index: &Index, before: &str, articles: &[String]) -> bool {
    let sentence = before.rfind(['.', '!', '?', ':', ';']).map_or(before, |end| &before[end + 1..]);
    let words = crate::text::tokens(sentence);
    let generic = words.last().is_some_and(|last| articles.contains(&last.folded));
    generic && words.len() <= SENTENCE_OPENING_WORDS && words.iter().all(|t| !index.analyzer.is_content_word(&t.folded))
}

/// Whether the passage defines the word: one of its stems followed by a copula (`een
/// fietsstraat is een straat ...`), or opening a generic statement about it (see
/// [`opens_generic_sentence`]).
fn defines(index: &Index, text: &str, slot: usize, defined: &Defined) -> bool {
    let about = |word: u32| defined.stems.iter().any(|s| s == index.word_stem(word));
    if !index.words_of(&index.passages[slot]).iter().any(about) {
        return false;
    }
    index.content_tokens(slot, text).filter(|(_, word)| about(*word)).any(|(range, _)| {
        if opens_generic_sentence(index, &text[..range.start], &defined.generic_articles) {
            return true;
        }
        let after: String = text[range.end..]
            .trim_start()
            .chars()
            .take(DEFINITION_LOOKAHEAD)
            .collect::<String>()
            .to_lowercase();
        defined.copulas.iter().any(|c| after.starts_with(c.as_str()) && after[c.len()..].starts_with(' '))
    })
}

//! Where the matched words of a question stand in a passage, and what follows from it: a
//! bonus for matched words close together, and the rule that the parts of a compound the
//! documents lack whole count only together.
//!
//! Invariant: positions are indices into the passage's content words; a compound in the
//! passage that holds several matched parts gives them the same position.

use super::candidates::Matched;
use super::index::{Index, IndexedPassage, TermId};
use super::params::{COMPOUND_PART_WINDOW, MEETING_MIN_RARITY, PROXIMITY_CAP, PROXIMITY_WEIGHT, PROXIMITY_WINDOW, SPAN_WINDOW};
use super::query::Query;

/// For each matched group (in the order of `matched`), the positions of its term.
pub(crate) fn positions(index: &Index, passage: &IndexedPassage, matched: &[Matched]) -> Vec<Vec<usize>> {
    let mut positions: Vec<Vec<usize>> = vec![Vec::new(); matched.len()];
    let terms: Vec<TermId> = matched.iter().map(|m| m.term).collect();
    // Most words match no group: one look at each word, then at each group only for those.
    for (i, word) in index.words_of(passage).iter().enumerate().filter(|&(_, word)| index.word_has(word, &terms)) {
        for (m, found) in matched.iter().enumerate() {
            if index.word_has(word, &[found.term]) {
                positions[m].push(i);
            }
        }
    }
    positions
}

/// The share of the matched groups' IDF that the best stretch of [`SPAN_WINDOW`] content
/// words holds: 1 when the words the passage matched stand together (or fewer than two have
/// a place in its text), less when a long passage holds each somewhere else.
pub(crate) fn best_span_share(matched: &[Matched], positions: &[Vec<usize>]) -> f32 {
    let first = positions.iter().filter_map(|at| at.first()).min();
    let last = positions.iter().filter_map(|at| at.last()).max();
    // Positions are in order: all within one stretch (a short passage) is the whole share.
    if first.zip(last).is_none_or(|(first, last)| last - first < SPAN_WINDOW) {
        return 1.0;
    }
    let total: f32 = (0..matched.len()).filter(|&m| !positions[m].is_empty()).map(|m| matched[m].idf).sum();
    if positions.iter().filter(|at| !at.is_empty()).count() < 2 || total <= 0.0 {
        return 1.0;
    }
    let mut placed: Vec<(usize, usize)> =
        positions.iter().enumerate().flat_map(|(m, at)| at.iter().map(move |&p| (p, m))).collect();
    placed.sort_unstable();
    let (mut inside, mut held, mut best, mut left) = (vec![0usize; matched.len()], 0.0f32, 0.0f32, 0);
    for right in 0..placed.len() {
        let (at, m) = placed[right];
        while placed[left].0 + SPAN_WINDOW <= at {
            let gone = placed[left].1;
            inside[gone] -= 1;
            if inside[gone] == 0 {
                held -= matched[gone].idf;
            }
            left += 1;
        }
        if inside[m] == 0 {
            held += matched[m].idf;
        }
        inside[m] += 1;
        best = best.max(held);
    }
    (best / total).min(1.0)
}

/// Whether two matched groups stand within the window (`same` allows one word for both).
fn near(a: &[usize], b: &[usize], same: bool) -> bool {
    a.iter().any(|&i| b.iter().any(|&j| i.abs_diff(j) <= PROXIMITY_WINDOW && (same || i != j)))
}

/// Whether two words of the question that do not stand side by side in it stand within
/// the proximity window of each other in the passage, one of them at least
/// [`MEETING_MIN_RARITY`] rare in general language: the passage says something about two
/// things the question names together, not each somewhere, and not only everyday words
/// (`mooi` and `weer` meet in `Weer een mooi initiatief`). Neighbours in the question name
/// one thing (`eigen risico`, `bicycle street`), as do the parts of one compound; words of
/// a clause that only tells do not count.
pub(crate) fn words_meet(query: &Query, matched: &[Matched], positions: &[Vec<usize>]) -> bool {
    let group = |m: &Matched| &query.groups[m.group];
    (0..matched.len()).any(|a| {
        (a + 1..matched.len()).any(|b| {
            let (first, second) = (group(&matched[a]), group(&matched[b]));
            !first.context
                && !second.context
                && first.position.abs_diff(second.position) > 1
                && first.rarity.max(second.rarity) >= MEETING_MIN_RARITY
                && near(&positions[a], &positions[b], false)
        })
    })
}

/// How many things of the question the matched terms stand for: neighbours in the
/// question name one thing (`per jaar`, `eigen risico`), as do the parts of one compound
/// and a word matched by several of its alternatives. A clause that only tells counts too:
/// the asker's situation (`mijn buurman is ziek, ...`) is part of what a paragraph must be
/// about (measured: two more tune questions right, no decline lost). Without
/// allocating: the words' positions as bits (a question has at most `MAX_QUERY_WORDS`
/// words; a position past the last bit counts as the last), counted by runs.
pub(crate) fn distinct_words(query: &Query, matched: &[Matched]) -> usize {
    let positions = matched
        .iter()
        .map(|m| &query.groups[m.group])
        .map(|g| g.compound.unwrap_or(g.position).min(u128::BITS as usize - 1));
    let held = positions.fold(0u128, |bits, at| bits | 1 << at);
    (held & !(held << 1)).count_ones() as usize
}

/// A bonus for pairs of matched stems standing close together in the passage.
pub(crate) fn proximity_bonus(positions: &[Vec<usize>], matched: &[Matched], score: f32) -> f32 {
    let mut bonus = 0.0;
    for a in 0..matched.len() {
        for b in a + 1..matched.len() {
            if near(&positions[a], &positions[b], false) {
                bonus += PROXIMITY_WEIGHT * matched[a].idf.min(matched[b].idf);
            }
        }
    }
    bonus.min(PROXIMITY_CAP * score)
}

/// The groups matched by parts of a compound whose parts are all in the passage but do not
/// stand together (`huisarts` asked, `huis` and `arts` two sentences apart; only `arts` is
/// dealt with in the base, from postings alone): a part
/// alone is not the compound asked about (`Jeugdwet` is not `wet- en regelgeving`), so
/// these groups count less towards coverage (`SCATTERED_PART_QUALITY`). Within
/// [`COMPOUND_PART_WINDOW`] content words, or within the proximity window in one sentence
/// (`same_sentence`, asked only then), or within one compound of the passage, they are
/// together: `dijken ... versterking` in one sentence says `dijkversterking`, `een handige
/// ... Er schakelt` does not say `handgeschakeld`.
pub(crate) fn scattered_compound_parts(
    query: &Query,
    matched: &[Matched],
    positions: &[Vec<usize>],
    same_sentence: &mut dyn FnMut(usize, usize) -> bool,
) -> Vec<usize> {
    let mut scattered = Vec::new();
    let compounds = matched.iter().filter_map(|m| query.groups[m.group].compound);
    let mut seen: Vec<usize> = Vec::new();
    for compound in compounds {
        if seen.contains(&compound) {
            continue;
        }
        seen.push(compound);
        let parts: Vec<usize> = (0..matched.len())
            .filter(|&m| query.groups[matched[m].group].compound == Some(compound))
            .collect();
        let asked: Vec<usize> =
            (0..query.groups.len()).filter(|&g| query.groups[g].compound == Some(compound)).collect();
        // Some parts only: counted at part quality in the base already, when the compound's
        // groups are among the 64 it tracks (see `Prepared::without_partial_compounds`).
        if parts.len() < asked.len() && asked.iter().all(|&g| g < 64) {
            continue;
        }
        let mut stand_together = |a: &[usize], b: &[usize]| {
            a.iter().any(|&i| {
                b.iter().any(|&j| {
                    let apart = i.abs_diff(j);
                    apart <= COMPOUND_PART_WINDOW || (apart <= PROXIMITY_WINDOW && same_sentence(i, j))
                })
            })
        };
        let together = parts.len() == asked.len()
            && parts.iter().all(|&a| parts.iter().all(|&b| a == b || stand_together(&positions[a], &positions[b])));
        if !together {
            scattered.extend(parts.iter().map(|&m| matched[m].group));
        }
    }
    scattered
}

/// The sentence of each content word of the passage in `slot` (whose `text` it is), counted
/// from 0: a new one after a `.`, `?` or `!` between two words (an abbreviation's full stop
/// counts too, which only keeps two words apart that a question's compound joins).
pub(crate) fn sentence_numbers(index: &Index, slot: usize, text: &str) -> Vec<usize> {
    let mut sentence = 0;
    let mut previous_end = 0;
    index
        .content_tokens(slot, text)
        .map(|(range, _)| {
            if text.get(previous_end..range.start).is_some_and(|between| between.contains(['.', '?', '!'])) {
                sentence += 1;
            }
            previous_end = range.end;
            sentence
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(idfs: &[f32]) -> Vec<Matched> {
        idfs.iter().enumerate().map(|(g, &idf)| Matched { group: g, term: g as TermId, idf }).collect()
    }

    #[test]
    fn words_within_one_stretch_hold_the_whole_share() {
        let m = matched(&[1.0, 3.0]);
        assert_eq!(best_span_share(&m, &[vec![2], vec![2 + SPAN_WINDOW - 1]]), 1.0);
        // One matched word, or one with no place in the text (a title word), is no spread.
        assert_eq!(best_span_share(&m, &[vec![0], vec![]]), 1.0);
    }

    /// A long paragraph that holds each word in another sentence: the best stretch holds
    /// the rarer word, a quarter of the weight lost.
    #[test]
    fn words_a_stretch_apart_hold_the_best_stretch_share() {
        let m = matched(&[1.0, 3.0]);
        assert_eq!(best_span_share(&m, &[vec![0], vec![SPAN_WINDOW]]), 0.75);
        let three = matched(&[1.0, 1.0, 2.0]);
        let apart = [vec![0, 3 * SPAN_WINDOW], vec![SPAN_WINDOW * 3 + 1], vec![SPAN_WINDOW + 5]];
        assert_eq!(best_span_share(&three, &apart), 0.5);
    }
}

//! Postings of a build after another (a reload) when most documents are unchanged: the
//! previous index's lists, renumbered to the new slots and terms, with the postings of the
//! documents that changed merged in. Reading lists in order costs far less than counting
//! every word of every passage again.
//!
//! Invariant: the lists are the ones [`Index::add_postings`] would make from the tokens.
//! Unchanged documents keep their order (both loads sort documents by file name), so their
//! renumbered slots stay sorted; a changed document's passages are counted from its tokens.

use std::ops::Range;

use super::index::{Index, Posting, TermId, UNCOUNTED};
use super::lists::Lists;

/// Below this share of passages taken from the previous index, counting all tokens again is
/// as quick as renumbering, and simpler.
const MIN_REUSED_SHARE: f64 = 0.5;

/// Per new document, the previous index's slots of the same document when it is unchanged.
pub(super) type Reused = [Option<Range<u32>>];

/// Postings with their terms, sorted by term then slot.
type TermPostings = Vec<(TermId, Posting)>;

/// Whether enough passages come from the previous index for [`add_reused_postings`] to pay.
pub(super) fn worth_reusing(reused: &Reused, passages: usize) -> bool {
    let taken: usize = reused.iter().flatten().map(|r| r.len()).sum();
    passages > 0 && taken as f64 >= MIN_REUSED_SHARE * passages as f64
}

impl Index {
    /// Fills `whole` and `parts` (already sized to the terms) from `previous`'s lists and the
    /// tokens of the passages of changed documents.
    /// `previous_terms`: per term id, its previous id where the analysis knows it (see
    /// `build::analysis::Analysis`); the other terms are looked up by name.
    pub(super) fn add_reused_postings(&mut self, previous: &Index, reused: &Reused, previous_terms: &[u32]) {
        let runs = moved_runs(reused, &self.document_starts);
        let old_terms: Vec<Option<TermId>> = (0..self.terms.len())
            .map(|t| match previous_terms.get(t).copied().unwrap_or(u32::MAX) {
                u32::MAX => previous.terms.get(self.terms.name(t as TermId)),
                old => Some(old),
            })
            .collect();
        let (fresh_whole, fresh_parts) = self.fresh_postings(reused);
        // Per term: whether its list is other than the previous one's, moved.
        let mut changed = vec![false; old_terms.len()];
        let mut renumbered = |old_lists: &Lists<Posting>, fresh: TermPostings| {
            // At most every previous posting and every fresh one: allocated once.
            let mut lists = Lists::with_capacity(old_terms.len(), old_lists.total() + fresh.len());
            let mut fresh = fresh.as_slice();
            for (term, old_term) in old_terms.iter().enumerate() {
                let own = fresh.partition_point(|&(t, _)| t as usize == term);
                let (mine, rest) = fresh.split_at(own);
                fresh = rest;
                let old = old_term.map_or(&[][..], |t| old_lists.get(t as usize));
                changed[term] |= merge_into(&mut lists, old, &runs, mine);
            }
            lists.shrink_when_spare();
            lists
        };
        self.whole = renumbered(&previous.whole, fresh_whole);
        self.parts = renumbered(&previous.parts, fresh_parts);
        // A term whose lists only moved holds as many passages as before.
        self.frequencies = old_terms
            .iter()
            .zip(&changed)
            .map(|(old, &changed)| match old {
                Some(old) if !changed => previous.frequencies[*old as usize],
                _ => UNCOUNTED,
            })
            .collect();
    }

    /// The postings of the passages of changed documents, as (term, posting) sorted by term
    /// then slot: whole words (and OCR aliases), and compound parts.
    fn fresh_postings(&self, reused: &Reused) -> (TermPostings, TermPostings) {
        let (mut whole, mut parts) = (Vec::new(), Vec::new());
        for (document, _) in reused.iter().enumerate().filter(|(_, r)| r.is_none()) {
            for slot in self.document_slots(document as u32) {
                for word in self.words_of(&self.passages[slot as usize]).iter() {
                    let word = &self.words[word as usize];
                    whole.extend(std::iter::once(word.stem).chain(word.alias).map(|term| (term, slot)));
                    parts.extend(word.parts.iter().map(|&part| (part, slot)));
                }
            }
        }
        (counted(whole), counted(parts))
    }
}

/// Occurrences (term, slot) as postings sorted by term then slot, one per pair with its count.
fn counted(mut occurrences: Vec<(TermId, u32)>) -> TermPostings {
    occurrences.sort_unstable();
    let mut postings: TermPostings = Vec::new();
    for (term, slot) in occurrences {
        match postings.last_mut() {
            Some((t, posting)) if *t == term && posting.slot() == slot => posting.count_one_more(),
            _ => postings.push((term, Posting::once(slot))),
        }
    }
    postings
}

/// A run of the previous index's slots that the new index holds at a fixed distance: the
/// passages of unchanged documents that follow one another in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Moved {
    /// First previous slot, and one past the last.
    old_start: u32,
    old_end: u32,
    /// The new slot of `old_start`.
    new_start: u32,
}

/// The runs of previous slots kept by the new index, in order (both loads order documents
/// by file name, so unchanged documents keep their order); the slots of documents that
/// changed or went are in none. Runs are as few as the changes: neighbours at the same
/// distance are one run.
fn moved_runs(reused: &Reused, document_starts: &[u32]) -> Vec<Moved> {
    let mut runs: Vec<Moved> = Vec::new();
    for (document, old) in reused.iter().enumerate() {
        let Some(old) = old.as_ref().filter(|old| !old.is_empty()) else { continue };
        let new_start = document_starts[document];
        match runs.last_mut() {
            Some(run) if run.old_end == old.start && run.new_start + (run.old_end - run.old_start) == new_start => {
                run.old_end = old.end;
            }
            _ => runs.push(Moved { old_start: old.start, old_end: old.end, new_start }),
        }
    }
    runs
}

/// Adds a term's list to `lists`: the previous list's postings of unchanged documents, moved
/// to their new slots a run at a time, merged with the changed documents' `fresh` postings
/// (both sorted by slot; a fresh posting's slot is in no run). Returns whether the list is
/// other than the previous one moved: a posting dropped or added.
fn merge_into(lists: &mut Lists<Posting>, old: &[Posting], runs: &[Moved], fresh: &[(TermId, Posting)]) -> bool {
    // Most lists lie within one run and gain nothing: moved in one go.
    if let (true, Some(first), Some(last)) = (fresh.is_empty(), old.first(), old.last()) {
        let run = runs.get(runs.partition_point(|run| run.old_end <= first.slot()));
        if let Some(run) = run.filter(|run| run.old_start <= first.slot() && last.slot() < run.old_end) {
            let distance = run.new_start.wrapping_sub(run.old_start);
            lists.push_list(old.iter().map(|p| p.moved_by(distance)));
            return false;
        }
    }
    let mut changed = !fresh.is_empty();
    let mut fresh = fresh.iter().map(|&(_, p)| p).peekable();
    let mut rest = old;
    while let Some(first) = rest.first() {
        // The run that holds this posting's slot, or else the next one.
        let Some(run) = runs.get(runs.partition_point(|run| run.old_end <= first.slot())) else {
            changed = true;
            break;
        };
        let dropped = rest.partition_point(|p| p.slot() < run.old_start);
        changed |= dropped > 0;
        let kept = rest[dropped..].partition_point(|p| p.slot() < run.old_end);
        let (chunk, after) = rest[dropped..].split_at(kept);
        rest = after;
        while let Some(earlier) = fresh.next_if(|f| f.slot() < run.new_start) {
            lists.push(earlier);
        }
        let distance = run.new_start.wrapping_sub(run.old_start);
        lists.extend(chunk.iter().map(|p| p.moved_by(distance)));
    }
    lists.push_list(fresh);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{load_corpus, Source};
    use crate::text::analyzer::Analyzer;

    fn index_of(folder: &std::path::Path, previous: Option<&Index>) -> Index {
        let corpus = load_corpus(Source::Folder(folder), &Analyzer::default()).expect("folder loads");
        Index::build_after(corpus, Analyzer::default(), previous)
    }

    fn slots_by_term(index: &Index, lists: &Lists<Posting>) -> Vec<(String, Vec<(u32, u32)>)> {
        let mut terms: Vec<_> = lists
            .iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(t, list)| {
                let postings = list.iter().map(|p| (p.slot(), p.count())).collect();
                (index.terms.name(t as TermId).to_string(), postings)
            })
            .collect();
        terms.sort();
        terms
    }

    /// The test corpus indexed, then one letter changed, one gone and one come: the
    /// folder, the index before the change, the reload's and a fresh build's after it.
    fn reloaded_and_fresh() -> (tempfile::TempDir, Index, Index, Index) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for entry in std::fs::read_dir("tests/fixtures/corpus").expect("fixture") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, dir.path().join(path.file_name().expect("a name"))).expect("copied");
        }
        let previous = index_of(dir.path(), None);
        let mut names: Vec<_> = previous.documents().iter().map(|d| d.source.clone()).collect();
        names.sort();
        let edited = std::fs::read_to_string(&names[3]).expect("a letter") + "\nEen alinea over fietsparkeren die later kwam.\n";
        std::fs::write(&names[3], edited).expect("written");
        std::fs::remove_file(&names[7]).expect("removed");
        // A letter whose text stays while its title and sender change.
        let metadata = std::path::Path::new(&names[5]).with_extension("toml");
        let retitled = std::fs::read_to_string(&metadata).expect("metadata").replacen("title = \"", "title = \"Brief van de burgemeester over havens en ", 1);
        let resent = retitled.replacen("sender = \"", "sender = \"De burgemeester van Rotterdam, ", 1);
        assert!(resent != retitled, "the letter names its sender");
        std::fs::write(&metadata, resent).expect("written");
        let added = std::fs::read_to_string(&names[1]).expect("a letter").replace("gemeente", "provincie");
        std::fs::write(dir.path().join("zz-nieuw.txt"), added).expect("written");
        let reloaded = index_of(dir.path(), Some(&previous));
        let fresh = index_of(dir.path(), None);
        (dir, previous, reloaded, fresh)
    }

    /// After one letter changed, one went and one came, the postings renumbered from the
    /// previous index are the ones a fresh build counts.
    #[test]
    fn postings_renumbered_after_a_change_equal_a_fresh_count() {
        let (_dir, previous, reloaded, fresh) = reloaded_and_fresh();
        let reused: usize = previous.documents().len() - 2;
        assert!(reused * 2 > previous.documents().len(), "most documents are reused");
        assert_eq!(slots_by_term(&reloaded, &reloaded.whole), slots_by_term(&fresh, &fresh.whole));
        assert_eq!(slots_by_term(&reloaded, &reloaded.parts), slots_by_term(&fresh, &fresh.parts));
        assert_eq!(reloaded.frequencies.iter().sum::<u32>(), fresh.frequencies.iter().sum::<u32>());
    }

    /// What a reload takes from the index being served rather than reading it again (the
    /// words' alphabetical order, which passages hold a date line, the document fields) is
    /// what a fresh build finds.
    #[test]
    fn a_reload_orders_dates_and_titles_as_a_fresh_build_does() {
        let (_dir, previous, reloaded, fresh) = reloaded_and_fresh();
        fn in_order(index: &Index) -> Vec<&str> {
            let words = index.words_in_order.words(&index.vocabulary).into_iter();
            words.filter(|w| index.has_surface(w)).collect()
        }
        assert!(in_order(&reloaded).contains(&"fietsparkeren"), "the new word is ordered in");
        assert!(in_order(&previous).len() != in_order(&reloaded).len(), "the vocabulary changed");
        assert_eq!(in_order(&reloaded), in_order(&fresh));
        let dated = |index: &Index| index.passages.iter().enumerate().map(|(s, p)| (index.passage_id(s), p.dated)).collect::<Vec<_>>();
        assert!(dated(&fresh).iter().any(|&(_, dated)| dated), "some passages are dated");
        assert_eq!(dated(&reloaded), dated(&fresh));
        assert_eq!(slots_by_document(&reloaded, &reloaded.titles), slots_by_document(&fresh, &fresh.titles));
        assert_eq!(slots_by_document(&reloaded, &reloaded.senders), slots_by_document(&fresh, &fresh.senders));
    }

    fn slots_by_document(index: &Index, lists: &Lists<u32>) -> Vec<(String, Vec<u32>)> {
        let mut terms: Vec<_> = lists
            .iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(t, list)| (index.terms.name(t as TermId).to_string(), list.to_vec()))
            .collect();
        terms.sort();
        terms
    }
}

//! Typo candidates: a deletion index over the index's vocabulary (SymSpell's idea), verified
//! with `strsim::osa_distance`, where swapping two neighbouring letters is one edit.
//!
//! The index holds no strings: each deletion variant of a word is hashed; the hash's top
//! bits choose a bucket, its next [`FINGERPRINT_BITS`] bits are packed with the word's id
//! (24 bits) into one `u32`, sorted within the bucket. A segment has about a quarter as many
//! buckets as entries, so a lookup reads a few entries per variant of the asked word,
//! whatever the size of the vocabulary. A hash collision only adds a candidate, which the
//! edit-distance check then drops (about one variant in 64 meets a stranger).
//!
//! Invariant: a word is only ever matched within its length's typo budget (see `params`).

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::text::analyzer::MAX_ANALYSED_WORD_CHARS;

use super::params::{FUZZY_MAX_CANDIDATES, FUZZY_ONE_EDIT_FROM, FUZZY_TWO_EDITS_FROM};

/// Bits of an entry that hold the word id; the rest hold the variant's hash fingerprint.
const ID_BITS: u32 = 24;
const ID_MASK: u32 = (1 << ID_BITS) - 1;
const FINGERPRINT_BITS: u32 = 32 - ID_BITS;

#[derive(Debug, Default)]
pub struct DeletionIndex {
    words: Vec<String>,
    /// Per bucket, sorted: the variant hash's fingerprint (top bits) | word id (low `ID_BITS`).
    entries: Vec<u32>,
    /// Where each bucket's entries begin in `entries` (one more at the end).
    buckets: Vec<u32>,
    /// Bits of a hash that choose its bucket.
    bucket_bits: u32,
}

impl DeletionIndex {
    fn bucket(&self, hash: u64) -> usize {
        (hash >> (64 - self.bucket_bits)) as usize
    }

    fn fingerprint(&self, hash: u64) -> u32 {
        ((hash << self.bucket_bits) >> (64 - FINGERPRINT_BITS)) as u32
    }
}

/// How many edits a word of this many characters may carry: none past
/// [`MAX_ANALYSED_WORD_CHARS`], whose deletion variants would cost too much.
pub fn typo_budget(chars: usize) -> usize {
    match chars {
        n if n > MAX_ANALYSED_WORD_CHARS => 0,
        n if n >= FUZZY_TWO_EDITS_FROM => 2,
        n if n >= FUZZY_ONE_EDIT_FROM => 1,
        _ => 0,
    }
}

impl DeletionIndex {
    /// Indexes the words (in a fixed order, so that candidates come out the same on every
    /// build); words past the 2^24th are left out.
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> DeletionIndex {
        let mut words: Vec<&str> = vocabulary.into_iter().collect();
        words.sort_unstable();
        let mut index = DeletionIndex::default();
        let mut variants = Vec::new();
        // Variant hash (its top 40 bits) | word id: sorted, they give each bucket its entries
        // in order.
        let mut hashed: Vec<u64> = Vec::new();
        for word in words {
            let chars: Vec<char> = word.chars().collect();
            let budget = typo_budget(chars.len());
            if budget == 0 || index.words.len() as u32 > ID_MASK {
                continue;
            }
            let id = index.words.len() as u32;
            index.words.push(word.to_string());
            variant_hashes(&chars, budget, &mut variants);
            hashed.extend(variants.iter().map(|&h| (h & !u64::from(ID_MASK)) | u64::from(id)));
        }
        hashed.sort_unstable();
        index.bucket_bits = (hashed.len().max(1).ilog2()).saturating_sub(2).clamp(1, 40 - FINGERPRINT_BITS);
        index.buckets = vec![0; (1 << index.bucket_bits) + 1];
        for &hash in &hashed {
            let bucket = index.bucket(hash);
            index.buckets[bucket + 1] += 1;
        }
        for b in 1..index.buckets.len() {
            index.buckets[b] += index.buckets[b - 1];
        }
        index.entries = hashed.iter().map(|&hash| (index.fingerprint(hash) << ID_BITS) | (hash as u32 & ID_MASK)).collect();
        index
    }

    /// Every indexed word within the typo budget of `word`, with its distance, unordered.
    fn within_budget(&self, word: &str) -> Vec<(&str, usize)> {
        let chars: Vec<char> = word.chars().collect();
        let budget = typo_budget(chars.len());
        if budget == 0 {
            return Vec::new();
        }
        let mut variants = Vec::new();
        variant_hashes(&chars, budget, &mut variants);
        let mut ids: Vec<u32> = Vec::new();
        for hash in variants {
            let bucket = self.bucket(hash);
            let entries = &self.entries[self.buckets[bucket] as usize..self.buckets[bucket + 1] as usize];
            let fingerprint = self.fingerprint(hash);
            ids.extend(entries.iter().filter(|&&e| e >> ID_BITS == fingerprint).map(|e| e & ID_MASK));
        }
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|id| self.words[id as usize].as_str())
            .map(|w| (w, strsim::osa_distance(word, w)))
            .filter(|&(w, d)| d > 0 && d <= budget && d <= typo_budget(w.chars().count()))
            .collect()
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    /// Approximate heap bytes (capacities), for the `memory` example.
    #[cfg(feature = "internals")]
    fn heap_bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|w| 24 + w.capacity()).sum();
        words + self.entries.capacity() * 4 + self.buckets.capacity() * 4
    }
}

/// The typo index of an index's vocabulary, in segments shared between builds: a reload
/// indexes only the words the documents did not hold before, in a new segment, and keeps the
/// segments of the index it replaces. A word a reload dropped stays in its segment but is
/// never a candidate (lookups take a test of whether the documents still hold the word), so
/// candidates are those a fresh build gives. Segments are merged into one by a fresh build
/// when there are [`MAX_SEGMENTS`], or when dropped or added words reach a quarter of them.
#[derive(Debug, Default)]
pub struct TypoIndex {
    segments: Vec<std::sync::Arc<DeletionIndex>>,
}

/// Segments a typo index may have before a build merges them.
const MAX_SEGMENTS: usize = 4;

impl TypoIndex {
    /// Approximate heap bytes of its segments, for the `memory` example.
    #[cfg(feature = "internals")]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.segments.iter().map(|s| s.heap_bytes()).sum()
    }

    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> TypoIndex {
        TypoIndex { segments: vec![std::sync::Arc::new(DeletionIndex::new(vocabulary))] }
    }

    /// The typo index of `vocabulary` (its words in id order), given the one of the vocabulary
    /// before (`was_held`: whether the word at this position of `vocabulary` was in that
    /// vocabulary).
    pub fn after<'a>(
        previous: &TypoIndex,
        vocabulary: impl Iterator<Item = &'a str> + Clone,
        was_held: impl Fn(usize) -> bool,
    ) -> TypoIndex {
        let added: Vec<&str> =
            vocabulary.clone().enumerate().filter(|&(i, _)| !was_held(i)).map(|(_, w)| w).collect();
        let indexed: usize = previous.segments.iter().map(|s| s.len()).sum();
        let held = vocabulary.clone().filter(|w| typo_budget(w.chars().count()) > 0).count();
        let dropped = indexed.saturating_sub(held - held.min(added.len()));
        let merge = previous.segments.len() >= MAX_SEGMENTS
            || previous.segments.is_empty()
            || 4 * (dropped + added.len()) >= indexed.max(1);
        if merge {
            return TypoIndex::new(vocabulary);
        }
        let mut segments = previous.segments.clone();
        if !added.is_empty() {
            segments.push(std::sync::Arc::new(DeletionIndex::new(added)));
        }
        TypoIndex { segments }
    }

    /// Words the documents hold (`is_held`) within the typo budget of `word`, closest first
    /// (then alphabetical), with their distance.
    pub fn candidates(&self, word: &str, is_held: impl Fn(&str) -> bool) -> Vec<(&str, usize)> {
        let mut found: Vec<(&str, usize)> =
            self.segments.iter().flat_map(|s| s.within_budget(word)).filter(|(w, _)| is_held(w)).collect();
        found.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        found.dedup();
        found.truncate(FUZZY_MAX_CANDIDATES);
        found
    }

    #[cfg(test)]
    fn segment_count(&self) -> usize {
        self.segments.len()
    }
}

/// Hashes of the word and of every string made by deleting up to `depth` (at most 2)
/// characters from it, sorted and without repeats.
fn variant_hashes(chars: &[char], depth: usize, out: &mut Vec<u64>) {
    out.clear();
    out.push(hash_without(chars, usize::MAX, usize::MAX));
    for i in 0..chars.len() {
        out.push(hash_without(chars, i, usize::MAX));
        if depth >= 2 {
            out.extend((i + 1..chars.len()).map(|j| hash_without(chars, i, j)));
        }
    }
    out.sort_unstable();
    out.dedup();
}

fn hash_without(chars: &[char], skip: usize, skip_too: usize) -> u64 {
    let mut hasher = FxHasher::default();
    let mut length = 0;
    for (k, &c) in chars.iter().enumerate() {
        if k != skip && k != skip_too {
            hasher.write_u32(c as u32);
            length += 1;
        }
    }
    hasher.write_usize(length);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_swaps_and_respects_length_budget() {
        let index = TypoIndex::new(["horizontale", "wijkteams", "netwerk", "wijk"]);
        let candidates = |word| index.candidates(word, |_| true);
        assert_eq!(candidates("horziontale"), [("horizontale", 1)]);
        assert_eq!(candidates("wijkteems"), [("wijkteams", 1)]);
        assert_eq!(candidates("netwrek"), [("netwerk", 1)]);
        assert!(candidates("wijn").is_empty(), "4-letter words match exactly only");
        assert!(candidates("netwrak").is_empty(), "two edits in a 7-letter word");
    }

    #[test]
    fn overlong_words_are_neither_indexed_for_typos_nor_looked_up() {
        let long = "a".repeat(1000);
        let index = DeletionIndex::new([long.as_str(), "netwerk"]);
        assert_eq!(index.words, ["netwerk"]);
        assert!(TypoIndex::new([long.as_str(), "netwerk"]).candidates(&"b".repeat(1000), |_| true).is_empty());
    }

    #[test]
    fn a_typo_index_after_a_change_gives_the_candidates_of_a_fresh_one() {
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<String>>();
        let before = words(&["horizontale", "wijkteams", "netwerk", "netwerken", "buurthuis", "vrijwilliger", "gemeente", "zorgverzekeraar", "mantelzorg"]);
        let after = words(&["horizontale", "wijkteams", "netwerken", "buurthuis", "vrijwilliger", "gemeente", "zorgverzekeraar", "mantelzorg", "netwerkt"]);
        let previous = TypoIndex::new(before.iter().map(String::as_str));
        let reused = TypoIndex::after(&previous, after.iter().map(String::as_str), |i| before.contains(&after[i]));
        assert_eq!(reused.segment_count(), 2, "the dropped and added words are under a quarter");
        let fresh = TypoIndex::new(after.iter().map(String::as_str));
        let held = |w: &str| after.contains(&w.to_string());
        for asked in ["netwrek", "netwerkn", "wijkteems", "buurthius", "mantelzrog"] {
            assert_eq!(reused.candidates(asked, held), fresh.candidates(asked, held), "{asked}");
        }
        assert!(reused.candidates("netwrek", held).iter().all(|(w, _)| *w != "netwerk"), "a dropped word");
        assert!(previous.candidates("netwrek", |_| true).iter().any(|(w, _)| *w == "netwerk"));
        let changed_a_lot = words(&["fietsstraat", "snelfietsroute", "rijstrook"]);
        let merged = TypoIndex::after(&reused, changed_a_lot.iter().map(String::as_str), |i| after.contains(&changed_a_lot[i]));
        assert_eq!(merged.segment_count(), 1, "most words changed: one fresh segment");
    }

    /// Every word within the budget, found by comparing the asked word with each word of a
    /// vocabulary large enough for many buckets (10,000 made-up words, misspelt lookups).
    #[test]
    fn candidates_are_every_word_within_the_budget_in_a_large_vocabulary() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let letters: Vec<char> = "aeiouybcdfgklmnprstvwzéë".chars().collect();
        let mut vocabulary: Vec<String> = (0..10_000)
            .map(|_| (0..4 + next(9)).map(|_| letters[next(letters.len() as u64) as usize]).collect())
            .collect();
        vocabulary.sort();
        vocabulary.dedup();
        let index = TypoIndex::new(vocabulary.iter().map(String::as_str));
        assert!(index.segments[0].bucket_bits >= 14, "a vocabulary of many buckets");
        for k in 0..120 {
            let mut asked: Vec<char> = vocabulary[next(vocabulary.len() as u64) as usize].chars().collect();
            let (len, at) = (asked.len(), next(asked.len() as u64) as usize);
            match k % 3 {
                0 => asked[at] = letters[next(letters.len() as u64) as usize],
                1 => drop(asked.remove(at)),
                _ => asked.swap(at, (at + 1) % len),
            }
            let asked: String = asked.into_iter().collect();
            let budget = typo_budget(asked.chars().count());
            let mut expected: Vec<(&str, usize)> = vocabulary
                .iter()
                .filter(|w| w.chars().count().abs_diff(asked.chars().count()) <= budget)
                .map(|w| (w.as_str(), strsim::osa_distance(&asked, w)))
                .filter(|&(w, d)| budget > 0 && d > 0 && d <= budget && d <= typo_budget(w.chars().count()))
                .collect();
            expected.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
            expected.truncate(FUZZY_MAX_CANDIDATES);
            assert_eq!(index.candidates(&asked, |_| true), expected, "{asked}");
        }
    }
}

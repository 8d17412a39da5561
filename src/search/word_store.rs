//! The passages' content words as word ids, one passage after another, packed: three bytes a
//! word while every id is below 2^24 (a vocabulary of 16.7 million words), four bytes after
//! the first id that is not. At 10,000 letters that is 18 MiB instead of 24, in the index
//! being served and again in the one a reload builds beside it.
//!
//! Invariants: `bytes` holds `len * width` bytes of ids (little-endian) followed by
//! `4 - width` zero bytes, so that any id is read as one unaligned `u32` and masked; a
//! [`Words`] view reads only ids below its store's `len`.

use std::ops::Range;

/// Packed word ids (see the module docs).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct WordStore {
    bytes: Vec<u8>,
    len: usize,
    /// Bytes a word: 3, or 4 once an id needs them.
    width: usize,
}

impl Default for WordStore {
    fn default() -> WordStore {
        WordStore { bytes: Vec::new(), len: 0, width: 3 }
    }
}

impl std::fmt::Debug for WordStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.all().iter()).finish()
    }
}

/// Largest id three bytes hold.
const THREE_BYTE_MAX: u32 = (1 << 24) - 1;

impl WordStore {
    /// Number of word ids held.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Room for `more` ids beyond those held, at the current width.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.bytes.reserve(((self.len + more) * self.width + 1).saturating_sub(self.bytes.len()));
    }

    #[inline]
    pub(crate) fn push(&mut self, id: u32) {
        if id > THREE_BYTE_MAX && self.width == 3 {
            self.widen();
        }
        // The fourth byte of a three-byte id is zero: the padding the next push overwrites.
        self.bytes.truncate(self.len * self.width);
        self.bytes.extend_from_slice(&id.to_le_bytes());
        self.len += 1;
    }

    /// Appends the ids of `source` at `range` (positions in it), each as `renumber` gives
    /// it: a reload copies an unchanged document's words this way, one run for the document.
    /// While ids fit three bytes they are written in place, four bytes at a time (the fourth
    /// is the next id's first, or the padding), without `push`'s per-id bookkeeping.
    pub(crate) fn extend_renumbered(
        &mut self,
        source: &WordStore,
        range: Range<usize>,
        mut renumber: impl FnMut(u32) -> u32,
    ) {
        let mut ids = range.map(|at| renumber(source.get(at)));
        if self.width == 3 {
            let start = self.len * 3;
            self.bytes.resize(start + ids.len() * 3 + 1, 0);
            let out = &mut self.bytes[start..];
            let mut written = 0;
            let mut wide = None;
            for id in ids.by_ref() {
                if id > THREE_BYTE_MAX {
                    wide = Some(id);
                    break;
                }
                out[written * 3..written * 3 + 4].copy_from_slice(&id.to_le_bytes());
                written += 1;
            }
            self.len += written;
            // The padding that keeps any id readable as one `u32`.
            self.bytes.truncate(self.len * 3);
            self.bytes.push(0);
            if let Some(id) = wide {
                self.push(id);
            }
        }
        ids.for_each(|id| self.push(id));
    }

    /// Appends the ids of `source` at `range` as they are (a reload that keeps the served
    /// index's word ids copies an unchanged document's words this way): one copy of bytes
    /// when both stores have the same width.
    pub(crate) fn extend_copied(&mut self, source: &WordStore, range: Range<usize>) {
        if self.width != source.width {
            return self.extend_renumbered(source, range, |id| id);
        }
        let width = self.width;
        self.bytes.truncate(self.len * width);
        self.bytes.extend_from_slice(&source.bytes[range.start * width..range.end * width]);
        self.len += range.len();
        // The padding that keeps any id readable as one `u32`.
        self.bytes.resize(self.bytes.len() + 4 - width, 0);
    }

    /// Re-packs every id in four bytes.
    #[cold]
    fn widen(&mut self) {
        let ids: Vec<u32> = self.all().iter().collect();
        self.bytes = ids.iter().flat_map(|id| id.to_le_bytes()).collect();
        self.width = 4;
    }

    /// The ids in `range` (positions in the store, as a passage's `words`).
    pub(crate) fn words(&self, range: Range<u32>) -> Words<'_> {
        debug_assert!(range.end as usize <= self.len, "words {range:?} beyond the store's {}", self.len);
        Words { store: self, range: range.start as usize..range.end as usize }
    }

    /// Every id held.
    pub(crate) fn all(&self) -> Words<'_> {
        Words { store: self, range: 0..self.len }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }

    /// Bytes allocated.
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.bytes.capacity()
    }

    /// Spare bytes allocated beyond those in use.
    pub(crate) fn spare_bytes(&self) -> usize {
        self.bytes.capacity() - self.bytes.len()
    }

    /// The id at position `at` of the store.
    #[inline]
    fn get(&self, at: usize) -> u32 {
        let start = at * self.width;
        let four: [u8; 4] = self.bytes[start..start + 4].try_into().expect("four bytes");
        let mask = if self.width == 3 { THREE_BYTE_MAX } else { u32::MAX };
        u32::from_le_bytes(four) & mask
    }
}

impl FromIterator<u32> for WordStore {
    fn from_iter<I: IntoIterator<Item = u32>>(ids: I) -> WordStore {
        let mut store = WordStore::default();
        ids.into_iter().for_each(|id| store.push(id));
        store
    }
}

/// A run of a store's word ids, such as one passage's words: indexed and iterated like a
/// slice of `u32`.
#[derive(Clone)]
pub(crate) struct Words<'a> {
    store: &'a WordStore,
    range: Range<usize>,
}

impl<'a> Words<'a> {
    pub(crate) fn len(&self) -> usize {
        self.range.len()
    }

    /// The id at `at` (below `len`).
    pub(crate) fn get(&self, at: usize) -> u32 {
        assert!(at < self.range.len(), "word {at} of {}", self.range.len());
        self.store.get(self.range.start + at)
    }

    /// The ids from `range` of this run.
    pub(crate) fn slice(&self, range: Range<usize>) -> Words<'a> {
        assert!(range.start <= range.end && range.end <= self.range.len(), "{range:?} of {}", self.range.len());
        Words { store: self.store, range: self.range.start + range.start..self.range.start + range.end }
    }

    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = u32> + ExactSizeIterator + Clone + 'a {
        let store = self.store;
        self.range.clone().map(move |at| store.get(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids come back as they were pushed, at both widths, also after the store widened.
    #[test]
    fn ids_read_back_as_pushed_before_and_after_widening() {
        let small = [0, 1, 255, 256, 65_535, 65_536, THREE_BYTE_MAX, 7];
        let mut store: WordStore = small.iter().copied().collect();
        assert_eq!(store.all().iter().collect::<Vec<_>>(), small);
        assert_eq!(store.bytes.len(), small.len() * 3 + 1, "three bytes a word and the padding");
        store.push(THREE_BYTE_MAX + 1);
        store.push(u32::MAX);
        store.push(3);
        let mut all = small.to_vec();
        all.extend([THREE_BYTE_MAX + 1, u32::MAX, 3]);
        assert_eq!(store.all().iter().collect::<Vec<_>>(), all);
        assert_eq!(store.len(), all.len());
    }

    /// Runs copied from another store through a renumbering read back renumbered, also when
    /// an id needs the fourth byte part-way through a run.
    #[test]
    fn a_renumbered_run_reads_back_as_its_ids_mapped() {
        let ids: Vec<u32> = (0..50).map(|i| i * 7_919).collect();
        let source: WordStore = ids.iter().copied().collect();
        let mut store: WordStore = [5, 6].into_iter().collect();
        store.extend_renumbered(&source, 10..20, |id| id + 1);
        let mut expected = vec![5, 6];
        expected.extend(ids[10..20].iter().map(|id| id + 1));
        assert_eq!(store.all().iter().collect::<Vec<_>>(), expected);
        store.extend_renumbered(&source, 0..0, |id| id);
        let wide = |id: u32| if id == ids[22] { THREE_BYTE_MAX + 9 } else { id };
        store.extend_renumbered(&source, 20..25, wide);
        expected.extend(ids[20..25].iter().map(|&id| wide(id)));
        store.push(4);
        expected.push(4);
        assert_eq!(store.all().iter().collect::<Vec<_>>(), expected);
        assert_eq!(store.len(), expected.len());
    }

    /// Runs copied as they are read back as in their source, at either width.
    #[test]
    fn a_copied_run_reads_back_as_in_its_source() {
        let ids: Vec<u32> = (0..30).map(|i| i * 104_729 % (1 << 24)).collect();
        let source: WordStore = ids.iter().copied().collect();
        let mut store: WordStore = [9].into_iter().collect();
        store.extend_copied(&source, 5..12);
        store.push(4);
        store.extend_copied(&source, 0..0);
        store.extend_copied(&source, 20..30);
        let mut expected = vec![9];
        expected.extend(&ids[5..12]);
        expected.push(4);
        expected.extend(&ids[20..30]);
        assert_eq!(store.all().iter().collect::<Vec<_>>(), expected);
        assert_eq!(store.len(), expected.len());
        let mut wide: WordStore = [THREE_BYTE_MAX + 1].into_iter().collect();
        wide.extend_copied(&source, 0..3);
        assert_eq!(wide.all().iter().collect::<Vec<_>>(), [THREE_BYTE_MAX + 1, ids[0], ids[1], ids[2]]);
    }

    /// A view reads its own run: indexing, slicing and iterating from either end.
    #[test]
    fn a_run_of_words_is_read_like_a_slice() {
        let ids: Vec<u32> = (0..40).map(|i| i * 1_000_003 % (1 << 24)).collect();
        let store: WordStore = ids.iter().copied().collect();
        let run = store.words(10..30);
        assert_eq!(run.len(), 20);
        assert_eq!(run.iter().collect::<Vec<_>>(), ids[10..30]);
        assert_eq!(run.iter().rev().collect::<Vec<_>>(), ids[10..30].iter().rev().copied().collect::<Vec<_>>());
        assert_eq!(run.get(5), ids[15]);
        assert_eq!(run.slice(3..8).iter().collect::<Vec<_>>(), ids[13..18]);
        assert_eq!(run.slice(20..20).len(), 0);
    }
}

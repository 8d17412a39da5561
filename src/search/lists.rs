//! One list per term, all in one allocation: the items of term 0, then term 1's, and so on,
//! with where each term's list starts (compressed sparse rows). The index keeps its postings
//! and its title and sender fields this way: per term a `Vec` would cost 24 bytes of header
//! and an allocation of its own, about 7 MiB at 10,000 letters, twice during a reload.
//!
//! Invariants: `starts` has one entry per list plus one, never decreasing, the last equal to
//! `items.len()`; a key past the last list reads as an empty list.

/// Lists by key (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lists<T> {
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Lists<T> {
        Lists { starts: vec![0], items: Vec::new() }
    }
}

impl<T> Lists<T> {
    /// Room for `lists` lists holding `items` items together.
    pub(crate) fn with_capacity(lists: usize, items: usize) -> Lists<T> {
        let mut starts = Vec::with_capacity(lists + 1);
        starts.push(0);
        Lists { starts, items: Vec::with_capacity(items) }
    }

    /// Lists of the given sizes, every item `fill` until written through [`Lists::list_mut`].
    pub(crate) fn of_sizes(sizes: &[u32], fill: T) -> Lists<T>
    where
        T: Clone,
    {
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        starts.push(0);
        starts.extend(sizes.iter().scan(0, |end, &size| {
            *end += size as usize;
            Some(*end)
        }));
        let items = vec![fill; *starts.last().expect("starts is never empty")];
        Lists { starts, items }
    }

    /// The list of `key` (below [`Lists::len`]), to write in place.
    pub(crate) fn list_mut(&mut self, key: usize) -> &mut [T] {
        let (start, end) = (self.starts[key], self.starts[key + 1]);
        &mut self.items[start..end]
    }

    /// The list of `key`; empty past the last list.
    pub(crate) fn get(&self, key: usize) -> &[T] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start..end],
            _ => &[],
        }
    }

    /// Number of lists (keys).
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Every list in key order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[T]> {
        self.starts.windows(2).map(|w| &self.items[w[0]..w[1]])
    }

    /// Items of every list together.
    pub(crate) fn total(&self) -> usize {
        self.items.len()
    }

    /// Ends the list being filled (items pushed since the last end) as the next key's.
    pub(crate) fn end_list(&mut self) {
        self.starts.push(self.items.len());
    }

    /// Adds an item to the list being filled.
    pub(crate) fn push(&mut self, item: T) {
        self.items.push(item);
    }

    /// Adds items to the list being filled.
    pub(crate) fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
    }

    /// Adds a list of items as the next key's.
    pub(crate) fn push_list(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
        self.end_list();
    }

    /// Gives back spare capacity when it is more than an eighth of what is used.
    pub(crate) fn shrink_when_spare(&mut self) {
        if self.items.capacity() > self.items.len() + self.items.len() / 8 {
            self.items.shrink_to_fit();
        }
        self.starts.shrink_to_fit();
    }

    /// Heap bytes allocated (for the `memory` example).
    #[cfg(feature = "internals")]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.starts.capacity() * size_of::<usize>() + self.items.capacity() * size_of::<T>()
    }
}

impl<T: Copy + Ord> Lists<T> {
    /// `keys` lists from (key, item) pairs in any order: each list sorted, an item held once.
    pub(crate) fn from_pairs(keys: usize, mut pairs: Vec<(u32, T)>) -> Lists<T> {
        pairs.sort_unstable();
        pairs.dedup();
        let mut lists = Lists::with_capacity(keys, pairs.len());
        let mut pairs = pairs.into_iter().peekable();
        for key in 0..keys {
            while let Some((_, item)) = pairs.next_if(|(k, _)| *k as usize == key) {
                lists.push(item);
            }
            lists.end_list();
        }
        debug_assert!(pairs.next().is_none(), "a pair's key beyond the {keys} lists");
        lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lists come back per key as they were filled; keys past the end are empty.
    #[test]
    fn lists_read_back_per_key_and_past_the_end_as_empty() {
        let mut lists = Lists::with_capacity(3, 4);
        lists.push_list([1, 2]);
        lists.push_list([]);
        lists.push(8);
        lists.end_list();
        assert_eq!(lists.len(), 3);
        assert_eq!(lists.iter().collect::<Vec<_>>(), [&[1, 2][..], &[], &[8]]);
        assert_eq!((lists.get(0), lists.get(1), lists.get(2), lists.get(3)), (&[1, 2][..], &[][..], &[8][..], &[][..]));
        assert_eq!(lists.total(), 3);
    }

    /// Lists made at their sizes and written in place read back as written.
    #[test]
    fn lists_of_sizes_are_written_in_place() {
        let mut lists = Lists::of_sizes(&[2, 0, 1], 0);
        lists.list_mut(0).copy_from_slice(&[4, 5]);
        lists.list_mut(2)[0] = 6;
        assert_eq!(lists.iter().collect::<Vec<_>>(), [&[4, 5][..], &[], &[6]]);
    }

    /// Pairs in any order make sorted lists without repeats, with empty lists between.
    #[test]
    fn pairs_make_sorted_lists_without_repeats() {
        let lists = Lists::from_pairs(4, vec![(2, 9), (0, 5), (2, 3), (0, 5), (2, 9)]);
        assert_eq!(lists.iter().collect::<Vec<_>>(), [&[5][..], &[], &[3, 9], &[]]);
    }
}

//! Distinct strings numbered in the order they are first added (the index's words and
//! stems), each kept once: their bytes one after another in one `String`, found again
//! through a hash table that holds only their ids. At 10,000 letters this holds about
//! 100,000 words in about 2 MiB, where a `Vec<String>` beside a `HashMap<String, u32>`
//! took 9 MiB (a heap block and a header per string, twice).
//!
//! Invariant: ids are `0..len()` in the order the strings were added; a string has one id.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

#[derive(Debug, Default, Clone)]
pub(crate) struct Interner {
    /// Every string, one after another.
    text: String,
    /// Where each string ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
    /// The ids, found by their string's hash.
    table: HashTable<u32>,
}

fn hash_of(s: &str) -> u64 {
    FxBuildHasher.hash_one(s)
}

/// The string `id` of `text` cut at `ends`.
fn string_at<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a str {
    let id = id as usize;
    let start = if id == 0 { 0 } else { ends[id - 1] };
    &text[start..ends[id]]
}

impl Interner {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string with this id (ids come from [`Interner::intern`] or [`Interner::get`]).
    pub(crate) fn name(&self, id: u32) -> &str {
        string_at(&self.text, &self.ends, id)
    }

    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.table.find(hash_of(s), |&id| self.name(id) == s).copied()
    }

    /// The id of `s`, given the next id when it is new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        let hash = hash_of(s);
        if let Some(id) = self.table.find(hash, |&id| self.name(id) == s) {
            return *id;
        }
        self.insert(s, hash)
    }

    /// The next id for `s`, which the caller knows is not held yet (a reload adding the
    /// words of the index being served): no search for it first.
    pub(crate) fn add_new(&mut self, s: &str) -> u32 {
        debug_assert!(self.get(s).is_none(), "{s:?} is already held");
        self.insert(s, hash_of(s))
    }

    fn insert(&mut self, s: &str, hash: u64) -> u32 {
        let Interner { text, ends, table } = self;
        let id = u32::try_from(ends.len()).expect("fewer than 2^32 distinct strings");
        table.insert_unique(hash, id, |&id| hash_of(string_at(text, ends, id)));
        text.push_str(s);
        ends.push(text.len());
        id
    }

    /// Room for `more` strings of `bytes` bytes in all beyond those held.
    pub(crate) fn reserve(&mut self, more: usize, bytes: usize) {
        let Interner { text, ends, table } = self;
        text.reserve(bytes);
        ends.reserve(more);
        table.reserve(more, |&id| hash_of(string_at(text, ends, id)));
    }

    /// Bytes of all the strings held.
    pub(crate) fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The strings in id order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        (0..self.len() as u32).map(|id| self.name(id))
    }

    /// Gives back spare capacity (a build's table is kept for as long as it serves).
    pub(crate) fn shrink_to_fit(&mut self) {
        let Interner { text, ends, table } = self;
        text.shrink_to_fit();
        ends.shrink_to_fit();
        table.shrink_to_fit(|&id| hash_of(string_at(text, ends, id)));
    }

    /// Approximate heap bytes, for the `memory` example.
    #[cfg(feature = "internals")]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 8 + self.table.capacity() * 5
    }
}

impl PartialEq for Interner {
    fn eq(&self, other: &Interner) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_keep_the_id_they_were_first_given() {
        let mut interner = Interner::default();
        let words = ["wijk", "", "wijkteam", "ß", "wijk", "zorg", "wijkteam", "één"];
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 0, 4, 2, 5]);
        assert_eq!(interner.iter().collect::<Vec<_>>(), ["wijk", "", "wijkteam", "ß", "zorg", "één"]);
        assert_eq!(interner.get("zorg"), Some(4));
        assert_eq!(interner.get("wij"), None, "a prefix of a string is not that string");
        interner.shrink_to_fit();
        assert_eq!((interner.get("één"), interner.name(5)), (Some(5), "één"));
        let many: Vec<String> = (0..5_000).map(|n| format!("woord{n}")).collect();
        for word in &many {
            interner.intern(word);
        }
        assert!(many.iter().enumerate().all(|(n, w)| interner.get(w) == Some(6 + n as u32)));
    }
}

//! Sets of passage slots as bits over a range of slots: candidates are gathered from many
//! postings lists without sorting them, and a posting's candidate (its place among the sorted
//! candidates) is found in constant time, so walking a postings list beside the candidates
//! costs the length of the list, not of the candidates.

use std::ops::Range;

/// Slots within `start..` one bit each, with the number of slots before each word of bits.
#[derive(Debug, Default)]
pub(super) struct SlotSet {
    start: u32,
    end: u32,
    bits: Vec<u64>,
    /// Per word of bits: the set bits in the words before it (filled by [`SlotSet::ranked`]).
    before: Vec<u32>,
}

impl SlotSet {
    /// An empty set that can hold the slots of `range`.
    pub(super) fn within(range: Range<u32>) -> SlotSet {
        let words = (range.end.saturating_sub(range.start) as usize).div_ceil(64);
        SlotSet { start: range.start, end: range.end, bits: vec![0; words], before: Vec::new() }
    }

    /// The set of these sorted slots, ready for [`SlotSet::position`].
    pub(super) fn of_sorted(slots: &[u32]) -> SlotSet {
        let (Some(&first), Some(&last)) = (slots.first(), slots.last()) else { return SlotSet::default() };
        let mut set = SlotSet::within(first..last + 1);
        slots.iter().for_each(|&slot| set.insert(slot));
        set.ranked()
    }

    /// Adds a slot; one outside the set's range is left out.
    pub(super) fn insert(&mut self, slot: u32) {
        if (self.start..self.end).contains(&slot) {
            let k = slot - self.start;
            self.bits[k as usize / 64] |= 1 << (k % 64);
        }
    }

    /// The slots, sorted.
    pub(super) fn to_sorted(&self) -> Vec<u32> {
        let mut slots = Vec::with_capacity(self.bits.iter().map(|w| w.count_ones() as usize).sum());
        for (i, &word) in self.bits.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                slots.push(self.start + i as u32 * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
        slots
    }

    fn ranked(mut self) -> SlotSet {
        let mut count = 0;
        self.before = self
            .bits
            .iter()
            .map(|word| {
                let before = count;
                count += word.count_ones();
                before
            })
            .collect();
        self
    }

    /// The place of `slot` among the set's slots in order, when it is one of them.
    pub(super) fn position(&self, slot: u32) -> Option<usize> {
        let k = slot.checked_sub(self.start)?;
        let (word, bit) = (k as usize / 64, k % 64);
        let bits = *self.bits.get(word)?;
        (bits & (1 << bit) != 0).then(|| (self.before[word] + (bits & ((1 << bit) - 1)).count_ones()) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_come_out_sorted_once_each_and_are_found_at_their_place() {
        let mut set = SlotSet::within(10..300);
        for slot in [250, 12, 64, 12, 75, 299, 9, 300] {
            set.insert(slot);
        }
        let sorted = set.to_sorted();
        assert_eq!(sorted, [12, 64, 75, 250, 299], "outside the range left out, twice kept once");
        let ranked = SlotSet::of_sorted(&sorted);
        for (i, &slot) in sorted.iter().enumerate() {
            assert_eq!(ranked.position(slot), Some(i));
        }
        assert_eq!(ranked.position(13), None);
        assert_eq!(ranked.position(5), None);
        assert_eq!(ranked.position(1000), None);
    }
}

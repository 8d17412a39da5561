//! Whether two words are one edit apart, without allocating: the test a question word's slip
//! (`wanner` for `wanneer`) is found by, run against every word the question types know.
//!
//! Invariant: [`one_edit_apart`] is true exactly when `strsim::osa_distance` is 1 (one
//! deletion, insertion or substitution of a character, or two neighbouring characters
//! swapped), counted in characters, not bytes.

/// Whether `a` and `b` are exactly one edit apart (see the module's invariant).
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let prefix = common_prefix(a, b);
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = common_suffix(a, b);
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let mut left = a.chars();
    let mut right = b.chars();
    match (left.next(), left.next(), left.next(), right.next(), right.next(), right.next()) {
        // A character deleted, inserted or changed.
        (_, None, _, _, None, _) => true,
        // Two neighbouring characters swapped.
        (Some(x), Some(y), None, Some(u), Some(v), None) => x == v && y == u,
        _ => false,
    }
}

/// Bytes of the characters `a` and `b` begin with in common.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).find(|&((_, x), y)| x != y).map_or(a.len().min(b.len()), |((at, _), _)| at)
}

/// Bytes of the characters `a` and `b` end with in common.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut same = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        same += x.len_utf8();
    }
    same
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart_agrees_with_strsim_on_every_pair_of_short_words() {
        // Every word of up to four characters over letters that include multi-byte ones,
        // against every other: all edits, swaps and their near misses meet here.
        let letters = ['a', 'b', 'é', 'ë'];
        let mut words = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last.iter().flat_map(|w| letters.iter().map(move |c| format!("{w}{c}"))).collect();
            words.extend(last.iter().cloned());
        }
        let mut ones = 0;
        for a in &words {
            for b in &words {
                let expected = strsim::osa_distance(a, b) == 1;
                assert_eq!(one_edit_apart(a, b), expected, "{a:?} {b:?}");
                ones += usize::from(expected);
            }
        }
        assert!(ones > 5_000, "the pairs one edit apart are many: {ones}");
    }

    #[test]
    fn words_far_apart_in_length_are_not_one_edit_apart() {
        assert!(!one_edit_apart("wanneer", "wanneer"));
        assert!(one_edit_apart("wanner", "wanneer"));
        assert!(one_edit_apart("breif", "brief"));
        assert!(!one_edit_apart("brief", "briefwisseling"));
    }
}

//! Joining the lines of a block, undoing end-of-line hyphenation.

use crate::text::{fold, is_acronym, lexicon::Lexicon};

/// Words after a hyphen that show it ends a shared first part (`wet- en regelgeving`).
const CONJUNCTIONS: [&str; 5] = ["en", "of", "tot", "and", "or"];

/// Joins lines with `separator`, except after an end-of-line hyphen: the hyphen is dropped
/// (`achter-` + `grond`) unless it belongs to the word (`ICT-toepassingen`, `Doe-Democratie`,
/// `wet- en`). The result is allocated once, at the size of the lines joined.
pub fn join_lines<'a>(lines: impl Iterator<Item = &'a str> + Clone, separator: &str, lexicon: &Lexicon) -> String {
    let mut out = String::with_capacity(lines.clone().map(|line| line.len() + separator.len()).sum());
    for line in lines {
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        match hyphen_join(&out, line, lexicon) {
            HyphenJoin::Drop => {
                out.pop();
            }
            HyphenJoin::Keep => {}
            HyphenJoin::NotHyphenated => out.push_str(separator),
            HyphenJoin::KeepWithSpace => out.push(' '),
        }
        out.push_str(line);
    }
    out
}

#[derive(Debug, PartialEq, Eq)]
enum HyphenJoin {
    NotHyphenated,
    Drop,
    Keep,
    KeepWithSpace,
}

fn hyphen_join(before: &str, next: &str, lexicon: &Lexicon) -> HyphenJoin {
    let Some(stem) = before.strip_suffix('-') else { return HyphenJoin::NotHyphenated };
    let first_part: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    if first_part.is_empty() || next_word.is_empty() {
        return HyphenJoin::NotHyphenated;
    }
    if CONJUNCTIONS.contains(&next_word.as_str()) {
        return HyphenJoin::KeepWithSpace;
    }
    let keeps_hyphen = is_acronym(&first_part)
        || first_part.chars().any(|c| c.is_ascii_digit())
        || next_word.chars().next().is_some_and(char::is_uppercase);
    if keeps_hyphen {
        return HyphenJoin::Keep;
    }
    let joined = fold(&format!("{first_part}{next_word}"));
    let hyphenated_parts_are_words =
        lexicon.contains(&fold(&first_part)) && lexicon.contains(&fold(&next_word));
    if !lexicon.contains(&joined)
        && hyphenated_parts_are_words
        && first_part.ends_with(is_vowel)
        && next_word.starts_with(is_vowel)
    {
        // Dutch keeps the hyphen where two vowels would clash (`zee-egel`).
        return HyphenJoin::Keep;
    }
    HyphenJoin::Drop
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(lines: &[&str]) -> String {
        join_lines(lines.iter().copied(), " ", &Lexicon::default())
    }

    #[test]
    fn joins_word_broken_at_line_end() {
        assert_eq!(join(&["tegen de achter-", "grond van"]), "tegen de achtergrond van");
        assert_eq!(join(&["professi-", "onals"]), "professionals");
    }

    #[test]
    fn keeps_hyphens_that_belong_to_the_word() {
        assert_eq!(join(&["andere ICT-", "toepassingen"]), "andere ICT-toepassingen");
        assert_eq!(join(&["in wet-", "en regelgeving"]), "in wet- en regelgeving");
        assert_eq!(join(&["nota Doe-", "Democratie"]), "nota Doe-Democratie");
        assert_eq!(join(&["zee-", "egel"]), "zee-egel");
    }

    #[test]
    fn plain_lines_get_the_separator() {
        assert_eq!(join(&["een", "twee"]), "een twee");
        assert_eq!(join(&["buren —", "andere"]), "buren — andere");
    }
}

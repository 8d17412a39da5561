//! The infix `ge` of a participle, and the words whose `ge` only looks like one.
//!
//! Kraaij-Pohlmann drops the first `ge` after a word's first letter whenever enough of the
//! word follows it (its `Lose_infix` step), to bring `aangegeven` to `aangeven`. Dutch puts
//! that infix only after a separable particle (`aan`, `op`, `terug`), so the rule also cuts
//! words whose `ge` is their own: `begeleiding` became `beleid` (policy), `regelgeving`
//! `relgeef`, `taalgebruik` `taalbruik`, `tegengaan` `tengaan`. Such a word keeps its `ge`
//! here: the stemmer is given the word with that `ge` marked, and the mark is undone after.
//!
//! Invariant: a word whose `ge` follows a particle is stemmed exactly as before.

/// Dutch separable particles, single and joined (`vooraf`, `bijeen`): the words a
/// participle's infix `ge` follows (`aan-ge-geven`, `terug-ge-komen`, `vooraf-ge-gaan`).
const PARTICLES: [&str; 41] = [
    "aan", "af", "bij", "binnen", "buiten", "door", "in", "langs", "los", "mee", "na", "neer", "om",
    "onder", "op", "over", "rond", "tegen", "terug", "thuis", "toe", "uit", "vast", "voor", "voorbij",
    "weg", "achter", "samen", "tegemoet", "teweeg", "open", "dicht", "vrij", "stil", "klaar", "vooraf",
    "bijeen", "uiteen", "aaneen", "terecht", "voort",
];

/// Whether `word` is a separable particle (`aan`, `op`, `terug`).
pub(super) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// What stands for an own `ge`'s `e` while the stemmer runs: a letter its rules do not read
/// as `e`, undone in the stem.
const MARK: char = 'é';

/// Where the stemmer would take an infix `ge` for a participle's: the first `ge` after the
/// first letter, with at least three letters after it, among them a vowel and then a
/// consonant.
fn infix_ge(word: &str) -> Option<usize> {
    if !word.is_ascii() || word.len() < 2 {
        return None;
    }
    let at = word[1..].find("ge")? + 1;
    let rest = &word.as_bytes()[at + 2..];
    let vowel = |c: &u8| b"aeiouy".contains(c);
    let first_vowel = rest.iter().position(vowel).filter(|_| rest.len() >= 3)?;
    rest[first_vowel + 1..].iter().any(|c| !vowel(c)).then_some(at)
}

/// The word to give the stemmer: with an own infix `ge` marked (`begéleiding`), or `None`
/// when the word has no infix `ge` or its `ge` follows a particle.
pub(super) fn marked(word: &str) -> Option<String> {
    let at = infix_ge(word)?;
    if is_particle(&word[..at]) {
        return None;
    }
    Some(format!("{}g{MARK}{}", &word[..at], &word[at + 2..]))
}

/// The stem of a marked word, the mark undone.
pub(super) fn unmarked(stem: &str) -> String {
    stem.replace(MARK, "e")
}

#[cfg(test)]
mod tests {
    use crate::text::analyzer::Analyzer;

    #[test]
    fn an_own_infix_ge_stays_and_a_participles_goes() {
        let analyzer = Analyzer::default();
        let stem = |w: &str| analyzer.stem(w);
        assert_eq!(stem("begeleiding"), "begeleid");
        assert_ne!(stem("begeleiding"), stem("beleid"));
        assert_eq!(stem("regelgeving"), stem("regelgevingen"));
        assert!(stem("regelgeving").starts_with("regelge"), "{}", stem("regelgeving"));
        assert_eq!(stem("taalgebruik"), "taalgebruik");
        assert_eq!(stem("tegengaan"), "tegengaan");
        // After a particle the infix is a participle's, as before.
        assert_eq!(stem("aangegeven"), stem("aangeven"));
        assert_eq!(stem("teruggekomen"), stem("terugkomen"));
        // No infix rule applies where too little follows the `ge`.
        assert_eq!(stem("wegen"), "weeg");
    }
}
